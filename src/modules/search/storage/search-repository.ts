import { sql, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import type { Executor } from '../../catalog/index.ts';
import type { ParsedQuery } from '../domain/parse-query.ts';
import type { SearchFilters } from '../domain/search-request.ts';
import type { Phrase } from '../domain/tokenize.ts';
import type { FullTextIndex, TokenColumn } from './full-text-index.ts';

export type DocsQuery = SelectQueryBuilder<Database & { d: Database['search_docs'] }, 'd', {}>;

// ---- writing -----------------------------------------------------------------------------

/** What the index needs of one item: its row and its attachments (null when it does not exist). */
export async function loadIndexSource(db: Executor, publicationId: number) {
  const row = await db.selectFrom('publications').selectAll().where('id', '=', publicationId).executeTakeFirst();
  if (!row) return null;
  const attachments = await db.selectFrom('attachments').select(['id', 'file_name', 'storage_key']).where('publication_id', '=', publicationId)
    // What the public sees: not the files a pending revision adds (migration 013).
    .where((eb) => eb.or([eb('revision_state', 'is', null), eb('revision_state', '!=', 'pending_add')]))
    .orderBy('id').execute();
  return { row, attachments };
}

/** Takes an item out of the index: its token rows, its chunks and its facet row. */
export async function clearDoc(db: Executor, index: FullTextIndex, publicationId: number): Promise<void> {
  const chunks = await db.selectFrom('search_chunks').select('id').where('publication_id', '=', publicationId).execute();
  if (chunks.length) await index.remove(db, chunks.map((c) => c.id));
  await db.deleteFrom('search_chunks').where('publication_id', '=', publicationId).execute();
  await db.deleteFrom('search_docs').where('publication_id', '=', publicationId).execute();
}

export async function insertDoc(db: Executor, doc: Database['search_docs'] extends infer T ? { [K in keyof T]: T[K] } : never): Promise<void> {
  await db.insertInto('search_docs').values(doc).execute();
}

/** Published items, oldest first (a rebuild indexes them in batches), optionally of some organs. */
export async function publishedIds(db: Executor, organIds: number[] | null): Promise<number[]> {
  let q = db.selectFrom('publications').select('id').where('status', '=', 'published');
  if (organIds) q = q.where('organ_id', 'in', organIds.length ? organIds : [-1]);
  return (await q.orderBy('id').execute()).map((r) => r.id);
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

export async function saveTokenizerState(db: Executor, version: number, at: string): Promise<void> {
  await db.insertInto('search_state').values({ id: 1, tokenizer_version: version, rebuilt_at: at })
    .onConflict((oc) => oc.column('id').doUpdateSet({ tokenizer_version: version, rebuilt_at: at })).execute();
}

export async function docsWithOtherVersion(db: Executor, version: number): Promise<number> {
  const r = await db.selectFrom('search_docs').select((eb) => eb.fn.countAll<number>().as('n')).where('tokenizer_version', '!=', version).executeTakeFirstOrThrow();
  return Number(r.n);
}

// ---- reading -----------------------------------------------------------------------------

const inSub = (sub: ReturnType<FullTextIndex['matching']>) => sql<boolean>`d.publication_id in (${sub})`;

/**
 * The items that match: every keyword (any of its alternatives) somewhere in the item, or the whole
 * query as the item's 文号 or 索引号; then the filters. Same SQL shape on both databases.
 */
export function matchedDocs(db: Executor, index: FullTextIndex, q: ParsedQuery, f: SearchFilters, scopeOrganIds: number[] | null): DocsQuery {
  let d = db.selectFrom('search_docs as d') as unknown as DocsQuery;
  d = d.where((eb) => {
    const all = q.keywords.map((k) => inSub(index.matching('grams', k.alternatives.map((a) => a.phrase))));
    const ors = [];
    if (all.length) ors.push(eb.and(all));
    if (q.documentNumberKey) ors.push(eb('d.document_number_key', '=', q.documentNumberKey));
    if (q.indexNumberKey) ors.push(eb('d.index_number_key', '=', q.indexNumberKey));
    return ors.length ? eb.or(ors) : sql<boolean>`1 = 0`;
  });
  if (scopeOrganIds) d = d.where('d.organ_id', 'in', scopeOrganIds.length ? scopeOrganIds : [-1]);
  if (f.organId) d = d.where('d.organ_id', '=', f.organId);
  if (f.stage) d = d.where('d.stage', '=', f.stage);
  if (f.genre) d = d.where('d.genre', '=', f.genre);
  if (f.year) d = d.where('d.year', '=', f.year);
  if (f.validity) d = d.where('d.validity', '=', f.validity);
  if (f.fromOn) d = d.where('d.published_on', '>=', f.fromOn);
  if (f.toOn) d = d.where('d.published_on', '<=', f.toOn);
  return d;
}

/** Narrows to items placed in any of the nodes (a node and its sub-nodes). */
export const inNodes = (d: DocsQuery, nodeIds: number[]): DocsQuery =>
  d.where('d.publication_id', 'in', (eb: any) => eb.selectFrom('publication_placements').select('publication_id').where('node_id', 'in', nodeIds.length ? nodeIds : [-1]));

export async function countDocs(d: DocsQuery): Promise<number> {
  const r = await d.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

export type FacetCount = { value: string; count: number };

export async function facetCounts(d: DocsQuery, column: 'organ_id' | 'stage' | 'genre' | 'year' | 'validity'): Promise<FacetCount[]> {
  const rows = await d.select([`d.${column} as value` as any, (eb: any) => eb.fn.countAll().as('n')]).groupBy(`d.${column}` as any).execute() as { value: string | number; n: number | string }[];
  return rows.map((r) => ({ value: String(r.value), count: Number(r.n) })).sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
}

export async function nodeFacetCounts(d: DocsQuery, limit: number): Promise<{ nodeId: number; count: number }[]> {
  const rows = await d.innerJoin('publication_placements as pp', 'pp.publication_id', 'd.publication_id')
    .select(['pp.node_id', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('pp.node_id').execute();
  return rows.map((r) => ({ nodeId: r.node_id, count: Number(r.n) })).sort((a, b) => b.count - a.count || a.nodeId - b.nodeId).slice(0, limit);
}

export type DocRef = { id: number; publishedOn: string };

export async function newestDocs(d: DocsQuery, offset: number, limit: number, excludeIds: number[] = []): Promise<DocRef[]> {
  let q = d.select(['d.publication_id', 'd.published_on']);
  if (excludeIds.length) q = q.where('d.publication_id', 'not in', excludeIds);
  const rows = await q.orderBy('d.published_on', 'desc').orderBy('d.publication_id', 'desc').offset(offset).limit(limit).execute();
  return rows.map((r) => ({ id: r.publication_id, publishedOn: r.published_on }));
}

/** Newest items whose title holds every keyword (candidates for the ranking beyond the newest window). */
export async function titleDocs(d: DocsQuery, index: FullTextIndex, q: ParsedQuery, limit: number): Promise<DocRef[]> {
  if (!q.keywords.length) return [];
  let t = d;
  for (const k of q.keywords) t = t.where(inSub(index.matching('grams', k.alternatives.map((a) => a.phrase), { titleOnly: true })));
  const rows = await t.select(['d.publication_id', 'd.published_on']).orderBy('d.published_on', 'desc').orderBy('d.publication_id', 'desc').limit(limit).execute();
  return rows.map((r) => ({ id: r.publication_id, publishedOn: r.published_on }));
}

export async function exactNumberDocs(db: Executor, q: ParsedQuery, ids: number[]): Promise<Set<number>> {
  if (!ids.length || (!q.documentNumberKey && !q.indexNumberKey)) return new Set();
  const rows = await db.selectFrom('search_docs').select('publication_id').where('publication_id', 'in', ids)
    .where((eb) => eb.or([eb('document_number_key', '=', q.documentNumberKey || '\u0000'), eb('index_number_key', '=', q.indexNumberKey || '\u0000')])).execute();
  return new Set(rows.map((r) => r.publication_id));
}

/** Every indexed item whose 文号 or 索引号 key is the query's, as id and publish date (none when the query names no number). */
export async function numberedDocs(db: Executor, q: ParsedQuery): Promise<{ publication_id: number; published_on: string }[]> {
  if (!q.documentNumberKey && !q.indexNumberKey) return [];
  return db.selectFrom('search_docs').select(['publication_id', 'published_on']).where((eb) => eb.or([
    eb('document_number_key', '=', q.documentNumberKey || '\u0000'), eb('index_number_key', '=', q.indexNumberKey || '\u0000'),
  ])).execute();
}

/** Which of the ids have a chunk matching any of the phrases (in the title only, if asked); reads only those items' chunks. */
export async function idsMatching(db: Executor, index: FullTextIndex, column: TokenColumn, phrases: Phrase[], ids: number[], titleOnly = false): Promise<Set<number>> {
  if (!ids.length || !phrases.length) return new Set();
  const r = await index.matching(column, phrases, { titleOnly, within: ids }).execute(db);
  return new Set(r.rows.map((x) => Number(x.publication_id)));
}

export type FacetColumn = 'organ_id' | 'stage' | 'genre' | 'year' | 'validity';

/**
 * The number of matches and every facet's counts in one statement over the matches computed once
 * (a materialised CTE, on both databases), instead of matching again for each facet.
 */
export async function totalAndFacets(db: Executor, d: DocsQuery, nodeLimit: number) {
  const m = d.select(['d.publication_id', 'd.organ_id', 'd.stage', 'd.genre', 'd.year', 'd.validity']);
  const groups = (['organ_id', 'stage', 'genre', 'year', 'validity'] as const).map((c) =>
    sql`select ${c} as facet, cast(m.${sql.ref(c)} as text) as value, count(*) as n from m group by m.${sql.ref(c)}`);
  const r = await sql<{ facet: string; value: string; n: number | string }>`
    with m as materialized ${m}
    select 'total' as facet, '' as value, count(*) as n from m
    ${sql.join(groups.map((g) => sql`union all ${g}`), sql` `)}
    union all select 'node' as facet, cast(pp.node_id as text) as value, count(*) as n from m join publication_placements pp on pp.publication_id = m.publication_id group by pp.node_id`.execute(db);
  const out: Record<FacetColumn | 'node', FacetCount[]> = { organ_id: [], stage: [], genre: [], year: [], validity: [], node: [] };
  let total = 0;
  for (const row of r.rows) {
    if (row.facet === 'total') total = Number(row.n);
    else out[row.facet as FacetColumn | 'node'].push({ value: String(row.value), count: Number(row.n) });
  }
  for (const list of Object.values(out)) list.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  out.node = out.node.slice(0, nodeLimit);
  return { total, facets: out };
}

/** What a result line shows, for the items of one page. */
export async function resultRows(db: Executor, ids: number[]) {
  if (!ids.length) return [];
  return db.selectFrom('publications as p').innerJoin('organs as o', 'o.id', 'p.organ_id')
    .select(['p.id', 'p.title', 'p.index_number', 'p.document_number', 'p.published_on', 'p.validity', 'p.genre', 'p.stage', 'p.organ_id', 'o.code as organ_code', 'o.name as organ_name'])
    .where('p.id', 'in', ids).execute();
}

export async function chunksOfDocs(db: Executor, ids: number[]) {
  if (!ids.length) return [];
  return db.selectFrom('search_chunks as c').leftJoin('attachments as a', 'a.id', 'c.attachment_id')
    .select(['c.publication_id', 'c.field', 'c.attachment_id', 'c.seq', 'c.text', 'a.file_name'])
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

export async function nodesByIds(db: Executor, ids: number[]) {
  if (!ids.length) return [];
  return db.selectFrom('catalog_nodes').select(['id', 'name', 'parent_id', 'organ_id']).where('id', 'in', ids).execute();
}

// ---- search terms ------------------------------------------------------------------------

/** Counts one search of a term on a day (no address, no session: docs/search.md, "Search terms"). */
export async function countSearchTerm(db: Executor, row: { searchedOn: string; term: string; organId: number; zero: boolean }): Promise<void> {
  const zero = row.zero ? 1 : 0;
  await db.insertInto('search_terms').values({ searched_on: row.searchedOn, term: row.term, organ_id: row.organId, searches: 1, zero_results: zero })
    .onConflict((oc) => oc.columns(['searched_on', 'term', 'organ_id']).doUpdateSet({
      searches: sql`search_terms.searches + 1`, zero_results: sql`search_terms.zero_results + ${zero}`,
    })).execute();
}

export async function topTerms(db: Executor, opts: { fromOn: string; organIds: number[] | null; zeroOnly: boolean; limit: number }) {
  let q = db.selectFrom('search_terms').select(['term', (eb) => eb.fn.sum<number>('searches').as('searches'), (eb) => eb.fn.sum<number>('zero_results').as('zero_results')])
    .where('searched_on', '>=', opts.fromOn);
  if (opts.organIds) q = q.where('organ_id', 'in', opts.organIds.length ? opts.organIds : [-1]);
  if (opts.zeroOnly) q = q.where('zero_results', '>', 0);
  const rows = await q.groupBy('term').execute();
  return rows.map((r) => ({ term: r.term, searches: Number(r.searches), zeroResults: Number(r.zero_results) }))
    .sort((a, b) => (opts.zeroOnly ? b.zeroResults - a.zeroResults : b.searches - a.searches) || (a.term < b.term ? -1 : 1)).slice(0, opts.limit);
}
