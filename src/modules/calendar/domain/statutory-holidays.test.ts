import { describe, expect, it } from 'vitest';
import { BUILTIN_YEARS } from './builtin-years.ts';
import { isWeekend } from './day-of-week.ts';
import { statutoryHolidays } from './statutory-holidays.ts';
import { WorkingDayCalendar } from './working-day-calendar.ts';

const calendar = WorkingDayCalendar.withBuiltinYears();

describe('the fixed statutory holidays of 《全国年节及纪念日放假办法》, for a year whose notice is not loaded', () => {
  it('lists the 13 days of the current 办法 with their festivals (2027)', () => {
    expect(statutoryHolidays(2027)).toEqual([
      { on: '2027-01-01', name: '元旦' },
      { on: '2027-02-05', name: '春节' }, { on: '2027-02-06', name: '春节' }, { on: '2027-02-07', name: '春节' }, { on: '2027-02-08', name: '春节' },
      { on: '2027-04-05', name: '清明节' },
      { on: '2027-05-01', name: '劳动节' }, { on: '2027-05-02', name: '劳动节' },
      { on: '2027-06-09', name: '端午节' },
      { on: '2027-09-15', name: '中秋节' },
      { on: '2027-10-01', name: '国庆节' }, { on: '2027-10-02', name: '国庆节' }, { on: '2027-10-03', name: '国庆节' },
    ]);
  });

  it('agrees with every State Council notice shipped (2019–2026): each statutory weekday is a day off', () => {
    for (const year of BUILTIN_YEARS) {
      for (const { on, name } of statutoryHolidays(year.year)) {
        // 除夕 and 5月2日 became statutory in 2025 (国务院令第795号); before that they were 调休 days at most.
        if (year.year < 2025 && (on.endsWith('-05-02') || statutoryHolidays(year.year).find((h) => h.name === '春节')!.on === on)) continue;
        if (!isWeekend(on)) expect(year.holidays, `${on} ${name}`).toContain(on);
      }
    }
  });

  it('a year without a notice skips its statutory holidays and says the date is provisional', () => {
    // 2027-01-01 is a Friday: the day after 2026-12-31 that counts is Monday 4 January.
    expect(calendar.addWorkingDays('2026-12-31', 1)).toBe('2027-01-04');
    expect(calendar.explainDay('2027-02-08')).toEqual({ working: false, reason: 'holiday', name: '春节', provisional: true });
    expect(calendar.explainDay('2027-02-09')).toMatchObject({ working: true, provisional: true });
    expect(calendar.explainDay('2026-02-09').provisional).toBeUndefined();
  });
});
