import { expect, it } from 'vitest';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { buildDeps, createOrgan, createStaff } from '../../../../test/support/factories.ts';
import { loadPrincipal, type Actor } from '../../identity/index.ts';
import { ApplicationErrorCode as E } from '../domain/error-codes.ts';
import { findRecordCorrectionLetter, listRecordCorrectionEvents, requireRecordCorrection } from '../storage/record-corrections-repository.ts';
import { recordCorrectionInput, registerInPerson, registerRecordCorrectionAt } from '../testing/application-factories.ts';
import { performVerb } from './perform-verb.ts';
import { listRecordCorrectionsOf, performRecordCorrectionVerb, registerRecordCorrection } from './record-corrections.ts';

const asActor = async (deps: AppDeps, userId: number): Promise<Actor> => ({ kind: 'user', principal: (await loadPrincipal(deps.db, userId))!, via: 'web' });
const letterText = async (deps: AppDeps, id: number) => JSON.stringify((await findRecordCorrectionLetter(deps.db, id))!.document);
/** Every article of the 条例 a letter cites. */
const articlesCited = (text: string) => [...text.matchAll(/政府信息公开条例》(第[一二三四五六七八九十]+条)/g)].map((m) => m[1]);
const audits = async (deps: AppDeps, entityId: number) =>
  (await deps.db.selectFrom('audit_events').select('action').where('entity_type', '=', 'record_correction').where('entity_id', '=', String(entityId)).orderBy('id').execute()).map((r) => r.action);

describeEachDialect('条例第四十一条 correction requests: record, outcomes, letters', (db) => {
  const setup = async () => {
    const deps = buildDeps(db(), '2026-03-20T02:00:00Z');
    const county = await createOrgan(deps, { name: '青岚县人民政府' });
    const bureau = await createOrgan(deps, { parentCode: county.code, name: '青岚县住房和城乡建设局' });
    const unit = await createOrgan(deps, { parentCode: bureau.code, kind: 'unit', name: '青岚县住房和城乡建设局住房保障股' });
    const other = await createOrgan(deps, { parentCode: county.code, name: '青岚县公安局' });
    const editor = await asActor(deps, (await createStaff(deps, bureau.code, 'editor')).id);
    const outsider = await asActor(deps, (await createStaff(deps, other.code, 'editor')).id);
    return { deps, county, bureau, unit, other, editor, outsider };
  };

  it('records a request at the organ with its own number, the linked case of the same organ, history and audit', async () => {
    const { deps, bureau, editor } = await setup();
    const app = await registerInPerson(deps, editor, bureau.id, '2026-02-02');
    const { correction: rc, created } = await registerRecordCorrection(deps, editor, bureau.id, recordCorrectionInput({ applicationTrackingNo: app.trackingNo.toLowerCase() }));
    expect(created).toBe(true);
    expect(rc).toMatchObject({ state: 'received', receivedOn: '2026-03-02', applicationId: app.id, applicationTrackingNo: app.trackingNo, evidence: '户口簿复印件、出生医学证明复印件' });
    expect(rc.trackingNo).toBe(`${bureau.code.toUpperCase()}-GZ-2026-00001`);
    expect((await registerRecordCorrectionAt(deps, editor, bureau.id)).trackingNo).toBe(`${bureau.code.toUpperCase()}-GZ-2026-00002`);
    const [event] = await listRecordCorrectionEvents(deps.db, rc.id);
    expect(event).toMatchObject({ verb: 'register', toState: 'received', note: expect.stringContaining('条例第四十一条') });
    expect(await audits(deps, rc.id)).toEqual(['application.record_correction.register']);
    expect((await listRecordCorrectionsOf(deps, editor, bureau.id)).map((r) => r.id)).toContain(rc.id);

    // One form token, one request.
    const again = await registerRecordCorrection(deps, editor, bureau.id, recordCorrectionInput(), { formToken: 'token-1' });
    const twice = await registerRecordCorrection(deps, editor, bureau.id, recordCorrectionInput(), { formToken: 'token-1' });
    expect(twice).toMatchObject({ created: false, correction: { id: again.correction.id } });
  });

  it('refuses an internal unit, a case of another organ, a future date, missing evidence, and staff of another organ', async () => {
    const { deps, bureau, unit, other, editor, outsider } = await setup();
    await expect(registerRecordCorrection(deps, editor, unit.id, recordCorrectionInput())).rejects.toMatchObject({ code: E.organNotAnswering, message: expect.stringContaining('下属单位') });
    const theirs = await registerInPerson(deps, outsider, other.id, '2026-02-02');
    await expect(registerRecordCorrection(deps, editor, bureau.id, recordCorrectionInput({ applicationTrackingNo: theirs.trackingNo })))
      .rejects.toMatchObject({ code: E.recordCorrectionCaseNotFound, field: 'applicationTrackingNo' });
    await expect(registerRecordCorrection(deps, editor, bureau.id, recordCorrectionInput({ receivedOn: '2026-03-21' }))).rejects.toMatchObject({ code: E.dateInFuture, field: 'receivedOn' });
    await expect(registerRecordCorrection(deps, editor, bureau.id, recordCorrectionInput({ evidence: ' ', applicantIdNumber: '110105194912310021' })))
      .rejects.toMatchObject({ issues: expect.arrayContaining([expect.objectContaining({ path: ['evidence'], message: '请填写申请人提供的证据' }), expect.objectContaining({ path: ['applicantIdNumber'] })]) });
    await expect(registerRecordCorrection(deps, outsider, bureau.id, recordCorrectionInput())).rejects.toMatchObject({ code: 'ERR_AUTH_FORBIDDEN' });
    expect(await listRecordCorrectionsOf(deps, editor, bureau.id)).toEqual([]);
  });

  it('corrected: the letter cites 第四十一条, says what was corrected and when, is signed by the organ, numbered in its series, with no remedies', async () => {
    const { deps, bureau, editor } = await setup();
    const rc = await registerRecordCorrectionAt(deps, editor, bureau.id);
    const after = await performRecordCorrectionVerb(deps, editor, rc.id, { verb: 'correct', decidedOn: '2026-03-10', correctedContent: '家庭人口由2人更正为3人' }, rc.version);
    expect(after).toMatchObject({ state: 'corrected', decidedOn: '2026-03-10', correctedContent: '家庭人口由2人更正为3人', letterNo: '青岚县住房和城乡建设局依申请公开〔2026〕第1号', version: 2 });
    const text = await letterText(deps, rc.id);
    expect(articlesCited(text)).toEqual(['第四十一条']);
    expect(text).toContain('本机关已于2026年3月10日予以更正');
    expect(text).toContain('家庭人口由2人更正为3人');
    expect(text).toContain('"lines":["青岚县住房和城乡建设局","（印章）","2026年3月10日"]');
    expect(text).not.toContain('行政复议');
    expect((await listRecordCorrectionEvents(deps.db, rc.id)).at(-1)).toMatchObject({ verb: 'correct', fromState: 'received', toState: 'corrected' });
    expect(await audits(deps, rc.id)).toEqual(['application.record_correction.register', 'application.record_correction.correct']);
    // The series is the organ's one: the next reply letter takes the next number.
    const app = await registerInPerson(deps, editor, bureau.id, '2026-03-11');
    await performVerb(deps, editor, app.id, { verb: 'recordReply', outcome: 'disclosed', basisItem: 'disclosable', providedForm: 'electronic', repliedOn: '2026-03-12', text: '见附件。' });
    const numbers = (await deps.db.selectFrom('application_letters').select('letter_no').where('application_id', '=', app.id).execute()).map((l) => l.letter_no);
    expect(numbers).toContain('青岚县住房和城乡建设局依申请公开〔2026〕第3号');
  });

  it('not verified: the reason and the remedies naming the reconsideration body', async () => {
    const { deps, bureau, editor } = await setup();
    const rc = await registerRecordCorrectionAt(deps, editor, bureau.id);
    await performRecordCorrectionVerb(deps, editor, rc.id, { verb: 'decline', decidedOn: '2026-03-12', reason: '经核对户籍登记，审核时家庭人口为2人，记录准确' });
    const text = await letterText(deps, rc.id);
    expect(articlesCited(text)).toEqual(['第四十一条']);
    expect(text).toContain('本机关不予更正');
    expect(text).toContain('经核对户籍登记，审核时家庭人口为2人，记录准确');
    expect(text).toContain('向青岚县人民政府申请行政复议');
    expect(text).toContain('6个月内依法向人民法院提起行政诉讼');
    expect((await requireRecordCorrection(deps.db, rc.id)).state).toBe('not_verified');
  });

  it('transferred names the competent organ without remedies; referred names it with its contact and the remedies', async () => {
    const { deps, bureau, editor } = await setup();
    const a = await registerRecordCorrectionAt(deps, editor, bureau.id);
    await performRecordCorrectionVerb(deps, editor, a.id, { verb: 'transfer', decidedOn: '2026-03-05', competentOrgan: '青岚县公安局' });
    const transferred = await letterText(deps, a.id);
    expect(articlesCited(transferred)).toEqual(['第四十一条']);
    expect(transferred).toContain('将您的更正申请转送有权更正的青岚县公安局处理');
    expect(transferred).not.toContain('行政复议');

    const b = await registerRecordCorrectionAt(deps, editor, bureau.id, { deliveryMethod: 'email' });
    await performRecordCorrectionVerb(deps, editor, b.id, { verb: 'refer', decidedOn: '2026-03-05', competentOrgan: '青岚县公安局', competentContact: '户政大队 0550-7654321' });
    const referred = await letterText(deps, b.id);
    expect(articlesCited(referred)).toEqual(['第四十一条']);
    expect(referred).toContain('请您向有权更正的青岚县公安局提出更正申请（联系方式：户政大队 0550-7654321）');
    expect(referred).toContain('向青岚县人民政府申请行政复议');
    expect(referred).toContain('行政复议网上申请渠道'); // served by e-mail
  });

  it('refusals change nothing: a second outcome, a missing reason, a stale version, another organ\'s staff, no reconsideration body', async () => {
    const { deps, bureau, editor, outsider } = await setup();
    const rc = await registerRecordCorrectionAt(deps, editor, bureau.id);
    await expect(performRecordCorrectionVerb(deps, editor, rc.id, { verb: 'decline', decidedOn: '2026-03-30', reason: '' }))
      .rejects.toMatchObject({ code: E.dateInFuture, httpStatus: 400, reasons: [expect.objectContaining({ field: 'decidedOn' }), expect.objectContaining({ code: E.recordCorrectionReasonRequired })] });
    await expect(performRecordCorrectionVerb(deps, outsider, rc.id, { verb: 'correct', decidedOn: '2026-03-10', correctedContent: 'x' })).rejects.toMatchObject({ code: 'ERR_AUTH_FORBIDDEN' });
    await expect(performRecordCorrectionVerb(deps, editor, rc.id, { verb: 'correct', decidedOn: '2026-03-10', correctedContent: 'x' }, rc.version + 1)).rejects.toMatchObject({ code: E.versionConflict });
    expect(await requireRecordCorrection(deps.db, rc.id)).toMatchObject({ state: 'received', version: 1, letterNo: null });
    await performRecordCorrectionVerb(deps, editor, rc.id, { verb: 'correct', decidedOn: '2026-03-10', correctedContent: '已更正' });
    await expect(performRecordCorrectionVerb(deps, editor, rc.id, { verb: 'decline', decidedOn: '2026-03-10', reason: '改主意' })).rejects.toMatchObject({ code: E.recordCorrectionVerbNotAllowed, httpStatus: 409 });
    expect((await listRecordCorrectionEvents(deps.db, rc.id)).map((e) => e.verb)).toEqual(['register', 'correct']);

    // An organ with no government above it and no reconsideration body set: an adverse letter cannot be issued.
    const alone = await createOrgan(deps, { name: '青岚经济开发区管理委员会' });
    const staff = await asActor(deps, (await createStaff(deps, alone.code, 'editor')).id);
    const lone = await registerRecordCorrectionAt(deps, staff, alone.id);
    await expect(performRecordCorrectionVerb(deps, staff, lone.id, { verb: 'decline', decidedOn: '2026-03-10', reason: '记录准确' })).rejects.toMatchObject({ code: E.reconsiderationBodyRequired, httpStatus: 409 });
    expect((await requireRecordCorrection(deps.db, lone.id)).state).toBe('received');
    // Correcting states no remedies, so it needs none.
    expect((await performRecordCorrectionVerb(deps, staff, lone.id, { verb: 'correct', decidedOn: '2026-03-10', correctedContent: '已更正' })).state).toBe('corrected');
  });
});
