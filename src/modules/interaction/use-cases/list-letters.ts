import type { AppDeps } from '../../../platform/app-deps.ts';
import { chinaDateOf } from '../../../shared/iso-date.ts';
import { DUE_SOON_WORKING_DAYS } from '../domain/letter-clock.ts';
import { countLetters, pageLetters, type LetterCounts, type LetterPage, type LetterView } from '../storage/letters-repository.ts';
import { calendarInForce } from '../../calendar/index.ts';

export const LETTERS_PAGE_SIZE = 20;

/** A page of the organs' letters in one view (open, overdue, due soon, past the three-month line, …). */
export async function listLetters(deps: AppDeps, organIds: number[], view: LetterView, page: number, pageSize = LETTERS_PAGE_SIZE): Promise<LetterPage> {
  const today = chinaDateOf(deps.clock.now());
  const dueSoonOn = (await calendarInForce(deps.db)).addWorkingDays(today, DUE_SOON_WORKING_DAYS);
  return pageLetters(deps.db, organIds, view, { today, dueSoonOn, page, pageSize });
}

/** Per organ: overdue, due within DUE_SOON_WORKING_DAYS working days, past the three-month line, replies awaiting review. */
export async function countLetterWork(deps: AppDeps, organIds: number[]): Promise<Map<number, LetterCounts>> {
  const today = chinaDateOf(deps.clock.now());
  const dueSoonOn = (await calendarInForce(deps.db)).addWorkingDays(today, DUE_SOON_WORKING_DAYS);
  return countLetters(deps.db, organIds, today, dueSoonOn);
}
