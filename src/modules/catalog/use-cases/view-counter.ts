import type { Logger } from 'pino';
import type { Db } from '../../../platform/db/connect.ts';
import { addViewCounts } from '../storage/publications-repository.ts';

/**
 * Item views counted in memory and written in batches (issue 18): a reader's page view costs no
 * database write. The page shows the stored count plus the views not yet written, so the number is
 * live; `flush` runs every few seconds and at shutdown, so a clean stop loses nothing and a crash at
 * most the last interval's views (docs/performance.md).
 */
export class ViewCounter {
  private pending = new Map<number, number>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(private readonly db: Db, private readonly logger: Logger, private readonly everyMs = 5_000) {}

  /** Counts one view and answers the views of this item not yet written. */
  count(id: number): number {
    const n = (this.pending.get(id) ?? 0) + 1;
    this.pending.set(id, n);
    if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), this.everyMs);
      this.timer.unref();
    }
    return n;
  }

  pendingFor(id: number): number {
    return this.pending.get(id) ?? 0;
  }

  /** Writes what was counted; views counted while writing wait for the next flush. A failed write keeps its views for the next try. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.flushing = this.flushing.then(async () => {
      if (this.pending.size === 0) return;
      const batch = [...this.pending];
      this.pending = new Map();
      try {
        await this.db.transaction().execute((trx) => addViewCounts(trx, batch));
      } catch (err) {
        this.logger.error({ err, items: batch.length }, 'view counts not written; kept for the next flush');
        for (const [id, n] of batch) this.pending.set(id, (this.pending.get(id) ?? 0) + n);
        if (!this.timer) {
          this.timer = setTimeout(() => void this.flush(), this.everyMs);
          this.timer.unref();
        }
      }
    });
    return this.flushing;
  }
}
