import { DomainError, type ErrorReason } from '../../../shared/domain-error.ts';
import { isIsoDate, type IsoDate } from '../../../shared/iso-date.ts';
import { CalendarErrorCode } from './calendar-codes.ts';
import { isWeekend, weekdayLabel, yearOf } from './day-of-week.ts';

/**
 * One year of the State Council's holiday notice (国务院办公厅关于某年部分节假日安排的通知):
 * the weekday holidays and the weekend workdays (调休上班). Everything else follows the week.
 * `festivals` optionally names the days of each holiday (rest days incl. weekends, and the
 * adjusted workdays) so that traces can say "国庆节放假".
 */
export type HolidayYear = {
  year: number;
  /** Mon–Fri dates that are days off. */
  holidays: IsoDate[];
  /** Sat/Sun dates that are working days (调休上班). */
  workdays: IsoDate[];
  noticeUrl?: string;
  source: 'builtin' | 'admin';
  festivals?: { name: string; days: IsoDate[] }[];
};

/** Years outside this range are certainly typing mistakes. */
const FIRST_YEAR = 1949;
const LAST_YEAR = 2200;

/**
 * Checks a holiday year and returns it with sorted dates; refuses it with
 * ERR_CALENDAR_INVALID_YEAR listing every problem (each naming its date) in `reasons`.
 */
export function validateHolidayYear(input: HolidayYear): HolidayYear {
  const reasons = holidayYearProblems(input);
  if (reasons.length > 0) {
    throw new DomainError(CalendarErrorCode.invalidYear, reasons.map((r) => r.message).join('；'), {
      reasons,
      field: reasons[0].field,
    });
  }
  return {
    ...input,
    holidays: [...input.holidays].sort(),
    workdays: [...input.workdays].sort(),
    ...(input.festivals
      ? { festivals: input.festivals.map((f) => ({ name: f.name.trim(), days: [...f.days].sort() })) }
      : {}),
  };
}

function holidayYearProblems(input: HolidayYear): ErrorReason[] {
  const { year } = input;
  const reasons: ErrorReason[] = [];
  const refuse = (field: string, message: string) =>
    reasons.push({ code: CalendarErrorCode.invalidYear, field, message });

  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
    refuse('year', `年份“${year}”无效，应为${FIRST_YEAR}至${LAST_YEAR}之间的整数`);
    return reasons;
  }
  if (input.source !== 'builtin' && input.source !== 'admin') {
    refuse('source', `来源“${String(input.source)}”无效，应为内置（builtin）或管理员录入（admin）`);
  }
  if (input.noticeUrl !== undefined && !/^https?:\/\/\S+$/.test(input.noticeUrl)) {
    refuse('noticeUrl', `放假通知链接“${input.noticeUrl}”不是有效的网址`);
  }

  // A date can be listed once only, whether as holiday or as workday.
  const seen = new Set<IsoDate>();
  const checkDate = (field: 'holidays' | 'workdays', on: IsoDate): boolean => {
    const label = field === 'holidays' ? '放假日' : '调休上班日';
    if (!isIsoDate(on)) {
      refuse(field, `${label}“${on}”不是有效日期，应为YYYY-MM-DD格式的真实日期`);
      return false;
    }
    if (yearOf(on) !== year) {
      refuse(field, `${label}${on}不在${year}年内`);
      return false;
    }
    if (seen.has(on)) {
      refuse(field, `${on}重复录入`);
      return false;
    }
    seen.add(on);
    return true;
  };

  for (const on of input.holidays) {
    if (checkDate('holidays', on) && isWeekend(on)) {
      refuse('holidays', `${on}是${weekdayLabel(on)}，本来就休息，不应列为放假日（只录入周一至周五的放假日）`);
    }
  }
  for (const on of input.workdays) {
    if (checkDate('workdays', on) && !isWeekend(on)) {
      refuse('workdays', `${on}是${weekdayLabel(on)}，本来就上班，不应列为调休上班日（只录入周六、周日的上班日）`);
    }
  }

  const named = new Set<IsoDate>();
  for (const festival of input.festivals ?? []) {
    if (festival.name.trim() === '') refuse('festivals', '节日名称不能为空');
    for (const on of festival.days) {
      if (!isIsoDate(on)) refuse('festivals', `${festival.name}的日期“${on}”不是有效日期`);
      else if (yearOf(on) !== year) refuse('festivals', `${festival.name}的日期${on}不在${year}年内`);
      else if (named.has(on)) refuse('festivals', `${on}被归入多个节日`);
      else named.add(on);
    }
  }
  return reasons;
}
