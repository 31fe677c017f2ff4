import type { ErrorReason } from '../../../shared/domain-error.ts';
import { isIsoDate, type IsoDate } from '../../../shared/iso-date.ts';
import { targetsOf, wrongStateReason } from '../../../shared/workflow.ts';
import { RATINGS, type Rating } from './letter.ts';
import {
  HANDLING_ROLES, normalizeProposalNumber, PROPOSAL_KINDS, PROPOSAL_RESULTS, PROPOSAL_STATE_LABELS, ProposalErrorCode as E,
  type HandlingRole, type Proposal, type ProposalInput, type ProposalKind, type ProposalResult, type ProposalState,
} from './proposal.ts';
import { PROPOSAL_TRANSITIONS, type ProposalCommand } from './proposal-verbs.ts';

const MAX_TEXT = 20_000;

/** A registration as stored: trimmed, the number as 第…号, the year and the due date settled (null: computed from the organ's months). */
export type CleanProposalInput = {
  kind: ProposalKind; number: string; title: string; submitters: string; session: string; year: number;
  receivedOn: IsoDate; role: HandlingRole; partnerOrgans: string; dueOn: IsoDate | null;
};

const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/**
 * Checks a registration (or its correction) and says every wrong field at once: the kind, number,
 * title, deputy or member, session, a year from 2000 to next year (empty: the year received), the
 * day received (a real date, not in the future), 主办 or 协办, and a due date typed from the
 * assignment letter (optional; not before the day received).
 */
export function checkProposalInput(raw: Partial<ProposalInput>, today: IsoDate): { value: CleanProposalInput; reasons: ErrorReason[] } {
  const reasons: ErrorReason[] = [];
  const refuse = (code: string, message: string, field: string) => { reasons.push({ code, message, field }); };
  const required = (field: keyof ProposalInput, label: string, max: number) => {
    const v = str(raw[field]);
    if (v === '') refuse(E.invalidInput, `请填写${label}`, field);
    else if (v.length > max) refuse(E.invalidInput, `${label}不能超过${max}字`, field);
    return v;
  };
  const kind = str(raw.kind) as ProposalKind;
  if (!PROPOSAL_KINDS.includes(kind)) refuse(E.invalidInput, '请选择人大代表建议或政协提案', 'kind');
  const number = normalizeProposalNumber(required('number', '编号', 30));
  const title = required('title', '标题', 200);
  const submitters = required('submitters', '代表或委员姓名', 200);
  const session = required('session', '届次会议', 100);
  const receivedOn = str(raw.receivedOn);
  if (!isIsoDate(receivedOn)) refuse(E.invalidDate, `收到日期“${receivedOn}”不是有效日期，应为YYYY-MM-DD格式`, 'receivedOn');
  else if (receivedOn > today) refuse(E.invalidDate, `收到日期${receivedOn}晚于今天（${today}）`, 'receivedOn');
  const yearText = str(raw.year);
  const year = yearText === '' && isIsoDate(receivedOn) ? Number(receivedOn.slice(0, 4)) : Number(yearText);
  const maxYear = Number(today.slice(0, 4)) + 1;
  if (!/^\d{4}$/.test(String(year)) || year < 2000 || year > maxYear) refuse(E.invalidInput, `年度应为2000至${maxYear}之间的四位数年份`, 'year');
  const role = str(raw.role) as HandlingRole;
  if (!HANDLING_ROLES.includes(role)) refuse(E.invalidInput, '请选择主办或协办', 'role');
  const partnerOrgans = str(raw.partnerOrgans);
  if (partnerOrgans.length > 200) refuse(E.invalidInput, '主办或协办单位不能超过200字', 'partnerOrgans');
  const dueText = str(raw.dueOn);
  if (dueText !== '') {
    if (!isIsoDate(dueText)) refuse(E.invalidDate, `答复期限“${dueText}”不是有效日期，应为YYYY-MM-DD格式（不填则按本机关设置计算）`, 'dueOn');
    else if (isIsoDate(receivedOn) && dueText < receivedOn) refuse(E.invalidDate, `答复期限${dueText}早于收到日期${receivedOn}`, 'dueOn');
  }
  return { value: { kind, number, title, submitters, session, year, receivedOn, role, partnerOrgans, dueOn: dueText === '' ? null : dueText }, reasons };
}

/** Everything decide needs besides the record and the command, found outside the domain. */
export type ProposalFacts = {
  today: IsoDate;
  /** edit: another record of the organ (not cancelled) has the same kind, year and number. */
  duplicate?: boolean;
  /** publish: secrecy markings the scanner found in the title or the text to publish (classified_marking findings). */
  secrecyMarkings?: number;
};

export type ProposalDecision =
  | { ok: true; next: ProposalState; note: string; input?: CleanProposalInput }
  | { ok: false; reasons: ErrorReason[] };

type RuleArgs<C> = {
  p: Proposal; command: C; facts: ProposalFacts;
  refuse: (code: string, message: string, field?: string) => void;
  /** Refuses an empty or too long text field. */
  text: (field: string, label: string, value: string, code?: string) => void;
};
type VerbRule<C> = (a: RuleArgs<C>) => { note?: string; input?: CleanProposalInput } | void;
type CommandOf<V extends ProposalCommand['verb']> = Extract<ProposalCommand, { verb: V }>;

const edit: VerbRule<CommandOf<'edit'>> = ({ command, facts, refuse }) => {
  const { value, reasons } = checkProposalInput(command.input, facts.today);
  for (const r of reasons) refuse(r.code, r.message, r.field);
  if (facts.duplicate) refuse(E.duplicate, `本机关已登记${value.year}年度${value.number}`, 'number');
  return { input: value };
};

/** The reply as sent to the deputy or member: its text, the day it was sent (not in the future, not before receipt) and its 办理结果. */
const reply: VerbRule<CommandOf<'reply'>> = ({ p, command, facts, refuse, text }) => {
  text('replyText', '答复内容', command.replyText, E.replyRequired);
  const on = str(command.repliedOn);
  if (!isIsoDate(on)) refuse(E.invalidDate, `答复日期“${on}”不是有效日期，应为YYYY-MM-DD格式`, 'repliedOn');
  else if (on > facts.today) refuse(E.invalidDate, `答复日期${on}晚于今天（${facts.today}）`, 'repliedOn');
  else if (on < p.receivedOn) refuse(E.invalidDate, `答复日期${on}早于收到日期${p.receivedOn}`, 'repliedOn');
  if (!PROPOSAL_RESULTS.includes(command.result as ProposalResult)) refuse(E.invalidInput, '请选择办理结果（已解决或采纳、正在解决或列入计划、留作参考）', 'result');
};

const recordSatisfaction: VerbRule<CommandOf<'recordSatisfaction'>> = ({ command, refuse }) => {
  if (!RATINGS.includes(command.satisfaction as Rating)) refuse(E.invalidInput, '请选择满意、基本满意或不满意', 'satisfaction');
  if (command.note.length > 2000) refuse(E.invalidInput, '代表委员意见不能超过2000字', 'satisfactionNote');
  return { note: command.note.trim() };
};

/**
 * A result goes public with its text (the reply, or the part of it that may be published); a secrecy
 * marking in it refuses publication outright — 涉及国家秘密的不予公开 (条例第十四条) — while personal
 * numbers are masked when shown.
 */
const publish: VerbRule<CommandOf<'publish'>> = ({ command, facts, refuse, text }) => {
  text('publicText', '公开的答复内容', command.publicText, E.replyRequired);
  if ((facts.secrecyMarkings ?? 0) > 0) refuse(E.secrecyMarking, `标题或公开的答复内容中有${facts.secrecyMarkings}处密级标志：涉及国家秘密的不予公开，请选择“不予公开”并写明理由`, 'publicText');
};

const withhold: VerbRule<CommandOf<'withhold'>> = ({ command, text }) => {
  text('withheldReason', '不予公开的理由', command.reason);
  return { note: command.reason.trim() };
};

const cancel: VerbRule<CommandOf<'cancel'>> = ({ command, text }) => {
  text('cancelReason', '撤销登记的理由', command.reason);
  return { note: command.reason.trim() };
};

/** Each verb's rules, one small function per verb. */
const VERB_RULES: { [V in ProposalCommand['verb']]: VerbRule<CommandOf<V>> } = { edit, reply, recordSatisfaction, publish, withhold, cancel };

/** Whether a verb may be used on a 建议提案, and the next state; refused, every reason at once (the wrong state among them). */
export function decideProposal(p: Proposal, command: ProposalCommand, facts: ProposalFacts): ProposalDecision {
  const reasons: ErrorReason[] = [];
  const refuse = (code: string, message: string, field?: string) => { reasons.push({ code, message, ...(field ? { field } : {}) }); };
  const text = (field: string, label: string, v: string, code: string = E.reasonRequired) => {
    if (typeof v !== 'string' || v.trim() === '') refuse(code, `请填写${label}`, field);
    else if (v.length > MAX_TEXT) refuse(E.invalidInput, `${label}不能超过${MAX_TEXT}字`, field);
  };
  const row = PROPOSAL_TRANSITIONS[command.verb];
  if (!row.from.includes(p.state)) reasons.push(wrongStateReason(E.verbNotAllowed, row, p.state, PROPOSAL_STATE_LABELS));
  const rule = VERB_RULES[command.verb] as VerbRule<ProposalCommand>;
  const chosen = rule({ p, command, facts, refuse, text }) ?? {};
  const next = targetsOf(row, p.state)[0] ?? p.state;
  return reasons.length > 0 ? { ok: false, reasons } : { ok: true, next, note: chosen.note ?? '', ...(chosen.input ? { input: chosen.input } : {}) };
}
