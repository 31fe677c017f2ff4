import type { AppDeps } from '../../../platform/app-deps.ts';
import { BatchedWrites } from '../../../platform/jobs/batched-writes.ts';
import { chinaDateOf } from '../../../shared/iso-date.ts';
import { loggedTerm, MIN_SHOWN_SEARCHES } from '../domain/logged-term.ts';
import type { ParsedQuery } from '../domain/parse-query.ts';
import { addSearchTermCounts, topTerms, type SearchTermCount } from '../storage/search-repository.ts';

/** Terms counted in memory before a write is due at once (a burst of distinct terms). */
const MAX_PENDING_TERMS = 10_000;

const keyOf = (c: Pick<SearchTermCount, 'searchedOn' | 'organId' | 'term'>) => `${c.searchedOn}\u0000${c.organId}\u0000${c.term}`;

/**
 * Counts searches by term, day and scope — never who searched, from where or when exactly — in
 * memory, and writes them in one batch every few seconds and when the server stops (as item views
 * are counted): a search costs no database write. A term holding personal data is not counted at all
 * (`loggedTerm`, docs/search.md, "Search terms"). A crash loses at most the last few seconds' counts;
 * the report flushes first.
 */
export class SearchTermCounter {
  private readonly writes: BatchedWrites<string, SearchTermCount>;

  constructor(private readonly deps: Pick<AppDeps, 'db' | 'clock' | 'logger'>, everyMs = 5_000) {
    this.writes = new BatchedWrites<string, SearchTermCount>({
      write: (batch) => deps.db.transaction().execute((trx) => addSearchTermCounts(trx, batch.map(([, c]) => c))),
      merge: (a, b) => ({ ...a, searches: a.searches + b.searches, zeroResults: a.zeroResults + b.zeroResults }),
      logger: deps.logger,
      what: 'search terms',
      everyMs,
      maxPending: MAX_PENDING_TERMS,
    });
  }

  /** Counts one search (the first page of its results); false when the term is not counted. */
  count(query: ParsedQuery, scopeOrganId: number | null, total: number): boolean {
    const term = loggedTerm(query);
    if (term === null) return false;
    const counted = { searchedOn: chinaDateOf(this.deps.clock.now()), term, organId: scopeOrganId ?? 0 };
    this.writes.add(keyOf(counted), { ...counted, searches: 1, zeroResults: total === 0 ? 1 : 0 });
    return true;
  }

  /** Writes what was counted; a failed write keeps its counts for the next try. */
  flush(): Promise<void> {
    return this.writes.flush();
  }
}

/**
 * The most searched terms and the most searched terms that found nothing, over the last `days` days —
 * each made by at least MIN_SHOWN_SEARCHES searches (of every kind, in the scope and period).
 */
export async function searchTermReport(deps: AppDeps, opts: { days: number; organIds: number[] | null; limit?: number }) {
  const from = new Date(deps.clock.now().getTime() - (opts.days - 1) * 86_400_000);
  const fromOn = chinaDateOf(from);
  const limit = opts.limit ?? 50;
  const [popular, zero] = await Promise.all([
    topTerms(deps.db, { fromOn, organIds: opts.organIds, zeroOnly: false, limit, minSearches: MIN_SHOWN_SEARCHES }),
    topTerms(deps.db, { fromOn, organIds: opts.organIds, zeroOnly: true, limit, minSearches: MIN_SHOWN_SEARCHES }),
  ]);
  return { fromOn, popular, zero, minShown: MIN_SHOWN_SEARCHES };
}
