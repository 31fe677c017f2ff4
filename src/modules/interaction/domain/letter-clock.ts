import { addDays, type IsoDate } from '../../../shared/iso-date.ts';
import type { WorkingDayCalendar } from '../../calendar/index.ts';
import type { LetterType, Rating } from './letter.ts';

/**
 * Reply limits in working days by type. No statute sets them for a department mailbox; these are the
 * local practice the bureau follows (docs/workflows/mailbox.md), and each organ may set its own.
 */
export const DEFAULT_REPLY_WORKING_DAYS: Record<LetterType, number> = { consult: 5, suggest: 10, complain: 15, other: 10 };
export const MAX_REPLY_WORKING_DAYS = 60;

/** Calendar days the writer has to rate a reply; no rating by then counts as 满意 (local practice). */
export const RATING_WINDOW_DAYS = 7;
export const DEEMED_RATING: Rating = 'satisfied';

/** Working days before the due date from which a letter shows as 即将到期 in 待办. */
export const DUE_SOON_WORKING_DAYS = 2;

/** The due date: the limit counted in working days from the day after receipt (the receipt day itself never counts). */
export const letterDueOn = (calendar: WorkingDayCalendar, receivedOn: IsoDate, workingDays: number): IsoDate => calendar.addWorkingDays(receivedOn, workingDays);

/** The same day three calendar months later (31 January → 30 April; the end of a shorter month when the day is missing). */
export function threeMonthLine(submittedOn: IsoDate): IsoDate {
  const [y, m, d] = submittedOn.split('-').map(Number);
  const month0 = m - 1 + 3;
  const year = y + Math.floor(month0 / 12);
  const month = (month0 % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export const rateByOn = (repliedOn: IsoDate): IsoDate => addDays(repliedOn, RATING_WINDOW_DAYS);

/** The rating that counts: the writer's own, or 满意 once the window has passed without one. */
export function effectiveRating(l: { rating: Rating | null; rateByOn: IsoDate | null }, today: IsoDate): Rating | null {
  if (l.rating) return l.rating;
  return l.rateByOn && today > l.rateByOn ? DEEMED_RATING : null;
}
