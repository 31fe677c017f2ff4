import type { IsoDate } from '../../../shared/iso-date.ts';
import { countDeadline } from './count-deadline.ts';
import type { DeadlineResult } from './deadline-result.ts';
import type { WorkingDayCalendar } from './working-day-calendar.ts';

/** 条例第二十六条: proactive information is published within 20 working days of being formed or changed. */
export const PROACTIVE_WORKING_DAYS = 20;

/** The last day to publish an item formed (生成日期) on `formedOn`; the formation day is not counted. */
export function proactiveDeadline(formedOn: IsoDate, calendar: WorkingDayCalendar): DeadlineResult {
  return countDeadline(
    { receivedOn: formedOn, workingDays: PROACTIVE_WORKING_DAYS },
    calendar,
    (workingDays) =>
      `信息形成或变更（生成日期），当日不计，应自次日起${workingDays}个工作日内公开（条例第二十六条；民法典第二百零一条）`,
  );
}
