import { describe, expect, it } from 'vitest';
import { scanText } from '../../../src/modules/privacy/domain/scan-text.ts';
import { rosterCases } from './roster-cases.ts';

describe('名单 tables of a 住建局 (issue 9: a mobile number under 联系电话 whatever its segment)', () => {
  it('finds every mobile number of every roster, at its exact span, and nothing in the negatives', async () => {
    const cases = await rosterCases();
    expect(cases.filter((c) => c.kind === 'positive').length).toBeGreaterThanOrEqual(10);
    expect(cases.filter((c) => c.kind === 'negative').length).toBeGreaterThanOrEqual(3);
    for (const c of cases) {
      const found = scanText(c.text).map((f) => ({ type: f.type, start: f.start, end: f.end, text: f.text }));
      expect(found, c.id).toEqual(c.expected);
    }
  });
});
