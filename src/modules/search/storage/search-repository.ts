import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import type { DialectName } from '../../../platform/db/dialect.ts';
import type { Executor } from '../../catalog/index.ts';
import type { ParsedQuery } from '../domain/parse-query.ts';
import type { FullTextIndex, Scope } from './full-text-index.ts';
import { firstKeyOfYear, idOfSortKey, yearOfSortKey } from '../domain/sort-key.ts';

// ---- writing -----------------------------------------------------------------------------

/** What the index needs of one item: its row and its attachments (null when it does not exist). */
export async function loadIndexSource(db: Executor, publicationId: number) {
  return (await loadIndexSources(db, [publicationId]))[0];
}

/** What the index needs of several items at once (a rebuild's batch), in the order of the ids; null where an item is gone. */
export async function loadIndexSources(db: Executor, ids: number[]) {
  if (!ids.length) return [];
  const rows = await db.selectFrom('publications').selectAll().where('id', 'in', ids).execute();
  // `title`: the 附件名称 the public reads (a revision's change is in pending_title until it is approved).
  const attachments = await db.selectFrom('attachments').select(['id', 'publication_id', 'file_name', 'storage_key', 'title']).where('publication_id', 'in', ids)
    .where((eb) => eb.or([eb('revision_state', 'is', null), eb('revision_state', '!=', 'pending_add')]))
    .orderBy('id').execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => {
    const row = byId.get(id);
    return row ? { row, attachments: attachments.filter((a) => a.publication_id === id).map(({ id: aid, file_name, storage_key, title }) => ({ id: aid, file_name, storage_key, title })) } : null;
  });
}

/** What tells whether an item changed since it was read: its status, version and last change, per id. */
export async function publicationStamps(db: Executor, ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('publications').select(['id', 'status', 'version', 'updated_at']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, stampOf(r)]));
}

export const stampOf = (r: { status: string; version: number; updated_at: string }) => `${r.status}|${r.version}|${r.updated_at}`;

/** Takes items out of the index: their token rows, their chunks and their facet rows. */
export async function clearDocs(db: Executor, index: FullTextIndex, publicationIds: number[]): Promise<void> {
  for (let i = 0; i < publicationIds.length; i += 500) {
    const ids = publicationIds.slice(i, i + 500);
    const docs = await db.selectFrom('search_docs').select(['sort_key', 'organ_id']).where('publication_id', 'in', ids).execute();
    if (docs.length) await index.remove(db, docs.map((d) => ({ sortKey: Number(d.sort_key), organId: d.organ_id })));
    await db.deleteFrom('search_chunks').where('publication_id', 'in', ids).execute();
    await db.deleteFrom('search_docs').where('publication_id', 'in', ids).execute();
  }
}

export type DocRow = Database['search_docs'] extends infer T ? { [K in keyof T]: T[K] } : never;

export async function insertDocs(db: Executor, docs: DocRow[]): Promise<void> {
  for (let i = 0; i < docs.length; i += 500) if (docs.length) await db.insertInto('search_docs').values(docs.slice(i, i + 500)).execute();
}

/**
 * Published items, optionally of some organs, in sort-key order (publication day, then id; oldest
 * first): a rebuild indexes them in batches in this order, so the index rows of items published near
 * in time are stored near each other, and a newest-first search reads few pages (PostgreSQL's chunk
 * rows and their tokens; see docs/search.md, "Speed").
 */
export async function publishedIds(db: Executor, organIds: number[] | null): Promise<number[]> {
  let q = db.selectFrom('publications').select('id').where('status', '=', 'published');
  if (organIds) q = q.where('organ_id', 'in', organIds.length ? organIds : [-1]);
  return (await q.orderBy('published_on').orderBy('id').execute()).map((r) => r.id);
}

/** Index rows of items that are no longer published (a safety net for a rebuild). */
export async function staleDocIds(db: Executor, organIds: number[] | null): Promise<number[]> {
  let q = db.selectFrom('search_docs as d').innerJoin('publications as p', 'p.id', 'd.publication_id').select('d.publication_id').where('p.status', '!=', 'published');
  if (organIds) q = q.where('d.organ_id', 'in', organIds.length ? organIds : [-1]);
  return (await q.execute()).map((r) => r.publication_id);
}

export async function tokenizerState(db: Executor): Promise<number | null> {
  const r = await db.selectFrom('search_state').select('tokenizer_version').where('id', '=', 1).executeTakeFirst();
  return r ? r.tokenizer_version : null;
}

/** After a whole rebuild: every entry is of this tokenizer version, and SQLite's organ-major rows (migration 068) are complete. */
export async function saveRebuiltState(db: Executor, version: number, at: string): Promise<void> {
  await db.insertInto('search_state').values({ id: 1, tokenizer_version: version, rebuilt_at: at, organ_items_ready: 1 })
    .onConflict((oc) => oc.column('id').doUpdateSet({ tokenizer_version: version, rebuilt_at: at, organ_items_ready: 1 })).execute();
}

/** Whether any item's index entry was made by another tokenizer version: two ranges of an index (migration 038), not a count of every entry. */
export async function anyDocWithOtherVersion(db: Executor, version: number): Promise<boolean> {
  const r = await db.selectFrom('search_docs').select('publication_id')
    .where((eb) => eb.or([eb('tokenizer_version', '<', version), eb('tokenizer_version', '>', version)])).limit(1).executeTakeFirst();
  return r !== undefined;
}

/**
 * Up to `limit` items whose index entry another tokenizer version made, read on the index of migration 038 — in the order the
 * entries were written, which after a rebuild is oldest published first — and given back oldest first.
 */
export async function otherVersionDocIds(db: Executor, version: number, limit: number): Promise<number[]> {
  const rows = await db.selectFrom('search_docs').select(['publication_id', 'sort_key'])
    .where((eb) => eb.or([eb('tokenizer_version', '<', version), eb('tokenizer_version', '>', version)])).limit(limit).execute();
  return rows.sort((a, b) => Number(a.sort_key) - Number(b.sort_key)).map((r) => r.publication_id);
}

// ---- reading -----------------------------------------------------------------------------

/** Sort keys of the indexed items whose 文号 or 索引号 key is the query's and that the scope lets through (none when the query names no number). */
export async function numberedKeys(db: Executor, q: ParsedQuery, s: Scope): Promise<number[]> {
  if (!q.documentNumberKey && !q.indexNumberKey) return [];
  const rows = await numberedInScope(db, s, (eb) => eb.or([
    eb('document_number_key', '=', q.documentNumberKey || '\u0000'), eb('index_number_key', '=', q.indexNumberKey || '\u0000'),
  ]));
  return rows.map((r) => r.sortKey);
}

/** The items in scope whose 文号 key is one of `keys` (a 文号 typed with a character more or another: 您是不是要找), newest first. */
export async function documentNumbersIn(db: Executor, keys: string[], s: Scope): Promise<{ sortKey: number; documentNumberKey: string }[]> {
  return keys.length ? numberedInScope(db, s, (eb) => eb('document_number_key', 'in', keys)) : [];
}

async function numberedInScope(db: Executor, s: Scope, which: (eb: ExpressionBuilder<Database, 'search_docs'>) => Expression<SqlBool>) {
  if (s.organIds?.length === 0 || s.keys?.length === 0) return [];
  let d = db.selectFrom('search_docs').select(['sort_key', 'document_number_key']).where(which);
  if (s.organIds) d = d.where('organ_id', 'in', s.organIds);
  if (s.stage) d = d.where('stage', '=', s.stage);
  if (s.genre) d = d.where('genre', '=', s.genre);
  if (s.validity) d = d.where('validity', '=', s.validity);
  if (s.minKey !== undefined) d = d.where('sort_key', '>=', s.minKey);
  if (s.maxKey !== undefined) d = d.where('sort_key', '<=', s.maxKey);
  const rows = (await d.orderBy('sort_key', 'desc').execute()).map((r) => ({ sortKey: Number(r.sort_key), documentNumberKey: r.document_number_key }));
  // A node's key list can be longer than a statement may bind; the numbered items are few.
  if (!s.keys) return rows;
  const inNode = new Set(s.keys);
  return rows.filter((r) => inNode.has(r.sortKey));
}

/** Sort keys of the indexed items placed in any of the nodes (a node and its sub-nodes). */
export async function keysInNodes(db: Executor, nodeIds: number[]): Promise<number[]> {
  if (!nodeIds.length) return [];
  const rows = await db.selectFrom('search_docs as d').select('d.sort_key')
    .where('d.publication_id', 'in', (eb) => eb.selectFrom('publication_placements').select('publication_id').where('node_id', 'in', nodeIds)).execute();
  return rows.map((r) => Number(r.sort_key));
}

/**
 * The facet values of some indexed items, one list per facet in no particular order, and the nodes they are placed in (one
 * entry per placement) with, at the same place in `nodeItem`, the item placed (its sort key on SQLite, its id on PostgreSQL:
 * only told apart, to know which items the 目录栏目 facet counts under two of its columns).
 */
export type FacetColumns = { organ: number[]; stage: string[]; genre: string[]; year: number[]; validity: string[]; node: number[]; nodeItem: number[] };

/**
 * The facet values of some indexed items (a search's sample of up to 1,000), given by their sort keys.
 * On SQLite one statement takes the keys as one JSON text and gives each facet's values as one JSON
 * array: building a row object per item and per placement in the driver cost more than SQLite's reading
 * of them (3.3 ms against 1.5 ms for 1,000 items at 100,000, docs/performance.md), and a list of 1,000
 * parameters would be bound as REALs and prepared again for every other length. The values come from
 * the index led by the sort key (migration 055), the nodes from their copy under the sort key (056,
 * kept by triggers): the newest matches are neighbours there, on a few pages, where their rows by
 * publication id are each on a page of its own.
 */
export async function facetRows(db: Executor, dialect: DialectName, keys: number[]): Promise<FacetColumns> {
  if (!keys.length) return { organ: [], stage: [], genre: [], year: [], validity: [], node: [], nodeItem: [] };
  if (!keys.every(Number.isSafeInteger)) throw new Error('非法编号');
  if (dialect === 'sqlite') {
    const list = JSON.stringify(keys);
    const r = await sql<Record<Exclude<keyof FacetColumns, 'nodeItem'>, string>>`select json_group_array(d.organ_id) as organ, json_group_array(d.stage) as stage,
      json_group_array(d.genre) as genre, json_group_array(d.year) as year, json_group_array(d.validity) as validity,
      (select json_group_array(json_array(n.sort_key, n.node_id)) from json_each(${list}) i join search_doc_nodes n on n.sort_key = i.value) as node
      from json_each(${list}) i join search_docs d indexed by search_docs_facets on d.sort_key = i.value`.execute(db);
    const row = r.rows[0];
    const placed = JSON.parse(row.node) as [number, number][];
    return { organ: JSON.parse(row.organ), stage: JSON.parse(row.stage), genre: JSON.parse(row.genre), year: JSON.parse(row.year), validity: JSON.parse(row.validity), node: placed.map((p) => p[1]), nodeItem: placed.map((p) => p[0]) };
  }
  const ids = keys.map(idOfSortKey);
  // PostgreSQL the same way, with the ids as one int[] parameter and each facet's values as one array
  // (as `in (…)` with a parameter per id the statement was parsed, planned and bound afresh for every
  // length of the sample, and the driver built an object per item and per placement).
  const r = await sql<{ organ: number[] | null; stage: string[] | null; genre: string[] | null; year: number[] | null; validity: string[] | null; node: number[] | null; node_item: number[] | null }>`select
      array_agg(d.organ_id) as organ, array_agg(d.stage) as stage, array_agg(d.genre) as genre, array_agg(d.year) as year, array_agg(d.validity) as validity,
      -- Each placement's node and item, in the same order in both arrays (a placement is one pair).
      (select array_agg(p.node_id order by p.publication_id, p.node_id) from publication_placements p where p.publication_id = any(${ids}::int[])) as node,
      (select array_agg(p.publication_id order by p.publication_id, p.node_id) from publication_placements p where p.publication_id = any(${ids}::int[])) as node_item
    from search_docs d where d.publication_id = any(${ids}::int[])`.execute(db);
  const row = r.rows[0];
  return { organ: row.organ ?? [], stage: row.stage ?? [], genre: row.genre ?? [], year: row.year ?? [], validity: row.validity ?? [], node: row.node ?? [], nodeItem: row.node_item ?? [] };
}

/** What relevance takes from the items themselves (domain/rank.ts: the names in the title, the standing), for the ranked candidates. */
export async function rankRows(db: Executor, ids: number[]) {
  if (!ids.length) return [];
  return db.selectFrom('publications').select(['id', 'title', 'item_kind', 'genre', 'validity', 'organ_id']).where('id', 'in', ids).execute();
}

/** What a result line shows, for the items of one page. */
export async function resultRows(db: Executor, ids: number[]) {
  if (!ids.length) return [];
  return db.selectFrom('publications as p').innerJoin('organs as o', 'o.id', 'p.organ_id')
    .select(['p.id', 'p.title', 'p.index_number', 'p.document_number', 'p.published_on', 'p.validity', 'p.genre', 'p.stage', 'p.organ_id', 'p.summary', 'o.code as organ_code', 'o.name as organ_name'])
    .where('p.id', 'in', ids).execute();
}

export async function chunksOfDocs(db: Executor, ids: number[]) {
  if (!ids.length) return [];
  return db.selectFrom('search_chunks as c').leftJoin('attachments as a', 'a.id', 'c.attachment_id')
    .select(['c.publication_id', 'c.field', 'c.attachment_id', 'c.seq', 'c.text', 'a.file_name', 'a.title as attachment_title'])
    .where('c.publication_id', 'in', ids).orderBy('c.publication_id').orderBy('c.id').execute();
}

export async function placementsOf(db: Executor, ids: number[]) {
  if (!ids.length) return [];
  return db.selectFrom('publication_placements').select(['publication_id', 'node_id']).where('publication_id', 'in', ids).orderBy('node_id').execute();
}

/** A catalog node's id and organ, or undefined when there is no such node. */
export async function findNodeOrgan(db: Executor, nodeId: number) {
  return db.selectFrom('catalog_nodes').select(['id', 'organ_id']).where('id', '=', nodeId).executeTakeFirst();
}

/** The catalog nodes of some organs (a result page's catalog paths), in one query. */
export async function nodesOfOrgans(db: Executor, organIds: number[]) {
  if (!organIds.length) return [];
  const rows = await db.selectFrom('catalog_nodes').select(['id', 'name', 'parent_id', 'organ_id']).where('organ_id', 'in', organIds).execute();
  return rows.map((r) => ({ id: r.id, name: r.name, parentId: r.parent_id, organId: r.organ_id }));
}

/**
 * Some catalog nodes and every ancestor of theirs up to their organ's top column, in one statement (the 目录栏目 facet's
 * paths): as many rows as the paths hold, however large the organs' trees.
 */
export async function nodesWithAncestors(db: Executor, ids: number[]) {
  if (!ids.length) return [];
  if (!ids.every(Number.isSafeInteger)) throw new Error('非法编号');
  const r = await sql<{ id: number; name: string; parent_id: number | null; organ_id: number }>`with recursive up(id) as (
      select id from catalog_nodes where id in (${sql.join(ids)})
      union select c.parent_id from catalog_nodes c join up on c.id = up.id where c.parent_id is not null)
    select n.id, n.name, n.parent_id, n.organ_id from catalog_nodes n where n.id in (select id from up)`.execute(db);
  return r.rows.map((n) => ({ id: Number(n.id), name: n.name, parentId: n.parent_id == null ? null : Number(n.parent_id), organId: Number(n.organ_id) }));
}

// ---- search terms ------------------------------------------------------------------------

/**
 * A term's searches on a day in a scope, as counted since the last write, with the visitors newly seen
 * among them (each visitor once a day per term) and those of them who found nothing.
 */
export type SearchTermCount = { searchedOn: string; term: string; organId: number; searches: number; zeroResults: number; visitors: number; zeroVisitors: number };

/** Adds counted searches to the stored ones (numbers only — no address, no session: docs/search.md, "Search terms"); one statement per 500 terms. */
export async function addSearchTermCounts(db: Executor, counts: SearchTermCount[]): Promise<void> {
  for (let i = 0; i < counts.length; i += 500) {
    const rows = counts.slice(i, i + 500).map((c) => ({
      searched_on: c.searchedOn, term: c.term, organ_id: c.organId, searches: c.searches, zero_results: c.zeroResults, visitors: c.visitors, zero_visitors: c.zeroVisitors,
    }));
    await db.insertInto('search_terms').values(rows)
      .onConflict((oc) => oc.columns(['searched_on', 'term', 'organ_id']).doUpdateSet({
        searches: sql`search_terms.searches + excluded.searches`, zero_results: sql`search_terms.zero_results + excluded.zero_results`,
        visitors: sql`search_terms.visitors + excluded.visitors`, zero_visitors: sql`search_terms.zero_visitors + excluded.zero_visitors`,
      })).execute();
  }
}

/**
 * The terms searched by at least `minVisitors` visitors since `fromOn` (visitors summed over the days: a
 * visitor counts once a day), most visitors first — or, `zeroOnly`, those some of whom found nothing, most of
 * those first.
 */
export async function topTerms(db: Executor, opts: { fromOn: string; organIds: number[] | null; zeroOnly: boolean; limit: number; minVisitors: number }) {
  let q = db.selectFrom('search_terms').select(['term',
    (eb) => eb.fn.sum<number>('visitors').as('visitors'), (eb) => eb.fn.sum<number>('searches').as('searches'), (eb) => eb.fn.sum<number>('zero_visitors').as('zero_visitors')])
    .where('searched_on', '>=', opts.fromOn);
  if (opts.organIds) q = q.where('organ_id', 'in', opts.organIds.length ? opts.organIds : [-1]);
  let grouped = q.groupBy('term').having((eb) => eb.fn.sum('visitors'), '>=', opts.minVisitors);
  if (opts.zeroOnly) grouped = grouped.having((eb) => eb.fn.sum('zero_visitors'), '>', 0);
  const rows = await grouped.execute();
  return rows.map((r) => ({ term: r.term, visitors: Number(r.visitors), searches: Number(r.searches), zeroVisitors: Number(r.zero_visitors) }))
    .sort((a, b) => (opts.zeroOnly ? b.zeroVisitors - a.zeroVisitors : 0) || b.visitors - a.visitors || b.searches - a.searches || (a.term < b.term ? -1 : 1)).slice(0, opts.limit);
}

/** Whether some indexed item has this 体裁 (a 体裁 outside the standard list, from an import, is still a filter the facets offer). */
export async function genreIndexed(db: Executor, genre: string): Promise<boolean> {
  return !!(await db.selectFrom('search_docs').select('sort_key').where('genre', '=', genre).limit(1).executeTakeFirst());
}

/**
 * The years that have indexed items, newest first (the results page's 年份 choices): read by the unique index of the sort
 * key, one look-up of the largest key below the year last found per year — as many look-ups as there are years, at most
 * `max`, whatever the number of items — never a scan or a grouping of every row.
 */
export async function yearsIndexed(db: Executor, max = 200): Promise<number[]> {
  const years: number[] = [];
  let below: number | null = null;
  while (years.length < max) {
    let q = db.selectFrom('search_docs').select((eb) => eb.fn.max('sort_key').as('k'));
    if (below !== null) q = q.where('sort_key', '<', below);
    const k = (await q.executeTakeFirst())?.k;
    if (k === null || k === undefined) break;
    const year = yearOfSortKey(Number(k));
    years.push(year);
    below = firstKeyOfYear(year);
    if (below <= 0) break;
  }
  return years;
}

/**
 * How many of the newest indexed items in a scope `newestDocumentNumber` looks at for one that has a 文号: bounded, so
 * the look-up reads a page or two of the sort key's index whatever the size of the catalog.
 */
export const NUMBER_EXAMPLE_WINDOW = 200;

/**
 * The 文号 of the newest published item that has one, among the scope's newest NUMBER_EXAMPLE_WINDOW indexed items
 * (`organIds` null: the whole region), as the item writes it — the search page's example of a 文号 (docs/search.md,
 * "What a search that found nothing shows"), the portal's own, never another county's. Null when none of them has one.
 */
export async function newestDocumentNumber(db: Executor, organIds: number[] | null): Promise<string | null> {
  if (organIds && !organIds.length) return null;
  const r = await db.selectFrom((eb) => {
    let newest = eb.selectFrom('search_docs').select(['publication_id', 'sort_key', 'document_number_key']);
    if (organIds) newest = newest.where('organ_id', 'in', organIds);
    return newest.orderBy('sort_key', 'desc').limit(NUMBER_EXAMPLE_WINDOW).as('t');
  })
    .innerJoin('publications as p', 'p.id', 't.publication_id')
    .select('p.document_number')
    .where('t.document_number_key', '<>', '').where('p.document_number', 'is not', null).where('p.document_number', '<>', '')
    .orderBy('t.sort_key', 'desc').limit(1).executeTakeFirst();
  return r?.document_number ?? null;
}
