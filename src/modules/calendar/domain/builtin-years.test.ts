import chineseDays from 'chinese-days';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/iso-date.ts';
import { BUILTIN_YEARS } from './builtin-years.ts';
import { validateHolidayYear } from './holiday-year.ts';
import { WorkingDayCalendar } from './working-day-calendar.ts';

/**
 * the table of docs/rules/working-days.md, copied as written: weekday holidays (`a…b` is a range, `;` and `,` separate)
 * and weekend workdays. The notices are the State Council's; the table is [V].
 */
const REFERENCE_TABLE: Record<number, { holidays: string; workdays: string }> = {
  2019: { holidays: '01-01; 02-04…02-08; 04-05; 05-01…05-03; 06-07; 09-13; 10-01…10-04, 10-07', workdays: '02-02 02-03 04-28 05-05 09-29 10-12' },
  2020: { holidays: '01-01; 01-24, 01-27…01-31; 04-06; 05-01, 05-04, 05-05; 06-25, 06-26; 10-01, 10-02, 10-05…10-08', workdays: '01-19 04-26 05-09 06-28 09-27 10-10 (02-01 cancelled)' },
  2021: { holidays: '01-01; 02-11, 02-12, 02-15…02-17; 04-05; 05-03…05-05; 06-14; 09-20, 09-21; 10-01, 10-04…10-07', workdays: '02-07 02-20 04-25 05-08 09-18 09-26 10-09' },
  2022: { holidays: '01-03; 01-31…02-04; 04-04, 04-05; 05-02…05-04; 06-03; 09-12; 10-03…10-07', workdays: '01-29 01-30 04-02 04-24 05-07 10-08 10-09' },
  2023: { holidays: '01-02; 01-23…01-27; 04-05; 05-01…05-03; 06-22, 06-23; 09-29; 10-02…10-06', workdays: '01-28 01-29 04-23 05-06 06-25 10-07 10-08' },
  2024: { holidays: '01-01; 02-12…02-16; 04-04, 04-05; 05-01…05-03; 06-10; 09-16, 09-17; 10-01…10-04, 10-07', workdays: '02-04 02-18 04-07 04-28 05-11 09-14 09-29 10-12' },
  2025: { holidays: '01-01; 01-28…01-31, 02-03, 02-04; 04-04; 05-01, 05-02, 05-05; 06-02; 10-01…10-03, 10-06…10-08', workdays: '01-26 02-08 04-27 09-28 10-11' },
  2026: { holidays: '01-01, 01-02; 02-16…02-20, 02-23; 04-06; 05-01, 05-04, 05-05; 06-19; 09-25; 10-01, 10-02, 10-05…10-07', workdays: '01-04 02-14 02-28 05-09 09-20 10-10' },
};

function weekdayHolidays(year: number, cell: string): string[] {
  return cell.split(/[;,]/).flatMap((part) => {
    const [from, to] = part.trim().split('…').map((md) => `${year}-${md}`);
    if (!to) return [from];
    const days: string[] = [];
    for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
    return days;
  });
}

function weekendWorkdays(year: number, cell: string): string[] {
  return cell.replace(/\(.*\)/, '').trim().split(/\s+/).map((md) => `${year}-${md}`);
}

const builtin = (year: number) => BUILTIN_YEARS.find((y) => y.year === year);

describe('the holiday notices shipped with the product (2019–2026)', () => {
  it('covers exactly the years 2019 to 2026, once each', () => {
    expect(BUILTIN_YEARS.map((y) => y.year)).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    expect(BUILTIN_YEARS.every((y) => y.source === 'builtin')).toBe(true);
  });

  it.each(Object.entries(REFERENCE_TABLE).map(([y, row]) => [Number(y), row] as const))(
    '%i matches the table of docs/rules/working-days.md day by day',
    (year, row) => {
      expect(builtin(year)?.holidays).toEqual(weekdayHolidays(year, row.holidays));
      expect(builtin(year)?.workdays).toEqual(weekendWorkdays(year, row.workdays));
    },
  );

  it.each(BUILTIN_YEARS.map((y) => [y.year, y] as const))('%i passes the validator an admin year must pass', (_y, year) => {
    expect(validateHolidayYear(year)).toEqual(year);
  });

  it('keeps 2020-02-01 (Sat) a day off: its 调休 was cancelled when Spring Festival was extended', () => {
    const calendar = WorkingDayCalendar.withBuiltinYears();
    expect(calendar.explainDay('2020-02-01')).toEqual({ working: false, reason: 'weekend', name: '春节' });
  });

  it('agrees with chinese-days 1.5.7 on every day from 2019-01-01 to 2026-12-31', () => {
    const calendar = WorkingDayCalendar.withBuiltinYears();
    const disagreements: string[] = [];
    for (let day = '2019-01-01'; day <= '2026-12-31'; day = addDays(day, 1)) {
      if (calendar.isWorkingDay(day) !== chineseDays.isWorkday(day)) disagreements.push(day);
    }
    expect(disagreements).toEqual([]);
  });
});
