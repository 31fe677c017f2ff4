import type { IsoDate } from '../../../shared/iso-date.ts';
import { mermaidStateDiagram, verbsAllowedIn, type TransitionTable } from '../../../shared/workflow.ts';
import { LETTER_STATE_LABELS, LETTER_STATES, type FollowUpKind, type LetterState, type Rating } from './letter.ts';

/** What each verb needs; staff verbs come from the back office or the API, `rate` from the writer. */
export type LetterCommand =
  /** instructions: 交办意见; reportByOn: 报送期限 (YYYY-MM-DD); both optional, '' for none. */
  | { verb: 'assign'; unitId: number; instructions?: string; reportByOn?: string }
  | { verb: 'transfer'; targetOrganId: number; reason: string }
  | { verb: 'reply'; replyText: string }
  | { verb: 'approveReply' }
  | { verb: 'returnReply'; reason: string }
  | { verb: 'notAccept'; reason: string }
  | { verb: 'recordUnitOpinion'; opinion: string }
  | { verb: 'recordFollowUp'; kind: FollowUpKind; on: IsoDate; participants: string; notes: string }
  | { verb: 'attachPhoto'; followUpEventId: number; fileName: string; sizeBytes: number; storageKey: string; sha256: string }
  | { verb: 'rate'; rating: Rating; comment: string }
  | { verb: 'withdrawPublication'; reason: string }
  | { verb: 'republish' }
  | { verb: 'editPublicText'; publicSubject: string; publicContent: string; publicReplyText?: string; reason: string };
export type LetterVerb = LetterCommand['verb'];

/**
 * The workflow as data: state × verb → next state. `reply` leads to reply_review instead of replied
 * when the organ has a reply reviewed by a second person (decide picks it); `transfer` starts again
 * as received at the other organ; `recordFollowUp`, `recordUnitOpinion` (the 承办单位's 办理意见 for the
 * organ's handler, written by the unit's staff) and `rate` leave the state as it is, and so do
 * `withdrawPublication` (撤下公开) and `republish`: whether a replied letter is on the portal is the
 * writer's consent and staff's withdrawal, not a step of its handling.
 */
export const LETTER_TRANSITIONS: TransitionTable<LetterState, LetterVerb> = {
  assign: { label: '交办', from: ['received', 'assigned'], to: 'assigned' },
  transfer: { label: '转办', from: ['received', 'assigned'], to: 'received' },
  reply: { label: '答复', from: ['received', 'assigned'], to: ['replied', 'reply_review'] },
  approveReply: { label: '审核通过答复', from: ['reply_review'], to: 'replied' },
  returnReply: { label: '退回答复', from: ['reply_review'], to: 'assigned' },
  notAccept: { label: '不予受理', from: ['received', 'assigned'], to: 'not_accepted' },
  // The unit a letter is handed to answers the organ, not the writer (条例第二十七条): its staff's note.
  recordUnitOpinion: { label: '报送办理意见', from: ['assigned', 'reply_review'], to: 'same' },
  recordFollowUp: { label: '记录跟进', from: ['received', 'assigned', 'reply_review', 'replied'], to: 'same' },
  attachPhoto: { label: '上传跟进照片', from: ['received', 'assigned', 'reply_review', 'replied'], to: 'same' },
  rate: { label: '评价', from: ['replied'], to: 'same' },
  withdrawPublication: { label: '撤下公开', from: ['replied'], to: 'same' },
  republish: { label: '重新公开', from: ['replied'], to: 'same' },
  editPublicText: { label: '修改公开版本', from: ['received', 'assigned', 'reply_review', 'replied'], to: 'same' },
};
export const LETTER_VERBS = Object.keys(LETTER_TRANSITIONS) as LetterVerb[];
/** Verbs staff use from a plain form or JSON body; `rate` belongs to the writer, `attachPhoto` comes with a file. */
export const STAFF_LETTER_VERBS: readonly LetterVerb[] = LETTER_VERBS.filter((v) => v !== 'rate' && v !== 'attachPhoto');

/** Photos of follow-up work (实地调查 …): the image types a phone or camera produces, and their size. */
export const PHOTO_TYPES: Record<string, string> = { '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png' };
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;

export const letterVerbsIn = (state: LetterState): LetterVerb[] => verbsAllowedIn(LETTER_TRANSITIONS, state);

/** The table as the mermaid diagram of docs/workflows/mailbox.md (a test keeps the document equal to it). */
export function letterStateDiagram(): string {
  return mermaidStateDiagram(LETTER_TRANSITIONS, {
    states: LETTER_STATES, stateLabels: LETTER_STATE_LABELS, starts: [{ to: 'received', label: '来信' }], ends: ['replied', 'not_accepted'],
  });
}
