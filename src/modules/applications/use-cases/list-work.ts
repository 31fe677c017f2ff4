import type { AppDeps } from '../../../platform/app-deps.ts';
import { addDays, chinaDateOf, type IsoDate } from '../../../shared/iso-date.ts';
import type { Application } from '../domain/application.ts';
import { typedNumber } from '../../../shared/typed-number.ts';
import { countWorkByOrgan, findApplicationByTrackingNo, listApplications, type CountedView, type WorkListFilter } from '../storage/applications-repository.ts';
import { calendarFor } from './working-calendar.ts';

/** 本项目约定 (docs/rules/applications.md, deadlines): warn N working days before a deadline; 5 by default. */
export const DEFAULT_DUE_SOON_WORKING_DAYS = 5;

/**
 * [A] An online, fax or e-mail application still unconfirmed this many working days after it arrived
 * is flagged in 待办: until both sides confirm, the reply clock has not started (条例第三十一条第（三）项).
 */
export const UNCONFIRMED_AGEING_WORKING_DAYS = 2;

export type WorkList = { items: Application[]; total: number; today: IsoDate; dueBy: IsoDate };

/**
 * Today (China time) and the dates the views compare with, from the working-day calendar in force
 * (built-in years and those an administrator entered): the last due date that is "due soon" and the
 * last arrival date of an unconfirmed application that counts as aged.
 */
async function workBounds(deps: AppDeps, days: number): Promise<{ today: IsoDate; dueBy: IsoDate; arrivedBy: IsoDate }> {
  const today = chinaDateOf(deps.clock.now());
  const calendar = await calendarFor(deps.db);
  const dueBy = calendar.addWorkingDays(today, days);
  let arrivedBy = today;
  for (let n = 0; n < UNCONFIRMED_AGEING_WORKING_DAYS; ) {
    if (calendar.isWorkingDay(arrivedBy)) n += 1;
    arrivedBy = addDays(arrivedBy, -1);
  }
  return { today, dueBy, arrivedBy };
}

/** The cases of the given organs in one view; "due soon" means due within `days` working days from today. */
export async function listWork(
  deps: AppDeps, organIds: number[], view: WorkListFilter['view'], opts: { days?: number; q?: string; page?: number; pageSize?: number } = {},
): Promise<WorkList> {
  const days = Number.isInteger(opts.days) && opts.days! >= 0 && opts.days! <= 60 ? opts.days! : DEFAULT_DUE_SOON_WORKING_DAYS;
  const { today, dueBy, arrivedBy } = await workBounds(deps, days);
  const pageSize = opts.pageSize ?? 50;
  const { items, total } = await listApplications(deps.db, { organIds, view, today, dueBy, arrivedBy, q: opts.q, limit: pageSize, offset: ((opts.page ?? 1) - 1) * pageSize });
  return { items, total, today, dueBy };
}

/**
 * The case a work-list search names by its number, if it is one of these organs': as issued, copied
 * from a PDF (U+2011 hyphens) or typed full-width (typedNumber). Whatever its state — a new online
 * application waits in 待确认收到, outside the default 办理中 view (found by an officer).
 */
export async function caseIdByNumber(deps: AppDeps, organIds: number[], search: string): Promise<number | null> {
  const number = typedNumber(search);
  if (!/^[A-Z0-9]+(-[A-Z0-9]+)+$/.test(number)) return null;
  const found = await findApplicationByTrackingNo(deps.db, number);
  return found && organIds.includes(found.organId) ? found.id : null;
}

export type WorkCounts = Record<CountedView, number>;

/**
 * For 待办 and 工作台: per organ, how many applications wait for 确认收到 (and how many of them are
 * aged), are due within DEFAULT_DUE_SOON_WORKING_DAYS working days, or are overdue — the same
 * conditions as the work-list views, counted in one query. Organs with none are left out.
 */
export async function countWork(deps: AppDeps, organIds: number[]): Promise<Map<number, WorkCounts>> {
  return countWorkByOrgan(deps.db, organIds, await workBounds(deps, DEFAULT_DUE_SOON_WORKING_DAYS));
}
