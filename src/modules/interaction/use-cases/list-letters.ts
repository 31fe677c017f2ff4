import type { AppDeps } from '../../../platform/app-deps.ts';
import { chinaDateOf } from '../../../shared/iso-date.ts';
import { DUE_SOON_WORKING_DAYS } from '../domain/letter-clock.ts';
import { typedNumber } from '../../../shared/typed-number.ts';
import { countLetters, findLetterIdByTrackingNo, pageLetters, type LetterCounts, type LetterPage, type LetterView } from '../storage/letters-repository.ts';
import { calendarInForce } from '../../calendar/index.ts';

export const LETTERS_PAGE_SIZE = 20;

/**
 * A page of the organs' letters in one view (open, overdue, due soon, past the three-month line, …);
 * with `search`, only those whose subject or writer's name holds every one of its words.
 */
export async function listLetters(deps: AppDeps, organIds: number[], view: LetterView, page: number, pageSize = LETTERS_PAGE_SIZE, search = ''): Promise<LetterPage> {
  const today = chinaDateOf(deps.clock.now());
  const dueSoonOn = (await calendarInForce(deps.db)).addWorkingDays(today, DUE_SOON_WORKING_DAYS);
  const words = search.normalize('NFKC').split(/[\s，、；,;]+/).filter(Boolean).slice(0, 10);
  return pageLetters(deps.db, organIds, view, { today, dueSoonOn, page, pageSize, words });
}

/**
 * The letter a search names by its number, if it is one of these organs': the number as issued, copied
 * from a PDF (U+2011 hyphens) or typed full-width (typedNumber). Whatever the letter's state.
 */
export async function letterIdByNumber(deps: AppDeps, organIds: number[], search: string): Promise<number | null> {
  const number = typedNumber(search);
  if (!/^[A-Z0-9]+(-[A-Z0-9]+)+$/.test(number)) return null;
  return findLetterIdByTrackingNo(deps.db, organIds, number);
}

/**
 * Per organ: new letters (待办理), overdue, due within DUE_SOON_WORKING_DAYS working days, past the three-month line,
 * replies awaiting review, units' new notes, and how many open letters any of these counts (`waiting`): 待办's
 * reminders, and the organ the mailbox opens on (staff context's `organ`).
 */
export async function countLetterWork(deps: AppDeps, organIds: number[]): Promise<Map<number, LetterCounts>> {
  const today = chinaDateOf(deps.clock.now());
  const dueSoonOn = (await calendarInForce(deps.db)).addWorkingDays(today, DUE_SOON_WORKING_DAYS);
  return countLetters(deps.db, organIds, today, dueSoonOn);
}
