import type { Transaction } from 'kysely';
import type { Db } from '../../../platform/db/connect.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { WorkingDayCalendar } from '../domain/working-day-calendar.ts';
import { loadAdminHolidayYears } from '../storage/holiday-years-repository.ts';

/**
 * The one working-day calendar every rule counts on: the shipped State Council notices plus the
 * years an administrator entered (which override a shipped year of the same number;
 * docs/rules/working-days.md). Application replies, mailbox letters and the 20-working-day
 * proactive-disclosure limit all use it, so a holiday entered once moves every clock alike.
 */
export async function calendarInForce(db: Db | Transaction<Database>): Promise<WorkingDayCalendar> {
  return WorkingDayCalendar.withBuiltinYears(await loadAdminHolidayYears(db));
}
