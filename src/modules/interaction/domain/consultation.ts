import type { ErrorReason } from '../../../shared/domain-error.ts';
import { isIsoDate, type IsoDate } from '../../../shared/iso-date.ts';

/** Stable error codes of public consultation (docs/errors.md, docs/workflows/consultation.md). */
export const ConsultationErrorCode = {
  invalidInput: 'ERR_CONSULTATION_INVALID_INPUT',
  invalidDates: 'ERR_CONSULTATION_INVALID_DATES',
  notFound: 'ERR_CONSULTATION_NOT_FOUND',
  notOpen: 'ERR_CONSULTATION_NOT_OPEN',
  verbNotAllowed: 'ERR_CONSULTATION_VERB_NOT_ALLOWED',
  versionConflict: 'ERR_CONSULTATION_VERSION_CONFLICT',
  submitLimited: 'ERR_CONSULTATION_SUBMIT_LIMITED',
  spamSuspected: 'ERR_CONSULTATION_SPAM_SUSPECTED',
  formExpired: 'ERR_CONSULTATION_FORM_EXPIRED',
  fileInvalid: 'ERR_CONSULTATION_FILE_INVALID',
  fileFindings: 'ERR_CONSULTATION_FILE_FINDINGS',
} as const;
const E = ConsultationErrorCode;

/** Working days after the closing date within which the feedback report is due (local practice, docs/workflows/consultation.md). */
export const FEEDBACK_WORKING_DAYS = 15;
export const MAX_COMMENT_CHARS = 5000;

export type Consultation = {
  id: number; organId: number; title: string; body: string; howToComment: string; startOn: IsoDate; endOn: IsoDate; feedbackDueOn: IsoDate;
  feedbackPublishedOn: IsoDate | null; feedbackReceived: number | null; feedbackAdopted: string | null; feedbackNotAdopted: string | null;
  version: number; createdAt: string;
};
/** Where a consultation stands on a given day; only `feedback_published` is stored, the rest follow from the dates. */
export type ConsultationPhase = 'upcoming' | 'open' | 'closed' | 'feedback_late' | 'feedback_published';
export const CONSULTATION_PHASE_LABELS: Record<ConsultationPhase, string> = {
  upcoming: '尚未开始', open: '征集中', closed: '已结束，待反馈', feedback_late: '反馈已逾期', feedback_published: '已公布反馈',
};
export function consultationPhase(c: Pick<Consultation, 'startOn' | 'endOn' | 'feedbackDueOn' | 'feedbackPublishedOn'>, today: IsoDate): ConsultationPhase {
  if (c.feedbackPublishedOn) return 'feedback_published';
  if (today < c.startOn) return 'upcoming';
  if (today <= c.endOn) return 'open';
  return today > c.feedbackDueOn ? 'feedback_late' : 'closed';
}

export type CommentState = 'pending' | 'approved' | 'rejected';
export const COMMENT_STATE_LABELS: Record<CommentState, string> = { pending: '待审核', approved: '已公开', rejected: '不予公开' };

export type ConsultationInput = { title: string; body: string; howToComment: string; startOn: string; endOn: string };
export type ConsultationCommand =
  | { verb: 'moderateComment'; commentState: CommentState; decision: 'approve' | 'reject'; reason: string }
  | { verb: 'publishFeedback'; received: number; adopted: string; notAdopted: string; onlineComments: number };
export type ConsultationDecision = { ok: true } | { ok: false; reasons: ErrorReason[] };

const text = (reasons: ErrorReason[], field: string, label: string, v: unknown, max: number) => {
  if (typeof v !== 'string' || v.trim() === '') reasons.push({ code: E.invalidInput, message: `请填写${label}`, field });
  else if (v.length > max) reasons.push({ code: E.invalidInput, message: `${label}不能超过${max}字`, field });
};

/** Opening a draft for comments: every missing field and every wrong date at once. */
export function checkConsultationInput(input: ConsultationInput, today: IsoDate): ErrorReason[] {
  const reasons: ErrorReason[] = [];
  text(reasons, 'title', '标题', input.title, 200);
  text(reasons, 'body', '征求意见稿全文', input.body, 200_000);
  text(reasons, 'howToComment', '意见反馈方式', input.howToComment, 2000);
  const start = isIsoDate(input.startOn) ? input.startOn : null;
  const end = isIsoDate(input.endOn) ? input.endOn : null;
  if (!start) reasons.push({ code: E.invalidDates, message: `开始日期“${input.startOn ?? ''}”不是有效日期，应为YYYY-MM-DD格式`, field: 'startOn' });
  if (!end) reasons.push({ code: E.invalidDates, message: `截止日期“${input.endOn ?? ''}”不是有效日期，应为YYYY-MM-DD格式`, field: 'endOn' });
  if (start && start < today) reasons.push({ code: E.invalidDates, message: `开始日期${start}早于今天（${today}）`, field: 'startOn' });
  if (start && end && end < start) reasons.push({ code: E.invalidDates, message: `截止日期${end}早于开始日期${start}`, field: 'endOn' });
  return reasons;
}

/** Whether a staff verb may be used; refused, every reason at once. */
export function decideConsultation(c: Consultation, command: ConsultationCommand, today: IsoDate): ConsultationDecision {
  const reasons: ErrorReason[] = [];
  const phase = consultationPhase(c, today);
  switch (command.verb) {
    case 'moderateComment':
      if (command.commentState !== 'pending') reasons.push({ code: E.verbNotAllowed, message: `该意见已审核（${COMMENT_STATE_LABELS[command.commentState]}），不能再次审核` });
      if (command.decision === 'reject') text(reasons, 'reason', '不予公开的理由', command.reason, 2000);
      break;
    case 'publishFeedback':
      if (phase === 'feedback_published') reasons.push({ code: E.verbNotAllowed, message: '该征集的反馈情况已公布' });
      else if (phase === 'upcoming' || phase === 'open') reasons.push({ code: E.verbNotAllowed, message: `征集${c.endOn}截止，截止后才能公布反馈情况` });
      if (!Number.isInteger(command.received) || command.received < command.onlineComments) {
        reasons.push({ code: E.invalidInput, message: `收到意见条数应为整数，且不少于网上收到的${command.onlineComments}条`, field: 'received' });
      }
      text(reasons, 'adopted', '采纳情况', command.adopted, 20_000);
      if (command.received > 0) text(reasons, 'notAdopted', '未采纳意见及理由', command.notAdopted, 20_000);
      break;
  }
  return reasons.length > 0 ? { ok: false, reasons } : { ok: true };
}
