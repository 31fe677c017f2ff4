import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ChunkRow, IndexPart } from '../domain/index-entry.ts';

const WORKER_URL = new URL('./tokenize-worker.mjs', import.meta.url);

/**
 * Worker threads that tokenize items for a rebuild, one per core, so the pieces, the word
 * segmentation and the writing of the previous batch all run at once. A batch is split evenly
 * over the threads; the answer keeps the batch's order.
 */
export class TokenizePool {
  private readonly workers: Worker[] = [];
  private readonly waiting = new Map<number, { resolve: (rows: ChunkRow[][]) => void; reject: (e: Error) => void }>();
  private nextId = 1;
  private failure: Error | null = null;

  constructor(size = os.availableParallelism()) {
    for (let i = 0; i < Math.max(1, size); i++) {
      const worker = new Worker(WORKER_URL);
      worker.on('message', (m: { ready?: true; id?: number; rows?: ChunkRow[][] }) => {
        if (m.id === undefined) return;
        this.waiting.get(m.id)?.resolve(m.rows!);
        this.waiting.delete(m.id);
      });
      worker.on('error', (e) => this.fail(e));
      this.workers.push(worker);
    }
  }

  async tokenize(items: IndexPart[][]): Promise<ChunkRow[][]> {
    if (this.failure) throw this.failure;
    const per = Math.ceil(items.length / this.workers.length);
    const parts = this.workers.map((w, i) => ({ worker: w, slice: items.slice(i * per, (i + 1) * per) })).filter((p) => p.slice.length);
    const answers = await Promise.all(parts.map(({ worker, slice }) => new Promise<ChunkRow[][]>((resolve, reject) => {
      const id = this.nextId++;
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ id, items: slice });
    })));
    return answers.flat();
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  /** A thread that fails fails the rebuild: every batch waiting is refused with the error. */
  private fail(e: Error): void {
    this.failure = e;
    for (const w of this.waiting.values()) w.reject(e);
    this.waiting.clear();
  }
}
