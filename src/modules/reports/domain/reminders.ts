import type { IsoDate } from '../../../shared/iso-date.ts';
import { noLaterThanTheDay } from '../../../shared/deadline-wording.ts';

export type Reminder = { year: number; dueOn: IsoDate; daysLeft: number; level: 'upcoming' | 'due_soon' | 'overdue'; message: string };

/**
 * 条例第四十九条: a department publishes last year's report by 31 January, a people's government by
 * 31 March. Staff are reminded from 1 December of the report year until it is published.
 */
export function reportDueOn(organKind: string, year: number): IsoDate {
  return organKind === 'government' ? `${year + 1}-03-31` : `${year + 1}-01-31`;
}

const days = (from: IsoDate, to: IsoDate) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * "应最迟于2021-01-31（含当日）公布": the due day is in time, as every deadline on the platform is
 * worded (src/shared/deadline-wording.ts): on it the reminder says 今日到期, from the next day 已逾期.
 */
const dueWording = (dueOn: IsoDate) => `应${noLaterThanTheDay(dueOn)}公布`;

/** The reminder for the report of `year` on `today`, or null when none is due (published, or too early). */
export function reminderFor(organKind: string, year: number, today: IsoDate, published: boolean): Reminder | null {
  if (published || today < `${year}-12-01`) return null;
  const dueOn = reportDueOn(organKind, year);
  const daysLeft = days(today, dueOn);
  const said = (standing: string) => `${year}年度报告${dueWording(dueOn)}，${standing}（条例第四十九条）`;
  if (daysLeft < 0) return { year, dueOn, daysLeft, level: 'overdue', message: said(`已逾期${-daysLeft}天`) };
  return { year, dueOn, daysLeft, level: daysLeft <= 10 ? 'due_soon' : 'upcoming', message: said(daysLeft === 0 ? '今日到期' : `还有${daysLeft}天`) };
}

/** The report years to remind about on `today`: last year's, and this year's from 1 December. */
export const yearsToRemind = (today: IsoDate): number[] => {
  const y = Number(today.slice(0, 4));
  return today >= `${y}-12-01` ? [y - 1, y] : [y - 1];
};
