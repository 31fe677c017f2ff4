import { addDays, type IsoDate } from '../../../shared/iso-date.ts';
import { CalendarWarningCode } from './calendar-codes.ts';
import { weekdayLabel, yearOf } from './day-of-week.ts';
import { assertDeadlineInput, REPLY_WORKING_DAYS, type DeadlineInput, type DeadlinePause } from './deadline-input.ts';
import type { DeadlineResult, DeadlineWarning, TraceStep } from './deadline-result.ts';
import type { WorkingDayCalendar } from './working-day-calendar.ts';

/**
 * The counting rule of docs/rules/working-days.md, shared by every statutory period:
 * the start day is not counted (民法典第二百零一条), the due date is the N-th working day after it;
 * working days inside a pause are skipped (条例第三十三条第三款); a corrected application restarts the
 * count (条例第三十条); an extension goes on from the original due date (条例第三十三条第二款).
 * `startNote` says what the start day is (application received, information formed …).
 */
export function countDeadline(
  input: DeadlineInput,
  calendar: WorkingDayCalendar,
  startNote: (workingDays: number) => string,
): DeadlineResult {
  assertDeadlineInput(input);
  const workingDays = input.workingDays ?? REPLY_WORKING_DAYS;
  const extension = input.extensionWorkingDays ?? 0;
  const walk = new DayWalk(calendar, input.pauses ?? []);

  walk.trace.push({ on: input.receivedOn, kind: 'start', note: `${input.receivedOn} ${startNote(workingDays)}` });
  let anchor = input.receivedOn;
  if (input.restartedOn !== undefined) {
    anchor = input.restartedOn;
    walk.trace.push({
      on: anchor,
      kind: 'restart',
      note: `${anchor} 收到补正后的申请，当日不计，自次日起重新计算${workingDays}个工作日（条例第三十条）`,
    });
  }

  const originalDueOn = walk.countOn(anchor, 0, workingDays);
  let dueOn = originalDueOn;
  if (extension > 0) {
    walk.trace.push({
      on: originalDueOn,
      kind: 'extension',
      note: `${originalDueOn} 原截止日期；延长答复期限${extension}个工作日，自次日起继续计算（条例第三十三条第二款）`,
    });
    dueOn = walk.countOn(originalDueOn, workingDays, workingDays + extension);
  }

  const total = workingDays + extension;
  const ofWhich = extension > 0 ? `，含延长的${extension}个工作日` : '';
  const warnings = walk.warnings();
  const provisional = warnings.length > 0 ? '，暂定' : '';
  walk.trace.push({
    on: dueOn,
    kind: 'due',
    count: total,
    note: `${dueOn} 截止日期（第${total}个工作日${ofWhich}${provisional}）`,
  });
  return { dueOn, originalDueOn, warnings, trace: walk.trace };
}

/** Walks day by day, recording one trace step per day examined and the unknown years reached. */
class DayWalk {
  readonly trace: TraceStep[] = [];
  private readonly unknownYears = new Set<number>();

  constructor(
    private readonly calendar: WorkingDayCalendar,
    private readonly pauses: readonly DeadlinePause[],
  ) {}

  /** From the day after `from`, counts working days `counted + 1 … target`; returns the day of `target`. */
  countOn(from: IsoDate, counted: number, target: number): IsoDate {
    let day = from;
    while (counted < target) {
      day = addDays(day, 1);
      if (this.examine(day, counted + 1)) counted += 1;
    }
    return day;
  }

  warnings(): DeadlineWarning[] {
    return [...this.unknownYears].sort().map((year) => ({
      code: CalendarWarningCode.yearUnknown,
      message: `${year}年节假日安排尚未录入，已按《全国年节及纪念日放假办法》规定的法定节假日计算（不含调休），截止日期为暂定，请在录入当年放假通知后复核`,
    }));
  }

  /** Records the day; true when it counts as the `next` working day. */
  private examine(on: IsoDate, next: number): boolean {
    const day = this.calendar.explainDay(on);
    const year = yearOf(on);
    const known = this.calendar.knowsYear(year);
    if (!known) this.unknownYears.add(year);
    // Without the year's notice the day is judged by the week and the statutory holidays; say so on every such day.
    const provisional = known ? '' : `（${year}年节假日安排未录入，按周一至周五及法定节假日推定，暂定）`;
    const weekday = weekdayLabel(on);

    if (!day.working) {
      const note =
        day.reason === 'holiday'
          ? `${on} ${day.name ?? '节假日'}放假，不计${provisional}`
          : `${on} ${weekday}${day.name ? `，${day.name}放假` : ''}，不计${provisional}`;
      this.trace.push({ on, kind: day.reason === 'holiday' ? 'skipped_holiday' : 'skipped_weekend', note });
      return false;
    }
    const pause = this.pauses.find((p) => p.from <= on && on <= p.to);
    if (pause) {
      const why = pause.reason?.trim() ? pause.reason.trim() : '暂停计算';
      const adjusted = day.reason === 'adjusted_workday' ? '（调休上班日）' : '';
      this.trace.push({ on, kind: 'paused', note: `${on} ${weekday}${adjusted}，${why}期间，不计${provisional}` });
      return false;
    }
    if (day.reason === 'adjusted_workday') {
      const note = `${on} ${weekday}，${day.name ? `${day.name}` : ''}调休上班，计第${next}个工作日`;
      this.trace.push({ on, kind: 'counted_adjusted_workday', count: next, note });
      return true;
    }
    this.trace.push({ on, kind: 'counted', count: next, note: `${on} ${weekday}，计第${next}个工作日${provisional}` });
    return true;
  }
}
