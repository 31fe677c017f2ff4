import type { AppDeps } from '../../../platform/app-deps.ts';
import { addDays, chinaDateOf, type IsoDate } from '../../../shared/iso-date.ts';
import type { Application } from '../domain/application.ts';
import { listApplications, type WorkListFilter } from '../storage/applications-repository.ts';
import { calendarFor } from './working-calendar.ts';

/** [A] reference §1.4: warn N working days before a deadline; 5 by default. */
export const DEFAULT_DUE_SOON_WORKING_DAYS = 5;

/**
 * [A] An online, fax or e-mail application still unconfirmed this many working days after it arrived
 * is flagged in 待办: until both sides confirm, the reply clock has not started (条例第三十一条第（三）项).
 */
export const UNCONFIRMED_AGEING_WORKING_DAYS = 2;

export type WorkList = { items: Application[]; total: number; today: IsoDate; dueBy: IsoDate };

/** The cases of the given organs in one view; "due soon" means due within `days` working days from today. */
export async function listWork(
  deps: AppDeps, organIds: number[], view: WorkListFilter['view'], opts: { days?: number; q?: string; page?: number; pageSize?: number } = {},
): Promise<WorkList> {
  const today = chinaDateOf(deps.clock.now());
  const days = Number.isInteger(opts.days) && opts.days! >= 0 && opts.days! <= 60 ? opts.days! : DEFAULT_DUE_SOON_WORKING_DAYS;
  const calendar = await calendarFor(deps.db);
  const dueBy = calendar.addWorkingDays(today, days);
  let arrivedBy = today;
  for (let n = 0; n < UNCONFIRMED_AGEING_WORKING_DAYS; ) {
    if (calendar.isWorkingDay(arrivedBy)) n += 1;
    arrivedBy = addDays(arrivedBy, -1);
  }
  const pageSize = opts.pageSize ?? 50;
  const { items, total } = await listApplications(deps.db, { organIds, view, today, dueBy, arrivedBy, q: opts.q, limit: pageSize, offset: ((opts.page ?? 1) - 1) * pageSize });
  return { items, total, today, dueBy };
}
