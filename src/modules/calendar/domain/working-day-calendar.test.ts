import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../shared/domain-error.ts';
import type { HolidayYear } from './holiday-year.ts';
import { WorkingDayCalendar } from './working-day-calendar.ts';

const calendar = WorkingDayCalendar.withBuiltinYears();

const admin2027: HolidayYear = {
  year: 2027,
  source: 'admin',
  holidays: ['2027-01-01'],
  workdays: [],
  festivals: [{ name: '元旦', days: ['2027-01-01', '2027-01-02', '2027-01-03'] }],
};

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('a working day', () => {
  it.each([
    ['2025-09-29', { working: true, reason: 'weekday' }],
    ['2025-09-27', { working: false, reason: 'weekend' }],
    ['2025-10-01', { working: false, reason: 'holiday', name: '国庆节' }],
    ['2025-10-06', { working: false, reason: 'holiday', name: '中秋节' }],
    ['2025-10-04', { working: false, reason: 'weekend', name: '国庆节' }],
    ['2025-09-28', { working: true, reason: 'adjusted_workday', name: '国庆节' }],
    ['2026-02-14', { working: true, reason: 'adjusted_workday', name: '春节' }],
    ['2026-02-23', { working: false, reason: 'holiday', name: '春节' }],
    ['2019-05-02', { working: false, reason: 'holiday', name: '劳动节' }],
    ['2019-05-05', { working: true, reason: 'adjusted_workday', name: '劳动节' }],
  ])('%s is explained as %o', (on, explanation) => {
    expect(calendar.explainDay(on)).toEqual(explanation);
    expect(calendar.isWorkingDay(on)).toBe(explanation.working);
  });

  it('in a year without a notice follows the week and the statutory holidays, provisionally, until the year is entered', () => {
    expect(calendar.knowsYear(2027)).toBe(false);
    expect(calendar.explainDay('2027-01-01')).toEqual({ working: false, reason: 'holiday', name: '元旦', provisional: true });
    expect(calendar.explainDay('2027-01-04')).toEqual({ working: true, reason: 'weekday', provisional: true });
  });

  it('takes a year an admin entered, and an admin year replaces the builtin one of the same year', () => {
    const adminCorrects2026: HolidayYear = { year: 2026, source: 'admin', holidays: ['2026-01-05'], workdays: [] };
    const withAdmin = WorkingDayCalendar.withBuiltinYears([admin2027, adminCorrects2026]);
    expect(withAdmin.knowsYear(2027)).toBe(true);
    expect(withAdmin.explainDay('2027-01-01')).toEqual({ working: false, reason: 'holiday', name: '元旦' });
    expect(withAdmin.isWorkingDay('2026-01-05')).toBe(false);
    // The builtin 2026 is gone entirely: its 元旦 holiday 2026-01-02 is an ordinary Friday now.
    expect(withAdmin.isWorkingDay('2026-01-02')).toBe(true);
    expect(withAdmin.holidayYear(2026)?.source).toBe('admin');
  });

  it('refuses two years of the same source for one year', () => {
    expect(codeOf(() => WorkingDayCalendar.withBuiltinYears([admin2027, admin2027]))).toBe('ERR_CALENDAR_DUPLICATE_YEAR');
  });

  it('refuses an invalid admin year before using it', () => {
    const bad = { ...admin2027, holidays: ['2027-01-02'] };
    expect(codeOf(() => WorkingDayCalendar.withBuiltinYears([bad]))).toBe('ERR_CALENDAR_INVALID_YEAR');
  });

  it.each(['2026-02-30', '2026-2-3', ''])('refuses the impossible date “%s”', (on) => {
    expect(codeOf(() => calendar.explainDay(on))).toBe('ERR_CALENDAR_INVALID_DATE');
  });
});

describe('counting working days (the start day never counts)', () => {
  it.each([
    ['2025-09-26', 1, '2025-09-28'], // the 调休 Sunday is the first working day
    ['2025-09-30', 1, '2025-10-09'], // over National Day
    ['2025-09-26', 20, '2025-10-30'],
    ['2026-02-13', 20, '2026-03-19'],
    ['2025-10-01', 0, '2025-10-01'],
  ])('the %s + %i working days is %s', (from, n, expected) => {
    expect(calendar.addWorkingDays(from, n)).toBe(expected);
  });

  it.each([
    ['2025-09-26', '2025-10-30', 20],
    ['2025-09-30', '2025-10-08', 0],
    ['2025-10-08', '2025-10-09', 1],
    ['2025-10-09', '2025-10-09', 0],
    ['2025-10-30', '2025-09-26', -20],
  ])('between %s and %s (the first excluded, the last included) lie %i working days', (a, b, n) => {
    expect(calendar.workingDaysBetween(a, b)).toBe(n);
  });

  it.each([-1, 1.5, Number.NaN])('refuses %s as a number of working days', (n) => {
    expect(codeOf(() => calendar.addWorkingDays('2025-09-26', n))).toBe('ERR_CALENDAR_INVALID_DAY_COUNT');
  });
});
