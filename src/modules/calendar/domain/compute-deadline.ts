import { countDeadline } from './count-deadline.ts';
import { REPLY_WORKING_DAYS, type DeadlineInput } from './deadline-input.ts';
import type { DeadlineResult } from './deadline-result.ts';
import type { WorkingDayCalendar } from './working-day-calendar.ts';

/**
 * The reply deadline of an application (依申请公开): 20 working days after receipt
 * (条例第三十三条第二款), the receipt day not counted (民法典第二百零一条), consultation time excluded
 * (条例第三十二条、第三十三条第三款), restarted by a corrected application (条例第三十条), and at most
 * 20 working days of extension (条例第三十三条第二款). Bad input is refused with a DomainError.
 */
export function computeDeadline(input: DeadlineInput, calendar: WorkingDayCalendar): DeadlineResult {
  return countDeadline(input, calendar, (workingDays) =>
    workingDays === REPLY_WORKING_DAYS
      ? `收到申请，当日不计，自次日起算答复期限${workingDays}个工作日（条例第三十三条第二款；民法典第二百零一条）`
      : `收到申请，当日不计，自次日起算${workingDays}个工作日（民法典第二百零一条）`,
  );
}
