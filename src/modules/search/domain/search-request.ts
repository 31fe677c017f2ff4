/** What a search asks for, validated at the edge (web/search-params.ts). */
export type SearchSort = 'relevance' | 'newest';

export type SearchFilters = {
  /** The scope: one organ's own items (the organ and its internal units, never the organs under it), or null for the whole site. */
  scopeOrganId: number | null;
  organId?: number;
  nodeId?: number;
  stage?: string;
  genre?: string;
  year?: number;
  validity?: string;
  fromOn?: string;
  toOn?: string;
};

/**
 * Whether a search names any filter: an organ as its scope, a node, a stage, 体裁, year, 效力 or a date. With one and
 * no word the search lists what the filters let through, newest first (docs/search.md, "Filters without a word");
 * with neither there is nothing to search.
 */
export const hasFilter = (f: SearchFilters): boolean =>
  f.scopeOrganId !== null || [f.organId, f.nodeId, f.stage, f.genre, f.year, f.validity, f.fromOn, f.toOn].some((v) => v !== undefined && v !== null && v !== '');

export type SearchRequest = { q: string; filters: SearchFilters; sort: SearchSort; page: number; pageSize: number };

/**
 * Whether a search without a word lists items (docs/search.md, "Filters without a word"): a filter chosen, or the newest
 * first asked for with none — everything, newest first (the home page's 最新公开信息 › 更多), bounded as every listing is.
 */
export const listsWithoutWord = (req: Pick<SearchRequest, 'filters' | 'sort'>): boolean => hasFilter(req.filters) || req.sort === 'newest';

/** Relevance is ranked over the newest matches up to this many (plus title and 文号 hits); the rest follow newest first. */
export const RANK_WINDOW = 150;
export const TITLE_CANDIDATES = 60;

/** Matches are counted up to this many; beyond it the portal says "more than". */
export const TOTAL_CAP = 1_000;
/** Facet counts are exact up to this many matches; beyond it they are counted over the newest this many. */
export const FACET_SAMPLE = 1_000;

/** The bounds above as one value, so a test can make them small enough to cross with a few items. */
export type SearchLimits = { rankWindow: number; titleCandidates: number; totalCap: number; facetSample: number };
export const SEARCH_LIMITS: SearchLimits = { rankWindow: RANK_WINDOW, titleCandidates: TITLE_CANDIDATES, totalCap: TOTAL_CAP, facetSample: FACET_SAMPLE };

/** Whether a search has filters besides its scope (the results page's 已选条件). */
export const narrowedBeyondScope = ({ scopeOrganId: _scope, ...filters }: SearchFilters) => Object.values(filters).some((v) => v !== undefined && v !== null && v !== '');
