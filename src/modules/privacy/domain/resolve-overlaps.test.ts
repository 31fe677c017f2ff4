import { describe, expect, it } from 'vitest';
import { resolveOverlaps } from './resolve-overlaps.ts';
import type { Finding } from './finding.ts';

const f = (type: Finding['type'], start: number, end: number, severity: Finding['severity'] = 'block'): Finding => ({
  type, start, end, severity, text: '', suggestion: '',
});

describe('resolveOverlaps', () => {
  it('keeps block over warn, then the longer span', () => {
    expect(resolveOverlaps([f('sensitive_word', 0, 10, 'warn'), f('mobile_phone', 2, 13)])).toEqual([f('mobile_phone', 2, 13)]);
    expect(resolveOverlaps([f('mobile_phone', 5, 16), f('email', 5, 24)])).toEqual([f('email', 5, 24)]);
  });

  it('drops a finding that would replace only some of the findings it overlaps', () => {
    const kept = [f('mobile_phone', 0, 11), f('mobile_phone', 12, 23)];
    expect(resolveOverlaps([...kept, f('sensitive_word', 5, 15, 'warn')])).toEqual(kept);
  });

  it('sorts by start', () => {
    expect(resolveOverlaps([f('email', 30, 40), f('id_card', 0, 18)]).map((x) => x.start)).toEqual([0, 30]);
  });
});
