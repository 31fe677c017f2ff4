import type { HolidayYear } from '../../calendar/index.ts';
import type { Executor } from './executor.ts';

/**
 * The holiday years an administrator entered (table holiday_years, written by the calendar area's
 * /admin/calendar). Read here because the calendar area's index.ts does not export its repository yet;
 * when it does (loadAdminHolidayYears), use that instead.
 */
export async function adminHolidayYears(db: Executor): Promise<HolidayYear[]> {
  const rows = await db.selectFrom('holiday_years').selectAll().orderBy('year').execute();
  return rows.map((r) => ({
    year: r.year,
    holidays: JSON.parse(r.holidays) as string[],
    workdays: JSON.parse(r.workdays) as string[],
    ...(r.notice_url ? { noticeUrl: r.notice_url } : {}),
    source: 'admin' as const,
  }));
}
