/**
 * Tables of the search area, created by ../migrations/011-search.ts. Conventions: see ../schema.ts.
 * The token columns (FTS5 table on SQLite, tsvector columns on PostgreSQL) are written with raw SQL
 * in src/modules/search/storage and are not declared here.
 */
export interface SearchTables {
  search_docs: SearchDocsTable;
  search_chunks: SearchChunksTable;
  search_terms: SearchTermsTable;
  /** `organ_items_ready` (migration 068, SQLite): 1 when `search_organ_items` holds every indexed item's organ-major row. */
  search_state: { id: number; tokenizer_version: number; rebuilt_at: string | null; organ_items_ready: import('kysely').Generated<number> };
}

export interface SearchDocsTable {
  publication_id: number;
  organ_id: number;
  published_on: string;
  year: number;
  stage: string;
  genre: string;
  validity: string;
  /** 文号 normalised (brackets, full-width digits) so 岚建[2026]63号 finds 岚建〔2026〕63号; '' when none. */
  document_number_key: string;
  index_number_key: string;
  /** Newest first: the publication day and the id in one number (domain/sort-key.ts); the FTS5 rowid on SQLite. */
  sort_key: number;
  tokenizer_version: number;
  indexed_at: string;
}

export interface SearchChunksTable {
  id: import('kysely').Generated<number>;
  publication_id: number;
  field: 'title' | 'meta' | 'body' | 'attachment';
  attachment_id: number | null;
  seq: number;
  text: string;
}

/**
 * Searches per day, term and scope (0 = the whole region): no address, no session, no person. `visitors`
 * (migration 074): the different visitors that day, each once per term under the scope they first searched
 * it in; `zero_visitors` those of them who found nothing — numbers only (docs/search.md, "Search terms").
 */
export interface SearchTermsTable {
  searched_on: string;
  term: string;
  organ_id: number;
  searches: number;
  zero_results: number;
  visitors: import('kysely').Generated<number>;
  zero_visitors: import('kysely').Generated<number>;
}
