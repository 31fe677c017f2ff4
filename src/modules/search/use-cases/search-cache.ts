import type { AppDeps } from '../../../platform/app-deps.ts';
import { contentVersionReader, type ContentVersion } from '../../../platform/db/content-version.ts';
import type { SearchRequest } from '../domain/search-request.ts';
import { searchPublications, type OrganList, type SearchResult } from './search-publications.ts';

/**
 * The portal's and the API's search: `searchPublications` through one cache of results per server.
 * `organs` is the request's organ list (organListOf), so that one page or answer reads it once.
 */
export type SearchFn = (req: SearchRequest, organs?: OrganList) => Promise<SearchResult>;

export function cachedSearch(deps: AppDeps): SearchFn {
  const kept = new KeptPerVersion<SearchResult>({ readVersion: contentVersionReader(deps.db) });
  return (req, organs) => kept.get(searchKeyOf(req), () => searchPublications(deps, req, { organs }));
}

/**
 * Search results — and the search pages rendered from them — kept in memory, per content version
 * (docs/search.md, "Repeated searches").
 *
 * Everything a search shows — which items match, their titles, organs, catalog paths, facets — is
 * changed only by what raises the content version (platform/db/content-version.ts) in the change's
 * own transaction: publishing, amending, withdrawing and repealing (each writes the index in the same
 * transaction), catalog and organ changes, a rebuild of the index. So a value made under one version
 * stays right until the version moves, on whichever instance made the change: every use reads the
 * version (one row by its key) and the kept values are dropped when it differs.
 *
 * Identical requests arriving together (a burst after a notice) share one run; a failed run is not
 * kept. At most `maxEntries` values are kept, the least recently used going first.
 */
export class KeptPerVersion<V> {
  private entries = new Map<string, Promise<V>>();
  private version = -1;
  private readonly maxEntries: number;

  constructor(private readonly opts: {
    readVersion: () => Promise<ContentVersion>;
    /** Default 256: a search result or page is some tens of kilobytes, so about 10 MB at most. */
    maxEntries?: number;
  }) {
    this.maxEntries = opts.maxEntries ?? 256;
  }

  /** How many values are kept, for tests. */
  get size(): number {
    return this.entries.size;
  }

  /** The value kept under `key` at the current version, or the one `make` makes (kept unless it fails). */
  async get(key: string, make: () => Promise<V>): Promise<V> {
    const { version } = await this.opts.readVersion();
    if (version !== this.version) {
      this.entries.clear();
      this.version = version;
    }
    const kept = this.entries.get(key);
    if (kept) {
      // Most recently used last: a Map iterates in insertion order, so the first key is the oldest.
      this.entries.delete(key);
      this.entries.set(key, kept);
      return kept;
    }
    const run = make();
    this.entries.set(key, run);
    run.catch(() => { if (this.entries.get(key) === run) this.entries.delete(key); });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return run;
  }
}

/** The request as one string: every field, filters sorted by name (an absent filter and an undefined or null one are the same). */
export function searchKeyOf(req: SearchRequest): string {
  const filters = Object.entries(req.filters).filter(([, v]) => v !== undefined && v !== null).sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify([req.q, req.sort, req.page, req.pageSize, filters]);
}
