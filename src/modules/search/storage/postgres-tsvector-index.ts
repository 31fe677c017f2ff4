import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../catalog/index.ts';
import type { Phrase } from '../domain/tokenize.ts';
import { SORT_KEY_LIMIT } from '../domain/sort-key.ts';
import { isTag, scopeTags, tagsOf } from '../domain/filter-tags.ts';
import type { FullTextIndex, IndexedDoc, Match, PgTuning, Scope } from './full-text-index.ts';
import { assertToken, empty, insertChunkTexts, splitTokens, tsvectorLiteral } from './index-rows.ts';
import { CHUNK_CHECK_COST, indexPlan, indexReadItems, itemByItemCost, piecesToAsk, type IndexPlan } from './index-plan.ts';

/**
 * The full-text index on PostgreSQL (docs/search.md, "Speed"; migrations 011, 037, 044, 052): chunk
 * rows with tsvectors, one positionless row of pieces and filter tags per item under a GIN index,
 * filters, the newest-first order and the title's tokens (under their own GIN index) in `search_docs`.
 */

const assertTag = (t: string) => {
  if (!isTag(t)) throw new Error(`非法筛选词元：${t}`);
  return t;
};

/**
 * Every piece of an item's text once, without positions, and its filter values as tags
 * (domain/filter-tags.ts): a tsvector for the item-level GIN index (migrations 037, 044).
 */
export function piecesLiteral(doc: Pick<IndexedDoc, 'chunks' | 'organId' | 'stage' | 'genre' | 'validity'>): string {
  const pieces = new Set<string>();
  for (const c of doc.chunks) for (const t of splitTokens(c.grams)) pieces.add(assertToken(t));
  for (const t of tagsOf(doc)) pieces.add(assertTag(t));
  return [...pieces].map((t) => `'${t}'`).join(' ');
}

/** The scope's filters as a tsquery on the tags, AND-ed to the keywords' pieces (empty when the scope has none). */
const tagQuery = (s: Scope) => scopeTags(s).map((any) => ` & (${any.map((t) => `'${assertTag(t)}'`).join(' | ')})`).join('');

/** Phrases as a tsquery: each one's tokens in order (`<->`, which makes PostgreSQL read each candidate's tokens), or only all present (`&`, which the GIN index answers alone). */
const tsqueryOf = (phrases: Phrase[], joiner: ' <-> ' | ' & ') =>
  phrases.map((p) => `(${p.tokens.map((t, i) => `'${assertToken(t)}'${p.prefixLast && i === p.tokens.length - 1 ? ':*' : ''}`).join(joiner)})`).join(' | ');

/**
 * One condition an item must meet: tested on the item's title tokens in its search_docs row (`onDoc`,
 * the candidate row's `w.t`: stored inline, no other row read), or on the item's chunk rows `c`.
 */
type Cond = { onDoc: boolean; test: RawBuilder<unknown> };

/**
 * What one item must hold: each keyword (in its whole text, or in the title only, if asked), then any
 * word phrase in its chunks. `exact` checks the order of the pieces (the phrase); otherwise only that
 * they are all in one chunk — a few more items than the phrase, found from the index alone.
 */
function chunkConditions(m: Match, exact = true): Cond[] {
  const q = (phrases: Phrase[]) => tsqueryOf(phrases, exact ? ' <-> ' : ' & ');
  const out: Cond[] = m.keywords.map((k) => (m.titleOnly ? { onDoc: true, test: sql`w.t @@ ${q(k)}::tsquery` } : { onDoc: false, test: sql`c.grams @@ ${q(k)}::tsquery` }));
  if (m.words) out.push({ onDoc: false, test: sql`c.words @@ ${q(m.words)}::tsquery` });
  return out;
}

/** The title keywords' pieces, as one tsquery for the GIN index over the titles in search_docs (migration 052). */
const titlePieces = (m: Match, which: number[]) => which.filter((i) => i < m.keywords.length).map((i) => `(${tsqueryOf(m.keywords[i], ' & ')})`).join(' & ');

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
 * For each row of `w` (an item: key `k`, id `p`, title tokens `t`), one look-up per chunk condition,
 * `x0`, `x1`, …, each reading the item's own chunk rows and stopping at the first that meets it (a
 * title condition is tested on `w.t` and needs none). Chained, a look-up runs only when the conditions
 * before it were met. (An EXISTS would be planned as one hashed read of every match of the whole
 * index, which is what these look-ups avoid.)
 */
function lookups(conds: Cond[], chained: boolean): RawBuilder<unknown> {
  return sql.join(conds.flatMap((cond, i) => {
    if (cond.onDoc) return [];
    const gate = chained && i > 0 ? sql`${found(conds, i - 1)} and ` : sql``;
    return [sql`left join lateral (select 1 as one from search_chunks c where ${gate}c.publication_id = w.p and ${cond.test} limit 1) ${sql.id(`x${i}`)} on true`];
  }), sql` `);
}
/** Whether the row of `w` meets condition `i` (chained: and every one before it). */
const found = (conds: Cond[], i: number): RawBuilder<unknown> => (conds[i].onDoc ? sql`(${conds[i].test})` : sql`${sql.ref(`x${i}.one`)} is not null`);
const foundAll = (conds: Cond[]) => sql.join(conds.map((_, i) => found(conds, i)), sql` and `);
/** The candidate row's columns: key, id, and the title tokens when a condition tests them. */
const docColumns = (conds: Cond[]) => (conds.some((c) => c.onDoc) ? sql`d.sort_key as k, d.publication_id as p, d.title_grams as t` : sql`d.sort_key as k, d.publication_id as p`);

type Probed = { k: number; hits: boolean[] };

/** The scope's newest `count` items, each with which conditions it meets (each checked on the item's own chunks). */
async function probe(db: Executor, conds: Cond[], s: Scope, count: number): Promise<Probed[]> {
  const r = await sql<Record<string, unknown>>`select w.k, ${sql.join(conds.map((_, i) => sql`${found(conds, i)} as ${sql.id(`h${i}`)}`))}
    from (select ${docColumns(conds)} from search_docs d ${where(docConditions(s))} order by d.sort_key desc limit ${count}) w
    ${lookups(conds, false)} order by w.k desc`.execute(db);
  return r.rows.map((x) => ({ k: Number(x.k), hits: conds.map((_, i) => x[`h${i}`] === true) }));
}

/**
 * The newest matches through the GIN indexes: candidates that hold every piece of the chosen
 * conditions, found from the indexes alone (no phrase check), newest first, each then checked item by
 * item on every condition in the order given, until `limit` items meet them all. Without a title
 * restriction the candidates come from one look-up of the item-level index (`search_item_pieces`),
 * which intersects every keyword inside the index; title keywords through the GIN index over the
 * titles in search_docs, which intersects the keywords chosen (`through`) and, for the planner, the
 * scope's organ and key range, so only the rows of the items that hold them all are read.
 */
async function newestThroughIndex(db: Executor, m: Match, plan: IndexPlan, s: Scope, limit: number): Promise<number[]> {
  const exact = chunkConditions(m);
  const chunkPieces = chunkConditions(m, false);
  const itemLevel = !m.titleOnly && m.keywords.length > 0;
  const allPieces = itemLevel ? await itemLevelQuery(db, m.keywords) : '';
  // Items named by chunk rows (each condition's, intersected) are looked up by id, as one array: as
  // `in (…)` the planner hashed them against a read of every search_docs row once it expected a few
  // thousand, a cost that grows with the whole index (this path is taken only when the chunks read
  // are few). One array, because a second `= any(array)` would be tested by reading the array per row.
  const byChunks = (alias: 'd' | 'i', conds: RawBuilder<unknown>[]) => conds.length
    ? [sql`${sql.ref(`${alias}.publication_id`)} = any(array(${sql.join(conds.map((c) => sql`select c.publication_id from search_chunks c where ${c}`), sql` intersect `)}))`]
    : [];
  const words = m.words ? [chunkPieces[m.keywords.length].test] : [];
  const titles = titlePieces(m, plan.through);
  const candidates = itemLevel && !s.keys
    ? itemLevelCandidates(allPieces + tagQuery(s), byChunks('i', words), s)
    : sql`select ${docColumns(exact)} from search_docs d ${where([
      ...(itemLevel
        ? [sql`d.sort_key in (select i.sort_key from search_item_pieces i where i.pieces @@ ${allPieces}::tsquery)`, ...byChunks('d', words)]
        : [...(titles ? [sql`d.title_grams @@ ${titles}::tsquery`] : []), ...byChunks('d', plan.through.filter((i) => !exact[i].onDoc).map((i) => chunkPieces[i].test))]),
      ...docConditions(s),
    ])} order by d.sort_key desc`;
  // The item-level index answers a keyword of one piece exactly: its candidates are its matches.
  const checks = plan.order.filter((i) => !itemLevel || needsCheck(m, i)).map((i) => exact[i]);
  const r = checks.length
    ? await sql<{ k: number }>`select w.k from (${candidates} offset 0) w ${lookups(checks, true)} where ${foundAll(checks)} order by w.k desc limit ${limit}`.execute(db)
    : await sql<{ k: number }>`select w.k from (${candidates}) w order by w.k desc limit ${limit}`.execute(db);
  return r.rows.map((x) => Number(x.k));
}

/**
 * Each piece's share of the items, from the planner's statistics of the pieces rows (`pg_stats`: the
 * most common elements; a piece not listed is rarer than those, 0 here). Only the given pieces.
 */
async function pieceShares(db: Executor, pieces: string[]): Promise<Map<string, number>> {
  if (!pieces.length) return new Map();
  const r = await sql<{ e: string; f: number }>`select u.e, u.f from pg_stats s, unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) u(e, f)
    where s.schemaname = current_schema() and s.tablename = 'search_item_pieces' and s.attname = 'pieces' and u.e = any(${pieces}::text[])`.execute(db);
  return new Map(r.rows.map((x) => [x.e, Number(x.f)]));
}

/**
 * The keywords as a question for the item-level GIN index: every piece of each, but of a phrase of
 * several pieces (checked on the item's chunks afterwards) only those not held by most items
 * (`piecesToAsk`). PostgreSQL 15 decodes a named piece's whole posting list, and the pieces held by
 * most items have the longest: asking for them cost most of the index's time and grew with the
 * catalog, while they let through almost the same candidates (docs/performance.md, 2026-12-06).
 */
async function itemLevelQuery(db: Executor, keywords: Phrase[][]): Promise<string> {
  const several = keywords.flat().filter((p) => p.tokens.length > 1);
  const shares = await pieceShares(db, [...new Set(several.flatMap((p) => p.tokens))]);
  // (A prefix piece, the last of its phrase, is always kept, and stays the last.)
  const asked = keywords.map((k) => k.map((p) => ({ tokens: piecesToAsk(p.tokens, (t) => shares.get(t) ?? 0, p.prefixLast), prefixLast: p.prefixLast })));
  return asked.map((k) => `(${tsqueryOf(k, ' & ')})`).join(' & ');
}

/**
 * Whether every alternative of a keyword is a single piece (a two-character word, one Latin or digit
 * run): an item holds it exactly when the item-level index lists the piece, so no phrase is checked.
 */
const onePiece = (keyword: Phrase[]) => keyword.every((p) => p.tokens.length === 1);

/** Whether condition `i` of a match must be checked on an item's chunks once the item-level index found the item. */
const needsCheck = (m: Match, i: number) => !(i < m.keywords.length && onePiece(m.keywords[i]));

/**
 * Candidates of a scope without a list of chosen keys (a catalog node's items), from the item-level
 * index alone: the query holds the keywords' pieces and the filters' tags, so the GIN index intersects
 * them (an organ's few thousand items, not every match of a common word in the catalog), and its rows
 * carry the sort key and the id, so no search_docs row is read. (Joined to search_docs, the planner
 * hashed the candidates against a read of every search_docs row, a cost that grows with the whole index.)
 * The bounds are written `sort_key + 0` so the rows come from the GIN index's bitmap: on the key's own
 * index the planner would read the range backwards and test each row's pieces, out of line, one by one.
 */
function itemLevelCandidates(query: string, extra: RawBuilder<unknown>[], s: Scope): RawBuilder<unknown> {
  const bounds = [
    ...(s.minKey !== undefined ? [sql`i.sort_key + 0 >= ${s.minKey}`] : []),
    ...(s.maxKey !== undefined ? [sql`i.sort_key + 0 <= ${s.maxKey}`] : []),
  ];
  return sql`select i.sort_key as k, i.publication_id as p from search_item_pieces i ${where([sql`i.pieces @@ ${query}::tsquery`, ...extra, ...bounds])} order by i.sort_key desc`;
}

/** About how many items the scope holds and how many chunks an item has, from the planner's statistics (no count is run). */
async function sizeEstimate(db: Executor, s: Scope): Promise<{ items: number; catalog: number; chunksPerItem: number }> {
  const r = await sql<{ docs: number; chunks: number; organs: number }>`select
    (select greatest(reltuples, 0) from pg_class where oid = 'search_docs'::regclass) as docs,
    (select greatest(reltuples, 0) from pg_class where oid = 'search_chunks'::regclass) as chunks,
    (select greatest(reltuples, 1) from pg_class where oid = 'organs'::regclass) as organs`.execute(db);
  const docs = Number(r.rows[0].docs);
  const organShare = s.organIds ? Math.min(1, s.organIds.length / Math.max(1, Number(r.rows[0].organs))) : 1;
  const keyShare = s.keys ? Math.min(1, s.keys.length / Math.max(1, docs)) : 1;
  return { items: docs * organShare * keyShare, catalog: docs * keyShare, chunksPerItem: docs > 0 ? Math.max(1, Number(r.rows[0].chunks) / docs) : 1 };
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
  let size: Awaited<ReturnType<typeof sizeEstimate>> | null = null;
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
    // A title question under an organ filter reads the title matches of the whole catalog (`indexReadItems`).
    const read = Math.max(0, indexReadItems({ scopeItems: size.items, catalogItems: size.catalog, titleOnly: !!m.titleOnly, organFilter: !!s.organIds }) - checked);
    const plan = indexPlan(hitsOf.map((n) => n / checked), read, wanted, t.candidateCost);
    // Through the item-level index only the items holding every keyword's pieces are read (about as many as match).
    // A keyword of one piece is answered by that index alone (no check).
    if (!m.titleOnly && m.keywords.length) plan.cost = Math.max(share, 1 / checked) * rest * t.candidateCost + wanted * conds.filter((_, i) => needsCheck(m, i)).length * CHUNK_CHECK_COST;
    const byItem = share > 0 ? itemByItemCost({ share, wanted, chunksPerItem: size.chunksPerItem, titleOnly: !!m.titleOnly, items: rest }) * t.probeCost : Infinity;
    if (byItem > plan.cost) return [...out, ...(await newestThroughIndex(db, m, plan, { ...s, maxKey }, wanted))];
    step = Math.max(1, Math.min(t.probeMax, Math.ceil((wanted / share) * 1.1)));
  }
}

/**
 * A listing without words (docs/search.md, "Filters without a word"), newest first, at most `limit`. A scope of key
 * bounds alone (a year, dates) is read backwards on the sort key's index of search_docs and stops at `limit`; a
 * catalog node's keys are looked up as they are (as many as the node holds). With filter tags (organ, stage, 体裁,
 * 效力) the newest items are read by key — within a few organs each organ's on search_docs' index of organ and sort
 * key, otherwise the whole range's on the sort key's — each kept when its own columns hold the other filters: cheap
 * while the filters are common, the usual case. It goes in steps sized by the share found, at most `probeMax` items
 * in all; filters too rare among the newest items to be found within them are then answered by their tags in the item-level GIN index
 * (migration 044), below the last key read: an index that lists only the items holding every tag. Never a read of
 * every item sorted.
 */
async function listedAdaptive(db: Executor, s: Scope, limit: number, t: PgTuning): Promise<number[]> {
  if (!scopeTags(s).length || s.keys) {
    const r = await sql<{ k: number }>`select d.sort_key as k from search_docs d ${where(docConditions(s))} order by d.sort_key desc limit ${limit}`.execute(db);
    return r.rows.map((x) => Number(x.k));
  }
  if (s.organIds && s.organIds.length > 1 && s.organIds.length <= FEW_ORGANS) {
    const lists: number[][] = [];
    for (const id of s.organIds) lists.push(await listedWalk(db, { ...s, organIds: [id] }, limit, t));
    return lists.flat().sort((a, b) => b - a).slice(0, limit);
  }
  return listedWalk(db, s, limit, t);
}

/** Up to this many organs, a listing reads each organ's items by its own key range (`listedAdaptive`). */
const FEW_ORGANS = 8;

/** One walk of `listedAdaptive`: by one organ's keys (its index of organ and sort key), or by the range's. */
async function listedWalk(db: Executor, s: Scope, limit: number, t: PgTuning): Promise<number[]> {
  const organ = s.organIds?.length === 1 ? s.organIds[0] : null;
  const held = docConditions({ organIds: organ === null ? s.organIds : null, stage: s.stage, genre: s.genre, validity: s.validity });
  const out: number[] = [];
  let maxKey = s.maxKey;
  let read = 0;
  // Every item of one organ's range holds its filters when it has no other: the first `limit` are the answer.
  let step = held.length ? Math.max(1, Math.min(t.probeMax, Math.max(t.probeFirst, 2 * limit))) : limit;
  for (;;) {
    // One organ's keys as a range of its index of organ and sort key, ordered as that index is: written as an
    // equality the organ would leave the sort key's own index free to serve the order, and the planner read the
    // whole catalog backwards, newest first, for an organ whose items are all old.
    const inRange = organ === null
      ? sql`${where(docConditions({ organIds: null, minKey: s.minKey, maxKey }))} order by d.sort_key desc`
      : sql`where (d.organ_id, d.sort_key) between (${organ}, ${Math.max(0, s.minKey ?? 0)}) and (${organ}, ${maxKey ?? SORT_KEY_LIMIT - 1}) order by d.organ_id desc, d.sort_key desc`;
    const ok = held.length ? sql.join(held, sql` and `) : sql`true`;
    const r = await sql<{ found: (number | string)[] | null; n: number | string; last: number | string | null }>`select
        array_agg(w.k order by w.k desc) filter (where w.ok) as found, count(*) as n, min(w.k) as last
      from (select d.sort_key as k, (${ok}) as ok from search_docs d ${inRange} limit ${step}) w`.execute(db);
    const row = r.rows[0];
    out.push(...(row.found ?? []).map(Number).slice(0, limit - out.length));
    const n = Number(row.n);
    read += n;
    if (out.length >= limit || n < step) return out;
    maxKey = Number(row.last) - 1;
    const share = out.length / read;
    const wanted = share > 0 ? Math.ceil(((limit - out.length) / share) * 1.1) : Infinity;
    // Not found within probeMax items at this share: the index of tags at once, not the rest of the walk first.
    if (read + wanted > t.probeMax) break;
    step = Math.max(1, wanted);
  }
  // Rare among the newest items: the items holding every tag, from the GIN index (a bitmap of those items only),
  // below the last key read. Ordered by `sort_key + 0` so that the planner does not read the primary key backwards
  // instead, testing each row's pieces — out of line — one by one.
  const query = scopeTags(s).map((any) => `(${any.map((tag) => `'${assertTag(tag)}'`).join(' | ')})`).join(' & ');
  const bounds = [sql`i.pieces @@ ${query}::tsquery`, ...(s.minKey !== undefined ? [sql`i.sort_key + 0 >= ${s.minKey}`] : []), sql`i.sort_key + 0 <= ${maxKey!}`];
  const rest = await sql<{ k: number }>`select i.sort_key as k from search_item_pieces i ${where(bounds)} order by i.sort_key + 0 desc limit ${limit - out.length}`.execute(db);
  return [...out, ...rest.rows.map((x) => Number(x.k))];
}

export const postgresTsvectorIndex = (t: PgTuning): FullTextIndex => ({
  async compact(db) {
    // GIN has no segments to merge (autovacuum empties its pending list); fresh statistics let the
    // planner see the rebuilt tables' sizes at once instead of at autovacuum's next turn.
    await sql`analyze search_docs, search_chunks, search_item_pieces`.execute(db);
  },
  async insert(db, docs) {
    await insertChunkTexts(db, docs, true);
    // The title's tokens also in the item's search_docs row (written by the caller just before), for title questions.
    for (let i = 0; i < docs.length; i += 200) {
      const rows = docs.slice(i, i + 200).map((d) => sql`(${d.sortKey}::bigint, ${tsvectorLiteral(splitTokens(d.chunks.find((c) => c.field === 'title')?.grams ?? ''))}::tsvector)`);
      if (rows.length) await sql`update search_docs d set title_grams = v.t from (values ${sql.join(rows)}) v(k, t) where d.sort_key = v.k`.execute(db);
    }
    for (let i = 0; i < docs.length; i += 200) {
      const rows = docs.slice(i, i + 200).map((d) => sql`(${d.sortKey}, ${d.publicationId}, ${piecesLiteral(d)}::tsvector)`);
      if (rows.length) await sql`insert into search_item_pieces (sort_key, publication_id, pieces) values ${sql.join(rows)}`.execute(db);
    }
  },
  async remove(db, docs) {
    // The chunk rows are the caller's; the item's pieces row is this index's.
    const sortKeys = docs.map((d) => d.sortKey);
    for (let i = 0; i < sortKeys.length; i += 500) await sql`delete from search_item_pieces where sort_key in (${sql.join(sortKeys.slice(i, i + 500))})`.execute(db);
  },
  async newest(db, m, s, limit) {
    if (empty(m, s) || limit <= 0) return [];
    return newestAdaptive(db, m, s, limit, t);
  },
  async listed(db, s, limit) {
    if (limit <= 0 || s.organIds?.length === 0 || s.keys?.length === 0) return [];
    return listedAdaptive(db, s, limit, t);
  },
  async countUpTo(db, m, s, cap) {
    if (empty(m, s) || cap <= 0) return 0;
    return (await newestAdaptive(db, m, s, cap, t)).length;
  },
  async among(db, m, s, keys) {
    if (!keys.length || empty(m, s)) return new Set();
    // A few candidates (a result page's window), in the scope already: each checked on its own chunk rows
    // or title tokens. `offset 0` keeps the keys' look-up apart: with a title condition beside it the
    // planner read every title match of the catalog through the GIN index and then kept the keys'.
    const conds = chunkConditions(m);
    const r = await sql<{ k: number }>`select w.k from (select ${docColumns(conds)} from search_docs d ${where(docConditions({ organIds: null, keys }))} offset 0) w
      ${lookups(conds, true)} where ${foundAll(conds)}`.execute(db);
    return new Set(r.rows.map((x) => Number(x.k)));
  },
});
