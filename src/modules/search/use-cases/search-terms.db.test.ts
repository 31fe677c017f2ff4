import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { buildDeps, createOrgan } from '../../../../test/support/factories.ts';
import { parseQuery } from '../domain/parse-query.ts';
import { SearchTermCounter, searchTermReport } from './search-terms.ts';

const MINE = ['公租房', '不存在的东西', '13800138000', '110105194912310021', '棚户区改造', 'ppp项目', 'PPP项目', '张某某的房子', '危房改造补助'];

describeEachDialect('search terms counted in memory, written in batches', (db) => {
  const stored = async (deps: ReturnType<typeof buildDeps>, terms: string[]) =>
    (await deps.db.selectFrom('search_terms').select(['searched_on', 'term', 'organ_id', 'searches', 'zero_results']).where('term', 'in', terms).orderBy('searched_on').orderBy('term').orderBy('organ_id').execute())
      .map((r) => ({ ...r, searches: Number(r.searches), zero_results: Number(r.zero_results) }));

  it('adds a burst of searches to the stored counts in one write, by China day, term and scope, and counts no personal data', async () => {
    const deps = buildDeps(db(), '2026-05-01T15:30:00Z'); // 23:30 on 1 May in China
    const organ = await createOrgan(deps);
    const terms = new SearchTermCounter(deps, 60_000);
    const q = (text: string) => parseQuery(text);
    for (let i = 0; i < 5; i++) terms.count(q('公租房'), null, 3);
    terms.count(q('公租房'), organ.id, 3);
    terms.count(q('不存在的东西'), null, 0);
    expect(terms.count(q('13800138000'), null, 0)).toBe(false); // a phone number is never counted
    expect(terms.count(q('110105194912310021'), null, 0)).toBe(false); // nor a mistyped ID number
    terms.count(q('PPP项目'), null, 1);
    terms.count(q('ppp项目'), null, 1); // one term however it is cased
    expect(await stored(deps, MINE)).toEqual([]); // nothing written per search
    await terms.flush();
    deps.clock.set('2026-05-01T16:30:00Z'); // 00:30 on 2 May in China: another day's row
    terms.count(q('公租房'), null, 0);
    terms.count(q('不存在的东西'), null, 0);
    await terms.flush();
    await terms.flush(); // nothing left: nothing added twice
    expect(await stored(deps, MINE)).toEqual([
      { searched_on: '2026-05-01', term: 'ppp项目', organ_id: 0, searches: 2, zero_results: 0 },
      { searched_on: '2026-05-01', term: '不存在的东西', organ_id: 0, searches: 1, zero_results: 1 },
      { searched_on: '2026-05-01', term: '公租房', organ_id: 0, searches: 5, zero_results: 0 },
      { searched_on: '2026-05-01', term: '公租房', organ_id: organ.id, searches: 1, zero_results: 0 },
      { searched_on: '2026-05-02', term: '不存在的东西', organ_id: 0, searches: 1, zero_results: 1 },
      { searched_on: '2026-05-02', term: '公租房', organ_id: 0, searches: 1, zero_results: 1 },
    ]);
    // A second server (another counter on the same database) adds to the same rows.
    const other = new SearchTermCounter(deps, 60_000);
    other.count(q('公租房'), null, 2);
    await other.flush();
    other.count(q('不存在的东西'), null, 0);
    await other.flush();
    const report = await searchTermReport(deps, { days: 7, organIds: null });
    expect(report.popular[0]).toEqual({ term: '公租房', searches: 8, zeroResults: 1 });
    expect(report.zero.map((t) => t.term)).toEqual(['不存在的东西', '公租房']);
    await deps.db.deleteFrom('search_terms').where('term', 'in', MINE).execute();
  });

  it('shows a term only once several searches were made with it, so what one person typed about themselves stays out of view', async () => {
    const deps = buildDeps(db(), '2026-05-01T02:00:00Z');
    const organ = await createOrgan(deps);
    const terms = new SearchTermCounter(deps, 60_000);
    const report = async () => {
      await terms.flush();
      const r = await searchTermReport(deps, { days: 7, organIds: null });
      return { popular: r.popular.map((t) => t.term).filter((t) => MINE.includes(t)), zero: r.zero.map((t) => t.term).filter((t) => MINE.includes(t)) };
    };
    terms.count(parseQuery('张某某的房子'), null, 0);
    terms.count(parseQuery('张某某的房子'), organ.id, 0);
    terms.count(parseQuery('危房改造补助'), null, 4);
    deps.clock.set('2026-05-03T02:00:00Z');
    terms.count(parseQuery('危房改造补助'), null, 0);
    expect(await report()).toEqual({ popular: [], zero: [] }); // two searches each: not shown
    terms.count(parseQuery('危房改造补助'), organ.id, 5); // the third, in another scope and day
    expect(await report()).toEqual({ popular: ['危房改造补助'], zero: ['危房改造补助'] });
    const stored = await deps.db.selectFrom('search_terms').select('term').where('term', '=', '张某某的房子').execute();
    expect(stored.length).toBe(2); // still counted: shown once others search for it too
    await deps.db.deleteFrom('search_terms').where('term', 'in', MINE).execute();
  });

  it('writes on its own after the interval', async () => {
    const deps = buildDeps(db());
    const terms = new SearchTermCounter(deps, 20);
    terms.count(parseQuery('棚户区改造'), null, 1);
    await expect.poll(async () => (await stored(deps, MINE)).map((r) => [r.term, r.searches]), { interval: 10, timeout: 5_000 }).toEqual([['棚户区改造', 1]]);
    await deps.db.deleteFrom('search_terms').where('term', 'in', MINE).execute();
  });
});
