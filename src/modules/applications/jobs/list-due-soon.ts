import type { AppDeps } from '../../../platform/app-deps.ts';
import type { Application } from '../domain/application.ts';
import { allOrganIds } from '../storage/organs-repository.ts';
import { DEFAULT_DUE_SOON_WORKING_DAYS, listWork } from '../use-cases/list-work.ts';

/** Cases due within `days` working days, and overdue ones, across all organs (for reminders). */
export async function listDueSoonCases(deps: AppDeps, days = DEFAULT_DUE_SOON_WORKING_DAYS): Promise<{ dueSoon: Application[]; overdue: Application[] }> {
  const organIds = await allOrganIds(deps.db);
  const [dueSoon, overdue] = await Promise.all([
    listWork(deps, organIds, 'due_soon', { days, pageSize: 10_000 }),
    listWork(deps, organIds, 'overdue', { pageSize: 10_000 }),
  ]);
  return { dueSoon: dueSoon.items, overdue: overdue.items };
}
