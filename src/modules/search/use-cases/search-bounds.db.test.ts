import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type CompiledQuery } from 'kysely';
import type { Db } from '../../../platform/db/connect.ts';
import { createTestDatabase, DIALECTS } from '../../../../test/support/db.ts';
import { buildDeps, createNode, createOrgan, publicationInput, system } from '../../../../test/support/factories.ts';
import { createPublication } from '../../catalog/index.ts';
import { publishImported } from '../../review/index.ts';
import type { DialectName } from '../../../platform/db/dialect.ts';
import type { SearchFilters, SearchLimits, SearchSort } from '../domain/search-request.ts';
import { searchPublications, type SearchResult } from './search-publications.ts';
import { DEFAULT_TUNING, fullTextIndexFor, type FullTextIndex, type Scope } from '../storage/full-text-index.ts';
import { phraseOf } from '../domain/tokenize.ts';
import { idOfSortKey, sortKeyOf } from '../domain/sort-key.ts';

/**
 * The bounded search (docs/search.md, "Speed") with its bounds made small, so a few dozen items
 * cross every one of them: the ranking window, the title candidates, the capped total and the
 * sampled facets. Whatever the bounds, paging through a result must list every match exactly once,
 * filters must let through exactly the right items, and both databases must give the same pages.
 */
type Item = { id: number; organ: 'a' | 'unit' | 'b'; node: string; on: string; stage: string; genre: string; validity: string; text: string; kind: number };

const KINDS = [
  { title: (i: number) => `关于廉租住房补贴发放的通知（第${i}批）`, body: '廉租住房补贴标准按本通知执行。' },
  { title: (i: number) => `城市建设工作简报第${i}期`, body: '本期介绍廉租房建设进度。' },
  { title: (i: number) => `公告第${i}号`, body: '申请廉租住房的家庭，可一并申请租赁补贴。' },
  { title: (i: number) => `绿化养护通知第${i}号`, body: '做好冬季绿化养护工作。' },
];

const dayOf = (i: number) => new Date(Date.UTC(2019, 0, 1) + ((i * 37) % 2000) * 86_400_000).toISOString().slice(0, 10);

type Loaded = {
  dialect: DialectName;
  items: Item[];
  /** The items' sort keys, in the order of `items`. */
  keys: number[];
  db: Db;
  deps: ReturnType<typeof buildDeps>;
  organId: Record<Item['organ'], number>;
  organCode: Record<Item['organ'], string>;
  nodeId: Record<string, number>;
  search: (q: string, sort: SearchSort, filters: Partial<SearchFilters>, page: number, limits: SearchLimits, index?: FullTextIndex) => Promise<SearchResult>;
  /** Asks an index directly: which of the items (their sort keys) match these keywords (in the title only, if asked). */
  among: (index: FullTextIndex, keywords: string[], titleOnly: boolean) => Promise<number[]>;
  drop: () => Promise<void>;
};

async function load(dialect: DialectName): Promise<Loaded> {
  const handle = await createTestDatabase(dialect);
  const deps = buildDeps(handle, '2026-03-10T02:00:00Z');
  const a = await createOrgan(deps);
  const unit = await createOrgan(deps, { parentCode: a.code, kind: 'unit' });
  const b = await createOrgan(deps);
  const organId = { a: a.id, unit: unit.id, b: b.id };
  const organCode = { a: a.code, unit: unit.code, b: b.code };
  const nodeId: Record<string, number> = {
    a1: await createNode(deps, a.id, { name: '政策文件' }), a2: await createNode(deps, a.id, { name: '工作动态' }),
    unit: await createNode(deps, unit.id, { name: '通知公告' }), b: await createNode(deps, b.id, { name: '政策文件' }),
  };
  const items: Item[] = [];
  for (let i = 0; i < 36; i++) {
    const organ = (['a', 'unit', 'b'] as const)[i % 3];
    const node = organ === 'a' ? (i % 2 ? 'a1' : 'a2') : organ;
    const kind = i % 4;
    const stage = i % 2 ? 'execution' : 'decision';
    const genre = i % 5 === 1 ? '公告' : '通知';
    const validity = i % 7 === 2 ? 'repealed' : 'valid';
    const on = dayOf(i);
    const draft = await createPublication(deps, system, organId[organ], publicationInput([nodeId[node]], {
      title: KINDS[kind].title(i), bodyHtml: `<p>${KINDS[kind].body}</p>`, formedOn: on, stage, genre, validity,
    }));
    const p = await publishImported(deps, system, draft.id, { backdatedPublishedOn: on });
    items.push({ id: p.id, organ, node, on, stage, genre, validity, text: KINDS[kind].title(i) + KINDS[kind].body, kind });
  }
  const keys = items.map((i) => sortKeyOf(i.on, i.id));
  return {
    dialect, items, keys, db: handle.db, deps, organId, organCode, nodeId,
    search: (q, sort, filters, page, limits, index) => searchPublications(deps, { q, sort, page, pageSize: 3, filters: { scopeOrganId: null, ...filters } }, { limits, index }),
    among: async (index, keywords, titleOnly) => {
      const found = await index.among(handle.db, { keywords: keywords.map((k) => [phraseOf(k)!]), titleOnly }, { organIds: null }, keys);
      return [...found].map(idOfSortKey).sort((x, y) => x - y);
    },
    drop: () => handle.drop(),
  };
}

const ROOMY: SearchLimits = { rankWindow: 4, titleCandidates: 2, totalCap: 1000, facetSample: 1000 };
const TIGHT: SearchLimits = { rankWindow: 4, titleCandidates: 2, totalCap: 6, facetSample: 5 };
const QUERIES = ['廉租', '廉租 补贴', '补贴', '廉租住房 补贴'];

/** The database, and every statement run through it as compiled (SQL and bound values). */
function watchStatements(db: Db) {
  const seen: CompiledQuery[] = [];
  const watched = db.withPlugin({
    transformQuery: ({ node, queryId }) => (seen.push(db.getExecutor().compileQuery(node, queryId)), node),
    transformResult: async ({ result }) => result,
  });
  return { seen, watched };
}

async function allPages(d: Loaded, q: string, sort: SearchSort, filters: Partial<SearchFilters>, limits: SearchLimits, index?: FullTextIndex) {
  const ids: number[] = [];
  for (let page = 1; page < 40; page++) {
    const r = await d.search(q, sort, filters, page, limits, index);
    if (!r.hits.length) return { ids, first: await d.search(q, sort, filters, 1, limits, index) };
    ids.push(...r.hits.map((h) => h.id));
  }
  throw new Error('too many pages');
}

describe('bounded search', () => {
  const dbs: Loaded[] = [];
  beforeAll(async () => {
    for (const d of DIALECTS) dbs.push(await load(d));
  }, 120_000);
  afterAll(async () => {
    for (const d of dbs) await d.drop();
  });

  const filterCases = (d: Loaded): [string, Partial<SearchFilters>, (i: Item) => boolean][] => [
    ['everything', {}, () => true],
    ['an organ and its units', { scopeOrganId: d.organId.a }, (i) => i.organ === 'a' || i.organ === 'unit'],
    ['one organ', { organId: d.organId.b }, (i) => i.organ === 'b'],
    ['scope and a unit', { scopeOrganId: d.organId.a, organId: d.organId.unit }, (i) => i.organ === 'unit'],
    ['scope excluding the organ', { scopeOrganId: d.organId.a, organId: d.organId.b }, () => false],
    ['a year', { year: 2021 }, (i) => i.on.startsWith('2021')],
    ['a date range', { fromOn: '2020-03-01', toOn: '2022-06-30' }, (i) => i.on >= '2020-03-01' && i.on <= '2022-06-30'],
    ['a year and a date range', { year: 2021, fromOn: '2021-06-01' }, (i) => i.on >= '2021-06-01' && i.on <= '2021-12-31'],
    ['a node', { nodeId: d.nodeId.a1 }, (i) => i.node === 'a1'],
    ['a stage', { stage: 'decision' }, (i) => i.stage === 'decision'],
    ['a 体裁', { genre: '公告' }, (i) => i.genre === '公告'],
    ['效力', { validity: 'repealed' }, (i) => i.validity === 'repealed'],
    ['an organ, a stage, a 体裁 and 效力', { scopeOrganId: d.organId.a, stage: 'execution', genre: '通知', validity: 'valid' },
      (i) => i.organ !== 'b' && i.stage === 'execution' && i.genre === '通知' && i.validity === 'valid'],
  ];
  const expected = (d: Loaded, q: string, keep: (i: Item) => boolean) =>
    d.items.filter((i) => keep(i) && q.split(' ').every((w) => i.text.includes(w))).sort((x, y) => (x.on < y.on ? 1 : x.on > y.on ? -1 : y.id - x.id));

  it('lists every match exactly once, newest first or by relevance, whatever the filter', async () => {
    for (const d of dbs) {
      for (const [name, filters, keep] of filterCases(d)) {
        for (const q of QUERIES) {
          const want = expected(d, q, keep).map((i) => i.id);
          const newest = await allPages(d, q, 'newest', filters, ROOMY);
          expect(newest.ids, `${d.dialect} ${name} ${q} newest`).toEqual(want);
          expect(newest.first.total, `${d.dialect} ${name} ${q} total`).toBe(want.length);
          const relevance = await allPages(d, q, 'relevance', filters, ROOMY);
          expect([...relevance.ids].sort(), `${d.dialect} ${name} ${q} relevance`).toEqual([...want].sort());
          expect(new Set(relevance.ids).size).toBe(relevance.ids.length);
        }
      }
    }
 }, 120_000);

  it('lists by filters alone, without a word: every item the filters let through exactly once, newest first, whatever the sort', async () => {
    for (const d of dbs) {
      for (const [name, filters, keep] of filterCases(d)) {
        const listed = await allPages(d, '', 'relevance', filters, ROOMY);
        if (name === 'everything') {
          // No word and no filter: nothing is listed (the page asks for a word, the API refuses).
          expect(listed.ids, `${d.dialect} ${name}`).toEqual([]);
          expect(listed.first.listing).toBe(false);
          continue;
        }
        const want = expected(d, '', keep).map((i) => i.id);
        expect(listed.ids, `${d.dialect} ${name}`).toEqual(want);
        expect(listed.first.total, `${d.dialect} ${name} total`).toBe(want.length);
        expect(listed.first.listing).toBe(true);
        expect(listed.first.notWholeWords).toBeNull();
        expect((await allPages(d, '', 'newest', filters, ROOMY)).ids).toEqual(want);
        // The facets count what is listed (every one: fewer than the sample).
        expect(listed.first.facets.year.reduce((n, f) => n + f.count, 0), `${d.dialect} ${name} facets`).toBe(want.length);
        // Bounded as a search of words: counted to the cap, listed to it, the facets over the newest few.
        const tight = await allPages(d, '', 'relevance', filters, TIGHT);
        expect(tight.ids, `${d.dialect} ${name} tight`).toEqual(want.slice(0, 6));
        expect(tight.first.total).toBe(Math.min(want.length, 7));
        expect(tight.first.totalCapped).toBe(want.length > 6);
        expect(tight.first.facetsSampled).toBe(want.length > 5 ? 5 : null);
      }
      // A result line without a word shows the start of the item's text, nothing marked.
      const first = (await d.search('', 'newest', { validity: 'repealed' }, 1, ROOMY)).hits[0];
      expect(first.snippet.map((p) => p.text).join('')).toBe(KINDS[d.items.find((i) => i.id === first.id)!.kind].body);
      expect(first.snippet.some((p) => p.hit)).toBe(false);
    }
  }, 120_000);

  it('on SQLite lists by filters alone the same through the organ-major rows, the organ tags, or a node\'s keys scanned', async () => {
    const d = dbs.find((x) => x.dialect === 'sqlite');
    if (!d) return;
    const ways = [
      fullTextIndexFor('sqlite', { ...DEFAULT_TUNING, organMajor: false }),
      fullTextIndexFor('sqlite', { ...DEFAULT_TUNING, maxSeeks: 1, scanBatch: 2 }),
    ];
    const cases: [string, Partial<SearchFilters>, (i: Item) => boolean][] = [
      ...filterCases(d).filter(([n]) => n !== 'everything'),
      ['a node and 效力', { nodeId: d.nodeId.a1, validity: 'valid' }, (i) => i.node === 'a1' && i.validity === 'valid'],
    ];
    for (const index of [undefined, ...ways]) {
      for (const [name, filters, keep] of cases) {
        const want = expected(d, '', keep).map((i) => i.id);
        expect((await allPages(d, '', 'newest', filters, ROOMY, index)).ids, name).toEqual(want);
        expect((await allPages(d, '', 'newest', filters, TIGHT, index)).ids, `${name} tight`).toEqual(want.slice(0, 6));
      }
    }
  });

  it('on PostgreSQL lists by filters alone the same whether it reads the newest items by key or the tags through the item-level index', async () => {
    const d = dbs.find((x) => x.dialect === 'postgres');
    if (!d) return;
    // A window of one to three items a step: each listing crosses from the newest items read by key to the tags' index.
    const ways = [1, 2, 3, 20_000].map((probeMax) => fullTextIndexFor('postgres', { probeFirst: 1, probeMax, probeCost: 1, candidateCost: 0.25 }));
    for (const index of ways) {
      for (const [name, filters, keep] of filterCases(d).filter(([n]) => n !== 'everything')) {
        const want = expected(d, '', keep).map((i) => i.id);
        expect((await allPages(d, '', 'newest', filters, ROOMY, index)).ids, name).toEqual(want);
        expect((await allPages(d, '', 'newest', filters, TIGHT, index)).ids, `${name} tight`).toEqual(want.slice(0, 6));
      }
    }
  }, 120_000);

  it('reads a long node list by scanning matches when asking key by key would cost more', async () => {
    const d = dbs.find((x) => x.dialect === 'sqlite');
    if (!d) return;
    // Every key list counts as long and the scan reads two matches at a time, so each search crosses batches.
    const scanning = fullTextIndexFor('sqlite', { ...DEFAULT_TUNING, maxSeeks: 1, scanBatch: 2 });
    for (const node of ['a1', 'unit']) {
      for (const q of QUERIES) {
        const want = expected(d, q, (i) => i.node === node).map((i) => i.id);
        for (const sort of ['newest', 'relevance'] as const) {
          const got = await allPages(d, q, sort, { nodeId: d.nodeId[node] }, ROOMY, scanning);
          expect(sort === 'newest' ? got.ids : [...got.ids].sort(), `${node} ${q} ${sort}`).toEqual(sort === 'newest' ? want : [...want].sort());
          expect(got.first.total).toBe(want.length);
        }
      }
    }
  });

  it('gives FTS5 a key range as integers, the only rowid bounds it applies itself', async () => {
    const d = dbs.find((x) => x.dialect === 'sqlite');
    if (!d) return;
    // The driver binds a JavaScript number as a REAL, and FTS5 ignores a REAL rowid bound: it then
    // reads every match of the whole index and SQLite drops those outside the range afterwards. The
    // answers are the same, so what is checked is what FTS5 is given, with the answers.
    const { seen, watched } = watchStatements(d.db);
    const bounds = () => seen.flatMap((q) => q.sql.split('?').slice(0, -1).flatMap((before, i) => (/rowid [<>]= $/.test(before) ? [q.parameters[i]] : [])));
    const index = fullTextIndexFor('sqlite');
    const m = { keywords: [[phraseOf('廉租')!]] };
    const sorted = [...d.keys].sort((x, y) => y - x);
    const [minKey, maxKey] = [sorted[25], sorted[5]];
    const want = d.keys.filter((k, n) => d.items[n].text.includes('廉租') && k >= minKey && k <= maxKey).sort((x, y) => y - x);
    expect(want.length).toBeGreaterThan(3);
    expect(await index.newest(watched, m, { organIds: null, minKey, maxKey }, 100)).toEqual(want);
    expect(await index.countUpTo(watched, m, { organIds: null, minKey, maxKey }, 100)).toBe(want.length);
    // A key list too long to ask for key by key is asked by its range.
    const many = [...sorted.slice(5, 26), ...Array.from({ length: 80 }, (_, i) => minKey + i + 1)];
    expect([...(await index.among(watched, m, { organIds: null }, many))].sort((x, y) => y - x)).toEqual(want);
    expect(bounds().length).toBeGreaterThanOrEqual(5);
    for (const b of bounds()) expect(typeof b).toBe('bigint');
  });

  it('on SQLite lists and counts within a few organs by their ranges of the organ-major rows, as the organ tags do', async () => {
    const d = dbs.find((x) => x.dialect === 'sqlite');
    if (!d) return;
    const { seen, watched } = watchStatements(d.db);
    const byRange = fullTextIndexFor('sqlite');
    const byTags = fullTextIndexFor('sqlite', { ...DEFAULT_TUNING, organMajor: false });
    const sorted = [...d.keys].sort((x, y) => y - x);
    const [minKey, maxKey] = [sorted[30], sorted[4]];
    const scopes: [string, Scope, (i: Item, key: number) => boolean][] = [
      ['an organ', { organIds: [d.organId.b] }, (i) => i.organ === 'b'],
      ['an organ and its unit', { organIds: [d.organId.a, d.organId.unit] }, (i) => i.organ !== 'b'],
      ['a unit, a stage and 效力', { organIds: [d.organId.unit], stage: 'execution', validity: 'valid' }, (i) => i.organ === 'unit' && i.stage === 'execution' && i.validity === 'valid'],
      ['two organs in a key range', { organIds: [d.organId.a, d.organId.b], minKey, maxKey }, (i, k) => i.organ !== 'unit' && k >= minKey && k <= maxKey],
      ['an organ from a key on', { organIds: [d.organId.a], minKey }, (i, k) => i.organ === 'a' && k >= minKey],
    ];
    for (const [name, scope, keep] of scopes) {
      for (const q of QUERIES) {
        const m = { keywords: q.split(' ').map((k) => [phraseOf(k)!]) };
        const want = d.keys.filter((k, n) => keep(d.items[n], k) && q.split(' ').every((w) => d.items[n].text.includes(w))).sort((x, y) => y - x);
        seen.length = 0;
        expect(await byRange.newest(watched, m, scope, 100), `${name} ${q}`).toEqual(want);
        expect(await byRange.newest(watched, m, scope, 2), `${name} ${q} first two`).toEqual(want.slice(0, 2));
        expect(await byRange.countUpTo(watched, m, scope, 3), `${name} ${q} count`).toBe(Math.min(3, want.length));
        expect(await byTags.newest(d.db, m, scope, 100), `${name} ${q} by tags`).toEqual(want);
        // Every organ's range is read from the organ-major rows; search_items only for keys past them (2^48 on).
        expect(seen.filter((s) => /from search_organ_items/.test(s.sql)).length, `${name} ${q}`).toBeGreaterThanOrEqual(3);
        for (const s of seen.filter((x) => /from "search_items"/.test(x.sql))) {
          const low = s.sql.split('?').slice(0, -1).flatMap((before, i) => (/rowid >= $/.test(before) ? [s.parameters[i]] : []));
          expect(low.length && low.every((b) => BigInt(b as bigint) >= 2n ** 48n), `${name} ${q} ${s.sql}`).toBe(true);
        }
      }
    }
    // A catalog node's keys, a title-only question and word phrases keep to the organ tags.
    seen.length = 0;
    const m = { keywords: [[phraseOf('廉租')!]] };
    await byRange.newest(watched, m, { organIds: [d.organId.a], keys: d.keys.slice(0, 5) }, 10);
    await byRange.newest(watched, { ...m, titleOnly: true }, { organIds: [d.organId.a] }, 10);
    expect(seen.some((s) => /search_organ_items/.test(s.sql))).toBe(false);
  });

  it('on SQLite reads the facet sample by one list of sort keys, not by a parameter per item', async () => {
    const d = dbs.find((x) => x.dialect === 'sqlite');
    if (!d) return;
    // The driver binds a JavaScript number as a REAL; a list of one parameter per item (up to 1,000)
    // was bound so, and prepared again for every other length of the sample.
    const { seen, watched } = watchStatements(d.db);
    const want = expected(d, '补贴', () => true);
    expect(want.length).toBeGreaterThan(10);
    for (const sort of ['newest', 'relevance'] as const) {
      seen.length = 0;
      const r = await searchPublications({ ...d.deps, db: watched }, { q: '补贴', sort, page: 1, pageSize: 3, filters: { scopeOrganId: null } }, { limits: ROOMY });
      expect(r.total).toBe(want.length);
      expect(r.facets.organ.reduce((n, f) => n + f.count, 0)).toBe(want.length);
      for (const q of seen) expect(q.parameters.filter((p) => typeof p === 'number').length, q.sql).toBeLessThanOrEqual(4);
      // The facet values are read by sort key, one list for the whole sample, through the index that holds
      // them and the nodes' copy under the key (migrations 055, 056): the newest matches are neighbours
      // there; by id each row is on a page of its own.
      const facets = seen.find((q) => q.sql.includes('search_docs_facets') && q.sql.includes('search_doc_nodes'));
      expect(facets, 'facet statement').toBeDefined();
      const keysOf = (ids: number[]) => ids.map((id) => d.keys[d.items.findIndex((i) => i.id === id)]).sort((x, y) => x - y);
      expect(facets!.parameters.filter((p): p is string => typeof p === 'string').map((l) => (JSON.parse(l) as number[]).sort((x, y) => x - y))).toContainEqual(keysOf(want.map((i) => i.id)));
    }
  });

  it('on PostgreSQL reads the facet sample with the ids as one array, not by a parameter per item', async () => {
    const d = dbs.find((x) => x.dialect === 'postgres');
    if (!d) return;
    // A parameter per id (up to 1,000) made the statement be parsed, planned and bound afresh for
    // every length of the sample, and the driver build a row object per item and per placement.
    const { seen, watched } = watchStatements(d.db);
    const want = expected(d, '补贴', () => true);
    expect(want.length).toBeGreaterThan(10);
    const r = await searchPublications({ ...d.deps, db: watched }, { q: '补贴', sort: 'newest', page: 1, pageSize: 3, filters: { scopeOrganId: null } }, { limits: ROOMY });
    expect(r.total).toBe(want.length);
    expect(r.facets.organ.reduce((n, f) => n + f.count, 0)).toBe(want.length);
    expect(r.facets.year.reduce((n, f) => n + f.count, 0)).toBe(want.length);
    for (const q of seen) expect(q.parameters.length, q.sql).toBeLessThanOrEqual(12);
    const arrays = seen.flatMap((q) => q.parameters.filter((p): p is number[] => Array.isArray(p)));
    expect(arrays.map((a) => [...a].sort((x, y) => x - y))).toContainEqual(want.map((i) => i.id).sort((x, y) => x - y));
  });

  it('on PostgreSQL gives the same lists whether it checks the newest items one by one, reads the matches through the index, or switches between them', async () => {
    const d = dbs.find((x) => x.dialect === 'postgres');
    if (!d) return;
    // Tiny steps so that every search crosses several: always item by item; a cost that makes it switch
    // midway; through the index only, with every keyword's candidates read from it or only the rarest's.
    const ways = [
      fullTextIndexFor('postgres', { probeFirst: 2, probeMax: 3, probeCost: 0, candidateCost: 0.25 }),
      fullTextIndexFor('postgres', { probeFirst: 1, probeMax: 2, probeCost: 0.05, candidateCost: 0.25 }),
      fullTextIndexFor('postgres', { probeFirst: 1, probeMax: 2, probeCost: 1e9, candidateCost: 0 }),
      fullTextIndexFor('postgres', { probeFirst: 1, probeMax: 2, probeCost: 1e9, candidateCost: 1e9 }),
    ];
    for (const index of ways) {
      for (const [name, filters, keep] of filterCases(d)) {
        for (const q of QUERIES) {
          const want = expected(d, q, keep).map((i) => i.id);
          const got = await allPages(d, q, 'newest', filters, ROOMY, index);
          expect(got.ids, `${name} ${q}`).toEqual(want);
          expect(got.first.total).toBe(want.length);
          const tight = await allPages(d, q, 'relevance', filters, TIGHT, index);
          const reference = await allPages(d, q, 'relevance', filters, TIGHT);
          expect(tight.ids, `${name} ${q} relevance`).toEqual(reference.ids);
        }
      }
    }
 }, 180_000); // 4 ways × 14 filters × 4 queries, every page: about 20 s on an idle machine

  it('on PostgreSQL takes the matches of one-piece keywords from the item-level index without reading a chunk', async () => {
    const d = dbs.find((x) => x.dialect === 'postgres');
    if (!d) return;
    const throughIndex = fullTextIndexFor('postgres', { probeFirst: 1, probeMax: 2, probeCost: Infinity, candidateCost: 0 });
    const newest = async (q: string) => {
      const { seen, watched } = watchStatements(d.db);
      const keys = await throughIndex.newest(watched, { keywords: q.split(' ').map((k) => [phraseOf(k)!]) }, { organIds: null }, 100);
      return { ids: keys.map(idOfSortKey), readChunks: seen.some((x) => x.sql.includes('search_chunks')) };
    };
    const want = (q: string) => expected(d, q, () => true).map((i) => i.id);
    expect(await newest('廉租 补贴')).toEqual({ ids: want('廉租 补贴'), readChunks: false });
    expect(await newest('补贴')).toEqual({ ids: want('补贴'), readChunks: false });
    // A keyword of several pieces is still checked as a phrase on the item's chunks.
    expect(await newest('廉租住房 补贴')).toEqual({ ids: want('廉租住房 补贴'), readChunks: true });
  });

  it('on PostgreSQL asks about titles from the title tokens in search_docs, without reading a chunk row', async () => {
    const d = dbs.find((x) => x.dialect === 'postgres');
    if (!d) return;
    // A title check read the item's title chunk (a page of the large chunk table apiece), and the title
    // matches through the index were every title chunk of the keyword in the catalog, each then looked up
    // in search_docs; the title's tokens are in the search_docs row the search reads anyway (migration 052).
    const ways = [fullTextIndexFor('postgres'), fullTextIndexFor('postgres', { probeFirst: 1, probeMax: 2, probeCost: Infinity, candidateCost: 0 })];
    const titled = (q: string, keep: (i: Item) => boolean) => d.items.filter((i) => keep(i) && q.split(' ').every((w) => KINDS[i.kind].title(0).includes(w)))
      .sort((x, y) => (x.on < y.on ? 1 : x.on > y.on ? -1 : y.id - x.id)).map((i) => i.id);
    for (const index of ways) {
      for (const [scope, keep] of [[{ organIds: null }, () => true], [{ organIds: [d.organId.b] }, (i: Item) => i.organ === 'b']] as [Scope, (i: Item) => boolean][]) {
        for (const q of ['廉租', '补贴 通知', '廉租住房 补贴', '通知']) {
          const { seen, watched } = watchStatements(d.db);
          const m = { keywords: q.split(' ').map((k) => [phraseOf(k)!]), titleOnly: true };
          expect((await index.newest(watched, m, scope, 100)).map(idOfSortKey), q).toEqual(titled(q, keep));
          // (among takes keys already in the scope and applies no filter again)
          expect([...(await index.among(watched, m, scope, d.keys))].map(idOfSortKey).sort((x, y) => x - y), q).toEqual(titled(q, () => true).sort((x, y) => x - y));
          expect(seen.filter((x) => x.sql.includes('search_chunks')).map((x) => x.sql), q).toEqual([]);
        }
      }
    }
  });

  it('on PostgreSQL answers an organ, stage, 体裁 or 效力 filter inside the item-level index, without reading search_docs', async () => {
    const d = dbs.find((x) => x.dialect === 'postgres');
    if (!d) return;
    // Through search_docs the planner read every match of the keywords in the whole catalog and only
    // then dropped the other organs' (the tail of an organ-filtered search at 1,000,000 items); the
    // filters are tokens in the item's pieces row, so the GIN index intersects them with the keywords.
    const throughIndex = fullTextIndexFor('postgres', { probeFirst: 1, probeMax: 2, probeCost: Infinity, candidateCost: 0 });
    const scopes: [string, Scope, (i: Item) => boolean][] = [
      ['an organ and its unit', { organIds: [d.organId.a, d.organId.unit] }, (i) => i.organ !== 'b'],
      ['a stage', { organIds: null, stage: 'decision' }, (i) => i.stage === 'decision'],
      ['a 体裁 and 效力 in one organ', { organIds: [d.organId.a], genre: '通知', validity: 'valid' }, (i) => i.organ === 'a' && i.genre === '通知' && i.validity === 'valid'],
    ];
    for (const [name, scope, keep] of scopes) {
      for (const q of ['廉租 补贴', '补贴', '廉租住房 补贴']) {
        const { seen, watched } = watchStatements(d.db);
        const keys = await throughIndex.newest(watched, { keywords: q.split(' ').map((k) => [phraseOf(k)!]) }, scope, 100);
        expect(keys.map(idOfSortKey), `${name} ${q}`).toEqual(expected(d, q, keep).map((i) => i.id));
        expect(seen.filter((x) => x.sql.includes('search_docs')).map((x) => x.sql), `${name} ${q}`).toEqual([]);
      }
    }
  });

  it('on PostgreSQL leaves a piece most items hold out of the item-level index question for a phrase checked anyway, with the same matches', async () => {
    const d = dbs.find((x) => x.dialect === 'postgres');
    if (!d) return;
    // 廉租 is in three items of four: its posting list is among the index's longest, decoded whole
    // whenever it is named, and it narrows 廉租住房's candidates (租住 and 住房, in half) hardly at all.
    await sql`analyze search_item_pieces`.execute(d.db);
    const throughIndex = fullTextIndexFor('postgres', { probeFirst: 1, probeMax: 2, probeCost: Infinity, candidateCost: 0 });
    for (const [q, asked] of [['廉租住房 补贴', false], ['廉租住房', false], ['廉租 补贴', true]] as const) {
      const { seen, watched } = watchStatements(d.db);
      const keys = await throughIndex.newest(watched, { keywords: q.split(' ').map((k) => [phraseOf(k)!]) }, { organIds: null }, 100);
      expect(keys.map(idOfSortKey), q).toEqual(expected(d, q, () => true).map((i) => i.id));
      const question = seen.find((x) => x.sql.includes('from search_item_pieces i where'))!;
      // A keyword of one piece (廉租 alone) is answered by the index alone: it is always asked.
      // (its first parameter is the GIN index's question; the phrases to check follow)
      expect(String(question.parameters[0]).includes("'廉租'"), q).toBe(asked);
    }
  });

  it('tells which of some items match every keyword, in the whole text or the title only, the same way on both databases', async () => {
    for (const d of dbs) {
      const indexes = d.dialect === 'postgres' ? [fullTextIndexFor('postgres'), fullTextIndexFor('postgres', { probeFirst: 1, probeMax: 2, probeCost: 0.05, candidateCost: 0.25 })] : [fullTextIndexFor('sqlite')];
      for (const index of indexes) {
        for (const keywords of [['廉租'], ['廉租', '补贴'], ['补贴', '通知'], ['绿化', '廉租']]) {
          for (const titleOnly of [false, true]) {
            const want = d.items.filter((i) => keywords.every((k) => (titleOnly ? KINDS[i.kind].title(0) : i.text).includes(k))).map((i) => i.id).sort((x, y) => x - y);
            expect(await d.among(index, keywords, titleOnly), `${d.dialect} ${keywords.join(' ')} ${titleOnly ? 'title' : 'text'}`).toEqual(want);
          }
        }
      }
    }
  });

  it('on SQLite tells which of many keys match whether it reads their range whole, in part and the rest key by key, or only key by key', async () => {
    const d = dbs.find((x) => x.dialect === 'sqlite');
    if (!d) return;
    // More keys than are asked for one by one (a window of newest matches), some of them no item's.
    const many = [...d.keys, ...Array.from({ length: 40 }, (_, i) => Math.min(...d.keys) + i + 1)];
    for (const rangeRowsPerKey of [DEFAULT_TUNING.rangeRowsPerKey, 0.05, 0]) {
      const index = fullTextIndexFor('sqlite', { ...DEFAULT_TUNING, rangeRowsPerKey });
      for (const keywords of [['廉租'], ['廉租', '补贴'], ['补贴', '通知'], ['绿化', '廉租']]) {
        for (const titleOnly of [false, true]) {
          const want = d.items.filter((i) => keywords.every((k) => (titleOnly ? KINDS[i.kind].title(0) : i.text).includes(k))).map((i) => i.id).sort((x, y) => x - y);
          const found = await index.among(d.db, { keywords: keywords.map((k) => [phraseOf(k)!]), titleOnly }, { organIds: null }, many);
          expect([...found].map(idOfSortKey).sort((x, y) => x - y), `${rangeRowsPerKey} ${keywords.join(' ')} ${titleOnly}`).toEqual(want);
        }
      }
    }
  });

  it('ranks a title match first even when it is older than the newest matches', async () => {
    for (const d of dbs) {
      const r = await d.search('补贴', 'relevance', {}, 1, ROOMY);
      const first = d.items.find((i) => i.id === r.hits[0].id)!;
      expect(first.kind, d.dialect).toBe(0);
      expect(r.hits.slice(0, 2).map((h) => d.items.find((i) => i.id === h.id)!.kind)).toEqual([0, 0]);
    }
  });

  it('counts facets over every match when they are few, over the newest ones when there are many', async () => {
    for (const d of dbs) {
      const roomy = await d.search('廉租', 'newest', {}, 1, ROOMY);
      expect(roomy.facetsSampled).toBeNull();
      expect(roomy.facets.organ.map((f) => f.count).reduce((x, y) => x + y)).toBe(roomy.total);
      const tight = await d.search('廉租', 'newest', {}, 1, TIGHT);
      expect(tight.facetsSampled).toBe(5);
      const newestFive = expected(d, '廉租', () => true).slice(0, 5);
      // By the organ's code; the unit's items count under its organ (a), as organ=a finds them.
      const byOrgan = (organ: Item['organ']) => newestFive.filter((i) => i.organ === organ || (organ === 'a' && i.organ === 'unit')).length;
      for (const f of tight.facets.organ) expect(f.count).toBe(byOrgan((Object.keys(d.organCode) as Item['organ'][]).find((k) => d.organCode[k] === f.value)!));
    }
  });

  it('counts up to the cap and pages no further', async () => {
    for (const d of dbs) {
      const r = await d.search('廉租', 'relevance', {}, 1, TIGHT);
      expect(r.total).toBe(7);
      expect(r.totalCapped).toBe(true);
      const all = await allPages(d, '廉租', 'relevance', {}, TIGHT);
      expect(all.ids).toHaveLength(6);
      const few = await d.search('廉租 补贴', 'relevance', { organId: d.organId.b }, 1, TIGHT);
      expect(few.totalCapped).toBe(false);
    }
  });

  it('gives the same pages on SQLite and PostgreSQL', async () => {
    if (dbs.length < 2) return;
    const [x, y] = dbs;
    const same = (filters: Partial<SearchFilters>, other: Partial<SearchFilters>) => [filters, other] as const;
    const pairs = filterCases(x).map(([name, f], n) => [name, same(f, filterCases(y)[n][1])] as const);
    for (const [name, [fx, fy]] of pairs) {
      // '' : the filters alone, listed newest first (no word).
      for (const q of [...QUERIES, '']) {
        for (const sort of ['relevance', 'newest'] as const) {
          for (const limits of [ROOMY, TIGHT]) {
            const titles = async (d: Loaded, f: Partial<SearchFilters>) => (await allPages(d, q, sort, f, limits)).ids.map((id) => d.items.findIndex((i) => i.id === id));
            expect(await titles(y, fy), `${name} ${q} ${sort}`).toEqual(await titles(x, fx));
          }
        }
      }
    }
    // Some 400 searches paged through on both databases: 26 s alone at load average 10, past the 30 s default under more.
  }, 120_000);
});
