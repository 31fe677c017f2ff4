/** What a search asks for, validated at the edge (web/search-params.ts). */
export type SearchSort = 'relevance' | 'newest';

export type SearchFilters = {
  /** The scope: the organ and its units, or null for the whole region. */
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

export type SearchRequest = { q: string; filters: SearchFilters; sort: SearchSort; page: number; pageSize: number };

/** Relevance is ranked over the newest matches up to this many (plus title and 文号 hits); the rest follow newest first. */
export const RANK_WINDOW = 300;
export const TITLE_CANDIDATES = 200;
