import type { AppDeps } from '../../../platform/app-deps.ts';
import { systemActor } from '../../identity/index.ts';
import { scheduledDue } from '../storage/review-inbox.ts';
import { hasOpenAlert, raiseAlert } from '../storage/workflow-alerts-repository.ts';
import { performReviewVerb } from '../use-cases/perform-review-verb.ts';
import { chinaTimeOf } from '../../../shared/iso-date.ts';

/** How late a scheduled publication may run before it is reported as missed. */
export const SCHEDULE_GRACE_MINUTES = 10;

/**
 * Publishes every scheduled item whose time has come. One that could not be published, or ran
 * later than the grace period (the server was down), leaves an alert for staff; none is dropped.
 */
export async function publishScheduled(deps: AppDeps): Promise<{ published: number[]; alerts: number }> {
  const now = deps.clock.now();
  const due = await scheduledDue(deps.db, now.toISOString());
  const published: number[] = [];
  let alerts = 0;
  for (const item of due) {
    const lateMinutes = (now.getTime() - Date.parse(item.scheduled_at!)) / 60_000;
    try {
      await performReviewVerb(deps, systemActor('定时发布'), item.id, 'publish');
      published.push(item.id);
      if (lateMinutes > SCHEDULE_GRACE_MINUTES) {
        await alert(deps, item.organ_id, item.id, 'schedule_late', `“${item.title}”计划于 ${chinaTimeOf(item.scheduled_at!)} 发布，实际于 ${chinaTimeOf(now)} 发布（延迟 ${Math.round(lateMinutes)} 分钟）`);
        alerts++;
      }
    } catch (e) {
      await alert(deps, item.organ_id, item.id, 'schedule_failed', `“${item.title}”定时发布失败：${(e as Error).message}`);
      alerts++;
    }
  }
  return { published, alerts };
}


async function alert(deps: AppDeps, organId: number, publicationId: number, kind: string, message: string) {
  // One open alert per item and kind: a job that keeps failing does not pile them up.
  if (await hasOpenAlert(deps.db, publicationId, kind)) return;
  await raiseAlert(deps.db, { organId, publicationId, kind, message, at: deps.clock.now().toISOString() });
}
