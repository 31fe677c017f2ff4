import type { AppDeps } from '../../../platform/app-deps.ts';
import { contentVersionReader, type ContentVersion } from '../../../platform/db/content-version.ts';
import type { SearchRequest } from '../domain/search-request.ts';
import { searchPublications, type SearchResult } from './search-publications.ts';

/** The portal's and the API's search: `searchPublications` through one cache of results per server. */
export type SearchFn = (req: SearchRequest) => Promise<SearchResult>;

export function cachedSearch(deps: AppDeps): SearchFn {
  const cache = new SearchResultCache({ readVersion: contentVersionReader(deps.db), search: (req) => searchPublications(deps, req) });
  return (req) => cache.search(req);
}

/**
 * Search results kept in memory, per content version (docs/search.md, "Repeated searches").
 *
 * Everything a search shows — which items match, their titles, organs, catalog paths, facets — is
 * changed only by what raises the content version (platform/db/content-version.ts) in the change's
 * own transaction: publishing, amending, withdrawing and repealing (each writes the index in the same
 * transaction), catalog and organ changes, a rebuild of the index. So a result found under one version
 * stays right until the version moves, on whichever instance made the change: every search reads the
 * version (one row by its key) and the kept results are dropped when it differs.
 *
 * Identical searches arriving together (a burst after a notice) share one run; a failed run is not
 * kept. At most `maxEntries` results are kept, the least recently used going first.
 */
export class SearchResultCache {
  private entries = new Map<string, Promise<SearchResult>>();
  private version = -1;
  private readonly maxEntries: number;

  constructor(private readonly opts: {
    readVersion: () => Promise<ContentVersion>;
    search: (req: SearchRequest) => Promise<SearchResult>;
    /** Default 256: a result with its page of hits and facets is some tens of kilobytes, so about 10 MB at most. */
    maxEntries?: number;
  }) {
    this.maxEntries = opts.maxEntries ?? 256;
  }

  /** How many results are kept, for tests. */
  get size(): number {
    return this.entries.size;
  }

  async search(req: SearchRequest): Promise<SearchResult> {
    const { version } = await this.opts.readVersion();
    if (version !== this.version) {
      this.entries.clear();
      this.version = version;
    }
    const key = keyOf(req);
    const kept = this.entries.get(key);
    if (kept) {
      // Most recently used last: a Map iterates in insertion order, so the first key is the oldest.
      this.entries.delete(key);
      this.entries.set(key, kept);
      return kept;
    }
    const run = this.opts.search(req);
    this.entries.set(key, run);
    run.catch(() => { if (this.entries.get(key) === run) this.entries.delete(key); });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return run;
  }
}

/** The request as one string: every field, filters sorted by name (an absent filter and an undefined or null one are the same). */
function keyOf(req: SearchRequest): string {
  const filters = Object.entries(req.filters).filter(([, v]) => v !== undefined && v !== null).sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify([req.q, req.sort, req.page, req.pageSize, filters]);
}
