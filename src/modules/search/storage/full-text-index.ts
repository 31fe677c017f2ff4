import { sql, type RawBuilder } from 'kysely';
import type { DialectName } from '../../../platform/db/dialect.ts';
import type { Executor } from '../../catalog/index.ts';
import { genreTag, organTag, stageTag, tagsOf, validityTag } from '../domain/filter-tags.ts';
import type { Phrase } from '../domain/tokenize.ts';

import type { ChunkRow } from '../domain/index-entry.ts';

export type { ChunkRow };

/** One published item as the index stores it: its chunks with their tokens and what filters need. */
export type IndexedDoc = { publicationId: number; sortKey: number; organId: number; stage: string; genre: string; validity: string; chunks: ChunkRow[] };

/**
 * What must occur in an item: every keyword (any one of its alternative phrases) in the gram
 * tokens — of the title only, if asked — and, if given, any of the word phrases in the word tokens.
 * With no keywords and no word phrases nothing matches.
 */
export type Match = { keywords: Phrase[][]; titleOnly?: boolean; words?: Phrase[] };

/** Which items may answer: some organs (null = all), a stage, genre, validity, a sort-key range, or only these keys. */
export type Scope = { organIds: number[] | null; stage?: string; genre?: string; validity?: string; minKey?: number; maxKey?: number; keys?: number[] | null };

/**
 * The one port over the two full-text engines. Both are fed the tokens the app made
 * (domain/tokenize.ts, domain/word-signal.ts) in the same chunks and answer the same phrase
 * queries — consecutive positions within one chunk, the last token possibly a prefix — so they
 * return the same items, always as sort keys (domain/sort-key.ts), newest first.
 */
export interface FullTextIndex {
  /** Stores items' chunks and tokens (a rebuild passes a whole batch: a few statements, not a few per item). */
  insert(db: Executor, docs: IndexedDoc[]): Promise<void>;
  /** Takes items' tokens out (their chunk rows and search_docs rows are the caller's). */
  remove(db: Executor, sortKeys: number[]): Promise<void>;
  /** The newest matching items, at most `limit`, newest first. */
  newest(db: Executor, m: Match, s: Scope, limit: number): Promise<number[]>;
  /** How many items match, counting no further than `cap`. */
  countUpTo(db: Executor, m: Match, s: Scope, cap: number): Promise<number>;
  /** Which of `keys` match. */
  among(db: Executor, m: Match, s: Scope, keys: number[]): Promise<Set<number>>;
}

/** How a long key list is read on SQLite: by key up to `maxSeeks` keys, else by scanning `scanBatch` matches at a time. */
export type IndexTuning = { maxSeeks: number; scanBatch: number };
const DEFAULT_TUNING: IndexTuning = { maxSeeks: 20_000, scanBatch: 5_000 };

/**
 * How PostgreSQL lists the newest matches (see `newestAdaptive`): it first checks the scope's newest
 * `probeFirst` items one by one, then goes on checking item by item while that is estimated cheaper
 * than going through the GIN indexes, at most `probeMax` items a step. `probeCost` scales the
 * estimated cost of checking item by item (0: always item by item; Infinity: never);
 * `candidateCost` is what reading one candidate from a GIN index costs against reading one chunk's
 * tokens for a phrase check (about 6 µs against 25 µs here; the tokens are stored out of line).
 */
export type PgTuning = { probeFirst: number; probeMax: number; probeCost: number; candidateCost: number };
const DEFAULT_PG_TUNING: PgTuning = { probeFirst: 200, probeMax: 20_000, probeCost: 1, candidateCost: 0.25 };

export function fullTextIndexFor(dialect: DialectName, tuning?: IndexTuning | PgTuning): FullTextIndex {
  if (dialect === 'postgres') return tuning && 'probeFirst' in tuning ? postgresTsvectorWith(tuning) : postgresTsvector;
  return tuning && 'maxSeeks' in tuning ? sqliteFts5With(tuning) : sqliteFts5;
}

// Tokens hold letters and digits only (domain/tokenize.ts), so quoting them is safe in both syntaxes.
const assertToken = (t: string) => {
  if (!/^[\p{L}\p{N}]+$/u.test(t)) throw new Error(`非法检索词元：${t}`);
  return t;
};

/** Between chunks in one FTS5 row: a private-use character, never a token of a query, so no phrase spans two chunks. */
const CHUNK_SEPARATOR = '\uE000';

/** Space-separated tokens, checked as a whole: letters and digits only (domain/tokenize.ts). */
const assertTokens = (tokens: string) => {
  if (!/^[\p{L}\p{N} ]*$/u.test(tokens)) throw new Error('非法检索词元');
  return tokens;
};

const joinChunks = (lists: string[]) => lists.map(assertTokens).join(` ${CHUNK_SEPARATOR} `);

// ---- SQLite FTS5: one row per item in three tables, rowid = sort key -----------------------------

const ftsPhrase = (p: Phrase) => `"${p.tokens.map(assertToken).join(' ')}"${p.prefixLast ? '*' : ''}`;
const ftsAny = (ps: Phrase[]) => `(${ps.map(ftsPhrase).join(' OR ')})`;
const quotedTag = (t: string) => `"${t}"`;

/** The scope's filter values as tag terms (domain/filter-tags.ts), AND-ed to a query of any of the tables. */
function tagTerms(s: Scope): string[] {
  const parts = [];
  if (s.organIds) parts.push(`(${s.organIds.map((id) => quotedTag(organTag(id))).join(' OR ')})`);
  if (s.stage) parts.push(quotedTag(stageTag(s.stage)));
  if (s.genre) parts.push(quotedTag(genreTag(s.genre)));
  if (s.validity) parts.push(quotedTag(validityTag(s.validity)));
  return parts;
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

function ftsSelect(q: FtsQuery, s: Scope): RawBuilder<unknown> {
  const parts = [sql`${sql.id(q.table)} match ${q.expression}`];
  if (s.minKey !== undefined) parts.push(sql`rowid >= ${s.minKey}`);
  if (s.maxKey !== undefined) parts.push(sql`rowid <= ${s.maxKey}`);
  if (s.keys) parts.push(sql`rowid in (select value from json_each(${JSON.stringify(s.keys)}))`);
  return sql`select rowid as k from ${sql.id(q.table)} where ${sql.join(parts, sql` and `)}`;
}

/** Nothing can match: nothing asked, or an empty organ or key list, or an empty word list. */
const empty = (m: Match, s: Scope) => (!m.keywords.length && !m.words) || s.organIds?.length === 0 || s.keys?.length === 0 || (m.words !== undefined && !m.words.length);

/** The one table a listing reads (newest and counting ask one question at a time). */
function single(m: Match, s: Scope): FtsQuery {
  const qs = ftsQueries(m, s);
  if (qs.length !== 1) throw new Error('检索索引一次只能按关键词或按词语列出');
  return qs[0];
}

/**
 * Up to this many keys, `among` asks for each key; above, for the keys' range, which suits a dense
 * group such as the window of newest matches (the caller's match keeps other items of the range few).
 * FTS5 sets a query up again for each key (about 1–3 ms each at 100,000 items), so more keys than this
 * cost more one by one than the range does even when the range is sparse.
 */
const SEEK_KEYS = 64;

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

const sqliteFts5With = ({ maxSeeks, scanBatch }: IndexTuning): FullTextIndex => ({
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
    }
  },
  async remove(db, sortKeys) {
    for (let i = 0; i < sortKeys.length; i += 500) {
      const part = sortKeys.slice(i, i + 500);
      for (const table of ['search_items', 'search_titles', 'search_words'] as const) await sql`delete from ${sql.id(table)} where rowid in (${sql.join(part)})`.execute(db);
    }
  },
  async newest(db, m, s, limit) {
    if (empty(m, s) || limit <= 0) return [];
    if (s.keys && s.keys.length > maxSeeks) return scanKeeping(db, single(m, s), s, limit, scanBatch);
    const r = await sql<{ k: number }>`${ftsSelect(single(m, s), s)} order by rowid desc limit ${limit}`.execute(db);
    return r.rows.map((x) => Number(x.k));
  },
  async countUpTo(db, m, s, cap) {
    if (empty(m, s)) return 0;
    if (s.keys && s.keys.length > maxSeeks) return (await scanKeeping(db, single(m, s), s, cap, scanBatch)).length;
    const r = await sql<{ n: number }>`select count(*) as n from (${ftsSelect(single(m, s), s)} limit ${cap})`.execute(db);
    return Number(r.rows[0].n);
  },
  async among(db, m, s, keys) {
    if (!keys.length || empty(m, s)) return new Set();
    // The keys already passed the scope's key list (a node's items), so only the range narrows here.
    const narrowed: Scope = keys.length <= SEEK_KEYS ? { ...s, keys } : { ...s, keys: null, minKey: Math.max(s.minKey ?? -Infinity, Math.min(...keys)), maxKey: Math.min(s.maxKey ?? Infinity, Math.max(...keys)) };
    let found = new Set(keys);
    for (const q of ftsQueries(m, narrowed)) {
      const r = await sql<{ k: number }>`${ftsSelect(q, narrowed)}`.execute(db);
      const hit = new Set(r.rows.map((x) => Number(x.k)));
      found = new Set([...found].filter((k) => hit.has(k)));
    }
    return found;
  },
});
const sqliteFts5 = sqliteFts5With(DEFAULT_TUNING);

/** The chunks' texts (for snippets), with their tsvectors on PostgreSQL, in statements of up to 500 rows. */
async function insertChunkTexts(db: Executor, docs: IndexedDoc[], withTokens: boolean): Promise<void> {
  const all = docs.flatMap((doc) => doc.chunks.map((c) => ({ publicationId: doc.publicationId, c })));
  for (let i = 0; i < all.length; i += 500) {
    const rows = all.slice(i, i + 500).map(({ publicationId, c }) => withTokens
      ? sql`(${publicationId}, ${c.field}, ${c.attachmentId}, ${c.seq}, ${c.text}, ${tsvectorLiteral(splitTokens(c.grams))}::tsvector, ${tsvectorLiteral(splitTokens(c.words))}::tsvector)`
      : sql`(${publicationId}, ${c.field}, ${c.attachmentId}, ${c.seq}, ${c.text})`);
    if (withTokens) await sql`insert into search_chunks (publication_id, field, attachment_id, seq, text, grams, words) values ${sql.join(rows)}`.execute(db);
    else await sql`insert into search_chunks (publication_id, field, attachment_id, seq, text) values ${sql.join(rows)}`.execute(db);
  }
}

// ---- PostgreSQL: tsvector + GIN per chunk, filters and order on search_docs --------------------

const splitTokens = (tokens: string) => (tokens ? tokens.split(' ') : []);

/** A tsvector literal with our own positions (1-based; chunks stay under PostgreSQL's 16,383). */
export function tsvectorLiteral(tokens: string[]): string {
  const positions = new Map<string, number[]>();
  tokens.forEach((t, i) => {
    const list = positions.get(t) ?? [];
    if (list.length < 256) list.push(i + 1); // tsvector keeps at most 256 positions per lexeme
    positions.set(assertToken(t), list);
  });
  return [...positions].map(([t, ps]) => `'${t}':${ps.join(',')}`).join(' ');
}

/** Every piece of an item's text once, without positions: a tsvector for the item-level GIN index (migration 037). */
export function piecesLiteral(chunks: ChunkRow[]): string {
  const pieces = new Set<string>();
  for (const c of chunks) for (const t of splitTokens(c.grams)) pieces.add(assertToken(t));
  return [...pieces].map((t) => `'${t}'`).join(' ');
}

/** Phrases as a tsquery: each one's tokens in order (`<->`, which makes PostgreSQL read each candidate's tokens), or only all present (`&`, which the GIN index answers alone). */
const tsqueryOf = (phrases: Phrase[], joiner: ' <-> ' | ' & ') =>
  phrases.map((p) => `(${p.tokens.map((t, i) => `'${assertToken(t)}'${p.prefixLast && i === p.tokens.length - 1 ? ':*' : ''}`).join(joiner)})`).join(' | ');

/**
 * What one item's chunks must hold, as conditions on chunk rows `c`: each keyword (in the title, if
 * asked), then any word phrase. `exact` checks the order of the pieces (the phrase); otherwise only
 * that they are all in one chunk — a few more items than the phrase, found from the index alone.
 */
function chunkConditions(m: Match, exact = true): RawBuilder<unknown>[] {
  const q = (phrases: Phrase[]) => tsqueryOf(phrases, exact ? ' <-> ' : ' & ');
  const out = m.keywords.map((k) => sql`c.grams @@ ${q(k)}::tsquery${m.titleOnly ? sql` and c.field = 'title'` : sql``}`);
  if (m.words) out.push(sql`c.words @@ ${q(m.words)}::tsquery`);
  return out;
}

/** The scope's conditions on search_docs `d`. */
function docConditions(s: Scope): RawBuilder<unknown>[] {
  const parts: RawBuilder<unknown>[] = [];
  if (s.organIds) parts.push(sql`d.organ_id in (${sql.join(s.organIds)})`);
  if (s.stage) parts.push(sql`d.stage = ${s.stage}`);
  if (s.genre) parts.push(sql`d.genre = ${s.genre}`);
  if (s.validity) parts.push(sql`d.validity = ${s.validity}`);
  if (s.minKey !== undefined) parts.push(sql`d.sort_key >= ${s.minKey}`);
  if (s.maxKey !== undefined) parts.push(sql`d.sort_key <= ${s.maxKey}`);
  if (s.keys) parts.push(sql`d.sort_key in (select cast(value as bigint) from json_array_elements_text(${JSON.stringify(s.keys)}::json))`);
  return parts;
}

const where = (parts: RawBuilder<unknown>[]) => (parts.length ? sql`where ${sql.join(parts, sql` and `)}` : sql``);

/**
 * For each row of `w` (an item: key `k`, id `p`), one look-up per condition, `x0`, `x1`, …, each
 * reading the item's own chunk rows and stopping at the first that meets it. Chained, a look-up runs
 * only when the one before found something. (An EXISTS would be planned as one hashed read of every
 * match of the whole index, which is what these look-ups avoid.)
 */
function lookups(conds: RawBuilder<unknown>[], chained: boolean): RawBuilder<unknown> {
  return sql.join(conds.map((cond, i) => {
    const gate = chained && i > 0 ? sql`${sql.ref(`x${i - 1}.one`)} = 1 and ` : sql``;
    return sql`left join lateral (select 1 as one from search_chunks c where ${gate}c.publication_id = w.p and ${cond} limit 1) ${sql.id(`x${i}`)} on true`;
  }), sql` `);
}
const found = (i: number) => sql`${sql.ref(`x${i}.one`)} is not null`;

type Probed = { k: number; hits: boolean[] };

/** The scope's newest `count` items, each with which conditions it meets (each checked on the item's own chunks). */
async function probe(db: Executor, conds: RawBuilder<unknown>[], s: Scope, count: number): Promise<Probed[]> {
  const r = await sql<Record<string, unknown>>`select w.k, ${sql.join(conds.map((_, i) => sql`${found(i)} as ${sql.id(`h${i}`)}`))}
    from (select d.sort_key as k, d.publication_id as p from search_docs d ${where(docConditions(s))} order by d.sort_key desc limit ${count}) w
    ${lookups(conds, false)} order by w.k desc`.execute(db);
  return r.rows.map((x) => ({ k: Number(x.k), hits: conds.map((_, i) => x[`h${i}`] === true) }));
}

/**
 * The newest matches through the GIN indexes: candidates that hold every piece of the chosen
 * conditions, found from the indexes alone (no phrase check), newest first, each then checked item by
 * item on every condition in the order given, until `limit` items meet them all. Without a title
 * restriction the candidates come from one look-up of the item-level index (`search_item_pieces`),
 * which intersects every keyword inside the index; title keywords go through the title chunks' index,
 * one keyword at a time (`through`).
 */
async function newestThroughIndex(db: Executor, m: Match, plan: IndexPlan, s: Scope, limit: number): Promise<number[]> {
  const exact = chunkConditions(m);
  const chunkPieces = chunkConditions(m, false);
  const itemLevel = !m.titleOnly && m.keywords.length > 0;
  const allPieces = m.keywords.map((k) => `(${tsqueryOf(k, ' & ')})`).join(' & ');
  const filters = itemLevel
    ? [sql`d.sort_key in (select i.sort_key from search_item_pieces i where i.pieces @@ ${allPieces}::tsquery)`, ...(m.words ? [sql`d.publication_id in (select c.publication_id from search_chunks c where ${chunkPieces[m.keywords.length]})`] : [])]
    : plan.through.map((i) => sql`d.publication_id in (select c.publication_id from search_chunks c where ${chunkPieces[i]})`);
  const candidates = sql`select d.sort_key as k, d.publication_id as p from search_docs d ${where([...filters, ...docConditions(s)])} order by d.sort_key desc`;
  const checks = plan.order.map((i) => exact[i]);
  const r = await sql<{ k: number }>`select w.k from (${candidates} offset 0) w ${lookups(checks, true)} where ${found(checks.length - 1)} order by w.k desc limit ${limit}`.execute(db);
  return r.rows.map((x) => Number(x.k));
}

/** About how many items the scope holds and how many chunks an item has, from the planner's statistics (no count is run). */
async function sizeEstimate(db: Executor, s: Scope): Promise<{ items: number; chunksPerItem: number }> {
  const r = await sql<{ docs: number; chunks: number; organs: number }>`select
    (select greatest(reltuples, 0) from pg_class where oid = 'search_docs'::regclass) as docs,
    (select greatest(reltuples, 0) from pg_class where oid = 'search_chunks'::regclass) as chunks,
    (select greatest(reltuples, 1) from pg_class where oid = 'organs'::regclass) as organs`.execute(db);
  const docs = Number(r.rows[0].docs);
  const organShare = s.organIds ? Math.min(1, s.organIds.length / Math.max(1, Number(r.rows[0].organs))) : 1;
  const keyShare = s.keys ? Math.min(1, s.keys.length / Math.max(1, docs)) : 1;
  return { items: docs * organShare * keyShare, chunksPerItem: docs > 0 ? Math.max(1, Number(r.rows[0].chunks) / docs) : 1 };
}

/** The unit of the cost estimates: reading one chunk's tokens for a phrase check. */
const CHUNK_CHECK_COST = 1;

type Shares = number[];

/**
 * How to go through the index for `wanted` more matches, given each condition's share of matching
 * items: check the rarest condition first; read from the index the candidates of the rarest and of
 * each other condition rare enough that reading its candidates costs less than checking it on the
 * extra items it would otherwise let through (a common word is cheaper to check item by item).
 */
export type IndexPlan = { through: number[]; order: number[]; cost: number };

export function indexPlan(shares: Shares, items: number, wanted: number, candidateCost = DEFAULT_PG_TUNING.candidateCost): IndexPlan {
  const order = shares.map((_, i) => i).sort((a, b) => shares[a] - shares[b] || a - b);
  const through = [order[0]];
  let letThrough = 1;
  for (const j of order.slice(1)) {
    const read = shares[j] * items * candidateCost;
    const check = wanted * (1 / Math.max(shares[j], 1e-9) - 1) * CHUNK_CHECK_COST;
    if (read < check) through.push(j);
    else letThrough /= Math.max(shares[j], 1e-9);
  }
  const cost = through.reduce((n, i) => n + shares[i] * items * candidateCost, 0) + wanted * letThrough * shares.length * CHUNK_CHECK_COST;
  return { through: [...through].sort((a, b) => a - b), order, cost };
}

/**
 * The newest matches, reading as little as the words' frequency allows. Reading a keyword's matches
 * through its GIN index costs in proportion to how many there are, which for a common word is most of
 * the items; checking the newest items one by one costs in proportion to the items checked, which for
 * a common word is little more than `limit`. So the scope's newest `probeFirst` items are checked
 * first; the share that matches estimates how common each keyword is, and the cheaper way is taken for
 * the rest, step by step (`indexPlan`). Both ways give the same keys in the same order: the
 * item-by-item part ends at a key, and the index part starts below it.
 */
async function newestAdaptive(db: Executor, m: Match, s: Scope, limit: number, t: PgTuning): Promise<number[]> {
  const conds = chunkConditions(m);
  if (t.probeCost === Infinity) {
    return newestThroughIndex(db, m, indexPlan(conds.map(() => 0), 0, limit, t.candidateCost), s, limit);
  }
  const out: number[] = [];
  const hitsOf = conds.map(() => 0);
  let checked = 0;
  let hits = 0;
  let maxKey = s.maxKey;
  let step = Math.max(1, Math.min(t.probeFirst, limit * 2));
  let size: { items: number; chunksPerItem: number } | null = null;
  for (;;) {
    const rows = await probe(db, conds, { ...s, maxKey }, step);
    for (const row of rows) {
      const all = row.hits.every(Boolean);
      if (all && out.length < limit) out.push(row.k);
      if (all) hits++;
      row.hits.forEach((h, i) => { if (h) hitsOf[i]++; });
    }
    if (out.length >= limit || rows.length < step) return out;
    checked += rows.length;
    maxKey = rows[rows.length - 1].k - 1;
    const wanted = limit - out.length;
    const share = hits / checked;
    size ??= await sizeEstimate(db, s);
    const rest = Math.max(0, size.items - checked);
    const plan = indexPlan(hitsOf.map((n) => n / checked), rest, wanted, t.candidateCost);
    // Through the item-level index only the items holding every keyword's pieces are read (about as many as match).
    if (!m.titleOnly && m.keywords.length) plan.cost = Math.max(share, 1 / checked) * rest * t.candidateCost + wanted * conds.length * CHUNK_CHECK_COST;
    // Checking an item costs one chunk if it matches (the look-up stops there), all its chunks if not.
    const perItem = CHUNK_CHECK_COST * (share + (1 - share) * size.chunksPerItem);
    const byItem = share > 0 ? (wanted / share) * perItem * t.probeCost : Infinity;
    if (byItem > plan.cost) return [...out, ...(await newestThroughIndex(db, m, plan, { ...s, maxKey }, wanted))];
    step = Math.max(1, Math.min(t.probeMax, Math.ceil((wanted / share) * 1.1)));
  }
}

const postgresTsvectorWith = (t: PgTuning): FullTextIndex => ({
  async insert(db, docs) {
    await insertChunkTexts(db, docs, true);
    for (let i = 0; i < docs.length; i += 200) {
      const rows = docs.slice(i, i + 200).map((d) => sql`(${d.sortKey}, ${d.publicationId}, ${piecesLiteral(d.chunks)}::tsvector)`);
      if (rows.length) await sql`insert into search_item_pieces (sort_key, publication_id, pieces) values ${sql.join(rows)}`.execute(db);
    }
  },
  async remove(db, sortKeys) {
    // The chunk rows are the caller's; the item's pieces row is this index's.
    for (let i = 0; i < sortKeys.length; i += 500) await sql`delete from search_item_pieces where sort_key in (${sql.join(sortKeys.slice(i, i + 500))})`.execute(db);
  },
  async newest(db, m, s, limit) {
    if (empty(m, s) || limit <= 0) return [];
    return newestAdaptive(db, m, s, limit, t);
  },
  async countUpTo(db, m, s, cap) {
    if (empty(m, s) || cap <= 0) return 0;
    return (await newestAdaptive(db, m, s, cap, t)).length;
  },
  async among(db, m, s, keys) {
    if (!keys.length || empty(m, s)) return new Set();
    // A few candidates (a result page's window): each checked on its own chunk rows.
    const conds = chunkConditions(m);
    const r = await sql<{ k: number }>`select w.k from (select d.sort_key as k, d.publication_id as p from search_docs d ${where(docConditions({ ...s, keys }))}) w
      ${lookups(conds, true)} where ${found(conds.length - 1)}`.execute(db);
    return new Set(r.rows.map((x) => Number(x.k)));
  },
});
const postgresTsvector = postgresTsvectorWith(DEFAULT_PG_TUNING);
