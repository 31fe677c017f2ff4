import type { Logger } from 'pino';
import type { Db } from '../../../platform/db/connect.ts';
import { BatchedWrites } from '../../../platform/jobs/batched-writes.ts';
import { addViewCounts } from '../storage/publications-repository.ts';
import { storedViewCount } from '../storage/view-count-repository.ts';

/** Counts known to be stored, kept for the items most recently shown (a kept page's live count). */
const KNOWN_LIMIT = 50_000;

/**
 * Item views counted in memory and written in batches (issue 18): a reader's page view costs no
 * database write. The page shows the stored count plus the views not yet written, so the number is
 * live; `flush` runs every few seconds and at shutdown, so a clean stop loses nothing and a crash at
 * most the last interval's views (docs/performance.md).
 */
export class ViewCounter {
  private readonly writes: BatchedWrites<number, number>;
  /** Stored counts as this instance knows them: raised by its own flushes, read again after `everyMs`. */
  private known = new Map<number, { count: number; at: number }>();
  private writing = false;
  /** The batch being written: still shown until its write is done. */
  private inFlight = new Map<number, number>();
  /** Raised when a flush starts and ends: a stored count read across a flush is not used. */
  private epoch = 0;

  constructor(private readonly db: Db, private readonly logger: Logger, private readonly everyMs = 5_000) {
    this.writes = new BatchedWrites<number, number>({
      write: (batch) => db.transaction().execute((trx) => addViewCounts(trx, batch)),
      merge: (a, b) => a + b,
      logger,
      what: 'view counts',
      everyMs,
      onWriting: (batch) => {
        this.writing = true;
        this.inFlight = new Map(batch);
        this.epoch++;
      },
      onWritten: (batch) => {
        for (const [id, n] of batch) {
          const known = this.known.get(id);
          if (known) known.count += n;
        }
      },
      onEnded: () => {
        this.inFlight = new Map();
        this.writing = false;
        this.epoch++;
      },
    });
  }

  /** Counts one view and answers the views of this item not yet written. */
  count(id: number): number {
    return this.writes.add(id, 1);
  }

  pendingFor(id: number): number {
    return this.writes.waitingFor(id) ?? 0;
  }

  /**
   * The count a reader sees on a page kept by the page cache: the stored count (as rendered at
   * first, then kept up to date by this instance's flushes and read again every `everyMs` in the
   * background for the views other instances wrote) plus the views not yet written. `counting`
   * counts this view first (a GET; not a HEAD).
   */
  liveCount(id: number, renderedStored: number, counting: boolean): number {
    const n = counting ? this.count(id) : this.pendingFor(id);
    const now = Date.now();
    let known = this.known.get(id);
    if (!known) {
      known = { count: renderedStored, at: now };
      this.known.set(id, known);
      if (this.known.size > KNOWN_LIMIT) this.known.delete(this.known.keys().next().value!);
    } else if (now - known.at >= this.everyMs && !this.writing) {
      known.at = now;
      const entry = known;
      const epoch = this.epoch;
      storedViewCount(this.db, id).then((count) => {
        if (count !== null && epoch === this.epoch && !this.writing) entry.count = count;
      }, (err: unknown) => this.logger.warn({ err, id }, 'stored view count not read'));
    }
    return known.count + (this.inFlight.get(id) ?? 0) + n;
  }

  /** Writes what was counted; views counted while writing wait for the next flush. A failed write keeps its views for the next try. */
  flush(): Promise<void> {
    return this.writes.flush();
  }
}
