import { DomainError } from '../../../shared/domain-error.ts';
import { addDays, isIsoDate, type IsoDate } from '../../../shared/iso-date.ts';
import { BUILTIN_YEARS } from './builtin-years.ts';
import { CalendarErrorCode } from './calendar-codes.ts';
import { isWeekend } from './day-of-week.ts';
import { statutoryHolidays } from './statutory-holidays.ts';
import { validateHolidayYear, type HolidayYear } from './holiday-year.ts';

export type DayReason = 'weekday' | 'weekend' | 'holiday' | 'adjusted_workday';

export type DayExplanation = {
  working: boolean;
  reason: DayReason;
  /** The festival the day belongs to (春节, 国庆节 …), when the notice data names it. */
  name?: string;
  /** The year's notice is not loaded: judged by the week and the statutory holidays alone (暂定). */
  provisional?: true;
};

/**
 * Working days: Mon–Fri minus the weekday holidays, plus the weekend workdays (调休上班) of each
 * year's State Council notice (docs/rules/working-days.md). Admin-entered years replace builtin ones.
 * A year with no notice loaded is Mon–Fri minus the fixed statutory holidays of 《全国年节及纪念日放假办法》
 * (statutory-holidays.ts), and every day of it is provisional; computeDeadline warns about such years.
 */
export class WorkingDayCalendar {
  private readonly years = new Map<number, HolidayYear>();
  private readonly holidays = new Set<IsoDate>();
  private readonly workdays = new Set<IsoDate>();
  private readonly festivalOf = new Map<IsoDate, string>();

  constructor(years: readonly HolidayYear[]) {
    const bySource = { builtin: new Map<number, HolidayYear>(), admin: new Map<number, HolidayYear>() };
    for (const raw of years) {
      const year = validateHolidayYear(raw);
      const sameSource = bySource[year.source];
      if (sameSource.has(year.year)) {
        throw new DomainError(
          CalendarErrorCode.duplicateYear,
          `${year.year}年的节假日安排（${year.source === 'admin' ? '管理员录入' : '内置'}）重复提供，每个来源每年只能有一份`,
          { field: 'year' },
        );
      }
      sameSource.set(year.year, year);
    }
    for (const year of [...bySource.builtin.values(), ...bySource.admin.values()]) this.years.set(year.year, year);
    for (const year of this.years.values()) {
      for (const on of year.holidays) this.holidays.add(on);
      for (const on of year.workdays) this.workdays.add(on);
      for (const festival of year.festivals ?? []) for (const on of festival.days) this.festivalOf.set(on, festival.name);
    }
  }

  /** The shipped 2019–2026 notices plus the years an admin entered (which win). */
  static withBuiltinYears(adminYears: readonly HolidayYear[] = []): WorkingDayCalendar {
    return new WorkingDayCalendar([...BUILTIN_YEARS, ...adminYears]);
  }

  knowsYear(year: number): boolean {
    return this.years.has(year);
  }

  /** The notice data in force for a year, if loaded (for citing its URL). */
  holidayYear(year: number): HolidayYear | undefined {
    return this.years.get(year);
  }

  isWorkingDay(on: IsoDate): boolean {
    return this.explainDay(on).working;
  }

  explainDay(on: IsoDate): DayExplanation {
    requireDate(on);
    const year = Number(on.slice(0, 4));
    if (!this.years.has(year)) {
      const statutory = this.statutoryOf(year).get(on);
      if (statutory) return { working: false, reason: 'holiday', name: statutory, provisional: true };
      return isWeekend(on) ? { working: false, reason: 'weekend', provisional: true } : { working: true, reason: 'weekday', provisional: true };
    }
    const name = this.festivalOf.get(on);
    const named = name ? { name } : {};
    if (this.holidays.has(on)) return { working: false, reason: 'holiday', ...named };
    if (this.workdays.has(on)) return { working: true, reason: 'adjusted_workday', ...named };
    if (isWeekend(on)) return { working: false, reason: 'weekend', ...named };
    return { working: true, reason: 'weekday', ...named };
  }

  private readonly statutory = new Map<number, Map<IsoDate, string>>();

  private statutoryOf(year: number): Map<IsoDate, string> {
    let days = this.statutory.get(year);
    if (!days) {
      days = new Map(statutoryHolidays(year).map((h) => [h.on, h.name]));
      this.statutory.set(year, days);
    }
    return days;
  }

  /** The n-th working day after `from` (`from` itself never counts; n = 0 gives `from`). */
  addWorkingDays(from: IsoDate, n: number): IsoDate {
    requireDate(from);
    requireDayCount(n);
    let day = from;
    for (let counted = 0; counted < n; ) {
      day = addDays(day, 1);
      if (this.isWorkingDay(day)) counted += 1;
    }
    return day;
  }

  /** Working days in (a, b]; negative when b is before a (then minus the working days in (b, a]). */
  workingDaysBetween(a: IsoDate, b: IsoDate): number {
    requireDate(a);
    requireDate(b);
    if (b < a) return -this.workingDaysBetween(b, a);
    let count = 0;
    for (let day = addDays(a, 1); day <= b; day = addDays(day, 1)) if (this.isWorkingDay(day)) count += 1;
    return count;
  }
}

function requireDate(on: IsoDate): void {
  if (typeof on !== 'string' || !isIsoDate(on)) {
    throw new DomainError(CalendarErrorCode.invalidDate, `日期“${String(on)}”无效，应为YYYY-MM-DD格式的真实日期`);
  }
}

function requireDayCount(n: number): void {
  if (!Number.isInteger(n) || n < 0) {
    throw new DomainError(CalendarErrorCode.invalidDayCount, `工作日数“${n}”无效，应为不小于0的整数`);
  }
}
