import type { IsoDate } from '../../../shared/iso-date.ts';
import {
  computeDeadline, consultationPauses, correctionNoticeDeadline, type DeadlineInput, type DeadlinePause, type DeadlineResult,
  type WorkingDayCalendar,
} from '../../calendar/index.ts';
import { PAUSE_KIND_LABELS, type Application, type Pause } from './application.ts';

/** The reply clock of a case: running with a due date, not yet started, or stopped for a correction. */
export type ApplicationClock =
  | { kind: 'not_started'; note: string }
  | { kind: 'stopped'; note: string }
  | { kind: 'running'; input: DeadlineInput; result: DeadlineResult; pending: string[] };

const CONSULTATION_WORKING_DAYS = 15;

/**
 * The reply deadline of a case from its stored inputs (docs/rules/working-days.md): receipt, the corrected
 * application (restart), every pause, the extension. An open pause is counted to its expected end
 * (15 WD for a consultation, the payment deadline for a fee) and reported in `pending`, because the
 * due date moves earlier if the pause ends sooner.
 */
export function applicationClock(
  app: Pick<Application, 'receivedOn' | 'state' | 'correctedOn' | 'correctionDueOn' | 'extensionWorkingDays'>,
  pauses: readonly Pause[],
  calendar: WorkingDayCalendar,
): ApplicationClock {
  if (app.receivedOn === null) {
    return { kind: 'not_started', note: '尚未与申请人确认收到申请，答复期限尚未起算（条例第三十一条）' };
  }
  if (app.state === 'awaiting_correction') {
    return {
      kind: 'stopped',
      note: `等待申请人补正（补正期限至${app.correctionDueOn}）；收到补正后的申请之日起重新计算20个工作日（条例第三十条）`,
    };
  }
  const pending: string[] = [];
  const deadlinePauses: DeadlinePause[] = [];
  for (const p of pauses) {
    let end: IsoDate = p.endedOn ?? p.expectedEndOn ?? p.startedOn;
    // 条例第三十二条、第三十四条: a third party or co-producing agency has 15 working days; a later
    // answer does not stop the clock any longer (第三十三条第三款 excludes only that time).
    if (p.kind !== 'fee') {
      const cap = p.expectedEndOn ?? calendar.addWorkingDays(p.startedOn, CONSULTATION_WORKING_DAYS);
      if (end > cap) {
        pending.push(`${PAUSE_KIND_LABELS[p.kind]}超过15个工作日的部分（${cap}之后）不再扣除，计入答复期限`);
        end = cap;
      }
    }
    const reason = `${PAUSE_KIND_LABELS[p.kind]}${p.party && p.kind !== 'fee' ? `（${p.party}）` : ''}`;
    if (p.endedOn === null) pending.push(`${reason}尚未结束，暂按${end}结束计算；提前结束的，截止日期相应提前`);
    deadlinePauses.push(...consultationPauses(p.startedOn, end, reason));
  }
  const input: DeadlineInput = {
    receivedOn: app.receivedOn,
    ...(app.correctedOn ? { restartedOn: app.correctedOn } : {}),
    ...(deadlinePauses.length ? { pauses: deadlinePauses } : {}),
    ...(app.extensionWorkingDays > 0 ? { extensionWorkingDays: app.extensionWorkingDays } : {}),
  };
  return { kind: 'running', input, result: computeDeadline(input, calendar), pending };
}

/** The 7-working-day limit for the correction notice, counted from the original receipt (条例第三十条). */
export function correctionNoticeDueOn(receivedOn: IsoDate | null, calendar: WorkingDayCalendar): IsoDate | null {
  return receivedOn ? correctionNoticeDeadline(receivedOn, calendar).dueOn : null;
}
