import { loadAdminHolidayYears, WorkingDayCalendar } from '../../calendar/index.ts';
import type { Executor } from '../storage/executor.ts';

/** The working-day calendar in force: the shipped 2019–2026 notices plus the years an admin entered. */
export async function calendarFor(db: Executor): Promise<WorkingDayCalendar> {
  return WorkingDayCalendar.withBuiltinYears(await loadAdminHolidayYears(db));
}
