import os from 'node:os';
import { threadId } from 'node:worker_threads';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { wakeJob } from '../../../platform/jobs/job-runner.ts';
import { chinaDateOf } from '../../../shared/iso-date.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { listOrgans, organChain, type Organ } from '../../catalog/index.ts';
import { actorUserId, mayKeepSupervision, type Actor } from '../../identity/index.ts';
import { claimInspectionRun, findInspectionRun, finishInspectionRun, hasQueuedRun, interruptInspectionRun, lapsedRuns, openRuns, queueInspectionRun, recentFinishedRuns, renewRunLease, takeQueuedRun, type InspectionRunRow } from '../storage/inspection-repository.ts';
import { inspectSite, type InspectionResult, type InspectOptions } from './site-inspection.ts';

/** The scheduled inspection runs once per China date, from this hour on (a server down at night catches up at its next tick). */
export const NIGHTLY_FROM_HOUR = 2;

export type StoredInspection = { id: number; trigger: InspectionRunRow['trigger']; startedAt: string; finishedAt: string; result: InspectionResult };

/**
 * How long a running run's lease holds: its process renews it every `LEASE_RENEW_MS` while it works,
 * so a run whose lease has lapsed has lost its process (killed, power cut) and is run again.
 */
export const RUN_LEASE_MS = 120_000;
const LEASE_RENEW_MS = 15_000;

/** What an interrupted run records as its error. */
const INTERRUPTED = '服务停止，巡检中断（下次启动时重新运行）';
/** What a run whose process died records (found by its lapsed lease). */
const OWNER_GONE = '巡检进程意外停止（未按时续期），巡检中断（将重新运行）';

type RunOptions = InspectOptions & {
  onClaimed?: (id: number) => void;
  /** How often the lease is renewed while the run works (default every 15 s; a test asks for less). */
  leaseRenewMs?: number;
};

/** A name for this process and run, so that only the run's owner renews its lease (host, process, a random part). */
const ownerName = () => `${os.hostname()}:${process.pid}:${threadId}:${Math.random().toString(36).slice(2, 10)}`;
const leaseFrom = (deps: AppDeps, owner: string) => ({ owner, leaseUntil: new Date(deps.clock.now().getTime() + RUN_LEASE_MS).toISOString() });

/**
 * Runs a claimed run to its end: renews its lease while it works (with how far it has got), stores
 * its findings, or its failure (rethrown). A run stopped by `opts.signal` (the server stops) is
 * recorded as interrupted and its key freed, so it runs again. A run whose lease was lost (recorded as
 * interrupted by another instance that found it lapsed) stops and writes nothing more.
 */
async function runOwnedInspection(
  deps: AppDeps, run: { id: number; runKey: string; trigger: InspectionRunRow['trigger']; startedAt: string; owner: string }, organs: Organ[], opts: RunOptions,
): Promise<StoredInspection> {
  const lost = new AbortController();
  const signal = opts.signal ? AbortSignal.any([opts.signal, lost.signal]) : lost.signal;
  let progress = { organsDone: 0, itemsRead: 0 };
  let renewing: Promise<void> | null = null;
  const renew = () => {
    renewing ??= renewRunLease(deps.db, run.id, leaseFrom(deps, run.owner), progress)
      .then((mine) => {
        if (!mine) lost.abort(new Error('巡检已被记为中断（续期超时），本次停止'));
      })
      .catch((err) => deps.logger.error({ err, runId: run.id }, 'inspection run lease not renewed'))
      .finally(() => { renewing = null; });
  };
  const heartbeat = setInterval(renew, opts.leaseRenewMs ?? LEASE_RENEW_MS);
  heartbeat.unref();
  try {
    const result = await inspectSite(deps, organs, await listOrgans(deps.db), { ...opts, signal, onProgress: (p) => { progress = p; } });
    clearInterval(heartbeat);
    await renewing;
    const finishedAt = deps.clock.now().toISOString();
    if (!(await finishInspectionRun(deps.db, run.id, finishedAt, { resultJson: JSON.stringify(result) }, progress))) throw lostLease(deps, run);
    return { id: run.id, trigger: run.trigger, startedAt: run.startedAt, finishedAt, result };
  } catch (e) {
    clearInterval(heartbeat);
    await renewing;
    if (opts.signal?.aborted) {
      await interruptInspectionRun(deps.db, run.id, deps.clock.now().toISOString(), INTERRUPTED);
      deps.logger.warn({ runId: run.id, runKey: run.runKey }, 'site inspection interrupted by the stop; its key is free to run again');
      throw e;
    }
    if (lost.signal.aborted) throw lostLease(deps, run);
    await finishInspectionRun(deps.db, run.id, deps.clock.now().toISOString(), { error: (e as Error).message ?? String(e) }, progress);
    throw e;
  }
}

const lostLease = (deps: AppDeps, run: { id: number; runKey: string }) => {
  deps.logger.warn({ runId: run.id, runKey: run.runKey }, 'site inspection run lost its lease (recorded as interrupted elsewhere); stopped');
  return new Error('巡检已被记为中断（续期超时），本次结果未保存');
};

/**
 * Runs the site inspection under a claimed key and stores its findings with the run's time. The
 * claim is a row with a unique key, so when several instances share the database only the first
 * runs it; the others get null. See `runOwnedInspection` for the lease, a failure and a stop.
 * `onClaimed` hears the run's id once it is claimed.
 */
export async function runClaimedInspection(
  deps: AppDeps, runKey: string, trigger: InspectionRunRow['trigger'], organs: Organ[], opts: RunOptions = {},
): Promise<StoredInspection | null> {
  const startedAt = deps.clock.now().toISOString();
  const owner = ownerName();
  const id = await claimInspectionRun(deps.db, runKey, trigger, startedAt, leaseFrom(deps, owner), organs.map((o) => o.code));
  if (id === null) return null;
  opts.onClaimed?.(id);
  return runOwnedInspection(deps, { id, runKey, trigger, startedAt, owner }, organs, opts);
}

/**
 * Records a run left behind by a stop (its thread ended before it could say so) as interrupted, and
 * frees its key; nothing when the run had already ended.
 */
export async function markInspectionInterrupted(deps: AppDeps, id: number): Promise<boolean> {
  return interruptInspectionRun(deps.db, id, deps.clock.now().toISOString(), INTERRUPTED);
}

/**
 * Finds the runs still `running` whose lease has lapsed — their process was killed or lost power —
 * and records each as interrupted (key `KEY:interrupted:ID`), so the nightly key is free for the next
 * tick and a run asked for (立即检查) is queued again. Returns the ids so recorded.
 */
export async function recoverLapsedInspections(deps: AppDeps): Promise<number[]> {
  const at = deps.clock.now().toISOString();
  const recovered: number[] = [];
  for (const run of await lapsedRuns(deps.db, at)) {
    if (await interruptInspectionRun(deps.db, run.id, at, OWNER_GONE, at)) {
      recovered.push(run.id);
      deps.logger.warn({ runId: run.id, runKey: run.runKey, leaseUntil: run.leaseUntil }, 'site inspection run found without its process (lease lapsed); recorded as interrupted, to run again');
    }
  }
  return recovered;
}

/** Every organ that has a site of its own (not the internal units). */
export const inspectedOrgans = async (deps: AppDeps) => (await listOrgans(deps.db)).filter((o) => o.kind !== 'unit');

/**
 * The nightly job: once per China date from 02:00, claimed so one instance runs it. A day's run left
 * `running` by a process that died is first recorded as interrupted, so this tick runs it again.
 */
export async function runNightlyInspection(deps: AppDeps, opts: RunOptions = {}): Promise<StoredInspection | null> {
  await recoverLapsedInspections(deps);
  const now = deps.clock.now();
  const chinaHour = (now.getUTCHours() + 8) % 24;
  if (chinaHour < NIGHTLY_FROM_HOUR) return null;
  return runClaimedInspection(deps, `nightly:${chinaDateOf(now)}`, 'schedule', await inspectedOrgans(deps), opts);
}

/** An inspection run at once in this process (`inspect`): its own key, so it never waits for or blocks the nightly run. */
export async function runInspectionNow(deps: AppDeps, trigger: 'manual' | 'cli', organs: Organ[], opts: RunOptions = {}): Promise<StoredInspection> {
  const at = deps.clock.now().toISOString();
  const key = `${trigger}:${at}:${organs.map((o) => o.code).join(',')}:${Math.random().toString(36).slice(2, 10)}`;
  return (await runClaimedInspection(deps, key, trigger, organs, opts))!;
}

/** A run queued or running, as the supervision pages tell it. */
export type OpenInspection = Pick<InspectionRunRow, 'id' | 'trigger' | 'status' | 'organCodes' | 'requestedAt' | 'startedAt' | 'organsDone' | 'itemsRead'>;
const openOf = (r: InspectionRunRow): OpenInspection => ({ id: r.id, trigger: r.trigger, status: r.status, organCodes: r.organCodes, requestedAt: r.requestedAt, startedAt: r.startedAt, organsDone: r.organsDone, itemsRead: r.itemsRead });

/** The background job that runs what 立即检查 queued (src/main/background-jobs.ts). */
export const INSPECTION_REQUESTS_JOB = 'inspection-requests';

/**
 * 立即检查: records a request to inspect these organs, which the background job `inspection-requests`
 * runs. While a run over the same organs is queued or running (the button pressed twice, the page
 * sent again, on any instance), that run is the answer and nothing new is queued: `created` is false.
 * Only the organs' disclosure office or administrator may ask (ERR_AUTH_FORBIDDEN).
 */
export async function requestInspection(deps: AppDeps, actor: Actor, organs: Organ[]): Promise<{ run: OpenInspection; created: boolean }> {
  for (const organ of organs) {
    if (actor.kind === 'user' && !mayKeepSupervision(actor.principal, await organChain(deps.db, organ.id))) {
      throw new DomainError('ERR_AUTH_FORBIDDEN', '只有政务公开办公室或机关管理员可以发起网站检查', { httpStatus: 403 });
    }
  }
  const codes = [...new Set(organs.map((o) => o.code))].sort();
  // A run whose process died is no answer: record it first (a request of its own is queued again).
  await recoverLapsedInspections(deps);
  const covering = (await openRuns(deps.db)).find((r) => codes.every((c) => r.organCodes.includes(c)));
  if (covering) return { run: openOf(covering), created: false };
  const { run, created } = await queueInspectionRun(deps.db, `manual:${codes.join(',')}`, { organCodes: codes, requestedBy: actorUserId(actor), at: deps.clock.now().toISOString() });
  // Someone is waiting: the job that runs it starts now on this instance, not at its next tick.
  if (created) wakeJob(INSPECTION_REQUESTS_JOB);
  return { run: openOf(run), created };
}

/** The runs queued or running that cover any of these organs, oldest first. */
export async function openInspections(deps: AppDeps, codes: string[]): Promise<OpenInspection[]> {
  return (await openRuns(deps.db)).filter((r) => r.organCodes.some((c) => codes.includes(c))).map(openOf);
}

/** A run by id, as 立即检查's page follows it: open, finished with its findings, or failed with why. */
export async function inspectionRun(deps: AppDeps, id: number): Promise<
  | { state: 'open'; run: OpenInspection }
  | { state: 'done'; run: OpenInspection; result: InspectionResult }
  | { state: 'failed'; run: OpenInspection; error: string }
  | null
> {
  const r = await findInspectionRun(deps.db, id);
  if (!r) return null;
  if (r.status === 'queued' || r.status === 'running') return { state: 'open', run: openOf(r) };
  if (r.status === 'done' && r.resultJson) return { state: 'done', run: openOf(r), result: JSON.parse(r.resultJson) as InspectionResult };
  return { state: 'failed', run: openOf(r), error: r.error ?? '' };
}

/** Whether a run is queued (the job asks before starting a thread to run it). */
export const inspectionQueued = (deps: AppDeps) => hasQueuedRun(deps.db);

/**
 * The background job of 立即检查: records runs whose process died (see `recoverLapsedInspections`),
 * then takes the queued runs one by one, oldest first, and runs each; several instances may do so at
 * once, each run being taken by one. Returns the last run it finished, or null when none was queued.
 */
export async function runRequestedInspections(deps: AppDeps, opts: RunOptions = {}): Promise<StoredInspection | null> {
  await recoverLapsedInspections(deps);
  let last: StoredInspection | null = null;
  for (;;) {
    opts.signal?.throwIfAborted();
    const owner = ownerName();
    const startedAt = deps.clock.now().toISOString();
    const run = await takeQueuedRun(deps.db, startedAt, leaseFrom(deps, owner));
    if (!run) return last;
    opts.onClaimed?.(run.id);
    const all = await listOrgans(deps.db);
    // Organs removed since the request are left out; the run still ends, with the organs that remain.
    const organs = all.filter((o) => run.organCodes.includes(o.code));
    last = await runOwnedInspection(deps, { id: run.id, runKey: run.runKey, trigger: run.trigger, startedAt, owner }, organs, opts);
  }
}

/**
 * For each organ code, the newest finished run that inspected it (a manual run may cover only some
 * organs), looking back over the last 50 runs.
 */
export async function lastInspections(deps: AppDeps, codes: string[]): Promise<Map<string, StoredInspection & { organ: InspectionResult['organs'][number] }>> {
  const out = new Map<string, StoredInspection & { organ: InspectionResult['organs'][number] }>();
  for (const r of await recentFinishedRuns(deps.db, 50)) {
    if (!r.resultJson || !r.finishedAt) continue;
    const result = JSON.parse(r.resultJson) as InspectionResult;
    for (const organ of result.organs) {
      if (codes.includes(organ.code) && !out.has(organ.code)) out.set(organ.code, { id: r.id, trigger: r.trigger, startedAt: r.startedAt ?? r.finishedAt, finishedAt: r.finishedAt, result, organ });
    }
    if (out.size === codes.length) break;
  }
  return out;
}
