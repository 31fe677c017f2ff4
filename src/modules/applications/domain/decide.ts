import type { ErrorReason } from '../../../shared/domain-error.ts';
import { addDays, isIsoDate, type IsoDate } from '../../../shared/iso-date.ts';
import { correctionNoticeDeadline, MAX_EXTENSION_WORKING_DAYS, type WorkingDayCalendar } from '../../calendar/index.ts';
import type { Application, Pause, PauseKind } from './application.ts';
import { STATE_LABELS, type ApplicationState } from './application-states.ts';
import { nextState, TRANSITIONS, type Command, type Verb } from './application-verbs.ts';
import { CHANNEL_RULES, DELIVERY_METHOD_LABELS, DELIVERY_METHODS, isProvidedForm, PROVIDED_FORM_LABELS, PROVIDED_FORMS, providedAsAsked } from './channels.ts';
import { ApplicationErrorCode as E } from './error-codes.ts';
import { FEE_PAYMENT_WORKING_DAYS, FEE_WINDOW_PAUSES_CLOCK, perApplicationFee, perPageFee, type FeeComputation } from './fee-rules.ts';
import { isOutcome, OUTCOME_INFO, outcomeGroup, RESERVED_OUTCOMES, type Outcome } from './outcomes.ts';
import { checkReplyBasis } from './reply-basis.ts';
import { noLaterThanTheDay } from './deadline-wording.ts';

/** Working days a consulted third party or agency has to answer (条例第三十二条、第三十四条). */
export const CONSULTATION_WORKING_DAYS = 15;
/** The applicant's correction period: the 条例 only asks for a reasonable one (第三十条); default [A], configurable per notice. */
export const DEFAULT_CORRECTION_WORKING_DAYS = 15;
export const MAX_CORRECTION_WORKING_DAYS = 60;

/** What decide needs besides the case and the command; all of it is computed before, outside the domain. */
export type DecideFacts = {
  today: IsoDate;
  calendar: WorkingDayCalendar;
  pauses: readonly Pause[];
  /** The acting person is the head of the disclosure office (modelled as organ_admin, 条例第三十三条第二款). */
  actorIsOfficeHead: boolean;
  actorUserId: number | null;
  /** For assignHandler: the chosen person works on this organ. */
  handlerIsStaff?: boolean;
  /** For assignHandler: whether anybody at all may handle the organ's cases (false: nobody to choose). */
  handlersAvailable?: boolean;
  /** For a per-application fee: this application's place among its applicant's applications this month. */
  feeOrdinal?: number;
};

export type ApplicationChanges = Partial<
  Pick<
    Application,
    | 'confirmedOn' | 'receiptEvidence' | 'receivedOn' | 'handlerUserId' | 'correctionNoticeDueOn' | 'correctionRequestedOn'
    | 'correctionDueOn' | 'correctedOn' | 'extensionWorkingDays' | 'extensionApprovedBy' | 'extensionApprovedOn' | 'extensionReason'
    | 'feeMethod' | 'feeUnits' | 'feeAmountYuan' | 'feeNoticeSentOn' | 'feeNoticeReceivedOn' | 'feeDueOn' | 'feePaidOn'
    | 'outcome' | 'repliedOn' | 'replyText' | 'replyBasis' | 'providedForm' | 'providedFormReason' | 'archivedOn' | 'withdrawnOn' | 'reasonsRequestedOn' | 'reasonsReceivedOn' | 'delayedDueOn'
  >
>;

export type PauseChange =
  | { open: { kind: PauseKind; party: string; startedOn: IsoDate; expectedEndOn: IsoDate; note: string } }
  | { close: { id: number; endedOn: IsoDate } };

export type Decision =
  | { ok: true; next: ApplicationState; changes: ApplicationChanges; pause?: PauseChange; note: string; data: Record<string, unknown> }
  | { ok: false; reasons: ErrorReason[] };

/**
 * The one place that says whether a verb may be used on a case and what it changes. Pure: returns
 * the next state and the changes, or every reason it is refused (all of them, so a form can list them).
 */
const minDate = (a: string, b: string) => (a < b ? a : b);

export function decide(app: Application, command: Command, facts: DecideFacts): Decision {
  const reasons: ErrorReason[] = [];
  const refuse = (code: string, message: string, field?: string) => reasons.push({ code, message, ...(field ? { field } : {}) });
  const next = nextState(app.state, command.verb);
  if (next === null) {
    const allowed = (TRANSITIONS[command.verb].from as readonly ApplicationState[]).map((s) => STATE_LABELS[s]).join('、');
    refuse(E.verbNotAllowed, `申请当前状态为“${STATE_LABELS[app.state]}”，不能“${TRANSITIONS[command.verb].label}”（仅限：${allowed}）`);
  }

  /** A real date, not after today; optionally not before `notBefore`. Returns whether it passed. */
  const checkDate = (field: string, label: string, on: unknown, notBefore?: { on: IsoDate | null; label: string }): on is IsoDate => {
    if (typeof on !== 'string' || !isIsoDate(on)) {
      refuse(E.invalidDate, `${label}“${String(on ?? '')}”不是有效日期，应为YYYY-MM-DD格式的真实日期`, field);
      return false;
    }
    if (on > facts.today) {
      refuse(E.dateInFuture, `${label}${on}晚于今天（${facts.today}），不能登记将来的日期`, field);
      return false;
    }
    if (notBefore?.on && on < notBefore.on) {
      refuse(E.dateOutOfOrder, `${label}${on}早于${notBefore.label}${notBefore.on}`, field);
      return false;
    }
    return true;
  };
  const required = (field: string, value: string | undefined, message: string, code: string = E.reasonRequired) => {
    if (!value || value.trim() === '') refuse(code, message, field);
  };
  /** The day the current count started: the corrected application, else the original receipt. */
  const clockStart = app.correctedOn ?? app.receivedOn;
  const openPause = facts.pauses.find((p) => p.endedOn === null) ?? null;

  const v: VerbContext = { app, facts, refuse, checkDate, required, clockStart, openPause, reasons, out: { changes: {}, note: '', data: {} } };
  RULES[command.verb](command as never, v);

  if (reasons.length > 0 || next === null) return { ok: false, reasons };
  const { changes, pause, note, data } = v.out;
  return { ok: true, next, changes, ...(pause ? { pause } : {}), note, data };
}

type CommandOf<V extends Verb> = Extract<Command, { verb: V }>;

/** What a verb's rule sees and where it writes: the helpers add to the shared list of reasons. */
type VerbContext = {
  app: Application;
  facts: DecideFacts;
  refuse: (code: string, message: string, field?: string) => void;
  /** A real date, not after today; optionally not before `notBefore`. Returns whether it passed. */
  checkDate: (field: string, label: string, on: unknown, notBefore?: { on: IsoDate | null; label: string }) => on is IsoDate;
  required: (field: string, value: string | undefined, message: string, code?: string) => void;
  /** The day the current count started: the corrected application, else the original receipt. */
  clockStart: IsoDate | null;
  openPause: Pause | null;
  reasons: ErrorReason[];
  out: { changes: ApplicationChanges; pause?: PauseChange; note: string; data: Record<string, unknown> };
};

/** Each verb's rules, one small function per verb (the table above says where each may be used). */
const RULES: { [V in Verb]: (command: CommandOf<V>, v: VerbContext) => void } = {
  confirmReceipt,
  discard,
  assignHandler,
  startReview,
  startProcessing,
  requestCorrection,
  receiveCorrection,
  closeCorrectionOverdue,
  startConsultation,
  endConsultation,
  notifyThirdParty,
  extendDeadline,
  issueFeeNotice,
  recordFeePayment,
  closeFeeUnpaid,
  recordReply,
  withdraw,
  requestReasons,
  setDelayedReply,
  archive,
};

function confirmReceipt(command: CommandOf<'confirmReceipt'>, v: VerbContext): void {
  const { app, facts, checkDate, required } = v;
  const ok = checkDate('confirmedOn', '确认日期', command.confirmedOn, { on: app.arrivedOn, label: '申请到达日期' });
  required('evidence', command.evidence, '请填写与申请人确认的方式（如电话、短信、电子邮件回执）');
  if (ok) {
    const notice = correctionNoticeDeadline(command.confirmedOn, facts.calendar);
    v.out.changes = { confirmedOn: command.confirmedOn, receiptEvidence: command.evidence.trim(), receivedOn: command.confirmedOn, correctionNoticeDueOn: notice.dueOn };
    v.out.note = `${command.confirmedOn}与申请人确认收到申请（${command.evidence.trim()}）；${CHANNEL_RULES[app.channel].rule}`;
  }
}

function discard(command: CommandOf<'discard'>, v: VerbContext): void {
  const { required } = v;
  required('reason', command.reason, '请填写不予登记的理由（如无法与申请人取得联系、重复提交、明显的垃圾信息）');
  v.out.note = `不予登记：${command.reason?.trim() ?? ''}`;
}

function assignHandler(command: CommandOf<'assignHandler'>, v: VerbContext): void {
  const { facts, refuse } = v;
  if (facts.handlersAvailable === false) {
    refuse(E.handlerInvalid, '本机关没有可承办的人员，请先在用户管理中为本机关添加信息员、政务公开办公室等工作人员（或恢复已停用的账号），再指定承办人');
    return;
  }
  if (!Number.isInteger(command.handlerUserId) || !facts.handlerIsStaff) {
    refuse(E.handlerInvalid, '承办人应为本机关的工作人员', 'handlerUserId');
  }
  v.out.changes = { handlerUserId: command.handlerUserId };
  v.out.note = '指定承办人';
  v.out.data = { handlerUserId: command.handlerUserId };
}

function startReview(command: CommandOf<'startReview'>, v: VerbContext): void {
  v.out.note = '开始审核申请内容';
}

function startProcessing(command: CommandOf<'startProcessing'>, v: VerbContext): void {
  const { app, refuse } = v;
  // Names no field: 转入办理 has none to fill, so the case page says it before the click (verb-refusals.ts).
  if (app.handlerUserId === null) refuse(E.handlerRequired, '转入办理前请先指定承办人');
  v.out.note = '审核完毕，转入办理';
}

function requestCorrection(command: CommandOf<'requestCorrection'>, v: VerbContext): void {
  const { app, facts, refuse, checkDate, required, reasons } = v;
  // 条例第三十条: one notice listing every point (一次性告知), within 7 working days of receipt.
  if (app.correctionRequestedOn !== null) {
    refuse(E.correctionRepeated, `已于${app.correctionRequestedOn}告知补正；补正应一次性告知（条例第三十条），不能再次要求补正`);
  }
  const ok = checkDate('requestedOn', '补正告知日期', command.requestedOn, { on: app.receivedOn, label: '收到申请日期' });
  if (ok && app.correctionNoticeDueOn && command.requestedOn > app.correctionNoticeDueOn) {
    refuse(
      E.correctionLate,
      `补正告知应自收到申请之日起7个工作日内发出（条例第三十条）：本申请${app.receivedOn}收到，最迟应于${app.correctionNoticeDueOn}告知，${command.requestedOn}已超过期限`,
      'requestedOn',
    );
  }
  const days = command.correctionWorkingDays;
  if (!Number.isInteger(days) || days < 1 || days > MAX_CORRECTION_WORKING_DAYS) {
    refuse(E.correctionPeriodInvalid, `补正期限应为1至${MAX_CORRECTION_WORKING_DAYS}个工作日的整数`, 'correctionWorkingDays');
  }
  required('points', command.points, '请写明需要补正的全部事项（条例第三十条要求一次性告知）');
  if (reasons.length === 0) {
    const dueOn = facts.calendar.addWorkingDays(command.requestedOn, days);
    v.out.changes = { correctionRequestedOn: command.requestedOn, correctionDueOn: dueOn };
    v.out.note = `告知申请人补正，补正期限${days}个工作日，至${dueOn}；收到补正申请后重新计算答复期限（条例第三十条）`;
    v.out.data = { points: command.points.trim(), correctionWorkingDays: days };
  }
}

function receiveCorrection(command: CommandOf<'receiveCorrection'>, v: VerbContext): void {
  const { app, refuse, checkDate, reasons } = v;
  const ok = checkDate('correctedOn', '收到补正申请日期', command.correctedOn, { on: app.correctionRequestedOn, label: '补正告知日期' });
  const late = ok && app.correctionDueOn !== null && command.correctedOn > app.correctionDueOn;
  if (late && !command.goodReason?.trim()) {
    refuse(
      E.correctionOverdue,
      `补正期限已于${app.correctionDueOn}届满；申请人无正当理由逾期不补正的，视为放弃申请（条例第三十条）。如逾期有正当理由，请填写理由`,
      'goodReason',
    );
  }
  if (reasons.length === 0) {
    v.out.changes = { correctedOn: command.correctedOn };
    v.out.note = `${command.correctedOn}收到补正后的申请，答复期限自次日起重新计算（条例第三十条）${late ? `；逾期补正的正当理由：${command.goodReason!.trim()}` : ''}`;
  }
}

function closeCorrectionOverdue(command: CommandOf<'closeCorrectionOverdue'>, v: VerbContext): void {
  const { app, facts, refuse } = v;
  if (app.correctionDueOn === null || facts.today <= app.correctionDueOn) {
    refuse(E.correctionNotLapsed, `补正期限${app.correctionDueOn ? `至${app.correctionDueOn}` : ''}尚未届满，不能按逾期未补正终止处理`);
  }
  // The case ends when the correction period ran out, however much later the closing is recorded.
  v.out.changes = { outcome: 'other.correction_overdue', repliedOn: app.correctionDueOn ? minDate(facts.today, addDays(app.correctionDueOn, 1)) : facts.today };
  v.out.note = `申请人未在补正期限（至${app.correctionDueOn}）内补正，视为放弃申请，不再处理（条例第三十条）`;
}

function startConsultation(command: CommandOf<'startConsultation'>, v: VerbContext): void {
  const { facts, refuse, checkDate, required, clockStart, reasons } = v;
  required('party', command.party, '请填写征求意见的第三方或机关名称', E.consultationPartyRequired);
  if (command.kind !== 'third_party' && command.kind !== 'co_agency') refuse(E.invalidInput, '请选择征求第三方意见或征求其他机关意见', 'kind');
  const ok = checkDate('sentOn', '征求意见函发出日期', command.sentOn, { on: clockStart, label: '答复期限起算日' });
  // 条例第三十二条、第三十四条: 15 working days from receiving the letter; from sending unless delivery is recorded.
  const deliveredOk = !command.deliveredOn || checkDate('deliveredOn', '征求意见函送达日期', command.deliveredOn, ok ? { on: command.sentOn, label: '发出日期' } : undefined);
  if (ok && deliveredOk && reasons.length === 0) {
    const expectedEndOn = facts.calendar.addWorkingDays(command.deliveredOn || command.sentOn, CONSULTATION_WORKING_DAYS);
    const article = command.kind === 'third_party' ? '条例第三十二条' : '条例第三十四条';
    v.out.pause = { open: { kind: command.kind, party: command.party.trim(), startedOn: command.sentOn, expectedEndOn, note: '' } };
    v.out.note = `${command.sentOn}书面征求“${command.party.trim()}”意见，对方应在${CONSULTATION_WORKING_DAYS}个工作日内（至${expectedEndOn}）提出意见（${article}）；征求意见时间不计入答复期限（条例第三十三条第三款）`;
  }
}

function endConsultation(command: CommandOf<'endConsultation'>, v: VerbContext): void {
  const { checkDate, openPause } = v;
  const ok = checkDate('endedOn', '意见征询结束日期', command.endedOn, { on: openPause?.startedOn ?? null, label: '征求意见函发出日期' });
  if (ok && openPause) {
    v.out.pause = { close: { id: openPause.id, endedOn: command.endedOn } };
    v.out.note = `${command.endedOn}意见征询结束${command.note?.trim() ? `：${command.note.trim()}` : ''}`;
  }
}

function notifyThirdParty(command: CommandOf<'notifyThirdParty'>, v: VerbContext): void {
  const { facts, refuse, checkDate, required, clockStart, reasons } = v;
  // 条例第三十二条: disclosing over a third party's objection for the public interest — the third
  // party is told in writing what will be disclosed and why. Only after it was consulted.
  if (!facts.pauses.some((p) => p.kind === 'third_party')) {
    refuse(E.thirdPartyNotConsulted, '尚未书面征求第三方意见；决定公开并书面告知第三方，须在征求其意见之后（条例第三十二条）');
  }
  required('party', command.party, '请填写第三方名称', E.consultationPartyRequired);
  required('content', command.content, '请写明决定公开的内容（条例第三十二条）');
  required('reason', command.reason, '请写明决定公开的理由：不公开可能对公共利益造成重大影响（条例第三十二条）');
  checkDate('sentOn', '告知书发出日期', command.sentOn, { on: clockStart, label: '答复期限起算日' });
  if (reasons.length === 0) {
    v.out.note = `${command.sentOn}书面告知第三方“${command.party.trim()}”决定公开的内容和理由（条例第三十二条）`;
    v.out.data = { party: command.party.trim(), content: command.content.trim(), reason: command.reason.trim() };
  }
}

function extendDeadline(command: CommandOf<'extendDeadline'>, v: VerbContext): void {
  const { app, facts, refuse, checkDate, required, clockStart, reasons } = v;
  // 条例第三十三条第二款: once, at most 20 working days, with the consent of the head of the disclosure office, before the deadline.
  if (app.extensionWorkingDays > 0) {
    refuse(E.extensionRepeated, `本申请已于${app.extensionApprovedOn}延期${app.extensionWorkingDays}个工作日；答复期限只能延长一次（条例第三十三条第二款）`);
  }
  const days = command.workingDays;
  if (!Number.isInteger(days) || days < 1) {
    refuse(E.invalidInput, `延长工作日数应为1至${MAX_EXTENSION_WORKING_DAYS}之间的整数`, 'workingDays');
  } else if (days > MAX_EXTENSION_WORKING_DAYS) {
    refuse(E.extensionTooLong, `延长答复期限最长不得超过${MAX_EXTENSION_WORKING_DAYS}个工作日（条例第三十三条第二款），现为${days}个工作日`, 'workingDays');
  }
  if (!facts.actorIsOfficeHead) {
    refuse(E.extensionNotApproved, '延长答复期限须经政府信息公开工作机构负责人同意（条例第三十三条第二款），应由本机关管理员批准');
  }
  const ok = checkDate('approvedOn', '批准延期日期', command.approvedOn, { on: clockStart, label: '答复期限起算日' });
  // Recorded after the deadline, the extension could no longer have been notified in time, whatever date is typed:
  // no field, so the case page says it instead of offering the form (verb-refusals.ts).
  if (app.dueOn && facts.today > app.dueOn) {
    refuse(E.extensionAfterDeadline, `答复期限已于${app.dueOn}届满，今天（${facts.today}）已不能再延期（条例第三十三条第二款）`);
  } else if (ok && app.dueOn && command.approvedOn > app.dueOn) {
    refuse(E.extensionAfterDeadline, `答复期限已于${app.dueOn}届满，延期应${noLaterThanTheDay(app.dueOn)}批准并告知申请人（条例第三十三条第二款）`, 'approvedOn');
  }
  required('reason', command.reason, '请填写延期理由，延期答复告知书将告知申请人');
  if (reasons.length === 0) {
    v.out.changes = { extensionWorkingDays: days, extensionApprovedOn: command.approvedOn, extensionApprovedBy: facts.actorUserId, extensionReason: command.reason.trim() };
    v.out.note = `经政府信息公开工作机构负责人同意，答复期限延长${days}个工作日（条例第三十三条第二款）：${command.reason.trim()}`;
  }
}

function issueFeeNotice(command: CommandOf<'issueFeeNotice'>, v: VerbContext): void {
  const { app, facts, refuse, checkDate, required, clockStart, reasons } = v;
  if (app.feeMethod !== null) refuse(E.feeRepeated, `已于${app.feeNoticeSentOn}发出收费通知；每件申请只能按一种方式收费一次（国办函〔2020〕109号第三条）`);
  let fee: FeeComputation | null = null;
  if (command.method === 'per_page') {
    if (!Number.isInteger(command.pages) || command.pages! < 1 || command.pages! > 1_000_000) refuse(E.feeInvalid, '按量计收应填写页数（正整数）', 'pages');
    else fee = perPageFee(command.pages!);
  } else if (command.method === 'per_application') {
    if (!Number.isInteger(facts.feeOrdinal) || facts.feeOrdinal! < 1) refuse(E.feeInvalid, '无法确定该申请人本月的申请件数：申请尚未确认收到');
    else fee = perApplicationFee(facts.feeOrdinal!);
  } else {
    refuse(E.feeInvalid, '收费方式应为按件计收或按量计收', 'method');
  }
  if (fee && fee.amountYuan === 0) refuse(E.feeZero, `${fee.explanation}，应收费用为0元，不发收费通知`, command.method === 'per_page' ? 'pages' : 'method');
  const sentOk = checkDate('sentOn', '收费通知发出日期', command.sentOn, { on: clockStart, label: '答复期限起算日' });
  if (sentOk && app.dueOn && command.sentOn > app.dueOn) {
    refuse(E.feeInvalid, `收费通知应在答复期限内发出，本申请的答复期限已于${app.dueOn}届满`, 'sentOn');
  }
  // 国办函〔2020〕109号: fees are charged from 1 January 2021.
  if (isIsoDate(command.sentOn ?? '') && command.sentOn < '2021-01-01') {
    refuse(E.feeInvalid, '信息处理费自2021年1月1日起收取（国办函〔2020〕109号），此前的申请不收费', 'sentOn');
  }
  // The notice says how to pay (the fee rules: basis, standard, amount and way of payment).
  required('paymentMethod', command.paymentMethod, '请填写缴费方式，如缴款账户、缴款码或到本机关缴费的地点和时间', E.feeInvalid);
  const receivedOn = command.noticeReceivedOn || command.sentOn;
  const receivedOk = checkDate('noticeReceivedOn', '申请人收到收费通知日期', receivedOn, sentOk ? { on: command.sentOn, label: '发出日期' } : undefined);
  if (fee && sentOk && receivedOk && reasons.length === 0) {
    const feeDueOn = facts.calendar.addWorkingDays(receivedOn, FEE_PAYMENT_WORKING_DAYS);
    v.out.changes = { feeMethod: fee.method, feeUnits: fee.units, feeAmountYuan: fee.amountYuan, feeNoticeSentOn: command.sentOn, feeNoticeReceivedOn: receivedOn, feeDueOn };
    if (FEE_WINDOW_PAUSES_CLOCK) v.out.pause = { open: { kind: 'fee', party: '申请人', startedOn: command.sentOn, expectedEndOn: feeDueOn, note: '' } };
    v.out.note = `发出收费通知：${fee.explanation}；应自收到通知次日起${FEE_PAYMENT_WORKING_DAYS}个工作日内（至${feeDueOn}）缴纳，逾期视为放弃申请${FEE_WINDOW_PAUSES_CLOCK ? '；缴费期间不计入答复期限' : ''}`;
    v.out.data = { fee, paymentMethod: command.paymentMethod.trim() };
  }
}

function recordFeePayment(command: CommandOf<'recordFeePayment'>, v: VerbContext): void {
  const { app, facts, refuse, checkDate, reasons } = v;
  const ok = checkDate('paidOn', '缴费日期', command.paidOn, { on: app.feeNoticeSentOn, label: '收费通知发出日期' });
  if (ok && app.feeDueOn && command.paidOn > app.feeDueOn) {
    refuse(E.feePaymentLate, `缴费期限已于${app.feeDueOn}届满；逾期未缴纳的，视为放弃申请（国办函〔2020〕109号）`, 'paidOn');
  }
  if (reasons.length === 0) {
    v.out.changes = { feePaidOn: command.paidOn };
    const feePause = facts.pauses.find((p) => p.kind === 'fee' && p.endedOn === null);
    if (feePause) v.out.pause = { close: { id: feePause.id, endedOn: command.paidOn } };
    v.out.note = `${command.paidOn}申请人缴纳信息处理费${app.feeAmountYuan}元，继续办理`;
  }
}

function closeFeeUnpaid(command: CommandOf<'closeFeeUnpaid'>, v: VerbContext): void {
  const { app, facts, refuse } = v;
  if (app.feeDueOn === null || facts.today <= app.feeDueOn) {
    refuse(E.feeNotLapsed, `缴费期限${app.feeDueOn ? `至${app.feeDueOn}` : ''}尚未届满，不能按逾期未缴费终止处理`);
  }
  // Likewise when the payment period ran out (the fee rules: 20 working days from the notice).
  v.out.changes = { outcome: 'other.fee_unpaid', repliedOn: app.feeDueOn ? minDate(facts.today, addDays(app.feeDueOn, 1)) : facts.today };
  const feePause = facts.pauses.find((p) => p.kind === 'fee' && p.endedOn === null);
  if (feePause && app.feeDueOn) v.out.pause = { close: { id: feePause.id, endedOn: app.feeDueOn } };
  v.out.note = `申请人未在缴费期限（至${app.feeDueOn}）内缴纳信息处理费，视为放弃申请，不再处理`;
}

function recordReply(command: CommandOf<'recordReply'>, v: VerbContext): void {
  const { app, refuse, checkDate, required, clockStart, reasons } = v;
  const outcome = command.outcome;
  if (!isOutcome(outcome)) {
    refuse(E.outcomeInvalid, `办理结果“${String(outcome ?? '')}”不在年度报告表三所列的21种办理结果之内（国办公开办函〔2021〕30号），请从列表中选择一项`, 'outcome');
  } else if (RESERVED_OUTCOMES.includes(outcome)) {
    refuse(E.outcomeReserved, `“${OUTCOME_INFO[outcome].label}”由“逾期未补正/逾期未缴费，终止处理”操作办结，不能作为答复结果直接登记`, 'outcome');
  } else if (outcome === 'not_processed.mass_unreasonable' && app.reasonsRequestedOn === null) {
    // 条例第三十五条: 不予处理 follows reasons asked for and found unreasonable.
    refuse(E.reasonsNotRequested, '“无正当理由大量反复申请”应先要求申请人说明理由，认为理由不合理的才告知不予处理（条例第三十五条）', 'outcome');
  } else if (outcome === 'unable.still_unclear_after_correction' && app.correctedOn === null) {
    refuse(E.outcomeNeedsCorrection, '“补正后申请内容仍不明确”只适用于已告知补正并收到补正申请的情形（条例第三十条）', 'outcome');
  }
  checkDate('repliedOn', '答复日期', command.repliedOn, { on: clockStart, label: '答复期限起算日' });
  // 条例第三十六条、第三十七条: the one item that applies, the withheld part's reason and article, the responsible organ.
  const basis = isOutcome(outcome) ? checkReplyBasis(outcome, command) : null;
  if (basis) reasons.push(...basis.reasons);
  // 条例第四十条: what form the information is actually given in, and why when not the one asked for.
  const discloses = isOutcome(outcome) && (outcomeGroup(outcome) === 'disclosed' || outcomeGroup(outcome) === 'partly_disclosed');
  if (discloses) {
    if (!isProvidedForm(command.providedForm)) {
      refuse(E.providedFormRequired, `请选择实际提供信息的形式：${PROVIDED_FORMS.map((f) => PROVIDED_FORM_LABELS[f]).join('、')}（条例第四十条）`, 'providedForm');
    } else if (!providedAsAsked(app.provisionForm, command.providedForm) && !command.providedFormReason?.trim()) {
      refuse(E.providedFormRequired, `实际提供的形式（${PROVIDED_FORM_LABELS[command.providedForm]}）与申请人要求的不同，请说明理由，如按要求的形式提供可能危及载体安全或者公开成本过高（条例第四十条）`, 'providedFormReason');
    }
  }
  if (command.serviceMethod && !(DELIVERY_METHODS as readonly string[]).includes(command.serviceMethod)) {
    refuse(E.invalidInput, `送达方式“${command.serviceMethod}”无效，应为${DELIVERY_METHODS.map((m) => DELIVERY_METHOD_LABELS[m]).join('、')}之一`, 'serviceMethod');
  }
  required('text', command.text, '请填写答复内容：公开的信息或获取方式，或不予公开、无法提供、不予处理的理由', E.replyTextRequired);
  if (reasons.length === 0) {
    v.out.changes = {
      outcome: outcome as Outcome, repliedOn: command.repliedOn, replyText: command.text.trim(), replyBasis: basis?.basis ?? {},
      ...(discloses ? { providedForm: command.providedForm, providedFormReason: command.providedFormReason?.trim() ?? '' } : {}),
    };
    const late = app.dueOn !== null && command.repliedOn > app.dueOn;
    v.out.note = `${command.repliedOn}作出答复：${OUTCOME_INFO[outcome as Outcome].label}${late ? `（超过答复期限${app.dueOn}）` : ''}`;
    v.out.data = { late };
  }
}

/**
 * The applicant withdraws the application: the case ends as 其他处理 (annual report table 三, row
 * “其他”) on the day of withdrawal, and any consultation or fee window still open ends with it.
 */
function withdraw(command: CommandOf<'withdraw'>, v: VerbContext): void {
  const { checkDate, required, clockStart, openPause, reasons } = v;
  const ok = checkDate('withdrawnOn', '撤回日期', command.withdrawnOn, { on: openPause?.startedOn ?? clockStart, label: openPause ? '当前暂停期间的开始日期' : '答复期限起算日' });
  required('note', command.note, '请记录申请人撤回的方式（如书面撤回申请、来电并记录）');
  if (ok && reasons.length === 0) {
    v.out.changes = { outcome: 'other.other', repliedOn: command.withdrawnOn, withdrawnOn: command.withdrawnOn, replyText: `申请人撤回申请：${command.note.trim()}` };
    if (openPause) v.out.pause = { close: { id: openPause.id, endedOn: command.withdrawnOn } };
    v.out.note = `${command.withdrawnOn}申请人撤回申请（${command.note.trim()}），终止处理，计入“其他处理”`;
  }
}

/** 条例第三十五条: a request clearly beyond a reasonable volume or frequency — ask the applicant for reasons. */
function requestReasons(command: CommandOf<'requestReasons'>, v: VerbContext): void {
  const { app, checkDate, required, clockStart, reasons } = v;
  const ok = checkDate('requestedOn', '要求说明理由的日期', command.requestedOn, { on: clockStart, label: '答复期限起算日' });
  required('points', command.points, '请写明申请数量、频次明显超过合理范围的情况，并要求申请人说明理由（条例第三十五条）');
  if (ok && reasons.length === 0) {
    // Asked again: the first request stays the one on record.
    v.out.changes = { reasonsRequestedOn: app.reasonsRequestedOn ?? command.requestedOn };
    v.out.note = `${command.requestedOn}${app.reasonsRequestedOn ? '再次' : ''}要求申请人说明申请理由（条例第三十五条）`;
    v.out.data = { points: command.points.trim() };
  }
}

/**
 * 条例第三十五条: the reasons are reasonable but the reply cannot be given within 第三十三条's period —
 * the organ sets a later, reasonable reply date and tells the applicant.
 */
function setDelayedReply(command: CommandOf<'setDelayedReply'>, v: VerbContext): void {
  const { app, refuse, checkDate, required, reasons } = v;
  if (app.reasonsRequestedOn === null) refuse(E.reasonsNotRequested, '确定延迟答复期限须先要求申请人说明理由（条例第三十五条）');
  if (app.delayedDueOn !== null) refuse(E.delayInvalid, `已确定延迟答复期限至${app.delayedDueOn}`);
  const ok = checkDate('reasonsReceivedOn', '收到申请人说明理由的日期', command.reasonsReceivedOn, { on: app.reasonsRequestedOn, label: '要求说明理由的日期' });
  if (typeof command.delayedDueOn !== 'string' || !isIsoDate(command.delayedDueOn)) {
    refuse(E.invalidDate, `延迟答复期限“${String(command.delayedDueOn ?? '')}”不是有效日期，应为YYYY-MM-DD格式的真实日期`, 'delayedDueOn');
  } else if (app.dueOn && command.delayedDueOn <= app.dueOn) {
    refuse(E.delayInvalid, `延迟答复期限应晚于现答复期限${app.dueOn}；能在期限内答复的，无需延迟（条例第三十五条）`, 'delayedDueOn');
  }
  required('reason', command.reason, '请写明无法在规定期限内答复的理由，将写入延迟答复告知书');
  if (ok && reasons.length === 0) {
    v.out.changes = { reasonsReceivedOn: command.reasonsReceivedOn, delayedDueOn: command.delayedDueOn };
    v.out.note = `申请人说明的理由合理，但无法在规定期限内答复，确定延迟答复期限至${command.delayedDueOn}（条例第三十五条）：${command.reason.trim()}`;
    v.out.data = { reason: command.reason.trim() };
  }
}

function archive(command: CommandOf<'archive'>, v: VerbContext): void {
  const { facts } = v;
  v.out.changes = { archivedOn: facts.today };
  v.out.note = '办结归档';
}

