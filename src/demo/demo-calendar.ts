/**
 * Dates for the demo data: publication dates fall on Chinese working days, so the demo looks like an
 * office at work. The holiday table is docs/rules/working-days.md (2019–2026), copied here so this folder stays
 * pure and dependency-free; the product's own calendar lives in the calendar area.
 */

const WEEKDAY_HOLIDAYS: Record<number, string[]> = {
  2019: ['01-01', '02-04…02-08', '04-05', '05-01…05-03', '06-07', '09-13', '10-01…10-04', '10-07'],
  2020: ['01-01', '01-24', '01-27…01-31', '04-06', '05-01', '05-04', '05-05', '06-25', '06-26', '10-01', '10-02', '10-05…10-08'],
  2021: ['01-01', '02-11', '02-12', '02-15…02-17', '04-05', '05-03…05-05', '06-14', '09-20', '09-21', '10-01', '10-04…10-07'],
  2022: ['01-03', '01-31…02-04', '04-04', '04-05', '05-02…05-04', '06-03', '09-12', '10-03…10-07'],
  2023: ['01-02', '01-23…01-27', '04-05', '05-01…05-03', '06-22', '06-23', '09-29', '10-02…10-06'],
  2024: ['01-01', '02-12…02-16', '04-04', '04-05', '05-01…05-03', '06-10', '09-16', '09-17', '10-01…10-04', '10-07'],
  2025: ['01-01', '01-28…01-31', '02-03', '02-04', '04-04', '05-01', '05-02', '05-05', '06-02', '10-01…10-03', '10-06…10-08'],
  2026: ['01-01', '01-02', '02-16…02-20', '02-23', '04-06', '05-01', '05-04', '05-05', '06-19', '09-25', '10-01', '10-02', '10-05…10-07'],
};

const WEEKEND_WORKDAYS: Record<number, string[]> = {
  2019: ['02-02', '02-03', '04-28', '05-05', '09-29', '10-12'],
  2020: ['01-19', '04-26', '05-09', '06-28', '09-27', '10-10'],
  2021: ['02-07', '02-20', '04-25', '05-08', '09-18', '09-26', '10-09'],
  2022: ['01-29', '01-30', '04-02', '04-24', '05-07', '10-08', '10-09'],
  2023: ['01-28', '01-29', '04-23', '05-06', '06-25', '10-07', '10-08'],
  2024: ['02-04', '02-18', '04-07', '04-28', '05-11', '09-14', '09-29', '10-12'],
  2025: ['01-26', '02-08', '04-27', '09-28', '10-11'],
  2026: ['01-04', '02-14', '02-28', '05-09', '09-20', '10-10'],
};

const DAY_MS = 86_400_000;

function expand(year: number, entries: string[]): Set<string> {
  const out = new Set<string>();
  for (const entry of entries) {
    const [from, to] = entry.split('…');
    let t = toTime(`${year}-${from}`);
    const end = toTime(`${year}-${to ?? from}`);
    for (; t <= end; t += DAY_MS) out.add(toIso(t));
  }
  return out;
}

const holidays = new Set<string>();
const weekendWorkdays = new Set<string>();
for (const y of Object.keys(WEEKDAY_HOLIDAYS).map(Number)) {
  for (const d of expand(y, WEEKDAY_HOLIDAYS[y])) holidays.add(d);
  for (const d of expand(y, WEEKEND_WORKDAYS[y])) weekendWorkdays.add(d);
}

export function toTime(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
}

export function toIso(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return toIso(toTime(iso) + days * DAY_MS);
}

export function isWorkday(iso: string): boolean {
  if (holidays.has(iso)) return false;
  if (weekendWorkdays.has(iso)) return true;
  const dow = new Date(toTime(iso)).getUTCDay();
  return dow !== 0 && dow !== 6;
}

/** The nearest working day on or after `iso`. */
export function workdayOnOrAfter(iso: string): string {
  let d = iso;
  while (!isWorkday(d)) d = addDays(d, 1);
  return d;
}

/** The nearest working day on or before `iso`. */
export function workdayOnOrBefore(iso: string): string {
  let d = iso;
  while (!isWorkday(d)) d = addDays(d, -1);
  return d;
}

/** Moves `n` working days back (n ≥ 0); 0 returns `iso` itself. */
export function workdaysBefore(iso: string, n: number): string {
  let d = iso;
  for (let i = 0; i < n; i++) d = workdayOnOrBefore(addDays(d, -1));
  return d;
}

export function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function iso(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** "2020年3月5日", the way dates are written in the body of an official document. */
export function chineseDate(isoDate: string): string {
  return `${Number(isoDate.slice(0, 4))}年${Number(isoDate.slice(5, 7))}月${Number(isoDate.slice(8, 10))}日`;
}

/** "3月5日". */
export function chineseMonthDay(isoDate: string): string {
  return `${Number(isoDate.slice(5, 7))}月${Number(isoDate.slice(8, 10))}日`;
}
