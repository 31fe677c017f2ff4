import { describe, expect, it } from 'vitest';
import { isTag, scopeTags, tagsOf } from './filter-tags.ts';

describe('filter tags', () => {
  it('are tags for every item, also one without a 体裁 (imported items may have none)', () => {
    for (const t of tagsOf({ organId: 7, stage: 'execution', genre: '', validity: 'valid' })) expect(isTag(t), JSON.stringify(t)).toBe(true);
  });
  it('are never a word a query can hold', () => {
    expect(isTag('监督')).toBe(false);
    expect(isTag('o12')).toBe(false);
    expect(isTag("\uE001o1' | 'x")).toBe(false);
  });
  it('ask for one of the organs and every other filter given', () => {
    expect(scopeTags({ organIds: [1, 2], stage: 'result' })).toEqual([['\uE001o1', '\uE001o2'], [`\uE001s${Buffer.from('result').toString('hex')}`]]);
    expect(scopeTags({ organIds: null })).toEqual([]);
  });
});
