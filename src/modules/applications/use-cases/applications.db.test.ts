import { expect, it } from 'vitest';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { buildDeps, createOrgan, createStaff, system } from '../../../../test/support/factories.ts';
import { saveAdminHolidayYear } from '../../calendar/storage/holiday-years-repository.ts';
import { loadPrincipal, type Actor } from '../../identity/index.ts';
import { ApplicationErrorCode as E } from '../domain/error-codes.ts';
import { closeLapsedCases } from '../jobs/close-lapsed-cases.ts';
import { requireApplication } from '../storage/applications-repository.ts';
import { listEvents } from '../storage/events-repository.ts';
import { listLetters as allLetters } from '../storage/letters-repository.ts';
import { upsertSettings } from '../storage/settings-repository.ts';
import { templateFor, upsertTemplate } from '../storage/templates-repository.ts';
import { applicantInput, registerInPerson, runVerbs } from '../testing/application-factories.ts';
import { listWork } from './list-work.ts';
import { saveLetterTemplate } from './manage-letter-templates.ts';
import { performVerb } from './perform-verb.ts';
import { recomputeDueDates } from './recompute-due-dates.ts';
import { registerApplication } from './register-application.ts';
import { submitOnlineApplication } from './submit-online-application.ts';
import { checkStatus } from './check-status.ts';

/** The letters the verbs issued, without the 申请登记回执 every registered case starts with. */
const listLetters = async (db: AppDeps['db'], id: number) => (await allLetters(db, id)).filter((l) => l.kind !== 'acknowledgement');
const asActor = async (deps: AppDeps, userId: number): Promise<Actor> => ({ kind: 'user', principal: (await loadPrincipal(deps.db, userId))!, via: 'web' });

describeEachDialect('applications: intake, verbs and the stored clock', (db) => {
  const setup = async (at = '2026-03-10T02:00:00Z') => {
    const deps = buildDeps(db(), at);
    const organ = await createOrgan(deps);
    // A top-level organ names its reconsideration body in its settings (行政复议法第二十条第三款).
    await upsertSettings(deps.db, { organId: organ.id, reconsiderationBody: '青岚市人民政府', reconsiderationAddress: '', reconsiderationOnline: '', letterPrefix: '' }, null, at);
    const editor = await createStaff(deps, organ.code, 'editor');
    const admin = await createStaff(deps, organ.code, 'organ_admin');
    return { deps, organ, editor: await asActor(deps, editor.id), head: await asActor(deps, admin.id), editorId: editor.id, headId: admin.id };
  };

  it('an application handed in at the counter is received that day and stores its 20-working-day due date', async () => {
    const { deps, organ, editor } = await setup();
    const app = await registerInPerson(deps, editor, organ.id, '2026-01-30');
    expect(app).toMatchObject({ state: 'registered', receivedOn: '2026-01-30', dueOn: '2026-03-05', correctionNoticeDueOn: '2026-02-10', dueProvisional: false });
    expect(app.trackingNo).toBe(`${organ.code.toUpperCase()}-2026-00001`);
    const row = await deps.db.selectFrom('applications').select(['due_on', 'received_on', 'applicant_type', 'state']).where('id', '=', app.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ due_on: '2026-03-05', received_on: '2026-01-30', applicant_type: 'natural_person', state: 'registered' });
  });

  it('a fax waits for both sides to confirm; the confirmation date is the receipt date (条例第三十一条第（三）项)', async () => {
    const { deps, organ, editor } = await setup();
    const { application } = await registerApplication(deps, editor, organ.id, { channel: 'fax', arrivedOn: '2026-03-06', ...applicantInput() });
    expect(application).toMatchObject({ state: 'awaiting_confirmation', receivedOn: null, dueOn: null });
    const confirmed = await performVerb(deps, editor, application.id, { verb: 'confirmReceipt', confirmedOn: '2026-03-09', evidence: '电话确认，申请人本人接听' });
    expect(confirmed).toMatchObject({ state: 'registered', receivedOn: '2026-03-09', confirmedOn: '2026-03-09', dueOn: '2026-04-07' });
  });

  it('signed-for post needs the signature record, and a date after today is refused', async () => {
    const { deps, organ, editor } = await setup();
    await expect(registerApplication(deps, editor, organ.id, { channel: 'post_signed', arrivedOn: '2026-03-09', ...applicantInput() })).rejects.toMatchObject({ code: E.reasonRequired });
    await expect(registerApplication(deps, editor, organ.id, { channel: 'in_person', arrivedOn: '2026-03-11', ...applicantInput() })).rejects.toMatchObject({ code: E.dateInFuture });
    await expect(registerApplication(deps, editor, organ.id, { channel: 'in_person', arrivedOn: '2026-02-30', ...applicantInput() })).rejects.toMatchObject({ name: 'ZodError' });
  });

  it('an online application gets a tracking number and a query code that shows its status and nothing for a wrong code', async () => {
    const { deps, organ } = await setup();
    const { trackingNo, queryCode } = await submitOnlineApplication(deps, organ.code, applicantInput());
    expect(queryCode).toMatch(/^[A-Z2-9]{8}$/);
    const status = await checkStatus(deps, trackingNo.toLowerCase(), queryCode.toLowerCase());
    // As copied from a printed receipt, which keeps the number whole with U+2011 hyphens, and typed with a full-width input method.
    const fullWidth = [...queryCode].map((c) => String.fromCodePoint(c.codePointAt(0)! + 0xfee0)).join('');
    expect((await checkStatus(deps, trackingNo.replaceAll('-', '\u2011'), fullWidth)).trackingNo).toBe(trackingNo);
    expect(status).toMatchObject({ trackingNo, state: 'awaiting_confirmation', receivedOn: null, arrivedOn: '2026-03-10' });
    await expect(checkStatus(deps, trackingNo, 'ABCDEFGH')).rejects.toMatchObject({ code: E.queryFailed, httpStatus: 404 });
    const row = await deps.db.selectFrom('applications').select('query_code_hash').where('tracking_no', '=', trackingNo).executeTakeFirstOrThrow();
    expect(row.query_code_hash).not.toContain(queryCode);
  });

  it('a refused verb changes nothing: state, version, events, letters and audit stay as they were', async () => {
    const { deps, organ, head } = await setup();
    const app = await registerInPerson(deps, head, organ.id, '2026-03-02');
    const audits = async () => Number((await deps.db.selectFrom('audit_events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = { app: await requireApplication(deps.db, app.id), events: (await listEvents(deps.db, app.id)).length, audit: await audits() };
    for (const bad of [
      { verb: 'extendDeadline', workingDays: 21, approvedOn: '2026-03-09', reason: '需要调取档案' },
      { verb: 'recordReply', outcome: 'withheld.something_else', repliedOn: '2026-03-09', text: '不予公开' },
      { verb: 'requestCorrection', requestedOn: '2026-02-30', correctionWorkingDays: 10, points: '请写明年份' },
      { verb: 'archive' },
    ] as const) {
      await expect(performVerb(deps, head, app.id, bad as never)).rejects.toMatchObject({ code: expect.stringMatching(/^ERR_APPLICATION_/) });
    }
    expect(await requireApplication(deps.db, app.id)).toEqual(before.app);
    expect((await listEvents(deps.db, app.id)).length).toBe(before.events);
    expect(await listLetters(deps.db, app.id)).toEqual([]);
    expect(await audits()).toBe(before.audit);
  });

  it('an extension needs the office head, happens once, at most 20 working days, before the deadline', async () => {
    const { deps, organ, editor, head, headId } = await setup();
    const app = await registerInPerson(deps, editor, organ.id, '2026-02-13');
    expect(app.dueOn).toBe('2026-03-19');
    const extend = { verb: 'extendDeadline', workingDays: 20, approvedOn: '2026-03-10', reason: '需要调取多个年份的档案' } as const;
    await expect(performVerb(deps, editor, app.id, extend)).rejects.toMatchObject({ code: E.extensionNotApproved, httpStatus: 403 });
    const extended = await performVerb(deps, head, app.id, extend);
    expect(extended).toMatchObject({ dueOn: '2026-04-17', originalDueOn: '2026-03-19', extensionWorkingDays: 20, extensionApprovedBy: headId });
    await expect(performVerb(deps, head, app.id, { ...extend, workingDays: 5 })).rejects.toMatchObject({ code: E.extensionRepeated, httpStatus: 409 });
    const [letter] = await listLetters(deps.db, app.id);
    expect(letter.kind).toBe('extension_notice');
    expect(JSON.stringify(letter.document)).toContain('2026年4月17日');

    const late = await registerInPerson(deps, editor, organ.id, '2026-02-06');
    expect(late.dueOn).toBe('2026-03-12');
    deps.clock.set('2026-03-13T02:00:00Z');
    await expect(performVerb(deps, head, late.id, { ...extend, approvedOn: '2026-03-13' })).rejects.toMatchObject({ code: E.extensionAfterDeadline });
  });

  it('a correction notice within 7 working days stops the clock; the corrected application restarts it (条例第三十条)', async () => {
    const { deps, organ, editor } = await setup('2026-03-02T02:00:00Z');
    const app = await registerInPerson(deps, editor, organ.id, '2026-01-30');
    await expect(performVerb(deps, editor, app.id, { verb: 'requestCorrection', requestedOn: '2026-02-11', correctionWorkingDays: 10, points: '请写明项目名称' }))
      .rejects.toMatchObject({ code: E.correctionLate, message: expect.stringContaining('2026-02-10') });
    const waiting = await performVerb(deps, editor, app.id, { verb: 'requestCorrection', requestedOn: '2026-02-10', correctionWorkingDays: 10, points: '请写明项目名称' });
    expect(waiting).toMatchObject({ state: 'awaiting_correction', dueOn: null, correctionDueOn: '2026-03-02' });
    const corrected = await performVerb(deps, editor, app.id, { verb: 'receiveCorrection', correctedOn: '2026-03-02' });
    expect(corrected).toMatchObject({ state: 'under_review', correctedOn: '2026-03-02', dueOn: '2026-03-30' });
    expect((await listLetters(deps.db, app.id)).map((l) => l.kind)).toEqual(['correction_notice']);
  });

  it('consultation time is excluded and the due date moves when it ends (条例第三十三条第三款)', async () => {
    const { deps, organ, editor } = await setup('2025-10-21T02:00:00Z');
    const app = await registerInPerson(deps, editor, organ.id, '2025-09-26');
    expect(app.dueOn).toBe('2025-10-30');
    await runVerbs(deps, editor, app.id, [{ verb: 'assignHandler', handlerUserId: editor.kind === 'user' ? editor.principal.userId : 0 }, { verb: 'startReview' }, { verb: 'startProcessing' }]);
    const consulting = await performVerb(deps, editor, app.id, { verb: 'startConsultation', kind: 'third_party', party: '青岚置业有限公司', sentOn: '2025-10-09' });
    expect(consulting.state).toBe('consulting');
    expect(consulting.dueOn).toBe('2025-11-20'); // while open, counted as if it ran to its 15-WD limit 2025-10-29
    const ended = await performVerb(deps, editor, app.id, { verb: 'endConsultation', endedOn: '2025-10-20', note: '不同意公开' });
    expect(ended).toMatchObject({ state: 'in_progress', dueOn: '2025-11-11' });
    expect((await listLetters(deps.db, app.id)).find((l) => l.kind === 'consultation_letter')?.forApplicant).toBe(false);
  });

  it('refuses a duplicate appeal case number; a suit after reconsideration is recorded, flagged while the reconsideration runs', async () => {
    const { deps, organ, editor } = await setup();
    const app = await registerInPerson(deps, editor, organ.id, '2026-01-05');
    await performVerb(deps, editor, app.id, { verb: 'recordReply', outcome: 'withheld.process_information', repliedOn: '2026-01-20', text: '过程性信息。' });
    const { recordAppeal } = await import('./record-appeal.ts');
    await recordAppeal(deps, editor, app.id, { kind: 'reconsideration', filedOn: '2026-02-01', caseNo: '青政复〔2026〕5号' });
    await expect(recordAppeal(deps, editor, app.id, { kind: 'reconsideration', filedOn: '2026-02-02', caseNo: '青政复〔2026〕5号' })).rejects.toMatchObject({ message: expect.stringContaining('已登记') });
    const suit = await recordAppeal(deps, editor, app.id, { kind: 'litigation_after_reconsideration', filedOn: '2026-02-03' });
    expect(suit.notes.join('')).toContain('行政复议法第三十四条');
  });

  it('a reply records exactly one outcome and issues the letter with the legal basis and remedies', async () => {
    const { deps, organ, editor } = await setup();
    const app = await registerInPerson(deps, editor, organ.id, '2026-03-02', { deliveryMethod: 'online' });
    const replied = await performVerb(deps, editor, app.id, { verb: 'recordReply', outcome: 'withheld.process_information', repliedOn: '2026-03-10', text: '所申请信息为内部讨论记录，属于过程性信息。' });
    expect(replied).toMatchObject({ state: 'replied', outcome: 'withheld.process_information', repliedOn: '2026-03-10' });
    const [letter] = await listLetters(deps.db, app.id);
    const text = JSON.stringify(letter.document);
    expect(text).toContain('第十六条第二款');
    expect(text).toContain('应当先申请行政复议');
    expect(text).toContain('60日内');
    expect(text).toContain('行政复议网上申请渠道');
    expect(text).not.toContain('6个月内');
    const archived = await performVerb(deps, editor, app.id, { verb: 'archive' });
    expect(archived.state).toBe('archived');
  });

  it('the 11th application of one applicant in a month is charged 100元 per application (按件)', async () => {
    const { deps, organ, editor } = await setup('2026-03-31T02:00:00Z');
    const same = { applicantIdNumber: '11010519491231002X', applicantName: '李某' };
    const apps = [];
    for (let i = 0; i < 11; i++) {
      const app = await registerInPerson(deps, editor, organ.id, `2026-03-${String(2 + i).padStart(2, '0')}`, same);
      apps.push(await performVerb(deps, editor, app.id, { verb: 'startReview' }));
    }
    await expect(performVerb(deps, editor, apps[9].id, { verb: 'issueFeeNotice', paymentMethod: '到本机关政务公开办公室缴纳', method: 'per_application', sentOn: '2026-03-16' })).rejects.toMatchObject({ code: E.feeZero });
    const charged = await performVerb(deps, editor, apps[10].id, { verb: 'issueFeeNotice', paymentMethod: '到本机关政务公开办公室缴纳', method: 'per_application', sentOn: '2026-03-16' });
    expect(charged).toMatchObject({ state: 'awaiting_fee', feeAmountYuan: 100, feeUnits: 11, feeDueOn: '2026-04-14' });
    const [letter] = await listLetters(deps.db, apps[10].id);
    expect(letter.kind).toBe('fee_notice');
    expect(JSON.stringify(letter.document)).toContain('人民币100元');
  });

  it('closeLapsedCases ends overdue corrections and unpaid fees with their outcome and a termination notice', async () => {
    const { deps, organ, editor } = await setup('2026-03-02T02:00:00Z');
    const correction = await registerInPerson(deps, editor, organ.id, '2026-02-24');
    await performVerb(deps, editor, correction.id, { verb: 'requestCorrection', requestedOn: '2026-02-25', correctionWorkingDays: 5, points: '请写明项目名称' });
    const fee = await registerInPerson(deps, editor, organ.id, '2026-02-24');
    await performVerb(deps, editor, fee.id, { verb: 'startReview' });
    await performVerb(deps, editor, fee.id, { verb: 'issueFeeNotice', paymentMethod: '到本机关政务公开办公室缴纳', method: 'per_page', pages: 150, sentOn: '2026-02-25' });
    const open = await registerInPerson(deps, editor, organ.id, '2026-02-24');

    expect((await closeLapsedCases(deps)).closed.filter((c) => [correction.id, fee.id].includes(c.id))).toEqual([]);
    deps.clock.set('2026-03-26T02:00:00Z');
    const report = await closeLapsedCases(deps);
    expect(report.closed.filter((c) => [correction.id, fee.id, open.id].includes(c.id)).map((c) => [c.id, c.outcome])).toEqual([
      [correction.id, 'other.correction_overdue'],
      [fee.id, 'other.fee_unpaid'],
    ]);
    // Closed as of the day after the correction period ended, not the day the job ran.
    expect(await requireApplication(deps.db, correction.id)).toMatchObject({ state: 'replied', repliedOn: '2026-03-04' });
    expect((await listLetters(deps.db, fee.id)).map((l) => l.kind)).toEqual(['fee_notice', 'termination_notice']);
    expect((await requireApplication(deps.db, open.id)).state).toBe('registered');
    expect((await closeLapsedCases(deps)).closed.filter((c) => [correction.id, fee.id].includes(c.id))).toEqual([]);
  });

  it('the work list finds overdue and due-soon cases by comparing stored dates in SQL', async () => {
    const { deps, organ, editor } = await setup('2026-03-10T02:00:00Z');
    const overdue = await registerInPerson(deps, editor, organ.id, '2026-02-03');
    const soon = await registerInPerson(deps, editor, organ.id, '2026-02-09');
    const later = await registerInPerson(deps, editor, organ.id, '2026-03-09');
    expect([overdue.dueOn, soon.dueOn, later.dueOn]).toEqual(['2026-03-09', '2026-03-13', '2026-04-07']);
    const ids = async (view: Parameters<typeof listWork>[2], days?: number) => (await listWork(deps, [organ.id], view, { days })).items.map((a) => a.id);
    expect(await ids('overdue')).toEqual([overdue.id]);
    expect(await ids('due_soon', 5)).toEqual([soon.id]);
    expect(await ids('due_soon', 25)).toEqual([soon.id, later.id]);
    expect((await ids('open')).sort()).toEqual([overdue.id, soon.id, later.id].sort());
    const other = await createOrgan(deps);
    expect((await listWork(deps, [other.id], 'open')).items).toEqual([]);
  });

  it('staff of another organ cannot see or work a case', async () => {
    const { deps, organ, editor } = await setup();
    const app = await registerInPerson(deps, editor, organ.id, '2026-03-02');
    const otherOrgan = await createOrgan(deps);
    const stranger = await createStaff(deps, otherOrgan.code, 'organ_admin');
    await expect(performVerb(deps, await asActor(deps, stranger.id), app.id, { verb: 'startReview' })).rejects.toMatchObject({ code: 'ERR_AUTH_FORBIDDEN', httpStatus: 403 });
    await expect(performVerb(deps, editor, app.id, { verb: 'assignHandler', handlerUserId: stranger.id })).rejects.toMatchObject({ code: E.handlerInvalid });
  });

  it('a stale form is refused with a version conflict', async () => {
    const { deps, organ, editor } = await setup();
    const app = await registerInPerson(deps, editor, organ.id, '2026-03-02');
    await performVerb(deps, editor, app.id, { verb: 'startReview' }, app.version);
    await expect(performVerb(deps, editor, app.id, { verb: 'assignHandler', handlerUserId: 1 }, app.version)).rejects.toMatchObject({ code: E.versionConflict, httpStatus: 409 });
  });

  it('an organ\'s own template wording is used for the next letter; unknown placeholders are refused; only the head may save', async () => {
    const { deps, organ, editor, head } = await setup();
    await expect(saveLetterTemplate(deps, head, organ.id, 'correction_notice', { title: '补正通知', body: '请补正{{不存在}}' })).rejects.toMatchObject({ code: E.templateInvalid });
    await expect(saveLetterTemplate(deps, editor, organ.id, 'correction_notice', { title: '补正通知', body: '请补正：{{补正事项}}' })).rejects.toMatchObject({ httpStatus: 403 });
    // A deadline's last day is included: a new wording may not say {{补正期限}}前 (deadline-wording.ts).
    await expect(saveLetterTemplate(deps, head, organ.id, 'correction_notice', { title: '申请补正通知书', body: '{{申请人}}您好，请于{{补正期限}}前补正：{{补正事项}}' }))
      .rejects.toMatchObject({ code: E.templateInvalid, field: 'body', message: expect.stringContaining('请写作“最迟于{{补正期限}}”') });
    await saveLetterTemplate(deps, head, organ.id, 'correction_notice', { title: '申请补正通知书', body: '{{申请人}}您好，请最迟于{{补正期限}}补正：{{补正事项}}' });
    const app = await registerInPerson(deps, editor, organ.id, '2026-03-02');
    await performVerb(deps, editor, app.id, { verb: 'requestCorrection', requestedOn: '2026-03-05', correctionWorkingDays: 10, points: '请写明年份' });
    const [letter] = await listLetters(deps.db, app.id);
    expect(letter.document.blocks[0]).toEqual({ kind: 'title', text: '申请补正通知书' });
    expect(JSON.stringify(letter.document)).toContain('请最迟于2026年3月19日补正：请写明年份');
  });

  it('a wording an organ saved before {{…期限}}前 was refused is used as written, never rewritten', async () => {
    const { deps, organ, editor } = await setup();
    await upsertTemplate(deps.db, organ.id, 'correction_notice', '申请补正通知书', '请于{{补正期限}}前补正：{{补正事项}}', null, '2026-03-01T00:00:00Z');
    const app = await registerInPerson(deps, editor, organ.id, '2026-03-02');
    await performVerb(deps, editor, app.id, { verb: 'requestCorrection', requestedOn: '2026-03-05', correctionWorkingDays: 10, points: '请写明年份' });
    const [letter] = await listLetters(deps.db, app.id);
    expect(JSON.stringify(letter.document)).toContain('请于2026年3月19日前补正：请写明年份');
    expect(await templateFor(deps.db, organ.id, 'correction_notice')).toMatchObject({ customised: true, version: 1, body: '请于{{补正期限}}前补正：{{补正事项}}' });
  });

  it('entering the next year\'s notice turns provisional due dates into firm ones', async () => {
    const { deps, organ, editor } = await setup('2026-12-15T02:00:00Z');
    const app = await registerInPerson(deps, editor, organ.id, '2026-12-15');
    expect(app).toMatchObject({ dueOn: '2027-01-13', dueProvisional: true }); // 元旦 skipped already, by the statutory holidays
    expect(app.dueWarnings.map((w) => w.code)).toEqual(['WARN_CALENDAR_YEAR_UNKNOWN']);
    await saveAdminHolidayYear(deps.db, { year: 2027, holidays: ['2027-01-01'], workdays: [] }, null, '2026-12-15T03:00:00Z');
    expect(await recomputeDueDates(deps)).toBeGreaterThanOrEqual(1);
    expect(await requireApplication(deps.db, app.id)).toMatchObject({ dueOn: '2027-01-13', dueProvisional: false, dueWarnings: [] });
    await deps.db.deleteFrom('holiday_years').where('year', '=', 2027).execute();
    await recomputeDueDates(deps);
  });

  it('the system actor (jobs, CLI) may act; its events say so', async () => {
    const { deps, organ, editor } = await setup();
    const app = await registerInPerson(deps, editor, organ.id, '2026-03-02');
    await performVerb(deps, system, app.id, { verb: 'startReview' });
    const events = await listEvents(deps.db, app.id);
    expect(events.map((e) => [e.verb, e.actorLabel.startsWith('系统')])).toEqual([['register', false], ['startReview', true]]);
  });
});
