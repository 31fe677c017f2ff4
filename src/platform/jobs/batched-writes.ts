import type { Logger } from 'pino';

export type BatchedWritesOptions<K, V> = {
  /** Writes one batch (in its own transaction); a rejection keeps the batch for the next try. */
  write: (batch: [K, V][]) => Promise<void>;
  /** Adds two amounts counted for one key. */
  merge: (a: V, b: V) => V;
  logger: Pick<Logger, 'error'>;
  /** What is written, for the log line of a failed write ('view counts'). */
  what: string;
  everyMs: number;
  /** A write is due at once when this many keys wait (a burst of distinct keys); none by default. */
  maxPending?: number;
  /** Called as a batch's write starts and after it ended (written or not): what the owner shows meanwhile. */
  onWriting?: (batch: [K, V][]) => void;
  onWritten?: (batch: [K, V][]) => void;
  onEnded?: () => void;
};

/**
 * Amounts counted in memory per key and written in one batch every `everyMs` and on `flush` (at
 * shutdown): what item views and search terms share (docs/performance.md, "Item views"). Writes run one
 * after another; amounts counted while a batch is written wait for the next; a failed write keeps its
 * amounts, added to those counted since, and tries again after `everyMs`.
 */
export class BatchedWrites<K, V> {
  private waiting = new Map<K, V>();
  private timer: NodeJS.Timeout | null = null;
  private chain: Promise<void> = Promise.resolve();

  constructor(private readonly o: BatchedWritesOptions<K, V>) {}

  /** Adds `amount` to what waits for `key` and answers what now waits for it. */
  add(key: K, amount: V): V {
    const before = this.waiting.get(key);
    const now = before === undefined ? amount : this.o.merge(before, amount);
    this.waiting.set(key, now);
    if (this.o.maxPending !== undefined && this.waiting.size >= this.o.maxPending) void this.flush();
    else this.schedule();
    return now;
  }

  /** What waits to be written for `key`. */
  waitingFor(key: K): V | undefined {
    return this.waiting.get(key);
  }

  /** Writes what waits; resolves when this write (and any before it) has ended. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.chain = this.chain.then(async () => {
      if (this.waiting.size === 0) return;
      const batch = [...this.waiting];
      this.waiting = new Map();
      this.o.onWriting?.(batch);
      try {
        await this.o.write(batch);
        this.o.onWritten?.(batch);
      } catch (err) {
        this.o.logger.error({ err, keys: batch.length }, `${this.o.what} not written; kept for the next flush`);
        for (const [key, amount] of batch) {
          const since = this.waiting.get(key);
          this.waiting.set(key, since === undefined ? amount : this.o.merge(amount, since));
        }
        this.schedule();
      } finally {
        this.o.onEnded?.();
      }
    });
    return this.chain;
  }

  /**
   * Writes what waits, once: true when it was written; after a failed write (logged) what waited is dropped instead of
   * kept for a retry — for a one-off batch whose owner runs it again as a whole (the demo's search log, seed-demo.ts).
   */
  async writeOnce(): Promise<boolean> {
    await this.flush();
    if (this.waiting.size === 0) return true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.waiting = new Map();
    return false;
  }

  private schedule() {
    if (this.timer) return;
    this.timer = setTimeout(() => void this.flush(), this.o.everyMs);
    this.timer.unref();
  }
}
