import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ExtractionLimits } from './extraction-limits.ts';
import type { ReadOutcome } from './read-text.ts';

/**
 * Worker threads that read files off the event loop, so a hostile file never stops the server
 * (issue 10). At most `size` files are read at once (the rest wait their turn); a reader that runs
 * out of time is terminated, one that runs out of heap dies by its resourceLimits, and both are
 * replaced. Idle readers do not keep the process alive.
 */
type Job = { bytes: Uint8Array; ext: string; limits: ExtractionLimits; resolve: (o: ReadOutcome) => void };
type Slot = { worker: Worker; ready: Promise<void>; job: Job | null; timer: NodeJS.Timeout | null; done: number; heapMb: number };

const WORKER_URL = new URL('./extract-worker.mjs', import.meta.url);
/** A reader is replaced after this many files, so caches of the PDF reader do not pile up. */
const RECYCLE_AFTER = 100;

export class ExtractionPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;

  constructor(private readonly size = Math.max(1, Math.min(2, os.availableParallelism() - 1))) {}

  read(bytes: Uint8Array, ext: string, limits: ExtractionLimits): Promise<ReadOutcome> {
    return new Promise((resolve) => {
      this.queue.push({ bytes, ext, limits, resolve });
      this.pump();
    });
  }

  /** Files being read or waiting (for tests and the health of the pool). */
  get pending(): number {
    return this.queue.length + this.slots.filter((s) => s.job).length;
  }

  private pump(): void {
    while (this.queue.length > 0) {
      const heapMb = this.queue[0].limits.maxHeapMb;
      let slot = this.slots.find((s) => !s.job && s.heapMb === heapMb);
      if (!slot) {
        if (this.slots.length >= this.size) {
          const idle = this.slots.find((s) => !s.job);
          if (!idle) return;
          this.retire(idle); // an idle reader with another heap limit makes room
        }
        slot = this.spawn(heapMb);
      }
      this.start(slot, this.queue.shift()!);
    }
  }

  private spawn(heapMb: number): Slot {
    const worker = new Worker(WORKER_URL, { resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 } });
    worker.unref();
    let markReady!: () => void;
    const slot: Slot = { worker, ready: new Promise<void>((r) => { markReady = r; }), job: null, timer: null, done: 0, heapMb };
    worker.on('message', (m: { ready?: true } & Partial<{ id: number }> & ReadOutcome) => {
      if (m.ready) return markReady();
      this.finish(slot, m);
    });
    worker.on('error', (e: Error & { code?: string }) => {
      this.fail(slot, e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `超出扫描限制：读取时内存超过 ${slot.heapMb} MB` : '读取时出错');
    });
    worker.on('exit', () => this.fail(slot, '读取时出错'));
    this.slots.push(slot);
    return slot;
  }

  private start(slot: Slot, job: Job): void {
    slot.job = job;
    slot.worker.ref();
    void slot.ready.then(() => {
      if (slot.job !== job) return;
      // The clock starts when the reader takes the file, not while it boots or the file waits.
      slot.timer = setTimeout(() => {
        this.fail(slot, `超出扫描限制：读取超过 ${job.limits.timeoutMs / 1000} 秒`);
      }, job.limits.timeoutMs);
      const copy = new Uint8Array(job.bytes); // transferred to the reader; the caller keeps its bytes
      slot.worker.postMessage({ id: this.nextId++, bytes: copy, ext: job.ext, limits: job.limits }, [copy.buffer]);
    });
  }

  private finish(slot: Slot, outcome: ReadOutcome): void {
    const job = slot.job;
    if (!job) return;
    this.clear(slot);
    job.resolve(outcome.ok ? { ok: true, text: outcome.text, format: outcome.format } : { ok: false, why: outcome.why });
    if (++slot.done >= RECYCLE_AFTER) this.retire(slot);
    this.pump();
  }

  /** The reader is stopped: its file (if any) is reported with `why`, and it is replaced on demand. */
  private fail(slot: Slot, why: string): void {
    const job = slot.job;
    this.clear(slot);
    this.retire(slot);
    job?.resolve({ ok: false, why });
    this.pump();
  }

  private clear(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
    slot.worker.unref();
  }

  private retire(slot: Slot): void {
    const i = this.slots.indexOf(slot);
    if (i < 0) return;
    this.slots.splice(i, 1);
    slot.worker.removeAllListeners('exit');
    slot.worker.on('exit', () => {});
    void slot.worker.terminate();
  }
}
