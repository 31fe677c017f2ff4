import { loadAdminHolidayYears, WorkingDayCalendar } from '../../calendar/index.ts';
import type { Executor } from '../storage/executor.ts';

/** The one working-day calendar in force: the shipped holiday notices plus the years an admin entered. */
export async function letterCalendar(db: Executor): Promise<WorkingDayCalendar> {
  return WorkingDayCalendar.withBuiltinYears(await loadAdminHolidayYears(db));
}
