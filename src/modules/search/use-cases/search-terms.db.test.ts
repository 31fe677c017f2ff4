import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { buildDeps, createOrgan } from '../../../../test/support/factories.ts';
import { parseQuery } from '../domain/parse-query.ts';
import { SearchTermCounter, searchTermReport, type SearchVisitor } from './search-terms.ts';

const MINE = ['公租房', '不存在的东西', '13800138000', '110105194912310021', '棚户区改造', 'ppp项目', 'PPP项目', '张某某的房子', '危房改造补助', '张三丰住址', '槐店镇'];

/** A visitor as the server sees one: an address and a browser. */
const visitor = (n: number, userAgent = 'Mozilla/5.0 (Windows NT 10.0) Chrome/131'): SearchVisitor => ({ address: `10.9.0.${n}`, userAgent });
const ME = visitor(1);

describeEachDialect('search terms counted in memory, written in batches', (db) => {
  const stored = async (deps: ReturnType<typeof buildDeps>, terms: string[]) =>
    (await deps.db.selectFrom('search_terms').select(['searched_on', 'term', 'organ_id', 'searches', 'zero_results', 'visitors', 'zero_visitors']).where('term', 'in', terms).orderBy('searched_on').orderBy('term').orderBy('organ_id').execute())
      .map((r) => ({ ...r, searches: Number(r.searches), zero_results: Number(r.zero_results), visitors: Number(r.visitors), zero_visitors: Number(r.zero_visitors) }));

  it('adds a burst of searches to the stored counts in one write, by China day, term and scope, and counts no personal data', async () => {
    const deps = buildDeps(db(), '2026-05-01T15:30:00Z'); // 23:30 on 1 May in China
    const organ = await createOrgan(deps);
    const terms = new SearchTermCounter(deps, 60_000);
    const q = (text: string) => parseQuery(text);
    for (let i = 0; i < 5; i++) terms.count(q('公租房'), null, 3, visitor(i));
    terms.count(q('公租房'), organ.id, 3, visitor(9));
    terms.count(q('不存在的东西'), null, 0, ME);
    expect(terms.count(q('13800138000'), null, 0, ME)).toBe(false); // a phone number is never counted
    expect(terms.count(q('110105194912310021'), null, 0, ME)).toBe(false); // nor a mistyped ID number
    terms.count(q('PPP项目'), null, 1, visitor(1));
    terms.count(q('ppp项目'), null, 1, visitor(2)); // one term however it is cased
    expect(await stored(deps, MINE)).toEqual([]); // nothing written per search
    await terms.flush();
    deps.clock.set('2026-05-01T16:30:00Z'); // 00:30 on 2 May in China: another day's row
    terms.count(q('公租房'), null, 0, ME);
    terms.count(q('不存在的东西'), null, 0, ME);
    await terms.flush();
    await terms.flush(); // nothing left: nothing added twice
    expect(await stored(deps, MINE)).toEqual([
      { searched_on: '2026-05-01', term: 'ppp项目', organ_id: 0, searches: 2, zero_results: 0, visitors: 2, zero_visitors: 0 },
      { searched_on: '2026-05-01', term: '不存在的东西', organ_id: 0, searches: 1, zero_results: 1, visitors: 1, zero_visitors: 1 },
      { searched_on: '2026-05-01', term: '公租房', organ_id: 0, searches: 5, zero_results: 0, visitors: 5, zero_visitors: 0 },
      { searched_on: '2026-05-01', term: '公租房', organ_id: organ.id, searches: 1, zero_results: 0, visitors: 1, zero_visitors: 0 },
      { searched_on: '2026-05-02', term: '不存在的东西', organ_id: 0, searches: 1, zero_results: 1, visitors: 1, zero_visitors: 1 },
      { searched_on: '2026-05-02', term: '公租房', organ_id: 0, searches: 1, zero_results: 1, visitors: 1, zero_visitors: 1 },
    ]);
    // A second server (another counter on the same database) adds to the same rows.
    const other = new SearchTermCounter(deps, 60_000);
    other.count(q('公租房'), null, 2, visitor(7));
    await other.flush();
    other.count(q('不存在的东西'), null, 0, visitor(7));
    await other.flush();
    const report = await searchTermReport(deps, { days: 7, organIds: null });
    expect(report.popular[0]).toEqual({ term: '公租房', visitors: 8, searches: 8, zeroVisitors: 1 });
    expect(report.zero.map((t) => t.term)).toEqual(['不存在的东西', '公租房']);
    await deps.db.deleteFrom('search_terms').where('term', 'in', MINE).execute();
  });

  it('shows a term only once three visitors searched it, so what one person typed about themselves stays out of view', async () => {
    const deps = buildDeps(db(), '2026-05-01T02:00:00Z');
    const organ = await createOrgan(deps);
    const terms = new SearchTermCounter(deps, 60_000);
    const report = async () => {
      await terms.flush();
      const r = await searchTermReport(deps, { days: 7, organIds: null });
      return { popular: r.popular.map((t) => t.term).filter((t) => MINE.includes(t)), zero: r.zero.map((t) => t.term).filter((t) => MINE.includes(t)) };
    };
    terms.count(parseQuery('张某某的房子'), null, 0, visitor(1));
    terms.count(parseQuery('张某某的房子'), organ.id, 0, visitor(2));
    terms.count(parseQuery('危房改造补助'), null, 4, visitor(1));
    deps.clock.set('2026-05-03T02:00:00Z');
    terms.count(parseQuery('危房改造补助'), null, 0, visitor(2));
    expect(await report()).toEqual({ popular: [], zero: [] }); // two visitors each: not shown
    terms.count(parseQuery('危房改造补助'), organ.id, 5, visitor(3)); // the third, in another scope and day
    expect(await report()).toEqual({ popular: ['危房改造补助'], zero: ['危房改造补助'] });
    const stored = await deps.db.selectFrom('search_terms').select('term').where('term', '=', '张某某的房子').execute();
    expect(stored.length).toBe(2); // still counted: shown once others search for it too
    await deps.db.deleteFrom('search_terms').where('term', 'in', MINE).execute();
  });

  it('counts a visitor once a day per term, however often they search it again, re-sort, filter or change the scope (an outside tester: one visitor made 张三丰住址 3 3)', async () => {
    const deps = buildDeps(db(), '2026-05-01T02:00:00Z');
    const organ = await createOrgan(deps);
    const terms = new SearchTermCounter(deps, 60_000);
    const shown = async () => {
      await terms.flush();
      const r = await searchTermReport(deps, { days: 7, organIds: null });
      const mine = (rows: { term: string }[]) => rows.map((t) => t.term).filter((t) => MINE.includes(t));
      return { popular: mine(r.popular), zero: mine(r.zero) };
    };
    // One visitor loads the same search three times; another searches, re-sorts, filters by year and
    // narrows the scope (each a first page, each counted as a search).
    for (let i = 0; i < 3; i++) terms.count(parseQuery('张三丰住址'), null, 0, ME);
    terms.count(parseQuery('槐店镇'), null, 2, visitor(2));
    terms.count(parseQuery('槐店镇'), null, 2, visitor(2));
    terms.count(parseQuery('槐店镇'), null, 1, visitor(2));
    terms.count(parseQuery('槐店镇'), organ.id, 0, visitor(2));
    expect(await shown()).toEqual({ popular: [], zero: [] });
    expect(await stored(deps, ['张三丰住址', '槐店镇'])).toEqual([
      { searched_on: '2026-05-01', term: '张三丰住址', organ_id: 0, searches: 3, zero_results: 3, visitors: 1, zero_visitors: 1 },
      // The visitor is counted once, under the scope they first searched the term in; that they found
      // nothing in the narrower scope counts there.
      { searched_on: '2026-05-01', term: '槐店镇', organ_id: 0, searches: 3, zero_results: 0, visitors: 1, zero_visitors: 0 },
      { searched_on: '2026-05-01', term: '槐店镇', organ_id: organ.id, searches: 1, zero_results: 1, visitors: 0, zero_visitors: 1 },
    ]);
    // The same address with another browser (a household or an office behind one address) is another visitor,
    // and so is the same browser from another address.
    terms.count(parseQuery('槐店镇'), null, 2, visitor(2, 'Mozilla/5.0 (iPhone) Safari/604.1'));
    terms.count(parseQuery('槐店镇'), null, 2, visitor(3));
    expect(await shown()).toEqual({ popular: ['槐店镇'], zero: ['槐店镇'] }); // three visitors, one of whom found nothing
    // A visitor is counted anew on another day: the day's key that told them apart is gone.
    deps.clock.set('2026-05-02T02:00:00Z');
    terms.count(parseQuery('张三丰住址'), null, 0, ME);
    await terms.flush();
    expect((await stored(deps, ['张三丰住址'])).map((r) => [r.searched_on, r.visitors])).toEqual([['2026-05-01', 1], ['2026-05-02', 1]]);
    // Only numbers are written: no address, no browser, nothing derived from them.
    const row = await deps.db.selectFrom('search_terms').selectAll().where('term', '=', '张三丰住址').executeTakeFirstOrThrow();
    expect(Object.keys(row).sort()).toEqual(['organ_id', 'searched_on', 'searches', 'term', 'visitors', 'zero_results', 'zero_visitors']);
    expect(JSON.stringify(await deps.db.selectFrom('search_terms').selectAll().execute())).not.toMatch(/10\.9\.0|Mozilla/);
    await deps.db.deleteFrom('search_terms').where('term', 'in', MINE).execute();
  });

  it('tells at most so many visitors of terms apart a day (100,000 unless told), then counts no new ones (fewer, never one twice) and says so once', async () => {
    const warned: string[] = [];
    const base = buildDeps(db(), '2026-05-01T02:00:00Z');
    const deps = { ...base, logger: Object.assign(Object.create(base.logger), { warn: (_o: unknown, msg: string) => warned.push(msg) }) };
    const terms = new SearchTermCounter(deps, 60_000, 1_000);
    const query = parseQuery('公租房');
    for (let i = 0; i < 1_000; i++) terms.count(query, null, 3, { address: `10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`, userAgent: 'a' });
    terms.count(parseQuery('公租房'), null, 3, { address: '10.200.0.1', userAgent: 'a' }); // a new one: not counted
    terms.count(parseQuery('公租房'), null, 3, { address: '10.0.0.0', userAgent: 'a' }); // the first again: not counted either
    terms.count(parseQuery('不存在的东西'), null, 0, { address: '10.200.0.1', userAgent: 'a' });
    await terms.flush();
    expect((await stored(deps, MINE)).map((r) => [r.term, r.searches, r.visitors, r.zero_visitors])).toEqual([['不存在的东西', 1, 0, 0], ['公租房', 1_002, 1_000, 0]]);
    expect(warned).toEqual(['search-term visitors: the day’s limit reached; further new visitors are not counted today']);
    // The next day starts afresh.
    deps.clock.set('2026-05-02T02:00:00Z');
    terms.count(parseQuery('公租房'), null, 3, { address: '10.200.0.1', userAgent: 'a' });
    await terms.flush();
    expect((await stored(deps, ['公租房'])).map((r) => [r.searched_on, r.visitors])).toEqual([['2026-05-01', 1_000], ['2026-05-02', 1]]);
    await deps.db.deleteFrom('search_terms').where('term', 'in', MINE).execute();
  });

  it('writes on its own after the interval', async () => {
    const deps = buildDeps(db());
    const terms = new SearchTermCounter(deps, 20);
    terms.count(parseQuery('棚户区改造'), null, 1, ME);
    await expect.poll(async () => (await stored(deps, MINE)).map((r) => [r.term, r.searches]), { interval: 10, timeout: 5_000 }).toEqual([['棚户区改造', 1]]);
    await deps.db.deleteFrom('search_terms').where('term', 'in', MINE).execute();
  });
});
