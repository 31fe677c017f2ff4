import type { IsoDate } from '../../../shared/iso-date.ts';

/** The four kinds of letter a citizen can write to the department mailbox (部门信箱). */
export const LETTER_TYPES = ['consult', 'suggest', 'complain', 'other'] as const;
export type LetterType = (typeof LETTER_TYPES)[number];
export const LETTER_TYPE_LABELS: Record<LetterType, string> = { consult: '咨询', suggest: '建议', complain: '投诉', other: '其他' };

export const LETTER_STATES = ['received', 'assigned', 'reply_review', 'replied', 'not_accepted'] as const;
export type LetterState = (typeof LETTER_STATES)[number];
export const LETTER_STATE_LABELS: Record<LetterState, string> = {
  received: '待办理', assigned: '办理中', reply_review: '答复待审核', replied: '已答复', not_accepted: '不予受理',
};
/** What the writer sees: the internal review step is still 办理中 to them. */
export const PUBLIC_LETTER_STATE_LABELS: Record<LetterState, string> = {
  received: '已收到，待办理', assigned: '办理中', reply_review: '办理中', replied: '已答复', not_accepted: '不予受理',
};
/** On the portal: replied, the writer allowed publication, and staff have not taken it off. */
export const isOnPortal = (l: Letter): boolean => l.state === 'replied' && l.publishConsent && l.publicationWithdrawnReason === null;

export const OPEN_LETTER_STATES: readonly LetterState[] = ['received', 'assigned', 'reply_review'];

/** Still being handled: neither replied nor refused (the list's 答复期限 and 逾期 apply only then). */
export const isLetterOpen = (state: LetterState): boolean => OPEN_LETTER_STATES.includes(state);

/** The unit it is handed to is past its 报送期限 without a note, while the letter is open (逾期, for the unit's and the organ's lists). */
export const unitOpinionOverdue = (l: Letter, today: IsoDate): boolean =>
  isLetterOpen(l.state) && l.unitId !== null && l.unitReportByOn !== null && l.unitOpinionOn === null && l.unitReportByOn < today;

/**
 * The organ's handler has not yet seen the unit's latest note: the letter is open and the note came after
 * the last verb the organ's staff used on it (docs/workflows/mailbox.md, "Letters handed to a unit").
 */
export const unitOpinionUnread = (l: Letter): boolean =>
  isLetterOpen(l.state) && l.unitOpinionAt !== null && (l.handlerActedAt === null || l.handlerActedAt < l.unitOpinionAt);

export const RATINGS = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export type Rating = (typeof RATINGS)[number];
export const RATING_LABELS: Record<Rating, string> = { satisfied: '满意', basically_satisfied: '基本满意', dissatisfied: '不满意' };

export const FOLLOW_UP_KINDS = ['site_visit', 'call', 'meeting', 'other'] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];
export const FOLLOW_UP_LABELS: Record<FollowUpKind, string> = { site_visit: '实地调查', call: '电话沟通', meeting: '座谈会商', other: '其他' };

export type Letter = {
  id: number;
  organId: number;
  trackingNo: string;
  type: LetterType;
  subject: string;
  content: string;
  writerName: string;
  contact: string;
  publishConsent: boolean;
  state: LetterState;
  unitId: number | null;
  /** The day the unit it is handed to (交办) last wrote its 办理意见 for the organ's handler; null: not yet, or no unit. */
  unitOpinionOn: IsoDate | null;
  /** 交办意见: what the organ asks the unit to do; null: none given. */
  unitInstructions: string | null;
  /** 报送期限: the day by which the unit must send its 办理意见 (on or before dueOn); null: none set. */
  unitReportByOn: IsoDate | null;
  /** When the unit last wrote its 办理意见, and when the organ's staff last used a verb on the letter (UTC instants). */
  unitOpinionAt: string | null;
  handlerActedAt: string | null;
  /** The day the organ now handling it received it: the submission day, or the day it was transferred here. */
  receivedOn: IsoDate;
  dueWorkingDays: number;
  dueOn: IsoDate;
  /** Three months after the first submission: the line a letter must never stay unanswered past. */
  threeMonthOn: IsoDate;
  submittedOn: IsoDate;
  replyText: string | null;
  replyDraftedBy: number | null;
  repliedOn: IsoDate | null;
  rateByOn: IsoDate | null;
  rating: Rating | null;
  ratingComment: string | null;
  notAcceptedReason: string | null;
  /** Staff took the published letter off the portal (撤下公开), and why; null while it is shown (or never was). */
  publicationWithdrawnReason: string | null;
  /** The public version's title and text as staff edited them (修改公开版本); null: as the writer wrote them. Masked like the original. */
  publicSubject: string | null;
  publicContent: string | null;
  /** The public version of the reply as staff edited it after it was sent; null: the reply as sent. Masked like it. */
  publicReplyText: string | null;
  transferCount: number;
  version: number;
  createdAt: string;
  updatedAt: string;
};
