import type { AppDeps } from '../../../platform/app-deps.ts';
import { chinaDateOf } from '../../../shared/iso-date.ts';
import { loggedTerm } from '../domain/logged-term.ts';
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
  private pending = new Map<string, SearchTermCount>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(private readonly deps: Pick<AppDeps, 'db' | 'clock' | 'logger'>, private readonly everyMs = 5_000) {}

  /** Counts one search (the first page of its results); false when the term is not counted. */
  count(query: ParsedQuery, scopeOrganId: number | null, total: number): boolean {
    const term = loggedTerm(query);
    if (term === null) return false;
    const searchedOn = chinaDateOf(this.deps.clock.now());
    const counted = { searchedOn, term, organId: scopeOrganId ?? 0 };
    const key = keyOf(counted);
    const c = this.pending.get(key) ?? { ...counted, searches: 0, zeroResults: 0 };
    c.searches += 1;
    if (total === 0) c.zeroResults += 1;
    this.pending.set(key, c);
    if (this.pending.size >= MAX_PENDING_TERMS) void this.flush();
    else this.schedule();
    return true;
  }

  /** Writes what was counted; a failed write keeps its counts for the next try. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.flushing = this.flushing.then(async () => {
      if (this.pending.size === 0) return;
      const batch = [...this.pending.values()];
      this.pending = new Map();
      try {
        await this.deps.db.transaction().execute((trx) => addSearchTermCounts(trx, batch));
      } catch (err) {
        this.deps.logger.error({ err, terms: batch.length }, 'search terms not written; kept for the next flush');
        for (const c of batch) {
          const key = keyOf(c);
          const now = this.pending.get(key);
          this.pending.set(key, now ? { ...now, searches: now.searches + c.searches, zeroResults: now.zeroResults + c.zeroResults } : c);
        }
        this.schedule();
      }
    });
    return this.flushing;
  }

  private schedule() {
    if (this.timer) return;
    this.timer = setTimeout(() => void this.flush(), this.everyMs);
    this.timer.unref();
  }
}

/** The most searched terms and the most searched terms that found nothing, over the last `days` days. */
export async function searchTermReport(deps: AppDeps, opts: { days: number; organIds: number[] | null; limit?: number }) {
  const from = new Date(deps.clock.now().getTime() - (opts.days - 1) * 86_400_000);
  const fromOn = chinaDateOf(from);
  const limit = opts.limit ?? 50;
  const [popular, zero] = await Promise.all([
    topTerms(deps.db, { fromOn, organIds: opts.organIds, zeroOnly: false, limit }),
    topTerms(deps.db, { fromOn, organIds: opts.organIds, zeroOnly: true, limit }),
  ]);
  return { fromOn, popular, zero };
}
