import { Worker } from 'node:worker_threads';
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

export type InspectionThreadInput = InspectionThreadSetup & { publicOrigin: string | null; clockOffsetMs: number };

export type InspectionThreadAnswer =
  | { ok: true; threadId: number; run: { id: number; organs: number; findings: number } | null }
  | { ok: false; threadId: number; message: string };

/**
 * The nightly site inspection (supervision's `runNightlyInspection`) run in a worker thread with its
 * own database connection, so the server's thread keeps answering pages at full speed while every
 * published item is read and checked — at 1,000,000 items that is minutes of work (docs/performance.md
 * "Scale"). The answer is the stored run's id and counts (null when the day's run was already claimed
 * or it is before 02:00 China time); a failure in the thread rejects with its message.
 */
export function runNightlyInspectionInThread(deps: AppDeps, setup: InspectionThreadSetup, publicOrigin: string | null): Promise<InspectionThreadAnswer & { ok: true }> {
  const input: InspectionThreadInput = { ...setup, publicOrigin, clockOffsetMs: deps.clock.now().getTime() - Date.now() };
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL, { workerData: input });
    let answered = false;
    worker.once('message', (a: InspectionThreadAnswer) => {
      answered = true;
      if (a.ok) resolve(a);
      else reject(new Error(`网站巡检失败：${a.message}`));
    });
    worker.once('error', (e) => {
      answered = true;
      reject(e);
    });
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`网站巡检线程意外退出（退出码 ${code}）`));
    });
  });
}
