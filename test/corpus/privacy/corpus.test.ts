import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { buildCorpus, CASES_FILE, toJsonl } from './generate-corpus.ts';

describe('the privacy scanner corpus', () => {
  it('is what the generator produces (regenerate with node --import tsx test/corpus/privacy/generate-corpus.ts)', async () => {
    const checkedIn = await readFile(CASES_FILE, 'utf8');
    expect(toJsonl(await buildCorpus()) === checkedIn).toBe(true);
  });

  it('labels spans that hold exactly the marked text, with positives, negatives and near misses from every source', async () => {
    const cases = await buildCorpus();
    for (const c of cases) for (const e of c.expected) expect(c.text.slice(e.start, e.end), c.id).toBe(e.text);
    const sources = new Set(cases.map((c) => c.source));
    expect([...sources].sort()).toEqual(['docx', 'html', 'pdf', 'prose', 'table', 'xlsx']);
    expect(cases.filter((c) => c.kind === 'negative').length).toBeGreaterThanOrEqual(150);
    expect(cases.filter((c) => c.kind === 'near_miss').length).toBeGreaterThanOrEqual(50);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
  });
});
