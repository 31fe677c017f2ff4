import { DomainError } from '../../../shared/domain-error.ts';
import { addDays, isIsoDate, type IsoDate } from '../../../shared/iso-date.ts';
import { CalendarErrorCode } from './calendar-codes.ts';
import type { DeadlinePause } from './deadline-input.ts';

/**
 * A consultation (征求第三方或其他机关意见) sent on `sentOn` and answered, or lapsed, on `endedOn`
 * stops the clock for the working days in (sentOn, endedOn] (docs/rules/working-days.md, rule 3;
 * 条例第三十二条、第三十三条第三款). The day the letter goes out still counts, so the pause (whose
 * days are inclusive) begins the next day. Returns no pause when the answer came the same day.
 */
export function consultationPauses(sentOn: IsoDate, endedOn: IsoDate, reason = '征求意见'): DeadlinePause[] {
  for (const [label, on] of [['征求意见发出日期', sentOn], ['征求意见结束日期', endedOn]] as const) {
    if (typeof on !== 'string' || !isIsoDate(on)) {
      throw new DomainError(CalendarErrorCode.invalidDate, `${label}“${String(on)}”不是有效日期，应为YYYY-MM-DD格式的真实日期`);
    }
  }
  if (endedOn < sentOn) {
    throw new DomainError(CalendarErrorCode.pauseReversed, `征求意见结束日期${endedOn}早于发出日期${sentOn}`);
  }
  return endedOn === sentOn ? [] : [{ from: addDays(sentOn, 1), to: endedOn, reason }];
}
