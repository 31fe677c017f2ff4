import type { AppDeps } from '../../../platform/app-deps.ts';
import { chinaDateOf, type IsoDate } from '../../../shared/iso-date.ts';
import { RATINGS, isLetterOpen, type Rating } from '../domain/letter.ts';
import { effectiveRating } from '../domain/letter-clock.ts';
import { lettersReceivedBetween } from '../storage/letters-repository.ts';
import { calendarInForce } from '../../calendar/index.ts';

export type LetterStatistics = {
  from: IsoDate; to: IsoDate; received: number; replied: number; notAccepted: number; open: number; repliedOnTime: number;
  /** Working days from receipt to reply, averaged over the replied letters; null when none. */
  averageWorkingDays: number | null;
  ratings: Record<Rating, number>; unrated: number;
  /** Letters answered after their three-month line, or still unanswered past it (not counting 不予受理). */
  pastThreeMonths: number;
};

/**
 * An organ's letters received (or transferred to it) in [from, to]: how many were answered, on time
 * (by the stored due date), in how many working days on average, and how satisfied the writers were
 * (no rating within the window counts as 满意).
 */
export async function letterStatistics(deps: AppDeps, organId: number, from: IsoDate, to: IsoDate): Promise<LetterStatistics> {
  const letters = await lettersReceivedBetween(deps.db, organId, from, to);
  const calendar = await calendarInForce(deps.db);
  const today = chinaDateOf(deps.clock.now());
  const replied = letters.filter((l) => l.state === 'replied' && l.repliedOn);
  const ratings = Object.fromEntries(RATINGS.map((r) => [r, 0])) as Record<Rating, number>;
  let unrated = 0;
  for (const l of replied) {
    const r = effectiveRating(l, today);
    if (r) ratings[r] += 1;
    else unrated += 1;
  }
  const days = replied.map((l) => calendar.workingDaysBetween(l.receivedOn, l.repliedOn!));
  return {
    from, to, received: letters.length, replied: replied.length, notAccepted: letters.filter((l) => l.state === 'not_accepted').length,
    open: letters.filter((l) => isLetterOpen(l.state)).length,
    repliedOnTime: replied.filter((l) => l.repliedOn! <= l.dueOn).length,
    averageWorkingDays: days.length ? Math.round((days.reduce((a, b) => a + b, 0) / days.length) * 10) / 10 : null,
    ratings, unrated,
    pastThreeMonths: letters.filter((l) => l.state !== 'not_accepted' && (l.repliedOn ?? today) > l.threeMonthOn).length,
  };
}
