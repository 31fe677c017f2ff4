import type { IsoDate } from '../../../shared/iso-date.ts';
import type { FollowUpKind, LetterState, Rating } from './letter.ts';

/** What each verb needs; staff verbs come from the back office or the API, `rate` from the writer. */
export type LetterCommand =
  | { verb: 'assign'; unitId: number }
  | { verb: 'transfer'; targetOrganId: number; reason: string }
  | { verb: 'reply'; replyText: string }
  | { verb: 'approveReply' }
  | { verb: 'returnReply'; reason: string }
  | { verb: 'notAccept'; reason: string }
  | { verb: 'recordFollowUp'; kind: FollowUpKind; on: IsoDate; participants: string; notes: string }
  | { verb: 'rate'; rating: Rating; comment: string };
export type LetterVerb = LetterCommand['verb'];

/**
 * The workflow as data: state × verb → next state. `reply` leads to reply_review instead of replied
 * when the organ has a reply reviewed by a second person (decide picks it); `transfer` starts again
 * as received at the other organ; `recordFollowUp` and `rate` leave the state as it is.
 */
export const LETTER_TRANSITIONS: Record<LetterVerb, { label: string; from: readonly LetterState[]; to: LetterState | 'same' }> = {
  assign: { label: '交办', from: ['received', 'assigned'], to: 'assigned' },
  transfer: { label: '转办', from: ['received', 'assigned'], to: 'received' },
  reply: { label: '答复', from: ['received', 'assigned'], to: 'replied' },
  approveReply: { label: '审核通过答复', from: ['reply_review'], to: 'replied' },
  returnReply: { label: '退回答复', from: ['reply_review'], to: 'assigned' },
  notAccept: { label: '不予受理', from: ['received', 'assigned'], to: 'not_accepted' },
  recordFollowUp: { label: '记录跟进', from: ['received', 'assigned', 'reply_review', 'replied'], to: 'same' },
  rate: { label: '评价', from: ['replied'], to: 'same' },
};
export const LETTER_VERBS = Object.keys(LETTER_TRANSITIONS) as LetterVerb[];
/** Verbs staff use; `rate` belongs to the writer. */
export const STAFF_LETTER_VERBS: readonly LetterVerb[] = LETTER_VERBS.filter((v) => v !== 'rate');

export const letterVerbsIn = (state: LetterState): LetterVerb[] => LETTER_VERBS.filter((v) => LETTER_TRANSITIONS[v].from.includes(state));
