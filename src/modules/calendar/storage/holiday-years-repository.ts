import { sql, type Transaction } from 'kysely';
import type { Db } from '../../../platform/db/connect.ts';
import type { Database } from '../../../platform/db/schema.ts';
import type { IsoDate } from '../../../shared/iso-date.ts';
import { validateHolidayYear, type HolidayYear } from '../domain/holiday-year.ts';

type Executor = Db | Transaction<Database>;

export type StoredHolidayYear = HolidayYear & { enteredBy: number | null; enteredAt: string };

/** The notices an administrator entered (docs/rules/working-days.md); they override the shipped year of the same number. */
export async function listAdminHolidayYears(db: Executor): Promise<StoredHolidayYear[]> {
  const rows = await db.selectFrom('holiday_years').selectAll().orderBy('year').execute();
  return rows.map((r) => ({
    year: r.year,
    holidays: JSON.parse(r.holidays) as IsoDate[],
    workdays: JSON.parse(r.workdays) as IsoDate[],
    ...(r.notice_url ? { noticeUrl: r.notice_url } : {}),
    source: 'admin' as const,
    enteredBy: r.entered_by,
    enteredAt: r.entered_at,
  }));
}

export async function loadAdminHolidayYears(db: Executor): Promise<HolidayYear[]> {
  return (await listAdminHolidayYears(db)).map(({ enteredBy: _b, enteredAt: _a, ...year }) => year);
}

/**
 * For commands that may run before the database is migrated (`gongkai deadline`): the admin years
 * if the table exists, none otherwise (then only the shipped years apply).
 */
export async function loadAdminHolidayYearsIfMigrated(db: Executor): Promise<HolidayYear[]> {
  const migrated = await sql<{ name: string }>`select name from schema_migrations where name = '003-applications'`
    .execute(db)
    .then((r) => r.rows.length > 0, () => false);
  return migrated ? loadAdminHolidayYears(db) : [];
}

/** Stores a validated year (insert or replace). Throws ERR_CALENDAR_INVALID_YEAR listing every problem. */
export async function saveAdminHolidayYear(db: Executor, input: Omit<HolidayYear, 'source'>, enteredBy: number | null, at: string): Promise<HolidayYear> {
  const year = validateHolidayYear({ ...input, source: 'admin' });
  const values = {
    holidays: JSON.stringify(year.holidays),
    workdays: JSON.stringify(year.workdays),
    notice_url: year.noticeUrl ?? null,
    entered_by: enteredBy,
    entered_at: at,
  };
  await db
    .insertInto('holiday_years')
    .values({ year: year.year, ...values })
    .onConflict((oc) => oc.column('year').doUpdateSet(values))
    .execute();
  return year;
}
