import { parentPort, threadId, workerData } from 'node:worker_threads';
import pino from 'pino';
import { loadOrCreateAuditKey, useAuditKey } from '../modules/audit/index.ts';
import { runNightlyInspection, runRequestedInspections } from '../modules/supervision/index.ts';
import type { AppDeps } from '../platform/app-deps.ts';
import { openDatabase } from '../platform/db/connect.ts';
import type { InspectionThreadInput, InspectionThreadAnswer, InspectionThreadNote } from './inspection-thread.ts';

/**
 * The nightly site inspection, or the runs 立即检查 queued, in a thread of its own (see inspection-thread.ts): its own connection
 * to the same database, the server's clock (as an offset, so a test's clock holds here too), the
 * same audit key and log level.
 */
const input = workerData as InspectionThreadInput;
const handle = openDatabase({ databaseUrl: input.databaseUrl, dataDir: input.dataDir, sqliteFile: input.sqliteFile ?? undefined });
useAuditKey(loadOrCreateAuditKey(input.dataDir, input.auditKey).key, input.dataDir);
const deps: AppDeps = {
  db: handle.db,
  dialect: handle.dialect,
  clock: { now: () => new Date(Date.now() + input.clockOffsetMs) },
  dataDir: input.dataDir,
  logger: pino({ level: input.logLevel }),
};

// The server stops: the inspection ends between two pages and records the run as interrupted.
const stop = new AbortController();
parentPort!.on('message', (m) => { if (m === 'stop') stop.abort(new Error('服务停止，巡检中断')); });
parentPort!.unref();

let answer: InspectionThreadAnswer;
try {
  const run = await (input.task === 'requested' ? runRequestedInspections : runNightlyInspection)(deps, {
    publicOrigin: input.publicOrigin, signal: stop.signal,
    onClaimed: (id) => parentPort!.postMessage({ claimed: id } satisfies InspectionThreadNote),
  });
  answer = {
    ok: true, threadId,
    run: run && { id: run.id, organs: run.result.organs.length, findings: run.result.organs.reduce((n, o) => n + o.findings.length, 0) },
  };
} catch (e) {
  answer = { ok: false, threadId, message: (e as Error)?.message ?? String(e), interrupted: stop.signal.aborted };
} finally {
  await handle.destroy();
}
parentPort!.postMessage(answer!);
