import { createHmac, randomBytes } from 'node:crypto';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { BatchedWrites } from '../../../platform/jobs/batched-writes.ts';
import { chinaDateOf } from '../../../shared/iso-date.ts';
import { loggedTerm, MIN_SHOWN_VISITORS } from '../domain/logged-term.ts';
import { parseQuery, type ParsedQuery } from '../domain/parse-query.ts';
import { interactionFound, interactionMatches, looksForInteraction } from './interaction-matches.ts';
import { organListOf, searchPublications } from './search-publications.ts';
import { addSearchTermCounts, topTerms, type SearchTermCount } from '../storage/search-repository.ts';

/** Terms counted in memory before a write is due at once (a burst of distinct terms). */
const MAX_PENDING_TERMS = 10_000;

/**
 * Visitors told apart in a day, per term (about 60 bytes each): past this many the day's further new
 * visitors are not counted — fewer visitors, never one counted twice.
 */
const MAX_SEEN_PER_DAY = 100_000;

/** Who searched, as the server sees them for this request only: the address and the browser's User-Agent. */
export type SearchVisitor = { address: string; userAgent: string };

/** The visitor of a request (its address as the server takes it: behind nginx, with GONGKAI_TRUST_PROXY, the citizen's). */
export const searchVisitorOf = (request: { ip: string; headers: Record<string, string | string[] | undefined> }): SearchVisitor => {
  const ua = request.headers['user-agent'];
  return { address: request.ip, userAgent: Array.isArray(ua) ? ua.join(' ') : ua ?? '' };
};

const keyOf = (c: Pick<SearchTermCount, 'searchedOn' | 'organId' | 'term'>) => `${c.searchedOn}\u0000${c.organId}\u0000${c.term}`;

/**
 * Tells a day's visitors of a term apart without keeping who they are: a keyed hash of (term, address,
 * User-Agent) under a random key made for the day, held only in memory and replaced, with every hash
 * made under it, when the China day changes. No hash is written or logged; once the day's key is gone
 * nothing ties a visitor to a term, not even for whoever reads this process's memory afterwards.
 */
class VisitorsOfTheDay {
  private on = '';
  private key = Buffer.alloc(0);
  private seen = new Set<string>();
  private full = false;

  constructor(private readonly logger: Pick<AppDeps['logger'], 'warn'>, private readonly maxSeen: number) {}

  /** Whether this visitor is the first time today to search `term` (`kind` apart: searched, found nothing). */
  firstToday(on: string, kind: 'searched' | 'zero', term: string, visitor: SearchVisitor): boolean {
    if (on !== this.on) {
      this.on = on;
      this.key = randomBytes(32);
      this.seen = new Set();
      this.full = false;
    }
    const hash = createHmac('sha256', this.key).update(`${kind}\u0000${term}\u0000${visitor.address}\u0000${visitor.userAgent}`).digest('base64url').slice(0, 22);
    if (this.seen.has(hash)) return false;
    if (this.seen.size >= this.maxSeen) {
      if (!this.full) this.logger.warn({ limit: this.maxSeen }, 'search-term visitors: the day’s limit reached; further new visitors are not counted today');
      this.full = true;
      return false;
    }
    this.seen.add(hash);
    return true;
  }
}

/**
 * Counts searches by term, day and scope, and the different visitors who made them — never who they
 * were, from where or when exactly — in memory, and writes the numbers in one batch every few seconds
 * and when the server stops (as item views are counted): a search costs no database write. A visitor
 * counts once a day per term, however often they search it again, re-sort, filter or narrow the scope
 * (under the scope they first searched it in). A term holding personal data is not counted at all
 * (`loggedTerm`, docs/search.md, "Search terms"). A crash loses at most the last few seconds' counts;
 * the report flushes first.
 */
export class SearchTermCounter {
  private readonly writes: BatchedWrites<string, SearchTermCount>;
  private readonly visitors: VisitorsOfTheDay;

  constructor(private readonly deps: Pick<AppDeps, 'db' | 'clock' | 'logger'>, everyMs = 5_000, maxVisitorsPerDay = MAX_SEEN_PER_DAY) {
    this.visitors = new VisitorsOfTheDay(deps.logger, maxVisitorsPerDay);
    this.writes = new BatchedWrites<string, SearchTermCount>({
      write: (batch) => deps.db.transaction().execute((trx) => addSearchTermCounts(trx, batch.map(([, c]) => c))),
      merge: (a, b) => ({
        ...a, searches: a.searches + b.searches, zeroResults: a.zeroResults + b.zeroResults, visitors: a.visitors + b.visitors, zeroVisitors: a.zeroVisitors + b.zeroVisitors,
      }),
      logger: deps.logger,
      what: 'search terms',
      everyMs,
      maxPending: MAX_PENDING_TERMS,
    });
  }

  /** Counts one search (the first page of its results) by `visitor`; false when the term is not counted. */
  count(query: ParsedQuery, scopeOrganId: number | null, total: number, visitor: SearchVisitor): boolean {
    const term = loggedTerm(query);
    if (term === null) return false;
    const searchedOn = chinaDateOf(this.deps.clock.now());
    const counted = { searchedOn, term, organId: scopeOrganId ?? 0 };
    const visitors = this.visitors.firstToday(searchedOn, 'searched', term, visitor) ? 1 : 0;
    const zeroVisitors = total === 0 && this.visitors.firstToday(searchedOn, 'zero', term, visitor) ? 1 : 0;
    this.writes.add(keyOf(counted), { ...counted, searches: 1, zeroResults: total === 0 ? 1 : 0, visitors, zeroVisitors });
    return true;
  }

  /** Writes what was counted; a failed write keeps its counts for the next try. */
  flush(): Promise<void> {
    return this.writes.flush();
  }

  /** Writes what was counted, once: true when written; a failed write (logged) drops the counts, tried no more. */
  writeOnce(): Promise<boolean> {
    return this.writes.writeOnce();
  }
}

/**
 * What the portal's search page counts for the first page of a search of words in a scope (search-routes.tsx): the
 * query as parsed and the items found plus the 意见征集 and 建议提案 results shown with them — for a search counted
 * without the page, as the demo's search log is (src/main/seed-demo.ts).
 */
export async function searchAsCounted(deps: AppDeps, q: string, scopeOrganId: number | null): Promise<{ query: ParsedQuery; total: number }> {
  const organs = organListOf(deps);
  const req = { q, filters: { scopeOrganId }, sort: 'relevance' as const, page: 1, pageSize: 20 };
  const result = await searchPublications(deps, req, { organs, noSuggestion: true, countOnly: true });
  const interaction = looksForInteraction(req, null) ? await interactionMatches(deps, parseQuery(q), scopeOrganId, await organs()) : null;
  return { query: result.query, total: result.total + interactionFound(interaction) };
}

/**
 * The terms most visitors searched and the terms most visitors searched and found nothing for, over the
 * last `days` days — each searched by at least MIN_SHOWN_VISITORS visitors (of every kind, in the scope and
 * period; a visitor counts once a day).
 */
export async function searchTermReport(deps: AppDeps, opts: { days: number; organIds: number[] | null; limit?: number }) {
  const from = new Date(deps.clock.now().getTime() - (opts.days - 1) * 86_400_000);
  const fromOn = chinaDateOf(from);
  const limit = opts.limit ?? 50;
  const [popular, zero] = await Promise.all([
    topTerms(deps.db, { fromOn, organIds: opts.organIds, zeroOnly: false, limit, minVisitors: MIN_SHOWN_VISITORS }),
    topTerms(deps.db, { fromOn, organIds: opts.organIds, zeroOnly: true, limit, minVisitors: MIN_SHOWN_VISITORS }),
  ]);
  return { fromOn, popular, zero, minShown: MIN_SHOWN_VISITORS };
}
