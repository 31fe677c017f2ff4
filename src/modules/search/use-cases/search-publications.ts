import type { AppDeps } from '../../../platform/app-deps.ts';
import { listCatalogNodes, listOrgans, pathTo, subtreeIds } from '../../catalog/index.ts';
import { parseQuery, type ParsedQuery } from '../domain/parse-query.ts';
import { compareByRelevance, type RankFacts } from '../domain/rank.ts';
import { RANK_WINDOW, TITLE_CANDIDATES, type SearchRequest } from '../domain/search-request.ts';
import { snippetOf, type SnippetPart } from '../domain/snippet.ts';
import { normalizeText } from '../domain/tokenize.ts';
import { wordPhrasesOf, type Segmenter } from '../domain/word-signal.ts';
import { jiebaSegmenter } from '../segmenter/jieba-segmenter.ts';
import { fullTextIndexFor } from '../storage/full-text-index.ts';
import {
  chunksOfDocs, exactNumberDocs, findNodeOrgan, idsMatching, inNodes, matchedDocs, newestDocs, nodesByIds, numberedDocs, placementsOf,
  resultRows, titleDocs, totalAndFacets, type DocRef, type FacetCount,
} from '../storage/search-repository.ts';

export type SearchHit = {
  id: number;
  title: string;
  titleParts: SnippetPart[];
  organCode: string;
  organName: string;
  catalogPath: string[];
  publishedOn: string;
  indexNumber: string | null;
  documentNumber: string | null;
  validity: string;
  snippet: SnippetPart[];
  /** Set when the words were found only in an attachment: its file name. */
  attachmentHit: string | null;
  exactNumber: boolean;
};

export type SearchResult = {
  query: ParsedQuery;
  total: number;
  hits: SearchHit[];
  facets: { organ: FacetCount[]; node: (FacetCount & { label: string })[]; stage: FacetCount[]; genre: FacetCount[]; year: FacetCount[]; validity: FacetCount[] };
};

const EMPTY_FACETS: SearchResult['facets'] = { organ: [], node: [], stage: [], genre: [], year: [], validity: [] };

/** The organ and every unit below it. */
export async function organAndUnits(deps: AppDeps, organId: number): Promise<number[]> {
  const organs = await listOrgans(deps.db);
  const out = [organId];
  for (let i = 0; i < out.length; i++) for (const o of organs) if (o.parentId === out[i] && !out.includes(o.id)) out.push(o.id);
  return out;
}

/**
 * One search: the matching items (every keyword as a substring, or the 文号/索引号), the facet
 * counts, and one page ranked by relevance (domain/rank.ts) or newest first. Relevance is ranked
 * in the app over a bounded candidate set (the newest RANK_WINDOW matches, the newest title
 * matches and the exact number) so a common word never ranks every match, and both databases
 * produce the same list; beyond the window the list goes on newest first.
 */
export async function searchPublications(deps: AppDeps, req: SearchRequest, segment: Segmenter = jiebaSegmenter()): Promise<SearchResult> {
  const { db } = deps;
  const index = fullTextIndexFor(deps.dialect);
  const query = parseQuery(req.q);
  if (!query.keywords.length && !query.documentNumberKey) return { query, total: 0, hits: [], facets: EMPTY_FACETS };
  const f = req.filters;
  const scope = f.scopeOrganId ? await organAndUnits(deps, f.scopeOrganId) : null;
  let nodeIds: number[] | null = null;
  if (f.nodeId) {
    const node = await findNodeOrgan(db, f.nodeId);
    nodeIds = node ? subtreeIds(await listCatalogNodes(db, node.organ_id), node.id) : [];
  }
  const matched = () => {
    const d = matchedDocs(db, index, query, f, scope);
    return nodeIds ? inNodes(d, nodeIds) : d;
  };

  const counted = await totalAndFacets(db, matched(), 30);
  const total = counted.total;
  if (total === 0) return { query, total, hits: [], facets: EMPTY_FACETS };
  const { organ_id: organ, stage, genre, year, validity } = counted.facets;
  const nodeCounts = counted.facets.node.map((n) => ({ nodeId: Number(n.value), count: n.count }));
  year.sort((a, b) => Number(b.value) - Number(a.value));

  const offset = (req.page - 1) * req.pageSize;
  let page: DocRef[];
  let exact = new Set<number>();
  if (req.sort === 'newest') {
    page = await newestDocs(matched(), offset, req.pageSize);
    exact = await exactNumberDocs(db, query, page.map((p) => p.id));
  } else {
    const [newest, titled] = await Promise.all([newestDocs(matched(), 0, RANK_WINDOW), titleDocs(matched(), index, query, TITLE_CANDIDATES)]);
    const byId = new Map<number, DocRef>();
    for (const r of [...newest, ...titled]) byId.set(r.id, r);
    // The exact 文号/索引号 item is always a candidate, however old.
    const numbered = await numberedDocs(db, query);
    const candidateIds = new Set((await newestDocsAmong(matched(), numbered.map((n) => n.publication_id))).map((r) => r.id));
    for (const n of numbered) if (candidateIds.has(n.publication_id)) byId.set(n.publication_id, { id: n.publication_id, publishedOn: n.published_on });
    const ranked = await rank(deps, index, query, [...byId.values()], segment);
    if (offset < ranked.length) page = ranked.slice(offset, offset + req.pageSize);
    else {
      const extras = ranked.filter((r) => !newest.some((n) => n.id === r.id)).map((r) => r.id);
      page = await newestDocs(matched(), newest.length + (offset - ranked.length), req.pageSize, extras);
    }
    exact = await exactNumberDocs(db, query, page.map((p) => p.id));
  }

  const hits = await presentHits(deps, query, page.map((p) => p.id), exact);
  const nodeRows = await nodesByIds(db, nodeCounts.map((n) => n.nodeId));
  const nodeName = new Map(nodeRows.map((n) => [n.id, n.name]));
  return {
    query, total, hits,
    facets: { organ, stage, genre, year, validity, node: nodeCounts.map((n) => ({ value: String(n.nodeId), count: n.count, label: nodeName.get(n.nodeId) ?? String(n.nodeId) })) },
  };
}

/** The ids among `ids` that the current filters let through. */
async function newestDocsAmong(d: ReturnType<typeof matchedDocs>, ids: number[]): Promise<DocRef[]> {
  if (!ids.length) return [];
  const rows = await d.select(['d.publication_id', 'd.published_on']).where('d.publication_id', 'in', ids).execute();
  return rows.map((r) => ({ id: r.publication_id, publishedOn: r.published_on }));
}

async function rank(deps: AppDeps, index: ReturnType<typeof fullTextIndexFor>, query: ParsedQuery, candidates: DocRef[], segment: Segmenter): Promise<DocRef[]> {
  const ids = candidates.map((c) => c.id);
  const exact = await exactNumberDocs(deps.db, query, ids);
  let titleAll = null as Set<number> | null;
  const score = new Map<number, number>();
  for (const k of query.keywords) {
    const inTitle = await idsMatching(deps.db, index, 'grams', k.alternatives.map((a) => a.phrase), ids, true);
    titleAll = titleAll ? new Set([...titleAll].filter((id: number) => inTitle.has(id))) : inTitle;
    const words = k.alternatives.map((a) => wordPhrasesOf(segment, a.text)).filter((w) => w !== null);
    const [whole, start] = await Promise.all([
      idsMatching(deps.db, index, 'words', words.map((w) => w.exact), ids),
      idsMatching(deps.db, index, 'words', words.map((w) => w.start), ids),
    ]);
    for (const id of ids) score.set(id, (score.get(id) ?? 0) + (whole.has(id) ? 2 : start.has(id) ? 1 : 0));
  }
  const facts: RankFacts[] = candidates.map((c) => ({
    id: c.id, publishedOn: c.publishedOn, exactNumber: exact.has(c.id), titleHasAll: query.keywords.length > 0 && !!titleAll?.has(c.id), wordScore: score.get(c.id) ?? 0,
  }));
  return facts.sort(compareByRelevance).map((f) => ({ id: f.id, publishedOn: f.publishedOn }));
}

async function presentHits(deps: AppDeps, query: ParsedQuery, ids: number[], exact: Set<number>): Promise<SearchHit[]> {
  const { db } = deps;
  const [rows, chunks, placements] = await Promise.all([resultRows(db, ids), chunksOfDocs(db, ids), placementsOf(db, ids)]);
  const words = query.keywords.flatMap((k) => k.alternatives.map((a) => a.text));
  const needles = words.map((w) => normalizeText(w).replace(/[^\p{L}\p{N}]/gu, ''));
  const contains = (text: string) => {
    const t = normalizeText(text).replace(/[^\p{L}\p{N}]/gu, '');
    return needles.some((n) => n && t.includes(n));
  };
  const nodesByOrgan = new Map<number, Awaited<ReturnType<typeof listCatalogNodes>>>();
  const out: SearchHit[] = [];
  for (const id of ids) {
    const r = rows.find((x) => x.id === id);
    if (!r) continue;
    const mine = chunks.filter((c) => c.publication_id === id);
    const body = mine.find((c) => c.field === 'body' && contains(c.text));
    const meta = mine.find((c) => c.field === 'meta' && contains(c.text));
    const attached = mine.find((c) => c.field === 'attachment' && contains(c.text));
    const titleHit = contains(r.title);
    const shown = body ?? (!titleHit && !meta ? attached : undefined) ?? mine.find((c) => c.field === 'body') ?? meta;
    if (!nodesByOrgan.has(r.organ_id)) nodesByOrgan.set(r.organ_id, await listCatalogNodes(db, r.organ_id));
    const firstNode = placements.find((p) => p.publication_id === id)?.node_id;
    out.push({
      id, title: r.title, titleParts: snippetOf(r.title, words, 400), organCode: r.organ_code, organName: r.organ_name,
      catalogPath: firstNode ? pathTo(nodesByOrgan.get(r.organ_id)!, firstNode).map((n) => n.name) : [],
      publishedOn: r.published_on ?? '', indexNumber: r.index_number, documentNumber: r.document_number, validity: r.validity,
      snippet: shown ? snippetOf(shown.text, words) : [],
      attachmentHit: !body && !titleHit && !meta && attached ? attached.file_name ?? '附件' : null,
      exactNumber: exact.has(id),
    });
  }
  return out;
}
