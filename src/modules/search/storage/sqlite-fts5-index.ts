import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../catalog/index.ts';
import { scopeTags, tagsOf } from '../domain/filter-tags.ts';
import { SORT_KEY_LIMIT } from '../domain/sort-key.ts';
import type { Phrase } from '../domain/tokenize.ts';
import type { ChunkRow, FullTextIndex, IndexedDoc, IndexTuning, Match, Scope } from './full-text-index.ts';
import { assertToken, empty, insertChunkTexts } from './index-rows.ts';

/**
 * The full-text index on SQLite (docs/search.md, "Speed"; migration 035): FTS5, one row per item in
 * three tables — all pieces, title pieces, jieba words — each rowid the item's sort key, the filter
 * values as tokens no query can produce.
 */

/** Between chunks in one FTS5 row: a private-use character, never a token of a query, so no phrase spans two chunks. */
const CHUNK_SEPARATOR = '\uE000';

/** Space-separated tokens, checked as a whole: letters and digits only (domain/tokenize.ts). */
const assertTokens = (tokens: string) => {
  if (!/^[\p{L}\p{N} ]*$/u.test(tokens)) throw new Error('非法检索词元');
  return tokens;
};

const joinChunks = (lists: string[]) => lists.map(assertTokens).join(` ${CHUNK_SEPARATOR} `);

const ftsPhrase = (p: Phrase) => `"${p.tokens.map(assertToken).join(' ')}"${p.prefixLast ? '*' : ''}`;
const ftsAny = (ps: Phrase[]) => `(${ps.map(ftsPhrase).join(' OR ')})`;
const quotedTag = (t: string) => `"${t}"`;

/** The scope's filter values as tag terms (domain/filter-tags.ts), AND-ed to a query of any of the tables. */
function tagTerms(s: Scope): string[] {
  return scopeTags(s).map((any) => (any.length === 1 ? quotedTag(any[0]) : `(${any.map(quotedTag).join(' OR ')})`));
}

type FtsTable = 'search_items' | 'search_titles' | 'search_words';

/** One question for one table: every keyword (search_items, or search_titles if title only) or any word phrase (search_words). */
type FtsQuery = { table: FtsTable; expression: string };

function ftsQueries(m: Match, s: Scope): FtsQuery[] {
  const tags = tagTerms(s);
  const out: FtsQuery[] = [];
  if (m.keywords.length) out.push({ table: m.titleOnly ? 'search_titles' : 'search_items', expression: [...m.keywords.map(ftsAny), ...tags].join(' AND ') });
  if (m.words) out.push({ table: 'search_words', expression: [ftsAny(m.words), ...tags].join(' AND ') });
  return out;
}

/**
 * A whole number (a rowid bound, an organ id, a limit) as an SQL integer. The driver binds a JavaScript
 * number as a REAL, and FTS5 takes a rowid bound only when it is an INTEGER: with a REAL it reads every
 * match of the whole index and SQLite drops those outside the range afterwards (a key range of 150
 * items cost as much as the whole index: 60–80 ms instead of 0.3 ms for a common phrase at 100,000
 * items, docs/performance.md).
 */
const integer = (n: number) => {
  if (!Number.isSafeInteger(n)) throw new Error(`非法整数：${n}`);
  return BigInt(n);
};

function ftsSelect(q: FtsQuery, s: Scope): RawBuilder<unknown> {
  const parts = [sql`${sql.id(q.table)} match ${q.expression}`];
  if (s.minKey !== undefined) parts.push(sql`rowid >= ${integer(s.minKey)}`);
  if (s.maxKey !== undefined) parts.push(sql`rowid <= ${integer(s.maxKey)}`);
  if (s.keys) parts.push(sql`rowid in (select value from json_each(${JSON.stringify(s.keys)}))`);
  return sql`select rowid as k from ${sql.id(q.table)} where ${sql.join(parts, sql` and `)}`;
}


/** The one table a listing reads (newest and counting ask one question at a time). */
function single(m: Match, s: Scope): FtsQuery {
  const qs = ftsQueries(m, s);
  if (qs.length !== 1) throw new Error('检索索引一次只能按关键词或按词语列出');
  return qs[0];
}

/**
 * Up to this many keys, `among` asks for each key; above, for the keys' range, which suits a dense
 * group such as the window of newest matches (the caller's match keeps other items of the range few).
 * FTS5 sets a query up again for each key, and for a key that does not match it reads on to the next
 * match: from about 15 µs for a key that matches to 1–2 ms for one that does not at 100,000 items. The
 * window's 150 keys took 0.3–13 ms by their range and 2.5–240 ms one by one.
 */
const SEEK_KEYS = 64;

/** Up to this many organs in a scope, their tags narrow a question about known keys (`among`). */
const FEW_ORGANS = 8;

/**
 * A key list longer than `maxSeeks` (a catalog node with tens of thousands of items) is not asked for
 * key by key: the matches are read newest first, `scanBatch` at a time, and kept when in the list.
 */
async function scanKeeping(db: Executor, q: FtsQuery, s: Scope, limit: number, scanBatch: number): Promise<number[]> {
  const wanted = new Set(s.keys);
  const out: number[] = [];
  let maxKey = s.maxKey;
  for (;;) {
    const range = { ...s, keys: null, maxKey };
    const r = await sql<{ k: number }>`${ftsSelect(q, range)} order by rowid desc limit ${scanBatch}`.execute(db);
    for (const { k } of r.rows) if (wanted.has(Number(k)) && out.push(Number(k)) >= limit) return out;
    if (r.rows.length < scanBatch) return out;
    maxKey = Number(r.rows[r.rows.length - 1].k) - 1;
  }
}

/**
 * Whether the scope holds at most `n` items, when it names a few organs: their items in its key range,
 * counted by `search_docs`' index of organ and sort key up to n + 1 (a fraction of a millisecond).
 */
async function fewInScope(db: Executor, s: Scope, n: number): Promise<boolean> {
  if (!s.organIds || s.organIds.length > FEW_ORGANS || s.keys) return false;
  if (!s.organIds.length) return true;
  const parts = [sql`organ_id in (${sql.join(s.organIds.map(integer))})`];
  if (s.minKey !== undefined) parts.push(sql`sort_key >= ${integer(s.minKey)}`);
  if (s.maxKey !== undefined) parts.push(sql`sort_key <= ${integer(s.maxKey)}`);
  const r = await sql<{ n: number }>`select count(*) as n from (select 1 from search_docs where ${sql.join(parts, sql` and `)} limit ${integer(n + 1)})`.execute(db);
  return Number(r.rows[0].n) <= n;
}

/**
 * The organ-major copy of `search_items` (migration 068; docs/adr/0028-organ-major-search-index.md): the
 * rowid is the organ's id times 2^48 plus the sort key, so one organ's items are one key range and its
 * newest matches lie together, where in `search_items` they are spread over the whole key range among
 * every other organ's (a search within one organ read most pages of its keyword's piece lists there).
 * Every sort key is below 2^48 (domain/sort-key.ts) and organ ids below 2^15 keep the rowid below 2^63;
 * an organ with a larger id has no rows here, and its searches are answered through the organ tags of
 * `search_items` as before.
 */
const ORGAN_SHIFT = 48n;
const ORGAN_LIMIT = 2 ** 15;

const organBase = (organId: number) => BigInt(organId) << ORGAN_SHIFT;
const organFits = (organId: number) => Number.isInteger(organId) && organId >= 0 && organId < ORGAN_LIMIT;

/**
 * Whether `search_organ_items` holds every indexed item's row: not before an index built earlier is rebuilt
 * (migration 068; no row: a database with nothing indexed yet). Asked inside the first statement that reads the
 * organ-major rows, as a column beside their answer, never in a statement of its own: a search within an organ
 * asked it twice (its newest matches, then their count), two statements more for a value that changes only when a
 * whole rebuild ends. Not kept in memory either: other server processes share the database, and it is read in
 * the same statement, so from the same snapshot, as the rows it vouches for. Before the rebuild the answer read
 * beside it is dropped and the question asked again through the organ tags of `search_items` (one statement more,
 * only on such an index).
 */
const ORGAN_ITEMS_READY = sql<number>`coalesce((select organ_items_ready from search_state where id = 1), 1)`;

/**
 * The organs whose key ranges of `search_organ_items` may answer this match in this scope, or null when the organ
 * tags of `search_items` do: a few organs, every keyword in the whole text (titles and words have no organ-major
 * copy), no list of keys (a catalog node's keys are read as they are). Whether the table is complete is asked with
 * the first of the organs' questions (`ORGAN_ITEMS_READY`).
 */
function organRanges(m: Match, s: Scope, organMajor: boolean): number[] | null {
  if (!organMajor || m.titleOnly || m.words || !m.keywords.length || s.keys) return null;
  return organsListedByRange(s, organMajor);
}

/** The organs of a scope whose key ranges a listing without words may read: one to eight, each with an id that fits the rowid. */
function organsListedByRange(s: Scope, organMajor: boolean): number[] | null {
  if (!organMajor || s.keys || !s.organIds?.length || s.organIds.length > FEW_ORGANS) return null;
  return s.organIds.every(organFits) ? s.organIds : null;
}

/**
 * Each organ's keys (one question an organ, newest first), or null when `search_organ_items` is not complete
 * yet: the first question carries `ORGAN_ITEMS_READY` beside its keys, and when it says not ready no other is
 * asked.
 */
async function organKeyLists(db: Executor, questions: RawBuilder<unknown>[]): Promise<number[][] | null> {
  const lists: number[][] = [];
  for (const q of questions) {
    if (lists.length) {
      lists.push(await keyList(db, q));
      continue;
    }
    const r = await sql<{ keys: string; ready: number }>`select json_group_array(k) as keys, ${ORGAN_ITEMS_READY} as ready from (${q})`.execute(db);
    if (Number(r.rows[0].ready) !== 1) return null;
    lists.push((JSON.parse(r.rows[0].keys) as number[]).sort((a, b) => b - a));
  }
  return lists;
}

/** One organ's matches in the scope's key range, as sort keys. */
function organSelect(m: Match, s: Scope, organId: number): RawBuilder<unknown> {
  const base = organBase(organId);
  const expression = [...m.keywords.map(ftsAny), ...tagTerms({ ...s, organIds: null })].join(' AND ');
  const low = base + BigInt(Math.max(s.minKey ?? 0, 0));
  const high = base + BigInt(Math.min(s.maxKey ?? SORT_KEY_LIMIT - 1, SORT_KEY_LIMIT - 1));
  return sql`select rowid - ${base} as k from search_organ_items where search_organ_items match ${expression} and rowid >= ${low} and rowid <= ${high}`;
}

/** Newest first, at most `limit`: each organ's range read backwards and stopping, the lists merged (null: the table is not complete yet). */
async function organNewest(db: Executor, m: Match, s: Scope, organIds: number[], limit: number): Promise<number[] | null> {
  const lists = await organKeyLists(db, organIds.map((id) => sql`${organSelect(m, s, id)} order by rowid desc limit ${integer(limit)}`));
  return lists && lists.flat().sort((a, b) => b - a).slice(0, limit);
}

/** Up to `cap`, organ by organ (null: the table is not complete yet; the first count carries `ORGAN_ITEMS_READY`). */
async function organCount(db: Executor, m: Match, s: Scope, organIds: number[], cap: number): Promise<number | null> {
  let n = 0;
  for (const [i, id] of organIds.entries()) {
    if (n >= cap) break;
    const q = organSelect(m, s, id);
    const r = await sql<{ n: number; ready: number }>`select count(*) as n, ${i === 0 ? ORGAN_ITEMS_READY : sql<number>`1`} as ready from (${q} limit ${integer(cap)})`.execute(db);
    if (Number(r.rows[0].ready) !== 1) return null;
    n += Number(r.rows[0].n);
  }
  return Math.min(n, cap);
}

/**
 * A listing without words whose scope has no tag (a year, a date range, a catalog node's keys): the items'
 * `search_docs` rows by the sort key's index, read from the newest end of the range and stopping at `limit`
 * (a node's keys are looked up one by one: as many as the node holds).
 */
function docsInScope(s: Scope, limit: number): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [sql`1 = 1`];
  if (s.minKey !== undefined) parts.push(sql`sort_key >= ${integer(s.minKey)}`);
  if (s.maxKey !== undefined) parts.push(sql`sort_key <= ${integer(s.maxKey)}`);
  if (s.keys) parts.push(sql`sort_key in (select value from json_each(${JSON.stringify(s.keys)}))`);
  return sql`select sort_key as k from search_docs where ${sql.join(parts, sql` and `)} order by sort_key desc limit ${integer(limit)}`;
}

/**
 * A listing without words within a few organs, from their ranges of `search_organ_items`: each organ's range read
 * from its newest end, its rows matching the scope's other tags — or, with none, the organ's own tag, which every row
 * of the range holds — and the lists merged.
 */
async function organListed(db: Executor, s: Scope, organIds: number[], limit: number): Promise<number[] | null> {
  const others = tagTerms({ ...s, organIds: null });
  const lists = await organKeyLists(db, organIds.map((id) => {
    const base = organBase(id);
    const expression = others.length ? others.join(' AND ') : tagTerms({ organIds: [id] })[0];
    const low = base + BigInt(Math.max(s.minKey ?? 0, 0));
    const high = base + BigInt(Math.min(s.maxKey ?? SORT_KEY_LIMIT - 1, SORT_KEY_LIMIT - 1));
    return sql`select rowid - ${base} as k from search_organ_items where search_organ_items match ${expression} and rowid >= ${low} and rowid <= ${high} order by rowid desc limit ${integer(limit)}`;
  }));
  return lists && lists.flat().sort((a, b) => b - a).slice(0, limit);
}

/**
 * Keys as one JSON array: a row object per key cost the driver more than FTS5's reading them (1,001
 * keys of a common word: 0.77 ms as rows, 0.44 ms as one array at 100,000 items). An aggregate's order
 * is not promised, so the keys are sorted again, newest first.
 */
async function keyList(db: Executor, q: RawBuilder<unknown>): Promise<number[]> {
  const r = await sql<{ keys: string }>`select json_group_array(k) as keys from (${q})`.execute(db);
  return (JSON.parse(r.rows[0].keys) as number[]).sort((a, b) => b - a);
}

/** Pages of index merged per step of `compact` (a step takes up to about a second at 100,000 items here). */
const MERGE_PAGES = 1000;

/**
 * FTS5 keeps each table as b-trees of segments written batch by batch; a rebuild of 100,000 items
 * leaves many, and every query reads each of them. FTS5's incremental merge with a negative page
 * count merges segments of every level, as `optimize` does, but a bounded amount per statement; a
 * step that changes (almost) nothing means it is done. At 100,000 items it took 13 s and made
 * searches about a quarter faster at the median (docs/performance.md).
 */
async function mergeSegments(db: Executor, table: string, between: () => Promise<void>): Promise<void> {
  const changes = async () => Number((await sql<{ n: number }>`select total_changes() as n`.execute(db)).rows[0].n);
  for (;;) {
    const before = await changes();
    await sql`insert into ${sql.id(table)} (${sql.id(table)}, rank) values ('merge', ${-MERGE_PAGES})`.execute(db);
    if ((await changes()) - before < 2) return;
    await between();
  }
}

export const sqliteFts5Index = ({ maxSeeks, scanBatch, rangeRowsPerKey, organMajor }: IndexTuning): FullTextIndex => ({
  async compact(db, between) {
    for (const table of ['search_items', 'search_organ_items', 'search_titles', 'search_words']) await mergeSegments(db, table, between);
  },
  async insert(db, docs) {
    await insertChunkTexts(db, docs, false);
    const tokens = (doc: IndexedDoc, chunks: ChunkRow[], of: 'grams' | 'words') => `${joinChunks(chunks.map((c) => c[of]))} ${tagsOf(doc).join(' ')}`;
    for (let i = 0; i < docs.length; i += 500) {
      const part = docs.slice(i, i + 500);
      if (!part.length) continue;
      const values = (of: (doc: IndexedDoc) => string) => sql.join(part.map((d) => sql`(${d.sortKey}, ${of(d)})`));
      await sql`insert into search_items (rowid, tokens) values ${values((d) => tokens(d, d.chunks, 'grams'))}`.execute(db);
      await sql`insert into search_titles (rowid, tokens) values ${values((d) => tokens(d, d.chunks.filter((c) => c.field === 'title'), 'grams'))}`.execute(db);
      await sql`insert into search_words (rowid, tokens) values ${values((d) => tokens(d, d.chunks, 'words'))}`.execute(db);
      const organMajorRows = part.filter((d) => organFits(d.organId)).map((d) => sql`(${organBase(d.organId) + BigInt(d.sortKey)}, ${tokens(d, d.chunks, 'grams')})`);
      if (organMajorRows.length) await sql`insert into search_organ_items (rowid, tokens) values ${sql.join(organMajorRows)}`.execute(db);
    }
  },
  async remove(db, docs) {
    for (let i = 0; i < docs.length; i += 500) {
      const part = docs.slice(i, i + 500);
      for (const table of ['search_items', 'search_titles', 'search_words'] as const) await sql`delete from ${sql.id(table)} where rowid in (${sql.join(part.map((d) => integer(d.sortKey)))})`.execute(db);
      const organMajor = part.filter((d) => organFits(d.organId)).map((d) => organBase(d.organId) + BigInt(d.sortKey));
      if (organMajor.length) await sql`delete from search_organ_items where rowid in (${sql.join(organMajor)})`.execute(db);
    }
  },
  async newest(db, m, s, limit) {
    if (empty(m, s) || limit <= 0) return [];
    if (s.keys && s.keys.length > maxSeeks) return scanKeeping(db, single(m, s), s, limit, scanBatch);
    const organs = organRanges(m, s, organMajor);
    const fromOrganRanges = organs && (await organNewest(db, m, s, organs, limit));
    if (fromOrganRanges) return fromOrganRanges;
    if (await fewInScope(db, s, 2 * limit)) {
      // FTS5 reads a filtered question backwards at up to four times the cost of forwards (each step
      // to the next of an organ's items starts a page of the other terms' lists again): when the
      // scope holds at most twice the items asked for, every match is read forwards instead.
      return (await keyList(db, sql`${ftsSelect(single(m, s), s)} order by rowid asc`)).slice(0, limit);
    }
    return keyList(db, sql`${ftsSelect(single(m, s), s)} order by rowid desc limit ${limit}`);
  },
  async listed(db, s, limit) {
    if (limit <= 0 || s.organIds?.length === 0 || s.keys?.length === 0) return [];
    const tags = tagTerms(s);
    // No tag to read (a year, dates, a node): the sort key's own order in search_docs.
    if (!tags.length) return keyList(db, docsInScope(s, limit));
    const organs = organsListedByRange(s, organMajor);
    const fromOrganRanges = organs && (await organListed(db, s, organs, limit));
    if (fromOrganRanges) return fromOrganRanges;
    // The tags alone, as a question of search_items: FTS5 reads their lists from the newest end and stops.
    const q: FtsQuery = { table: 'search_items', expression: tags.join(' AND ') };
    if (s.keys && s.keys.length > maxSeeks) return scanKeeping(db, q, s, limit, scanBatch);
    return keyList(db, sql`${ftsSelect(q, s)} order by rowid desc limit ${integer(limit)}`);
  },
  async countUpTo(db, m, s, cap) {
    if (empty(m, s)) return 0;
    if (s.keys && s.keys.length > maxSeeks) return (await scanKeeping(db, single(m, s), s, cap, scanBatch)).length;
    const organs = organRanges(m, s, organMajor);
    const fromOrganRanges = organs && (await organCount(db, m, s, organs, cap));
    if (fromOrganRanges !== null) return fromOrganRanges;
    const r = await sql<{ n: number }>`select count(*) as n from (${ftsSelect(single(m, s), s)} limit ${cap})`.execute(db);
    return Number(r.rows[0].n);
  },
  async among(db, m, s, keys) {
    if (!keys.length || empty(m, s)) return new Set();
    // The keys are in the scope already, so its filters only narrow the question: a few organs' tags
    // do (the range of one organ's window holds many other items), a region's list of every organ's
    // tag does not (FTS5 would merge them all for each question) and is left out.
    const filters: Scope = { ...s, organIds: s.organIds && s.organIds.length <= FEW_ORGANS ? s.organIds : null, minKey: undefined, maxKey: undefined };
    const narrowed: Scope = keys.length <= SEEK_KEYS ? { ...filters, keys } : { ...filters, keys: null, minKey: Math.min(...keys), maxKey: Math.max(...keys) };
    let found = new Set(keys);
    for (const q of ftsQueries(m, narrowed)) {
      if (keys.length <= SEEK_KEYS) {
        const r = await sql<{ k: number }>`${ftsSelect(q, narrowed)}`.execute(db);
        const hit = new Set(r.rows.map((x) => Number(x.k)));
        found = new Set([...found].filter((k) => hit.has(k)));
        continue;
      }
      // The range of many keys (the window of newest matches) is read in key order (forwards, which
      // costs FTS5 less than backwards), at most `rangeRowsPerKey` matches a key: a sparse window spans
      // years in which the question may match far more items than the window holds (the start-of-word
      // signal "bi"* over the window of BI, a rare keyword: 335 ms at 1,000,000 items). Keys above the
      // last match read are asked one by one.
      const most = Math.ceil(keys.length * rangeRowsPerKey);
      const r = await sql<{ keys: string }>`select json_group_array(k) as keys from (${ftsSelect(q, narrowed)} order by rowid limit ${integer(most)})`.execute(db);
      const read = JSON.parse(r.rows[0].keys) as number[];
      const hit = new Set(read);
      const reached = read.length < most ? Infinity : read.length ? Math.max(...read) : -Infinity;
      const left = [...found].filter((k) => k > reached);
      for (let i = 0; i < left.length; i += SEEK_KEYS) {
        const some: Scope = { ...filters, keys: left.slice(i, i + SEEK_KEYS) };
        for (const x of (await sql<{ k: number }>`${ftsSelect(q, some)}`.execute(db)).rows) hit.add(Number(x.k));
      }
      found = new Set([...found].filter((k) => hit.has(k)));
    }
    return found;
  },
});

