import { Worker } from 'node:worker_threads';
import { markInspectionInterrupted } from '../modules/supervision/index.ts';
import type { AppDeps } from '../platform/app-deps.ts';

const WORKER_URL = new URL('./inspection-thread-worker.mjs', import.meta.url);

/** Where the worker finds the server's database and keys: what the server itself was started with. */
export type InspectionThreadSetup = {
  databaseUrl: string | null;
  dataDir: string;
  /** The SQLite file when it is not the data directory's gongkai.sqlite (tests). */
  sqliteFile?: string | null;
  /** GONGKAI_AUDIT_KEY, or null for the data directory's audit.key. */
  auditKey: string | null;
  logLevel: string;
};

/** What the thread runs: the nightly inspection, or the runs 立即检查 queued (supervision's `runRequestedInspections`). */
export type InspectionTask = 'nightly' | 'requested';

export type InspectionThreadInput = InspectionThreadSetup & { publicOrigin: string | null; clockOffsetMs: number; task?: InspectionTask };

export type InspectionThreadAnswer =
  | { ok: true; threadId: number; run: { id: number; organs: number; findings: number } | null }
  | { ok: false; threadId: number; message: string; interrupted?: boolean };

/** What the thread says before its answer: the run it claimed (so a stop can record it if the thread must be ended). */
export type InspectionThreadNote = { claimed: number };

/** After a stop asked the thread to end, how long it gets to record its run before it is terminated. */
export const THREAD_STOP_MS = 3_000;

/**
 * The nightly site inspection (supervision's `runNightlyInspection`) run in a worker thread with its
 * own database connection, so the server's thread keeps answering pages at full speed while every
 * published item is read and checked — at 1,000,000 items that is minutes of work (docs/performance.md
 * "Scale"). The answer is the stored run's id and counts (null when the day's run was already claimed
 * or it is before 02:00 China time); a failure in the thread rejects with its message.
 *
 * When `signal` aborts (the server stops), the thread is told to stop: it ends between two pages of
 * items, records the run as interrupted and frees the day's key. A thread that has not ended within
 * `THREAD_STOP_MS` is terminated and its run recorded as interrupted from here. Either way the promise
 * rejects with the signal's reason.
 */
export function runNightlyInspectionInThread(
  deps: AppDeps, setup: InspectionThreadSetup, publicOrigin: string | null, signal?: AbortSignal,
): Promise<InspectionThreadAnswer & { ok: true }> {
  return runInspectionInThread(deps, setup, 'nightly', publicOrigin, signal);
}

/**
 * `runNightlyInspectionInThread` for either task: the runs 立即检查 queued are as long as the nightly
 * one, so they too run off the server's thread, one after another (the answer names the last).
 */
export function runInspectionInThread(
  deps: AppDeps, setup: InspectionThreadSetup, task: InspectionTask, publicOrigin: string | null, signal?: AbortSignal,
): Promise<InspectionThreadAnswer & { ok: true }> {
  const input: InspectionThreadInput = { ...setup, task, publicOrigin, clockOffsetMs: deps.clock.now().getTime() - Date.now() };
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL, { workerData: input });
    let answered = false;
    let claimed: number | null = null;
    let killer: NodeJS.Timeout | undefined;
    const onStop = () => {
      worker.postMessage('stop');
      killer = setTimeout(() => {
        if (answered) return;
        answered = true;
        deps.logger.warn({ runId: claimed, waitedMs: THREAD_STOP_MS }, 'inspection thread did not stop in time; terminated');
        void worker.terminate()
          .then(() => (claimed === null ? false : markInspectionInterrupted(deps, claimed)))
          .catch((err) => deps.logger.error({ err, runId: claimed }, 'interrupted inspection run not recorded'))
          .finally(() => reject(signal!.reason));
      }, THREAD_STOP_MS);
    };
    if (signal?.aborted) onStop();
    else signal?.addEventListener('abort', onStop, { once: true });
    const done = () => {
      answered = true;
      clearTimeout(killer);
      signal?.removeEventListener('abort', onStop);
    };
    worker.on('message', (a: InspectionThreadAnswer | InspectionThreadNote) => {
      if ('claimed' in a) {
        claimed = a.claimed;
        return;
      }
      if (answered) return;
      done();
      if (a.ok) resolve(a);
      else if (a.interrupted && signal?.aborted) reject(signal.reason);
      else reject(new Error(`网站巡检失败：${a.message}`));
    });
    worker.once('error', (e) => {
      if (answered) return;
      done();
      reject(e);
    });
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`网站巡检线程意外退出（退出码 ${code}）`));
    });
  });
}
