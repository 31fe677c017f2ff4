/**
 * Tables of the calendar area, created by ../migrations/003-applications.ts. Conventions: see
 * ../schema.ts.
 */
export interface CalendarTables {
  holiday_years: HolidayYearsTable;
}

/** A State Council holiday notice entered by an administrator; it overrides a built-in year. */
export interface HolidayYearsTable {
  year: number;
  /** JSON array of Mon–Fri dates off. */
  holidays: string;
  /** JSON array of Sat/Sun working days (调休上班). */
  workdays: string;
  notice_url: string | null;
  entered_by: number | null;
  entered_at: string;
}
