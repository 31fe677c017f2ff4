import { expect } from 'vitest';
import type { AppDeps } from '../../src/platform/app-deps.ts';
import { parseQuery } from '../../src/modules/search/domain/parse-query.ts';
import { jiebaSegmenter } from '../../src/modules/search/segmenter/jieba-segmenter.ts';
import { FEWER_WORDS_MAX_COUNTS, fewerWordsOffers, type CountOf } from '../../src/modules/search/use-cases/search-offers.ts';
import { searchPublications } from '../../src/modules/search/use-cases/search-publications.ts';

/** The fewer-keywords offers' counter over the real search, keeping every query it was asked (in `counted`). */
export function countingSearch(deps: AppDeps): { counted: string[]; countOf: CountOf } {
  const counted: string[] = [];
  const countOf: CountOf = async (s, scopeOrganId) => {
    counted.push(s);
    return (await searchPublications(deps, { q: s, filters: { scopeOrganId }, sort: 'relevance', page: 1, pageSize: 10 }, { noSuggestion: true, countOnly: true })).total;
  };
  return { counted, countOf };
}

/** For each query typed: at most FEWER_WORDS_MAX_COUNTS counts, none asked twice, no offer of more than six words. */
export async function expectFewerWordsBounded(deps: AppDeps, typed: string[]): Promise<void> {
  const { counted, countOf } = countingSearch(deps);
  for (const t of typed) {
    counted.length = 0;
    const offers = await fewerWordsOffers(parseQuery(t), null, countOf, jiebaSegmenter());
    expect(counted.length, t).toBeLessThanOrEqual(FEWER_WORDS_MAX_COUNTS);
    expect(new Set(counted).size, t).toBe(counted.length);
    for (const o of offers) expect(o.q.split(' ').length, t).toBeLessThanOrEqual(6);
  }
}
