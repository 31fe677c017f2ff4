import { describe, expect, it } from 'vitest';
import { WorkingDayCalendar } from '../../calendar/index.ts';
import type { Application, Pause } from './application.ts';
import { APPLICATION_STATES, type ApplicationState } from './application-states.ts';
import { nextState, TRANSITIONS, VERBS, verbsIn, type Command, type Verb } from './application-verbs.ts';
import { decide, type DecideFacts } from './decide.ts';
import { ApplicationErrorCode as E } from './error-codes.ts';

const calendar = WorkingDayCalendar.withBuiltinYears();
const TODAY = '2026-03-10';

/** A case whose facts let every verb pass, so only the state decides (see the exhaustive test). */
function caseIn(state: ApplicationState, over: Partial<Application> = {}): Application {
  return {
    id: 1, organId: 1, trackingNo: 'QHX-ZJJ-2026-00001', state, channel: 'online', arrivedOn: '2026-02-26', arrivedAt: null,
    confirmedOn: '2026-03-02', receiptEvidence: '电话确认', receivedOn: '2026-03-02', applicantType: 'natural_person', applicantName: '王某',
    applicantIdKind: 'resident_id', applicantIdNumber: '11010519491231002X', applicantKey: 'k', contactPerson: '', contactPhone: '13800000000',
    contactEmail: '', contactAddress: '', postalCode: '', subject: '2025年城区老旧小区改造项目清单', documentNumber: null, provisionForm: 'electronic',
    deliveryMethod: 'email', handlerUserId: 7, correctionNoticeDueOn: '2026-03-11', correctionRequestedOn: null, correctionDueOn: '2026-03-09',
    correctedOn: null, extensionWorkingDays: 0, extensionApprovedBy: null, extensionApprovedOn: null, extensionReason: null, dueOn: '2026-03-30',
    originalDueOn: '2026-03-30', dueProvisional: false, dueWarnings: [], feeMethod: null, feeUnits: null, feeAmountYuan: null, feeNoticeSentOn: null,
    feeNoticeReceivedOn: null, feeDueOn: '2026-03-09', feePaidOn: null, outcome: null, repliedOn: null, replyText: '', replyBasis: {}, providedForm: '', providedFormReason: '', archivedOn: null, withdrawnOn: null, reasonsRequestedOn: '2026-03-03', reasonsReceivedOn: null, delayedDueOn: null, assistedBy: '', proactiveFlag: false, proactiveFlagReason: '',
    source: 'portal', imported: false, createdBy: null, version: 1, createdAt: '2026-02-26T02:00:00Z', updatedAt: '2026-02-26T02:00:00Z',
    ...over,
  };
}

const openConsultation: Pause = { id: 5, kind: 'third_party', party: '某公司', startedOn: '2026-03-03', expectedEndOn: '2026-03-24', endedOn: null, note: '' };

const facts = (over: Partial<DecideFacts> = {}): DecideFacts => ({
  today: TODAY, calendar, pauses: [openConsultation], actorIsOfficeHead: true, actorUserId: 3, handlerIsStaff: true, feeOrdinal: 12, ...over,
});

/** A well-formed command for every verb. */
const VALID: Record<Verb, Command> = {
  confirmReceipt: { verb: 'confirmReceipt', confirmedOn: '2026-03-02', evidence: '电话确认' },
  discard: { verb: 'discard', reason: '无法与申请人取得联系' },
  assignHandler: { verb: 'assignHandler', handlerUserId: 7 },
  startReview: { verb: 'startReview' },
  startProcessing: { verb: 'startProcessing' },
  requestCorrection: { verb: 'requestCorrection', requestedOn: '2026-03-05', correctionWorkingDays: 15, points: '请写明所需信息的年份和项目名称' },
  receiveCorrection: { verb: 'receiveCorrection', correctedOn: '2026-03-10', goodReason: '邮寄延误' },
  closeCorrectionOverdue: { verb: 'closeCorrectionOverdue' },
  startConsultation: { verb: 'startConsultation', kind: 'third_party', party: '某房地产开发有限公司', sentOn: '2026-03-05' },
  endConsultation: { verb: 'endConsultation', endedOn: '2026-03-09' },
  notifyThirdParty: { verb: 'notifyThirdParty', party: '某房地产开发有限公司', sentOn: '2026-03-10', content: '项目补助资金总额', reason: '不公开会对公共利益造成重大影响' },
  extendDeadline: { verb: 'extendDeadline', workingDays: 20, approvedOn: '2026-03-10', reason: '需要调取档案' },
  issueFeeNotice: { verb: 'issueFeeNotice', method: 'per_page', pages: 150, sentOn: '2026-03-06', paymentMethod: '到本机关政务公开办公室缴纳' },
  recordFeePayment: { verb: 'recordFeePayment', paidOn: '2026-03-09' },
  closeFeeUnpaid: { verb: 'closeFeeUnpaid' },
  recordReply: { verb: 'recordReply', outcome: 'disclosed', basisItem: 'disclosable', providedForm: 'electronic', repliedOn: '2026-03-10', text: '随本告知书提供项目清单电子文件。' },
  requestReasons: { verb: 'requestReasons', requestedOn: '2026-03-05', points: '本月已提出同类申请47件' },
  setDelayedReply: { verb: 'setDelayedReply', reasonsReceivedOn: '2026-03-06', delayedDueOn: '2026-05-29', reason: '档案量大' },
  withdraw: { verb: 'withdraw', withdrawnOn: '2026-03-10', note: '申请人书面撤回' },
  archive: { verb: 'archive' },
};

describe('the transition table, every verb in every state', () => {
  const cells = APPLICATION_STATES.flatMap((state) => VERBS.map((verb) => ({ state, verb, to: nextState(state, verb) })));

  it.each(cells)('$verb in $state → $to', ({ state, verb, to }) => {
    const d = decide(caseIn(state), VALID[verb], facts());
    if (to === null) {
      expect(d.ok).toBe(false);
      if (!d.ok) expect(d.reasons.map((r) => r.code)).toContain(E.verbNotAllowed);
    } else {
      expect(d).toMatchObject({ ok: true, next: to });
    }
  });

  it('closed and discarded cases accept no verb but archiving a reply', () => {
    expect(verbsIn('replied')).toEqual(['archive']);
    expect(verbsIn('archived')).toEqual([]);
    expect(verbsIn('discarded')).toEqual([]);
  });

  it('the statutory order 登记 → 审核 → 办理 → 答复 → 归档 is a path through the table (条例第四十五条)', () => {
    expect(nextState('registered', 'startReview')).toBe('under_review');
    expect(nextState('under_review', 'startProcessing')).toBe('in_progress');
    expect(nextState('in_progress', 'recordReply')).toBe('replied');
    expect(nextState('replied', 'archive')).toBe('archived');
  });

  it('every verb is allowed somewhere and every state but the ends can be left', () => {
    for (const verb of VERBS) expect(TRANSITIONS[verb].from.length).toBeGreaterThan(0);
    for (const state of APPLICATION_STATES.filter((s) => s !== 'archived' && s !== 'discarded')) {
      expect(verbsIn(state).some((v) => nextState(state, v) !== state)).toBe(true);
    }
  });

  it('a refusal by state also lists the other reasons', () => {
    const d = decide(caseIn('replied'), { verb: 'extendDeadline', workingDays: 25, approvedOn: '2026-03-10', reason: '' }, facts());
    expect(d.ok).toBe(false);
    if (!d.ok) expect(d.reasons.map((r) => r.code)).toEqual([E.verbNotAllowed, E.extensionTooLong, E.reasonRequired]);
  });
});

/** Bad input named in issue 5: each refused with a Chinese message naming the rule. */
describe('refusals with the rule named', () => {
  const refusal = (app: Application, command: Command, f: Partial<DecideFacts> = {}) => {
    const d = decide(app, command, facts(f));
    if (d.ok) throw new Error('expected a refusal');
    return d.reasons;
  };

  it.each([
    ['2026-02-30', E.invalidDate, '不是有效日期'],
    ['2026/03/05', E.invalidDate, 'YYYY-MM-DD'],
    ['2026-03-11', E.dateInFuture, '晚于今天'],
    ['2026-03-01', E.dateOutOfOrder, '早于收到申请日期2026-03-02'],
  ])('an impossible correction date %s is refused (%s)', (requestedOn, code, words) => {
    const reasons = refusal(caseIn('under_review'), { ...(VALID.requestCorrection as Extract<Command, { verb: 'requestCorrection' }>), requestedOn });
    expect(reasons[0]).toMatchObject({ code, field: 'requestedOn' });
    expect(reasons[0].message).toContain(words);
  });

  it('a reply outcome not among the 21 result rows is refused, naming the annual-report format', () => {
    const [r] = refusal(caseIn('in_progress'), { ...(VALID.recordReply as Extract<Command, { verb: 'recordReply' }>), outcome: 'withheld.other' });
    expect(r.code).toBe(E.outcomeInvalid);
    expect(r.message).toContain('国办公开办函〔2021〕30号');
  });

  it('the lapse outcomes cannot be given as a reply; they have their own verbs', () => {
    const [r] = refusal(caseIn('in_progress'), { ...(VALID.recordReply as Extract<Command, { verb: 'recordReply' }>), outcome: 'other.fee_unpaid' });
    expect(r.code).toBe(E.outcomeReserved);
  });

  it('"still unclear after correction" needs a correction first (条例第三十条)', () => {
    const [r] = refusal(caseIn('in_progress'), { ...(VALID.recordReply as Extract<Command, { verb: 'recordReply' }>), outcome: 'unable.still_unclear_after_correction' });
    expect(r.code).toBe(E.outcomeNeedsCorrection);
    const ok = decide(caseIn('in_progress', { correctedOn: '2026-03-05' }), { ...(VALID.recordReply as Extract<Command, { verb: 'recordReply' }>), outcome: 'unable.still_unclear_after_correction' }, facts());
    expect(ok.ok).toBe(true);
  });

  it('a second extension is refused (条例第三十三条第二款: once)', () => {
    const [r] = refusal(caseIn('in_progress', { extensionWorkingDays: 10, extensionApprovedOn: '2026-03-05' }), VALID.extendDeadline);
    expect(r.code).toBe(E.extensionRepeated);
    expect(r.message).toContain('条例第三十三条第二款');
  });

  it('an extension over 20 working days is refused', () => {
    const [r] = refusal(caseIn('in_progress'), { verb: 'extendDeadline', workingDays: 21, approvedOn: '2026-03-10', reason: '需要调取档案' });
    expect(r).toMatchObject({ code: E.extensionTooLong, field: 'workingDays' });
    expect(r.message).toContain('最长不得超过20个工作日');
  });

  it('an extension approved after the deadline is refused', () => {
    const [r] = refusal(caseIn('in_progress', { dueOn: '2026-03-09' }), VALID.extendDeadline);
    expect(r).toMatchObject({ code: E.extensionAfterDeadline });
    // Whatever date is typed: no field, so the case page says it before the form (verb-refusals.ts).
    expect(r.field).toBeUndefined();
    expect(r.message).toContain('已不能再延期');
  });

  it('an extension recorded after the deadline is refused even when an earlier approval date is typed', () => {
    const [r] = refusal(caseIn('in_progress', { dueOn: '2026-03-09' }), { ...(VALID.extendDeadline as Extract<Command, { verb: 'extendDeadline' }>), approvedOn: '2026-03-08' });
    expect(r).toMatchObject({ code: E.extensionAfterDeadline });
  });

  it('a fee notice before the 2020 fee rules took effect is refused', () => {
    const refused = refusal(caseIn('in_progress'), { verb: 'issueFeeNotice', paymentMethod: '到本机关政务公开办公室缴纳', method: 'per_page', pages: 150, sentOn: '2020-11-05' } as Command);
    expect(refused.map((r) => r.message).join('')).toContain('自2021年1月1日起收取');
  });

  it('an extension without the head of the disclosure office is refused', () => {
    const [r] = refusal(caseIn('in_progress'), VALID.extendDeadline, { actorIsOfficeHead: false });
    expect(r.code).toBe(E.extensionNotApproved);
    expect(r.message).toContain('负责人同意');
  });

  it('a correction notice after 7 working days is refused (条例第三十条)', () => {
    const [r] = refusal(caseIn('under_review'), { ...(VALID.requestCorrection as Extract<Command, { verb: 'requestCorrection' }>), requestedOn: '2026-03-12' }, { today: '2026-03-12' });
    expect(r.code).toBe(E.correctionLate);
    expect(r.message).toContain('7个工作日内');
    expect(r.message).toContain('2026-03-11');
  });

  it('a second correction notice is refused (一次性告知)', () => {
    const [r] = refusal(caseIn('under_review', { correctionRequestedOn: '2026-03-04' }), VALID.requestCorrection);
    expect(r.code).toBe(E.correctionRepeated);
  });

  it('a correction received after its period without a good reason is refused', () => {
    const [r] = refusal(caseIn('awaiting_correction', { correctionRequestedOn: '2026-03-03', correctionDueOn: '2026-03-06' }), { verb: 'receiveCorrection', correctedOn: '2026-03-09' });
    expect(r.code).toBe(E.correctionOverdue);
  });

  it('a case cannot be closed for an overdue correction before the period ends', () => {
    const [r] = refusal(caseIn('awaiting_correction', { correctionDueOn: TODAY }), VALID.closeCorrectionOverdue);
    expect(r.code).toBe(E.correctionNotLapsed);
  });

  it('a fee of 0元 is not noticed, and a second fee notice is refused', () => {
    expect(refusal(caseIn('in_progress'), { verb: 'issueFeeNotice', paymentMethod: '到本机关政务公开办公室缴纳', method: 'per_page', pages: 30, sentOn: '2026-03-06' })[0].code).toBe(E.feeZero);
    expect(refusal(caseIn('in_progress'), { verb: 'issueFeeNotice', paymentMethod: '到本机关政务公开办公室缴纳', method: 'per_application', sentOn: '2026-03-06' }, { feeOrdinal: 3 })[0].code).toBe(E.feeZero);
    expect(refusal(caseIn('in_progress', { feeMethod: 'per_page', feeNoticeSentOn: '2026-03-04' }), VALID.issueFeeNotice)[0].code).toBe(E.feeRepeated);
  });

  it('a payment after the window is refused', () => {
    const [r] = refusal(caseIn('awaiting_fee', { feeNoticeSentOn: '2026-03-03', feeDueOn: '2026-03-06' }), { verb: 'recordFeePayment', paidOn: '2026-03-09' });
    expect(r.code).toBe(E.feePaymentLate);
  });

  it('a handler must be staff of the organ, and processing needs one', () => {
    expect(refusal(caseIn('under_review'), VALID.assignHandler, { handlerIsStaff: false })[0].code).toBe(E.handlerInvalid);
    expect(refusal(caseIn('under_review', { handlerUserId: null }), VALID.startProcessing)[0].code).toBe(E.handlerRequired);
  });
});

describe('what the verbs change', () => {
  it('confirming receipt sets the receipt date and the 7-working-day correction-notice limit', () => {
    const d = decide(caseIn('awaiting_confirmation', { arrivedOn: '2026-01-29', receivedOn: null, confirmedOn: null }), { verb: 'confirmReceipt', confirmedOn: '2026-01-30', evidence: '电话' }, facts());
    expect(d).toMatchObject({ ok: true, next: 'registered', changes: { receivedOn: '2026-01-30', correctionNoticeDueOn: '2026-02-10' } });
  });

  it('a correction notice sets the applicant\'s period in working days', () => {
    const d = decide(caseIn('under_review'), VALID.requestCorrection, facts());
    expect(d).toMatchObject({ ok: true, changes: { correctionRequestedOn: '2026-03-05', correctionDueOn: '2026-03-26' } });
  });

  it('a consultation opens a pause with the 15-working-day limit (条例第三十二条)', () => {
    const d = decide(caseIn('in_progress'), VALID.startConsultation, facts({ pauses: [] }));
    expect(d).toMatchObject({ ok: true, next: 'consulting', pause: { open: { kind: 'third_party', startedOn: '2026-03-05', expectedEndOn: '2026-03-26' } } });
  });

  it('a fee notice computes the fee and the 20-working-day payment window from the day after receipt', () => {
    const d = decide(caseIn('in_progress'), { verb: 'issueFeeNotice', paymentMethod: '到本机关政务公开办公室缴纳', method: 'per_page', pages: 150, sentOn: '2026-03-06', noticeReceivedOn: '2026-03-09' }, facts());
    expect(d).toMatchObject({ ok: true, next: 'awaiting_fee', changes: { feeAmountYuan: 1700, feeDueOn: '2026-04-07' }, pause: { open: { kind: 'fee', startedOn: '2026-03-06' } } });
  });

  it('the lapse verbs give the right outcome and close the case today', () => {
    expect(decide(caseIn('awaiting_correction'), VALID.closeCorrectionOverdue, facts())).toMatchObject({ ok: true, changes: { outcome: 'other.correction_overdue', repliedOn: TODAY } });
    expect(decide(caseIn('awaiting_fee'), VALID.closeFeeUnpaid, facts({ pauses: [{ ...openConsultation, kind: 'fee' }] }))).toMatchObject({
      ok: true, changes: { outcome: 'other.fee_unpaid', repliedOn: TODAY }, pause: { close: { id: 5, endedOn: '2026-03-09' } },
    });
  });
});
