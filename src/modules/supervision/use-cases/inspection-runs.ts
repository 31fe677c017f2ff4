import type { AppDeps } from '../../../platform/app-deps.ts';
import { chinaDateOf } from '../../../shared/iso-date.ts';
import { listOrgans, type Organ } from '../../catalog/index.ts';
import { claimInspectionRun, finishInspectionRun, interruptInspectionRun, recentFinishedRuns, type InspectionRunRow } from '../storage/inspection-repository.ts';
import { inspectSite, type InspectionResult, type InspectOptions } from './site-inspection.ts';

/** The scheduled inspection runs once per China date, from this hour on (a server down at night catches up at its next tick). */
export const NIGHTLY_FROM_HOUR = 2;

export type StoredInspection = { id: number; trigger: InspectionRunRow['trigger']; startedAt: string; finishedAt: string; result: InspectionResult };

/**
 * Runs the site inspection under a claimed key and stores its findings with the run's time. The
 * claim is a row with a unique key, so when several instances share the database only the first
 * runs it; the others get null. A failure is stored with its message and rethrown. A run stopped by
 * `opts.signal` (the server stops) is recorded as interrupted and its key freed, so it runs again.
 * `onClaimed` hears the run's id once it is claimed.
 */
export async function runClaimedInspection(
  deps: AppDeps, runKey: string, trigger: InspectionRunRow['trigger'], organs: Organ[], opts: InspectOptions & { onClaimed?: (id: number) => void } = {},
): Promise<StoredInspection | null> {
  const startedAt = deps.clock.now().toISOString();
  const id = await claimInspectionRun(deps.db, runKey, trigger, startedAt);
  if (id === null) return null;
  opts.onClaimed?.(id);
  try {
    const result = await inspectSite(deps, organs, await listOrgans(deps.db), opts);
    const finishedAt = deps.clock.now().toISOString();
    await finishInspectionRun(deps.db, id, finishedAt, { resultJson: JSON.stringify(result) });
    return { id, trigger, startedAt, finishedAt, result };
  } catch (e) {
    if (opts.signal?.aborted) {
      await interruptInspectionRun(deps.db, id, deps.clock.now().toISOString(), INTERRUPTED);
      deps.logger.warn({ runId: id, runKey }, 'site inspection interrupted by the stop; its key is free to run again');
      throw e;
    }
    await finishInspectionRun(deps.db, id, deps.clock.now().toISOString(), { error: (e as Error).message ?? String(e) });
    throw e;
  }
}

/** What an interrupted run records as its error. */
const INTERRUPTED = '服务停止，巡检中断（下次启动时重新运行）';

/**
 * Records a run left behind by a stop (its thread ended before it could say so) as interrupted, and
 * frees its key; nothing when the run had already ended.
 */
export async function markInspectionInterrupted(deps: AppDeps, id: number): Promise<boolean> {
  return interruptInspectionRun(deps.db, id, deps.clock.now().toISOString(), INTERRUPTED);
}

/** Every organ that has a site of its own (not the internal units). */
export const inspectedOrgans = async (deps: AppDeps) => (await listOrgans(deps.db)).filter((o) => o.kind !== 'unit');

/** The nightly job: once per China date from 02:00, claimed so one instance runs it. */
export async function runNightlyInspection(deps: AppDeps, opts: InspectOptions & { onClaimed?: (id: number) => void } = {}): Promise<StoredInspection | null> {
  const now = deps.clock.now();
  const chinaHour = (now.getUTCHours() + 8) % 24;
  if (chinaHour < NIGHTLY_FROM_HOUR) return null;
  return runClaimedInspection(deps, `nightly:${chinaDateOf(now)}`, 'schedule', await inspectedOrgans(deps), opts);
}

/** An inspection asked for now (back-office button, `inspect`): its own key, so it never waits for or blocks the nightly run. */
export async function runInspectionNow(deps: AppDeps, trigger: 'manual' | 'cli', organs: Organ[], opts: InspectOptions = {}): Promise<StoredInspection> {
  const at = deps.clock.now().toISOString();
  const key = `${trigger}:${at}:${organs.map((o) => o.code).join(',')}:${Math.random().toString(36).slice(2, 10)}`;
  return (await runClaimedInspection(deps, key, trigger, organs, opts))!;
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
      if (codes.includes(organ.code) && !out.has(organ.code)) out.set(organ.code, { id: r.id, trigger: r.trigger, startedAt: r.startedAt, finishedAt: r.finishedAt, result, organ });
    }
    if (out.size === codes.length) break;
  }
  return out;
}
