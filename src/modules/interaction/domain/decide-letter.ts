import type { ErrorReason } from '../../../shared/domain-error.ts';
import { isIsoDate, type IsoDate } from '../../../shared/iso-date.ts';
import { hasWrittenChar, noWrittenCharMessage } from '../../../shared/written-text.ts';
import { InteractionErrorCode as E } from './error-codes.ts';
import { FOLLOW_UP_KINDS, LETTER_STATE_LABELS, RATINGS, type Letter, type LetterState } from './letter.ts';
import { LETTER_TRANSITIONS, letterVerbsIn, MAX_PHOTO_BYTES, PHOTO_TYPES, STAFF_LETTER_VERBS, type LetterCommand, type LetterVerb } from './letter-verbs.ts';
import { targetsOf } from '../../../shared/workflow.ts';

/** Everything decide needs besides the letter and the command, computed outside the domain. */
export type LetterFacts = {
  today: IsoDate;
  actorUserId: number | null;
  /** The organ has every reply reviewed by a second person before it goes out. */
  replyReview: boolean;
  /** assign: the unit is an internal unit of the letter's organ. */
  unitBelongs?: boolean;
  /** transfer: the target is another organ (not a unit) that exists. */
  targetIsOtherOrgan?: boolean;
  /** recordUnitOpinion: the person is staff of the unit the letter is handed to (letterAccess 'unit'). */
  unitStaff?: boolean;
  /** attachPhoto: the follow-up record named is one of this letter's. */
  followUpExists?: boolean;
};

export type LetterDecision =
  | { ok: true; next: LetterState; note: string }
  | { ok: false; reasons: ErrorReason[] };

const MAX_TEXT = 10_000;
/** The most a writer's 评价意见 takes; the rating form's hint states it. */
export const MAX_RATING_COMMENT_CHARS = 2000;

/** What a verb's rule is given: the letter, its own command, the facts, and a way to refuse (collected, never thrown). */
type RuleArgs<C> = {
  letter: Letter; command: C; facts: LetterFacts;
  refuse: (code: string, message: string, field?: string) => void;
  /** Refuses an empty or too long text field. */
  text: (field: string, label: string, value: string, code?: string) => void;
};
/** A verb's own rules: they refuse what is wrong and may choose the next state (else the table's) and the note recorded. */
type VerbRule<C> = (a: RuleArgs<C>) => { next?: LetterState; note?: string } | void;
type CommandOf<V extends LetterCommand['verb']> = Extract<LetterCommand, { verb: V }>;

/**
 * 交办: to an internal unit of the organ, with what the organ asks of it (交办意见) and the day its
 * 办理意见 is due (报送期限), both optional. The 报送期限 falls on or before the letter's reply due date, so
 * the organ can still answer in time on the unit's note; it cannot lie in the past either.
 */
const assign: VerbRule<CommandOf<'assign'>> = ({ letter, command, facts, refuse }) => {
  if (!facts.unitBelongs) refuse(E.badUnit, '请选择本机关的下属单位作为承办单位', 'unitId');
  const by = (command.reportByOn ?? '').trim();
  if (by !== '') {
    if (!isIsoDate(by)) refuse(E.invalidDate, `报送期限“${by}”不是有效日期，应为YYYY-MM-DD格式`, 'reportByOn');
    else if (by > letter.dueOn) refuse(E.reportByAfterDue, `报送期限${by}晚于来信的答复期限${letter.dueOn}：承办单位的办理意见须在答复期限之前报送，机关才能按期答复`, 'reportByOn');
    else if (by < facts.today) refuse(E.invalidDate, `报送期限${by}早于今天（${facts.today}）`, 'reportByOn');
  }
  if ((command.instructions ?? '').length > 2000) refuse(E.invalidInput, '交办意见不能超过2000字', 'instructions');
  const instructions = (command.instructions ?? '').trim();
  return { note: instructions };
};

const transfer: VerbRule<CommandOf<'transfer'>> = ({ command, facts, refuse, text }) => {
  text('reason', '转办理由', command.reason);
  if (!facts.targetIsOtherOrgan) refuse(E.badTargetOrgan, '请选择另一个机关（不能是本机关或本机关的下属单位）', 'targetOrganId');
  return { note: command.reason.trim() };
};

/** A reply goes to reply_review instead of replied when the organ has replies reviewed by a second person. */
const reply: VerbRule<CommandOf<'reply'>> = ({ command, facts, text }) => {
  text('replyText', '答复内容', command.replyText, E.replyRequired);
  return facts.replyReview ? { next: 'reply_review' } : undefined;
};

/** The organ asked for a second person: the one who wrote the reply cannot approve it. */
const approveReply: VerbRule<CommandOf<'approveReply'>> = ({ letter, facts, refuse }) => {
  if (facts.actorUserId !== null && facts.actorUserId === letter.replyDraftedBy) refuse(E.sameReviewer, '答复须由起草人以外的另一名工作人员审核');
};

const returnReply: VerbRule<CommandOf<'returnReply'>> = ({ command, text }) => {
  text('reason', '退回理由', command.reason);
  return { note: command.reason.trim() };
};

const notAccept: VerbRule<CommandOf<'notAccept'>> = ({ command, text }) => {
  text('reason', '不予受理的理由', command.reason);
  return { note: command.reason.trim() };
};

/**
 * The unit a letter is handed to writes its 办理意见 / 承办情况 for the organ's handler, who replies
 * (条例第二十七条: the unit does not answer the public). Only that unit's staff write it.
 */
const recordUnitOpinion: VerbRule<CommandOf<'recordUnitOpinion'>> = ({ command, facts, refuse, text }) => {
  if (!facts.unitStaff) refuse(E.notUnitStaff, '办理意见由来信交办的承办单位的工作人员填写', 'opinion');
  text('opinion', '办理意见', command.opinion, E.invalidInput);
  return { note: command.opinion.trim() };
};

/** Follow-up work happened on a real day: not in the future, not before the letter came. */
const recordFollowUp: VerbRule<CommandOf<'recordFollowUp'>> = ({ letter, command, facts, refuse, text }) => {
  if (!FOLLOW_UP_KINDS.includes(command.kind)) refuse(E.invalidInput, '请选择跟进方式', 'kind');
  if (typeof command.on !== 'string' || !isIsoDate(command.on)) refuse(E.invalidDate, `日期“${String(command.on ?? '')}”不是有效日期，应为YYYY-MM-DD格式`, 'on');
  else if (command.on > facts.today) refuse(E.invalidDate, `日期${command.on}晚于今天（${facts.today}），不能登记将来的日期`, 'on');
  else if (command.on < letter.submittedOn) refuse(E.invalidDate, `日期${command.on}早于来信日期${letter.submittedOn}`, 'on');
  text('participants', '参加人员', command.participants, E.invalidInput);
  text('notes', '跟进情况', command.notes, E.invalidInput);
  return { note: command.notes.trim() };
};

const attachPhoto: VerbRule<CommandOf<'attachPhoto'>> = ({ command, facts, refuse }) => {
  if (!facts.followUpExists) refuse(E.notFound, '跟进记录不存在，请先记录跟进情况再上传照片', 'followUpEventId');
  const ext = /\.[^.]+$/.exec(command.fileName.toLowerCase())?.[0] ?? '';
  if (!PHOTO_TYPES[ext]) refuse(E.photoType, `照片应为 JPG 或 PNG 格式（“${command.fileName}”不是）`, 'file');
  if (command.sizeBytes <= 0) refuse(E.photoType, '请选择要上传的照片', 'file');
  else if (command.sizeBytes > MAX_PHOTO_BYTES) refuse(E.photoType, '照片不能超过 10 MB', 'file');
  return { note: command.fileName };
};

/** The writer rates once, within the rating period (no rating by then counts as 满意). */
const rate: VerbRule<CommandOf<'rate'>> = ({ letter, command, facts, refuse }) => {
  if (!RATINGS.includes(command.rating)) refuse(E.invalidInput, '请选择满意、基本满意或不满意', 'rating');
  if (letter.rating) refuse(E.alreadyRated, '您已评价过这件来信的答复');
  else if (letter.rateByOn && facts.today > letter.rateByOn) refuse(E.ratingClosed, `评价期已于${letter.rateByOn}结束，未评价的视为满意`);
  if (command.comment.length > MAX_RATING_COMMENT_CHARS) refuse(E.invalidInput, `评价意见不能超过${MAX_RATING_COMMENT_CHARS}字`, 'comment');
  // Optional; given, it says something — emoji or punctuation alone is refused (shared/written-text.ts).
  else if (command.comment.trim() !== '' && !hasWrittenChar(command.comment)) refuse(E.invalidInput, noWrittenCharMessage('评价意见'), 'comment');
  return { note: command.comment.trim() };
};

/** Only a letter on the portal can be taken off it, with the reason recorded in its history and the audit log. */
const withdrawPublication: VerbRule<CommandOf<'withdrawPublication'>> = ({ letter, command, refuse, text }) => {
  if (!letter.publishConsent) refuse(E.notPublished, '来信人未同意公开，这件来信没有在网上公开');
  else if (letter.publicationWithdrawnReason !== null) refuse(E.notPublished, `这件来信已撤下公开（理由：${letter.publicationWithdrawnReason}）`);
  text('reason', '撤下公开的理由', command.reason);
  return { note: command.reason.trim() };
};

/** A withdrawn letter goes back on the portal; never one whose writer did not allow publication. */
const republish: VerbRule<CommandOf<'republish'>> = ({ letter, refuse }) => {
  if (!letter.publishConsent) refuse(E.notPublished, '来信人未同意公开，不能在网上公开');
  else if (letter.publicationWithdrawnReason === null) refuse(E.notWithdrawn, '这件来信正在网上公开，无需重新公开');
};

/**
 * Staff edit what the portal will show of the letter (a neighbour's name, an address in words the
 * masking cannot find), before or after publication; the letter as written is kept. Only a letter the
 * writer allowed to publish has a public version. Once there is a reply, its public version too
 * (`publicReplyText`): the reply as sent cannot change, so a detail the masking missed in it would
 * otherwise be fixed only by withdrawing the whole letter.
 */
const editPublicText: VerbRule<CommandOf<'editPublicText'>> = ({ letter, command, refuse, text }) => {
  if (!letter.publishConsent) refuse(E.notPublished, '来信人未同意公开，这件来信没有公开版本');
  text('publicSubject', '公开的标题', command.publicSubject, E.invalidInput);
  text('publicContent', '公开的来信内容', command.publicContent, E.invalidInput);
  if (command.publicReplyText !== undefined) {
    if (letter.replyText === null) refuse(E.invalidInput, '这件来信还没有答复，没有公开的答复可改', 'publicReplyText');
    else text('publicReplyText', '公开的答复内容', command.publicReplyText, E.invalidInput);
  }
  text('reason', '修改公开版本的理由', command.reason);
  return { note: command.reason.trim() };
};

/** Each verb's rules, one small function per verb. */
const VERB_RULES: { [V in LetterCommand['verb']]: VerbRule<CommandOf<V>> } = {
  assign, transfer, reply, approveReply, returnReply, notAccept, recordUnitOpinion, recordFollowUp, attachPhoto, rate, withdrawPublication, republish, editPublicText,
};

/** Refusals that say the verb does not apply to this letter or person (the other of 撤下公开/重新公开, no consent, the unit's note for the organ's handler): not offered at all. */
const NOT_APPLICABLE: readonly string[] = [E.notPublished, E.notWithdrawn, E.notUnitStaff];

/** Whether a verb may be used on a letter, and the next state; refused, every reason at once. */
export function decideLetter(letter: Letter, command: LetterCommand, facts: LetterFacts): LetterDecision {
  const reasons: ErrorReason[] = [];
  const refuse = (code: string, message: string, field?: string) => { reasons.push({ code, message, ...(field ? { field } : {}) }); };
  const text = (field: string, label: string, v: string, code: string = E.reasonRequired) => {
    if (v.trim() === '') refuse(code, `请填写${label}`, field);
    else if (v.length > MAX_TEXT) refuse(E.invalidInput, `${label}不能超过${MAX_TEXT}字`, field);
  };
  const row = LETTER_TRANSITIONS[command.verb];
  if (!row.from.includes(letter.state)) {
    refuse(E.verbNotAllowed, `来信当前状态为“${LETTER_STATE_LABELS[letter.state]}”，不能“${row.label}”（仅限：${row.from.map((s) => LETTER_STATE_LABELS[s]).join('、')}）`);
  }
  const rule = VERB_RULES[command.verb] as VerbRule<LetterCommand>;
  const chosen = rule({ letter, command, facts, refuse, text }) ?? {};
  // The table's first target unless the rule chose another (the state stays when the table does not allow the verb).
  const next: LetterState = chosen.next ?? targetsOf(row, letter.state)[0] ?? letter.state;
  return reasons.length > 0 ? { ok: false, reasons } : { ok: true, next, note: chosen.note ?? '' };
}

/** What the letter's page offers one person: the staff verbs of its state, each with why this person cannot use it. */
export type StaffVerbChoice = { verb: LetterVerb; refused: ErrorReason[] };

/**
 * The staff verbs of the letter's state, each asked of decideLetter as if the person had filled in
 * the form well, so what is left are the reasons no form can mend (the drafter approving their own
 * reply). The page shows such a verb with its reasons instead of a button that can only be refused.
 */
export function staffVerbChoices(letter: Letter, facts: Pick<LetterFacts, 'today' | 'actorUserId' | 'replyReview' | 'unitStaff'>): StaffVerbChoice[] {
  const wellFilled: Record<string, LetterCommand> = {
    assign: { verb: 'assign', unitId: 0 },
    transfer: { verb: 'transfer', targetOrganId: 0, reason: '理由' },
    reply: { verb: 'reply', replyText: '答复' },
    approveReply: { verb: 'approveReply' },
    returnReply: { verb: 'returnReply', reason: '理由' },
    notAccept: { verb: 'notAccept', reason: '理由' },
    recordUnitOpinion: { verb: 'recordUnitOpinion', opinion: '意见' },
    recordFollowUp: { verb: 'recordFollowUp', kind: FOLLOW_UP_KINDS[0], on: facts.today, participants: '人员', notes: '情况' },
    withdrawPublication: { verb: 'withdrawPublication', reason: '理由' },
    republish: { verb: 'republish' },
    editPublicText: { verb: 'editPublicText', publicSubject: '标题', publicContent: '内容', reason: '理由' },
  };
  return letterVerbsIn(letter.state).filter((v) => STAFF_LETTER_VERBS.includes(v) && wellFilled[v]).map((verb) => {
    const d = decideLetter(letter, wellFilled[verb], { ...facts, unitBelongs: true, targetIsOtherOrgan: true, followUpExists: true });
    return { verb, refused: d.ok ? [] : d.reasons };
  }).filter((c) => !c.refused.some((r) => NOT_APPLICABLE.includes(r.code)));
}
