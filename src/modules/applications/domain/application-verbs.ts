import type { IsoDate } from '../../../shared/iso-date.ts';
import { targetsOf, verbsAllowedIn, type Transition } from '../../../shared/workflow.ts';
import type { ApplicationState } from './application-states.ts';
import type { ReplyBasisInput } from './reply-basis.ts';

/**
 * The transition table: each verb, the states it may be used in and the state it leads to
 * ('same' keeps the state). Reading down the table gives 条例第四十五条's 登记 → 审核 → 办理 → 答复 → 归档.
 */
export const TRANSITIONS = {
  confirmReceipt: { label: '确认收到申请', from: ['awaiting_confirmation'], to: 'registered' },
  discard: { label: '不予登记', from: ['awaiting_confirmation'], to: 'discarded' },
  assignHandler: {
    label: '指定承办人',
    from: ['registered', 'under_review', 'in_progress', 'awaiting_correction', 'consulting', 'awaiting_fee'],
    to: 'same',
  },
  startReview: { label: '开始审核', from: ['registered'], to: 'under_review' },
  startProcessing: { label: '转入办理', from: ['under_review'], to: 'in_progress' },
  requestCorrection: { label: '告知补正', from: ['registered', 'under_review', 'in_progress'], to: 'awaiting_correction' },
  receiveCorrection: { label: '收到补正', from: ['awaiting_correction'], to: 'under_review' },
  closeCorrectionOverdue: { label: '逾期未补正，终止处理', from: ['awaiting_correction'], to: 'replied' },
  startConsultation: { label: '征求意见', from: ['under_review', 'in_progress'], to: 'consulting' },
  endConsultation: { label: '意见征询结束', from: ['consulting'], to: 'in_progress' },
  notifyThirdParty: { label: '书面告知第三方决定公开', from: ['under_review', 'in_progress'], to: 'same' },
  requestReasons: { label: '要求说明申请理由', from: ['registered', 'under_review', 'in_progress'], to: 'same' },
  setDelayedReply: { label: '确定延迟答复期限', from: ['registered', 'under_review', 'in_progress'], to: 'same' },
  extendDeadline: { label: '延期答复', from: ['registered', 'under_review', 'in_progress', 'consulting', 'awaiting_fee'], to: 'same' },
  issueFeeNotice: { label: '发出收费通知', from: ['under_review', 'in_progress'], to: 'awaiting_fee' },
  recordFeePayment: { label: '登记缴费', from: ['awaiting_fee'], to: 'in_progress' },
  closeFeeUnpaid: { label: '逾期未缴费，终止处理', from: ['awaiting_fee'], to: 'replied' },
  withdraw: {
    label: '申请人撤回申请',
    from: ['registered', 'under_review', 'in_progress', 'awaiting_correction', 'consulting', 'awaiting_fee'],
    to: 'replied',
  },
  recordReply: { label: '答复', from: ['registered', 'under_review', 'in_progress'], to: 'replied' },
  archive: { label: '归档', from: ['replied'], to: 'archived' },
} as const satisfies Record<string, Transition<ApplicationState>>;

export type Verb = keyof typeof TRANSITIONS;
export const VERBS = Object.keys(TRANSITIONS) as Verb[];

/** The state a verb leads to from `state`, or null when the table does not allow it there. */
export function nextState(state: ApplicationState, verb: Verb): ApplicationState | null {
  return targetsOf<ApplicationState>(TRANSITIONS[verb], state)[0] ?? null;
}

/** The verbs a person may choose in a state (the case page offers exactly these). */
export const verbsIn = (state: ApplicationState): Verb[] => verbsAllowedIn<ApplicationState, Verb>(TRANSITIONS, state);

/** A verb with what the official entered. Dates are `YYYY-MM-DD`. */
export type Command =
  | { verb: 'confirmReceipt'; confirmedOn: IsoDate; evidence: string }
  | { verb: 'discard'; reason: string }
  | { verb: 'assignHandler'; handlerUserId: number }
  | { verb: 'startReview' }
  | { verb: 'startProcessing' }
  | { verb: 'requestCorrection'; requestedOn: IsoDate; correctionWorkingDays: number; points: string }
  | { verb: 'receiveCorrection'; correctedOn: IsoDate; goodReason?: string }
  | { verb: 'closeCorrectionOverdue' }
  | { verb: 'startConsultation'; kind: 'third_party' | 'co_agency'; party: string; sentOn: IsoDate; deliveredOn?: IsoDate }
  | { verb: 'notifyThirdParty'; party: string; sentOn: IsoDate; content: string; reason: string }
  | { verb: 'endConsultation'; endedOn: IsoDate; note?: string }
  | { verb: 'extendDeadline'; workingDays: number; approvedOn: IsoDate; reason: string }
  | { verb: 'issueFeeNotice'; method: 'per_application' | 'per_page'; pages?: number; sentOn: IsoDate; noticeReceivedOn?: IsoDate; paymentMethod: string }
  | { verb: 'recordFeePayment'; paidOn: IsoDate }
  | { verb: 'closeFeeUnpaid' }
  | ({ verb: 'recordReply'; outcome: string; repliedOn: IsoDate; text: string; serviceMethod?: string; providedForm?: string; providedFormReason?: string } & ReplyBasisInput)
  | { verb: 'withdraw'; withdrawnOn: IsoDate; note: string }
  | { verb: 'requestReasons'; requestedOn: IsoDate; points: string }
  | { verb: 'setDelayedReply'; reasonsReceivedOn: IsoDate; delayedDueOn: IsoDate; reason: string }
  | { verb: 'archive' };
