import type { IsoDate } from '../../../shared/iso-date.ts';
import { countDeadline } from './count-deadline.ts';
import type { DeadlineResult } from './deadline-result.ts';
import type { WorkingDayCalendar } from './working-day-calendar.ts';

/** 条例第三十条: a request to correct (补正) is sent, all points at once, within 7 working days of receipt. */
export const CORRECTION_NOTICE_WORKING_DAYS = 7;

/** The last day to send the 补正 notice; counted from the original receipt, that day not counted. */
export function correctionNoticeDeadline(receivedOn: IsoDate, calendar: WorkingDayCalendar): DeadlineResult {
  return countDeadline(
    { receivedOn, workingDays: CORRECTION_NOTICE_WORKING_DAYS },
    calendar,
    (workingDays) =>
      `收到申请，当日不计；需要补正的，应自次日起${workingDays}个工作日内一次性告知（条例第三十条；民法典第二百零一条）`,
  );
}
