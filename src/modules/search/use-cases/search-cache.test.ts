import { describe, expect, it } from 'vitest';
import type { SearchRequest } from '../domain/search-request.ts';
import { KeptPerVersion, searchKeyOf } from './search-cache.ts';
import type { SearchResult } from './search-publications.ts';

/** A cache over a search that records what it was asked, with a version the test moves. */
function setUp(maxEntries?: number) {
  const state = { version: 1, runs: [] as string[], fail: false };
  const kept = new KeptPerVersion<SearchResult>({ readVersion: async () => ({ version: state.version, changedAt: '2026-12-04T00:00:00Z' }), maxEntries });
  const search = async (req: SearchRequest) => {
    state.runs.push(req.q);
    await new Promise((r) => setImmediate(r));
    if (state.fail) throw new Error('数据库不可用');
    return { total: state.runs.length, q: req.q } as unknown as SearchResult;
  };
  // As cachedSearch uses it: the request's key, searchPublications run on a miss.
  const cache = { search: (req: SearchRequest) => kept.get(searchKeyOf(req), () => search(req)), get size() { return kept.size; } };
  return { state, cache };
}
const req = (q: string, over: Partial<SearchRequest> = {}): SearchRequest => ({ q, sort: 'relevance', page: 1, pageSize: 10, filters: { scopeOrganId: null }, ...over });

describe('search results kept per content version', () => {
  it('answers a repeated search from memory until the content version moves', async () => {
    const { state, cache } = setUp();
    const first = await cache.search(req('危房'));
    expect(await cache.search(req('危房'))).toBe(first);
    expect(state.runs).toEqual(['危房']);
    state.version = 2;
    const after = await cache.search(req('危房'));
    expect(after).not.toBe(first);
    expect(state.runs).toEqual(['危房', '危房']);
  });

  it('tells requests apart by every field and filter, and treats an undefined filter as absent', async () => {
    const { state, cache } = setUp();
    await cache.search(req('危房'));
    await cache.search(req('危房', { sort: 'newest' }));
    await cache.search(req('危房', { page: 2 }));
    await cache.search(req('危房', { pageSize: 20 }));
    await cache.search(req('危房', { filters: { scopeOrganId: 3 } }));
    await cache.search(req('危房', { filters: { scopeOrganId: null, year: 2025 } }));
    await cache.search(req('危房', { filters: { scopeOrganId: null, stage: 'result' } }));
    expect(state.runs).toHaveLength(7);
    await cache.search(req('危房', { filters: { scopeOrganId: null, year: undefined, genre: undefined } }));
    await cache.search(req('危房', { filters: { year: 2025, scopeOrganId: null } }));
    expect(state.runs).toHaveLength(7);
  });

  it('runs identical searches arriving together once, and keeps no failed run', async () => {
    const { state, cache } = setUp();
    const burst = await Promise.all(Array.from({ length: 50 }, () => cache.search(req('公租房'))));
    expect(state.runs).toEqual(['公租房']);
    expect(new Set(burst).size).toBe(1);
    state.fail = true;
    await expect(cache.search(req('棚改'))).rejects.toThrow('数据库不可用');
    state.fail = false;
    await cache.search(req('棚改'));
    expect(state.runs).toEqual(['公租房', '棚改', '棚改']);
  });

  it('keeps at most maxEntries results, dropping the least recently used', async () => {
    const { state, cache } = setUp(2);
    await cache.search(req('甲'));
    await cache.search(req('乙'));
    await cache.search(req('甲')); // 甲 is now the more recent
    await cache.search(req('丙')); // drops 乙
    expect(cache.size).toBe(2);
    await cache.search(req('甲'));
    expect(state.runs).toEqual(['甲', '乙', '丙']);
    await cache.search(req('乙'));
    expect(state.runs).toEqual(['甲', '乙', '丙', '乙']);
  });
});
