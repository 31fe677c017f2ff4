/** Full-text search of published items: the index (kept current by review's verbs), queries, facets, search terms. */
export { TOKENIZER_VERSION, indexTokens, phraseOf } from './domain/tokenize.ts';
export { parseQuery, type ParsedQuery } from './domain/parse-query.ts';
export { documentNumberKey, indexNumberKey } from './domain/numbers.ts';
export { SYNONYM_GROUPS } from './domain/synonyms.ts';
export type { SearchRequest, SearchFilters, SearchSort } from './domain/search-request.ts';
export { indexPublication, rememberAttachmentText } from './use-cases/index-publication.ts';
export { searchPublications, type SearchResult, type SearchHit } from './use-cases/search-publications.ts';
export { cachedSearch, KeptPerVersion, type SearchFn } from './use-cases/search-cache.ts';
export { reindex } from './use-cases/reindex.ts';
export { indexCondition, indexUpgradeRun } from './use-cases/upgrade-index.ts';
export { SearchTermCounter, searchAsCounted, searchTermReport } from './use-cases/search-terms.ts';
export { searchPortalRoutes, searchAdminRoutes } from './web/search-routes.tsx';
export { searchApi } from './web/search-api.ts';
export { runReindexCommand, REINDEX_USAGE } from './cli/reindex-command.ts';
