import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../shared/domain-error.ts';
import { validateHolidayYear, type HolidayYear } from './holiday-year.ts';

/** 2027 as an admin might enter it; 2027-01-01 is a Friday, 2027-01-02 a Saturday. */
const admin2027 = (over: Partial<HolidayYear> = {}): HolidayYear => ({
  year: 2027,
  source: 'admin',
  holidays: ['2027-01-01'],
  workdays: [],
  noticeUrl: 'https://www.gov.cn/zhengce/zhengceku/example.htm',
  ...over,
});

function refusal(year: HolidayYear): DomainError {
  try {
    validateHolidayYear(year);
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected the year to be refused');
}

describe('a holiday year entered from a State Council notice', () => {
  it('is accepted when it lists weekday holidays and weekend workdays of that year, and comes back sorted', () => {
    const year = validateHolidayYear(
      admin2027({ holidays: ['2027-02-08', '2027-01-01'], workdays: ['2027-02-20', '2027-02-06'] }),
    );
    expect(year.holidays).toEqual(['2027-01-01', '2027-02-08']);
    expect(year.workdays).toEqual(['2027-02-06', '2027-02-20']);
  });

  it.each([
    ['a date of another year', admin2027({ holidays: ['2026-12-31'] }), '2026-12-31不在2027年内'],
    ['an impossible date', admin2027({ holidays: ['2027-02-30'] }), '“2027-02-30”不是有效日期'],
    ['a date not written YYYY-MM-DD', admin2027({ workdays: ['2027/1/2'] }), '“2027/1/2”不是有效日期'],
    ['a holiday on a Saturday', admin2027({ holidays: ['2027-01-02'] }), '2027-01-02是周六，本来就休息'],
    ['a workday on a Monday', admin2027({ workdays: ['2027-01-04'] }), '2027-01-04是周一，本来就上班'],
    ['the same holiday twice', admin2027({ holidays: ['2027-01-01', '2027-01-01'] }), '2027-01-01重复录入'],
    ['a festival day in another year', admin2027({ festivals: [{ name: '元旦', days: ['2026-12-31'] }] }), '元旦的日期2026-12-31不在2027年内'],
    ['a day named for two festivals', admin2027({ festivals: [{ name: '元旦', days: ['2027-01-01'] }, { name: '春节', days: ['2027-01-01'] }] }), '2027-01-01被归入多个节日'],
    ['a notice link that is not a web address', admin2027({ noticeUrl: 'gov.cn 通知' }), '不是有效的网址'],
    ['a year that cannot be meant', admin2027({ year: 27 }), '年份“27”无效'],
  ])('is refused with ERR_CALENDAR_INVALID_YEAR for %s, naming it', (_case, year, words) => {
    const error = refusal(year);
    expect(error.code).toBe('ERR_CALENDAR_INVALID_YEAR');
    expect(error.message).toContain(words);
  });

  it('lists every problem at once so the admin can fix the form in one go', () => {
    const error = refusal(admin2027({ holidays: ['2027-01-02', '2027-13-01'], workdays: ['2027-01-04'] }));
    expect(error.reasons.map((r) => r.field)).toEqual(['holidays', 'holidays', 'workdays']);
    expect(error.reasons.every((r) => r.code === 'ERR_CALENDAR_INVALID_YEAR')).toBe(true);
  });

  it('refuses a date listed both as holiday and as workday', () => {
    // The second listing is the mistake, whichever list it is in.
    const error = refusal(admin2027({ holidays: ['2027-01-01'], workdays: ['2027-01-01'] }));
    expect(error.message).toContain('2027-01-01重复录入');
  });
});
