import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { buildDeps } from '../../../../test/support/factories.ts';
import { visitorsOfEarlierCounts } from './074-search-term-visitors.ts';

describeEachDialect('migration 074: the visitors of search terms counted before visitors were', (db) => {
  it('gives each term one visitor a day it was searched (the fewest it can have had), under one scope, so one person’s repeated searches are never shown', async () => {
    const deps = buildDeps(db(), '2026-12-10T02:00:00Z');
    // Rows as a database before 074 holds them: searches only.
    const before = [
      ['2026-12-01', '张三丰住址', 0, 3, 3], // one visitor loading the page three times
      ['2026-12-01', '槐店镇', 0, 2, 0],
      ['2026-12-01', '槐店镇', 7, 1, 1], // the same day in another scope: found nothing there
      ['2026-12-02', '槐店镇', 7, 4, 0],
      ['2026-12-03', '槐店镇', 0, 1, 1],
    ] as const;
    await deps.db.insertInto('search_terms').values(before.map(([searched_on, term, organ_id, searches, zero_results]) => ({ searched_on, term, organ_id, searches, zero_results, visitors: 0, zero_visitors: 0 }))).execute();
    await visitorsOfEarlierCounts(deps.db);
    const rows = await deps.db.selectFrom('search_terms').select(['searched_on', 'term', 'organ_id', 'searches', 'zero_results', 'visitors', 'zero_visitors'])
      .execute();
    const key = (r: (typeof rows)[number]) => `${r.term} ${r.searched_on} ${r.organ_id}`;
    expect(rows.sort((a, b) => (key(a) < key(b) ? -1 : 1)).map((r) => [r.searched_on, r.term, Number(r.organ_id), Number(r.searches), Number(r.zero_results), Number(r.visitors), Number(r.zero_visitors)])).toEqual([
      ['2026-12-01', '张三丰住址', 0, 3, 3, 1, 1],
      ['2026-12-01', '槐店镇', 0, 2, 0, 1, 0],
      ['2026-12-01', '槐店镇', 7, 1, 1, 0, 1],
      ['2026-12-02', '槐店镇', 7, 4, 0, 1, 0],
      ['2026-12-03', '槐店镇', 0, 1, 1, 1, 1],
    ]);
    await deps.db.deleteFrom('search_terms').execute();
  });
});
