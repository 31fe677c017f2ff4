import chineseDays from 'chinese-days';
import { addDays, type IsoDate } from '../../../shared/iso-date.ts';

const pad = (n: number) => String(n).padStart(2, '0');
/** The Gregorian date of a lunar month and day in lunar year `year` (not a leap month). */
const lunar = (year: number, month: number, day: number): IsoDate => chineseDays.getSolarDateFromLunar(`${year}-${pad(month)}-${pad(day)}`).date as IsoDate;

/**
 * The statutory days off of 《全国年节及纪念日放假办法》 as in force since 2025-01-01 (国务院令第795号),
 * used for a year whose State Council notice is not loaded (docs/workflows/deadline-rules.md, rule 8):
 * 元旦 1 day; 春节 4 days (除夕, 正月初一至初三); 清明节 1 day (the solar term); 劳动节 2 days (5月1日、2日);
 * 端午节 1 day (五月初五); 中秋节 1 day (八月十五); 国庆节 3 days (10月1日至3日). The 调休 of each year
 * (moved days, weekend workdays) only its notice can say. Lunar dates and 清明 come from chinese-days.
 */
export function statutoryHolidays(year: number): { on: IsoDate; name: string }[] {
  const newYear = lunar(year, 1, 1);
  return [
    { on: `${year}-01-01`, name: '元旦' },
    ...[-1, 0, 1, 2].map((d) => ({ on: addDays(newYear, d), name: '春节' })),
    { on: chineseDays.getSolarTermDate(year, 4, 'pure_brightness') as IsoDate, name: '清明节' },
    { on: `${year}-05-01`, name: '劳动节' },
    { on: `${year}-05-02`, name: '劳动节' },
    { on: lunar(year, 5, 5), name: '端午节' },
    { on: lunar(year, 8, 15), name: '中秋节' },
    ...[1, 2, 3].map((d) => ({ on: `${year}-10-0${d}`, name: '国庆节' })),
  ];
}
