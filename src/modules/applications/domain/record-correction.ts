import { verbsAllowedIn, type Transition } from '../../../shared/workflow.ts';
import type { ErrorReason } from '../../../shared/domain-error.ts';
import { isIsoDate, type IsoDate } from '../../../shared/iso-date.ts';
import { hasWrittenChar, noWrittenCharMessage } from '../../../shared/written-text.ts';
import type { ApplicantType, IdKind } from './applicant-types.ts';
import type { Channel } from './channels.ts';
import { ApplicationErrorCode as E } from './error-codes.ts';

/**
 * 条例第四十一条 — a correction request (更正申请): someone with evidence that a record an organ provided
 * about them is inaccurate asks the organ to correct it. The organ that may correct it checks the
 * evidence and corrects (and tells the applicant), or finds it not borne out; when correcting is not
 * within its functions it transfers the request to the organ that may, or tells the applicant to go
 * there. One request, one outcome: the state after `received` is the outcome.
 */
export const RECORD_CORRECTION_STATES = ['received', 'corrected', 'not_verified', 'transferred', 'referred'] as const;
export type RecordCorrectionState = (typeof RECORD_CORRECTION_STATES)[number];

export const RECORD_CORRECTION_STATE_LABELS: Record<RecordCorrectionState, string> = {
  received: '待审核',
  corrected: '已更正',
  not_verified: '不予更正',
  transferred: '已转送',
  referred: '已告知向有权机关提出',
};

/** The transition table: each verb, the states it may be used in and the state it leads to. */
export const RECORD_CORRECTION_TRANSITIONS = {
  correct: { label: '审核属实，予以更正', from: ['received'], to: 'corrected' },
  decline: { label: '审核不属实或证据不足，不予更正', from: ['received'], to: 'not_verified' },
  transfer: { label: '不属于本机关职能，转送有权更正的机关', from: ['received'], to: 'transferred' },
  refer: { label: '不属于本机关职能，告知向有权更正的机关提出', from: ['received'], to: 'referred' },
} as const satisfies Record<string, Transition<RecordCorrectionState>>;

export type RecordCorrectionVerb = keyof typeof RECORD_CORRECTION_TRANSITIONS;
export const RECORD_CORRECTION_VERBS = Object.keys(RECORD_CORRECTION_TRANSITIONS) as RecordCorrectionVerb[];
export const isRecordCorrectionVerb = (v: unknown): v is RecordCorrectionVerb => typeof v === 'string' && Object.hasOwn(RECORD_CORRECTION_TRANSITIONS, v);

/** The verbs a person may choose in a state (the detail page offers exactly these). */
export const recordCorrectionVerbsIn = (state: RecordCorrectionState): RecordCorrectionVerb[] =>
  verbsAllowedIn<RecordCorrectionState, RecordCorrectionVerb>(RECORD_CORRECTION_TRANSITIONS, state);

/**
 * Outcomes that do not give the applicant what was asked, so the 告知书 states the remedies: not
 * corrected, and sent away to another organ. A transfer is not: the request goes on at the competent
 * organ, which answers it.
 */
export const isAdverseRecordCorrection = (state: RecordCorrectionState): boolean => state === 'not_verified' || state === 'referred';

export type RecordCorrection = {
  id: number;
  organId: number;
  trackingNo: string;
  state: RecordCorrectionState;
  channel: Channel;
  receivedOn: IsoDate;
  applicantType: ApplicantType;
  applicantName: string;
  applicantIdKind: IdKind | '';
  applicantIdNumber: string;
  contactPerson: string;
  contactPhone: string;
  contactEmail: string;
  contactAddress: string;
  postalCode: string;
  deliveryMethod: string;
  /** The application case the record came from, with its tracking number; null when none was named. */
  applicationId: number | null;
  applicationTrackingNo: string | null;
  recordDescription: string;
  claimedCorrection: string;
  evidence: string;
  registeredBy: number | null;
  decidedOn: IsoDate | null;
  correctedContent: string;
  decisionReason: string;
  competentOrgan: string;
  competentContact: string;
  letterNo: string | null;
  letterIssuedOn: IsoDate | null;
  version: number;
  createdAt: string;
};

/** A verb with what the officer entered. Dates are `YYYY-MM-DD`. */
export type RecordCorrectionCommand =
  | { verb: 'correct'; decidedOn: IsoDate; correctedContent: string }
  | { verb: 'decline'; decidedOn: IsoDate; reason: string }
  | { verb: 'transfer'; decidedOn: IsoDate; competentOrgan: string }
  | { verb: 'refer'; decidedOn: IsoDate; competentOrgan: string; competentContact?: string };

export type RecordCorrectionChanges = Pick<RecordCorrection, 'decidedOn' | 'correctedContent' | 'decisionReason' | 'competentOrgan' | 'competentContact'>;

export type RecordCorrectionDecision =
  | { ok: true; next: RecordCorrectionState; changes: RecordCorrectionChanges; note: string }
  | { ok: false; reasons: ErrorReason[] };

/** What decide needs besides the request and the command, computed outside the domain. */
export type RecordCorrectionFacts = { today: IsoDate; organName: string };

const MAX_TEXT = 2000;

/**
 * Whether a verb may be used on a request and what it records: the next state and the changes, or
 * every reason it is refused (all of them, so the form can list them). Pure.
 */
export function decideRecordCorrection(rc: RecordCorrection, command: RecordCorrectionCommand, facts: RecordCorrectionFacts): RecordCorrectionDecision {
  const reasons: ErrorReason[] = [];
  const refuse = (code: string, message: string, field?: string) => reasons.push({ code, message, ...(field ? { field } : {}) });
  const t = RECORD_CORRECTION_TRANSITIONS[command.verb];
  if (!t) return { ok: false, reasons: [{ code: E.recordCorrectionVerbNotAllowed, message: `操作“${String(command.verb)}”不存在` }] };
  if (!(t.from as readonly RecordCorrectionState[]).includes(rc.state)) {
    refuse(E.recordCorrectionVerbNotAllowed, `该更正申请已办结（${RECORD_CORRECTION_STATE_LABELS[rc.state]}），不能再“${t.label}”；一件更正申请只作出一次处理`);
  }

  const on = command.decidedOn;
  const dateLabel = command.verb === 'correct' ? '更正日期' : command.verb === 'transfer' ? '转送日期' : '告知日期';
  if (typeof on !== 'string' || !isIsoDate(on)) {
    refuse(E.invalidDate, `${dateLabel}“${String(on ?? '')}”不是有效日期，应为YYYY-MM-DD格式的真实日期`, 'decidedOn');
  } else if (on > facts.today) {
    refuse(E.dateInFuture, `${dateLabel}${on}晚于今天（${facts.today}），不能登记将来的日期`, 'decidedOn');
  } else if (on < rc.receivedOn) {
    refuse(E.dateOutOfOrder, `${dateLabel}${on}早于收到更正申请的日期${rc.receivedOn}`, 'decidedOn');
  }
  const textOf = (field: string, value: unknown, code: string, missing: string, label: string): string => {
    const v = typeof value === 'string' ? value.trim() : '';
    if (v === '') refuse(code, missing, field);
    // What goes into the letter says something: emoji or punctuation alone is no content, refused with the same code.
    else if (!hasWrittenChar(v)) refuse(code, noWrittenCharMessage(label), field);
    else if (v.length > MAX_TEXT) refuse(E.recordCorrectionInvalid, `${label}不能超过${MAX_TEXT}个字`, field);
    return v;
  };
  const competent = (value: unknown): string => {
    const v = textOf('competentOrgan', value, E.recordCorrectionCompetentOrganRequired, '请填写有权更正该信息的行政机关名称（条例第四十一条）', '有权更正的机关名称');
    if (v && v === facts.organName.trim()) {
      refuse(E.recordCorrectionCompetentOrganRequired, `有权更正的机关不能是本机关（${facts.organName}）：属于本机关职能的，应审核后予以更正或不予更正`, 'competentOrgan');
    }
    return v;
  };

  const changes: RecordCorrectionChanges = { decidedOn: on, correctedContent: '', decisionReason: '', competentOrgan: '', competentContact: '' };
  let note = '';
  switch (command.verb) {
    case 'correct': {
      changes.correctedContent = textOf('correctedContent', command.correctedContent, E.recordCorrectionContentRequired, '请写明更正了哪些内容（更正前后的记载），将写入更正告知书', '更正内容');
      note = `${on}审核属实，予以更正（条例第四十一条）：${changes.correctedContent}`;
      break;
    }
    case 'decline': {
      changes.decisionReason = textOf('reason', command.reason, E.recordCorrectionReasonRequired, '请写明不予更正的理由，如经核实原记录准确、所提供的证据不足以证明记录不准确', '不予更正的理由');
      note = `${on}经审核不属实或证据不足，不予更正（条例第四十一条）：${changes.decisionReason}`;
      break;
    }
    case 'transfer': {
      changes.competentOrgan = competent(command.competentOrgan);
      note = `${on}不属于本机关职能范围，转送${changes.competentOrgan}处理并告知申请人（条例第四十一条）`;
      break;
    }
    case 'refer': {
      changes.competentOrgan = competent(command.competentOrgan);
      const contact = typeof command.competentContact === 'string' ? command.competentContact.trim() : '';
      if (contact.length > 200) refuse(E.recordCorrectionInvalid, '有权更正机关的联系方式不能超过200个字', 'competentContact');
      else if (contact !== '' && !hasWrittenChar(contact)) refuse(E.recordCorrectionInvalid, noWrittenCharMessage('有权更正机关的联系方式'), 'competentContact');
      changes.competentContact = contact;
      note = `${on}不属于本机关职能范围，告知申请人向${changes.competentOrgan}${contact ? `（${contact}）` : ''}提出（条例第四十一条）`;
      break;
    }
  }
  if (reasons.length > 0) return { ok: false, reasons };
  return { ok: true, next: t.to, changes, note };
}
