import { DomainError, type ErrorReason } from '../../../shared/domain-error.ts';
import { isIsoDate, type IsoDate } from '../../../shared/iso-date.ts';
import { CalendarErrorCode } from './calendar-codes.ts';

/** Working days excluded from the count: every working day from `from` to `to`, both included. */
export type DeadlinePause = { from: IsoDate; to: IsoDate; reason?: string };

export type DeadlineInput = {
  receivedOn: IsoDate;
  /** Length of the period; 20 for a reply (条例第三十三条第二款). */
  workingDays?: number;
  pauses?: DeadlinePause[];
  /** The corrected application (补正) arrived this day: the count starts again after it. */
  restartedOn?: IsoDate;
  /** 0…20 more working days, counted on from the original due date (条例第三十三条第二款). */
  extensionWorkingDays?: number;
};

export const REPLY_WORKING_DAYS = 20; // 条例第三十三条第二款
export const MAX_EXTENSION_WORKING_DAYS = 20; // 条例第三十三条第二款
/** Not law: a sanity bound (about one year of working days) that stops absurd input. */
export const MAX_PERIOD_WORKING_DAYS = 250;

/** Refuses bad input with every reason listed; the error's code is that of the first reason. */
export function assertDeadlineInput(input: DeadlineInput): void {
  const reasons = deadlineInputProblems(input);
  if (reasons.length > 0) {
    throw new DomainError(reasons[0].code, reasons.map((r) => r.message).join('；'), {
      field: reasons[0].field,
      reasons,
    });
  }
}

function deadlineInputProblems(input: DeadlineInput): ErrorReason[] {
  const reasons: ErrorReason[] = [];
  const refuse = (code: string, field: string, message: string) => reasons.push({ code, field, message });
  const validDate = (field: string, label: string, on: unknown): on is IsoDate => {
    if (typeof on === 'string' && isIsoDate(on)) return true;
    refuse(CalendarErrorCode.invalidDate, field, `${label}“${String(on)}”不是有效日期，应为YYYY-MM-DD格式的真实日期`);
    return false;
  };

  const receivedOk = validDate('receivedOn', '收到申请日期', input.receivedOn);

  const workingDays = input.workingDays ?? REPLY_WORKING_DAYS;
  if (!Number.isInteger(workingDays) || workingDays < 1 || workingDays > MAX_PERIOD_WORKING_DAYS) {
    refuse(
      CalendarErrorCode.invalidDeadlineInput,
      'workingDays',
      `期限工作日数“${workingDays}”无效，应为1至${MAX_PERIOD_WORKING_DAYS}之间的整数（答复期限为20个工作日，条例第三十三条第二款）`,
    );
  }

  const extension = input.extensionWorkingDays ?? 0;
  if (!Number.isInteger(extension) || extension < 0) {
    refuse(
      CalendarErrorCode.invalidDeadlineInput,
      'extensionWorkingDays',
      `延长工作日数“${extension}”无效，应为0至${MAX_EXTENSION_WORKING_DAYS}之间的整数`,
    );
  } else if (extension > MAX_EXTENSION_WORKING_DAYS) {
    refuse(
      CalendarErrorCode.extensionTooLong,
      'extensionWorkingDays',
      `延长答复期限最长不得超过${MAX_EXTENSION_WORKING_DAYS}个工作日（条例第三十三条第二款），现为${extension}个工作日`,
    );
  }

  if (input.restartedOn !== undefined && validDate('restartedOn', '收到补正申请日期', input.restartedOn)) {
    if (receivedOk && input.restartedOn < input.receivedOn) {
      refuse(
        CalendarErrorCode.restartBeforeReceipt,
        'restartedOn',
        `收到补正申请日期${input.restartedOn}早于收到原申请日期${input.receivedOn}；补正后的期限自收到补正申请之日起算（条例第三十条）`,
      );
    }
  }

  (input.pauses ?? []).forEach((pause, i) => {
    const label = `第${i + 1}段暂停`;
    const fromOk = validDate(`pauses.${i}.from`, `${label}的开始日期`, pause.from);
    const toOk = validDate(`pauses.${i}.to`, `${label}的结束日期`, pause.to);
    if (fromOk && toOk && pause.to < pause.from) {
      refuse(
        CalendarErrorCode.pauseReversed,
        `pauses.${i}.to`,
        `${label}的结束日期${pause.to}早于开始日期${pause.from}`,
      );
    }
    if (fromOk && receivedOk && pause.from < input.receivedOn) {
      refuse(
        CalendarErrorCode.pauseBeforeReceipt,
        `pauses.${i}.from`,
        `${label}的开始日期${pause.from}早于收到申请日期${input.receivedOn}，收到申请前不存在可暂停的期限`,
      );
    }
  });
  return reasons;
}
