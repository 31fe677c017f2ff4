import { expect, it } from 'vitest';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { buildDeps, createOrgan, createStaff } from '../../../../test/support/factories.ts';
import { loadPrincipal, type Actor } from '../../identity/index.ts';
import { ApplicationErrorCode as E } from '../domain/error-codes.ts';
import { listLetters } from '../storage/letters-repository.ts';
import { registerInPerson, applicantInput } from '../testing/application-factories.ts';
import { performVerb } from './perform-verb.ts';
import { recordAppeal } from './record-appeal.ts';
import { registerApplication } from './register-application.ts';
import { saveApplicationSettings } from './manage-application-settings.ts';
import { listEvents } from '../storage/events-repository.ts';
import { receiptWarnings } from '../domain/channels.ts';
import { listWork } from './list-work.ts';
import { recordService } from './record-service.ts';
import { flagForProactiveDisclosure } from './flag-proactive.ts';
import { requireApplication } from '../storage/applications-repository.ts';
import { remedyPeriods } from '../domain/remedy-periods.ts';
import { calendarFor } from './working-calendar.ts';

const asActor = async (deps: AppDeps, userId: number): Promise<Actor> => ({ kind: 'user', principal: (await loadPrincipal(deps.db, userId))!, via: 'web' });
const disclose = { verb: 'recordReply', outcome: 'disclosed', basisItem: 'disclosable', providedForm: 'electronic', repliedOn: '2026-03-10', text: '随本告知书提供项目清单。' } as const;
const textOf = async (deps: AppDeps, id: number) => JSON.stringify((await listLetters(deps.db, id)).at(-1)!.document);

describeEachDialect('applications to the letter of the law: who answers, the reconsideration body, service, appeals', (db) => {
  const setup = async () => {
    const deps = buildDeps(db(), '2026-03-10T02:00:00Z');
    const county = await createOrgan(deps, { name: '青岚县人民政府' });
    const bureau = await createOrgan(deps, { parentCode: county.code, name: '青岚县住房和城乡建设局' });
    const unit = await createOrgan(deps, { parentCode: bureau.code, kind: 'unit', name: '青岚县住房和城乡建设局办公室' });
    const admin = await asActor(deps, (await createStaff(deps, bureau.code, 'organ_admin')).id);
    const countyAdmin = await asActor(deps, (await createStaff(deps, county.code, 'organ_admin')).id);
    return { deps, county, bureau, unit, admin, countyAdmin };
  };

  it('an internal unit does not take applications; only the 行政机关 itself (条例第二十七条)', async () => {
    const { deps, unit, admin } = await setup();
    await expect(registerApplication(deps, admin, unit.id, { channel: 'in_person', arrivedOn: '2026-03-09', ...applicantInput() }))
      .rejects.toMatchObject({ code: E.organNotAnswering, message: expect.stringContaining('第二十七条') });
  });

  it('a case filed under a unit before this rule is answered and signed in the organ\'s name', async () => {
    const { deps, bureau, unit, admin } = await setup();
    const app = await registerInPerson(deps, admin, bureau.id, '2026-03-02');
    await deps.db.updateTable('applications').set({ organ_id: unit.id }).where('id', '=', app.id).execute();
    await performVerb(deps, admin, app.id, disclose);
    const [letter] = await listLetters(deps.db, app.id);
    const signature = letter.document.blocks.find((b) => b.kind === 'signature');
    expect(signature).toMatchObject({ lines: expect.arrayContaining(['青岚县住房和城乡建设局']) });
    expect(JSON.stringify(letter.document)).not.toContain('办公室');
  });

  it('the letter names the configured reconsideration body with its address and online channel (行政复议法第二十条第三款)', async () => {
    const { deps, bureau, county, admin, countyAdmin } = await setup();
    const app = await registerInPerson(deps, admin, bureau.id, '2026-03-02');
    await performVerb(deps, admin, app.id, { ...disclose, serviceMethod: 'email' });
    expect(await textOf(deps, app.id)).toContain('向青岚县人民政府申请行政复议');

    await saveApplicationSettings(deps, admin, bureau.id, { reconsiderationBody: '青岚县人民政府', reconsiderationAddress: '青岚县人民路1号', reconsiderationOnline: 'https://fy.qinglan.gov.cn' });
    const second = await registerInPerson(deps, admin, bureau.id, '2026-03-02');
    await performVerb(deps, admin, second.id, { ...disclose, serviceMethod: 'email' });
    const text = await textOf(deps, second.id);
    expect(text).toContain('青岚县人民政府（地址：青岚县人民路1号）');
    expect(text).toContain('https://fy.qinglan.gov.cn');

    // A government's own letter never says just "上一级人民政府": without a named body the reply is refused.
    const own = await registerInPerson(deps, countyAdmin, county.id, '2026-03-02');
    await expect(performVerb(deps, countyAdmin, own.id, disclose)).rejects.toMatchObject({ code: E.reconsiderationBodyRequired });
    await saveApplicationSettings(deps, countyAdmin, county.id, { reconsiderationBody: '青岚市人民政府', reconsiderationAddress: '青岚市政务中心', reconsiderationOnline: '' });
    await performVerb(deps, countyAdmin, own.id, disclose);
    expect(await textOf(deps, own.id)).toContain('向青岚市人民政府（地址：青岚市政务中心）申请行政复议');
    expect(await textOf(deps, own.id)).not.toContain('上一级人民政府');
  });

  it('the online-reconsideration sentence follows how the letter is served, not what the applicant asked for', async () => {
    const { deps, bureau, admin } = await setup();
    const askedEmail = await registerInPerson(deps, admin, bureau.id, '2026-03-02', { deliveryMethod: 'email' });
    await performVerb(deps, admin, askedEmail.id, { ...disclose, serviceMethod: 'post' });
    expect(await textOf(deps, askedEmail.id)).not.toContain('网上申请渠道');
    const askedPost = await registerInPerson(deps, admin, bureau.id, '2026-03-02', { deliveryMethod: 'post' });
    await performVerb(deps, admin, askedPost.id, { ...disclose, serviceMethod: 'email' });
    expect(await textOf(deps, askedPost.id)).toContain('网上申请渠道');
  });

  it('a suit after reconsideration is recorded as filed, with a warning when the reconsideration period had not run out (行政复议法第六十二条)', async () => {
    const { deps, bureau, admin } = await setup();
    const app = await registerInPerson(deps, admin, bureau.id, '2026-01-05');
    await performVerb(deps, admin, app.id, { verb: 'recordReply', outcome: 'withheld.process_information', repliedOn: '2026-01-20', text: '过程性信息。' });
    await recordAppeal(deps, admin, app.id, { kind: 'reconsideration', filedOn: '2026-01-25', acceptedOn: '2026-02-02' });
    const early = await recordAppeal(deps, admin, app.id, { kind: 'litigation_after_reconsideration', filedOn: '2026-03-05' });
    expect(early.appeal.kind).toBe('litigation_after_reconsideration');
    expect(early.notes.join('')).toContain('2026-04-03');
    expect(early.notes.join('')).toContain('第三十四条');
  });
});

describeEachDialect('receipt of an ordinary letter and unconfirmed applications (条例第三十一条)', (db) => {
  const setup = async () => {
    const deps = buildDeps(db(), '2026-03-10T02:00:00Z');
    const county = await createOrgan(deps, { name: '青岚县人民政府' });
    const bureau = await createOrgan(deps, { parentCode: county.code, name: '青岚县住房和城乡建设局' });
    const admin = await asActor(deps, (await createStaff(deps, bureau.code, 'organ_admin')).id);
    return { deps, bureau, admin };
  };

  it('an ordinary letter counts from its arrival by default, and a later confirmation is warned about (第（二）项)', async () => {
    const { deps, bureau, admin } = await setup();
    const { application } = await registerApplication(deps, admin, bureau.id, {
      channel: 'post_ordinary', arrivedOn: '2026-02-10', confirmedOn: '2026-03-02', receiptEvidence: '电话确认', ...applicantInput(),
    });
    expect(application).toMatchObject({ state: 'registered', arrivedOn: '2026-02-10', confirmedOn: '2026-03-02', receivedOn: '2026-02-10' });
    expect(receiptWarnings(application).join('')).toContain('到达当日');
    const events = await listEvents(deps.db, application.id);
    expect(events[0].note).toContain('晚于平信到达日期');

    const plain = await registerApplication(deps, admin, bureau.id, { channel: 'post_ordinary', arrivedOn: '2026-03-09', ...applicantInput() });
    expect(plain.application).toMatchObject({ state: 'registered', receivedOn: '2026-03-09', confirmedOn: null });
    expect(receiptWarnings(plain.application)).toEqual([]);
  });

  it('online, fax and e-mail applications waiting for confirmation age into a list for 待办 (第（三）项)', async () => {
    const { deps, bureau, admin } = await setup();
    const old = await registerApplication(deps, admin, bureau.id, { channel: 'fax', arrivedOn: '2026-03-02', ...applicantInput() });
    await registerApplication(deps, admin, bureau.id, { channel: 'email', arrivedOn: '2026-03-10', ...applicantInput() });
    const aged = await listWork(deps, [bureau.id], 'unconfirmed_aged');
    expect(aged.items.map((a) => a.id)).toEqual([old.application.id]);
  });
});

describeEachDialect('consultation letters and the notice of disclosure over an objection (条例第三十二条、第三十四条)', (db) => {
  const setup = async () => {
    const deps = buildDeps(db(), '2026-03-20T02:00:00Z');
    const county = await createOrgan(deps, { name: '青岚县人民政府' });
    const bureau = await createOrgan(deps, { parentCode: county.code, name: '青岚县住房和城乡建设局' });
    const admin = await asActor(deps, (await createStaff(deps, bureau.code, 'organ_admin')).id);
    const app = await registerInPerson(deps, admin, bureau.id, '2026-03-02');
    await performVerb(deps, admin, app.id, { verb: 'startReview' });
    return { deps, admin, app };
  };
  const consultationText = async (deps: AppDeps, id: number) =>
    JSON.stringify((await listLetters(deps.db, id)).filter((l) => l.kind === 'consultation_letter').at(-1)!.document);

  it('a third party is told that without a reply the organ decides, and what happens on an objection (第三十二条)', async () => {
    const { deps, admin, app } = await setup();
    await performVerb(deps, admin, app.id, { verb: 'startConsultation', kind: 'third_party', party: '青岚置业有限公司', sentOn: '2026-03-04' });
    const text = await consultationText(deps, app.id);
    expect(text).toContain('第三十二条');
    expect(text).not.toContain('第三十四条');
    expect(text).toContain('由本机关依照');
    expect(text).toContain('书面告知');
    // The day counted is stated: from the day after sending, 15 working days.
    expect(text).toContain('2026年3月4日');
    expect(text).toContain('2026年3月25日');
  });

  it('a co-producing organ is told that silence counts as consent (第三十四条), counted from delivery when recorded', async () => {
    const { deps, admin, app } = await setup();
    const consulting = await performVerb(deps, admin, app.id, { verb: 'startConsultation', kind: 'co_agency', party: '青岚县自然资源和规划局', sentOn: '2026-03-04', deliveredOn: '2026-03-05' });
    expect(consulting.state).toBe('consulting');
    const text = await consultationText(deps, app.id);
    expect(text).toContain('第三十四条');
    expect(text).not.toContain('第三十二条');
    expect(text).toContain('视为同意');
    expect(text).not.toContain('由本机关依照');
    expect(text).toContain('2026年3月5日');
    expect(text).toContain('2026年3月26日');
  });

  it('disclosing over a third party\'s objection sends it a written notice of what and why (第三十二条)', async () => {
    const { deps, admin, app } = await setup();
    const notice = { verb: 'notifyThirdParty', party: '青岚置业有限公司', sentOn: '2026-03-19', content: '项目补助资金总额', reason: '涉及公共资金使用，不公开会对公共利益造成重大影响' } as const;
    await expect(performVerb(deps, admin, app.id, notice)).rejects.toMatchObject({ code: E.thirdPartyNotConsulted });
    await performVerb(deps, admin, app.id, { verb: 'startConsultation', kind: 'third_party', party: '青岚置业有限公司', sentOn: '2026-03-04' });
    await performVerb(deps, admin, app.id, { verb: 'endConsultation', endedOn: '2026-03-10', note: '不同意公开' });
    await performVerb(deps, admin, app.id, notice);
    const letter = (await listLetters(deps.db, app.id)).find((l) => l.kind === 'disclosure_notice')!;
    expect(letter.forApplicant).toBe(false);
    const text = JSON.stringify(letter.document);
    expect(text).toContain('项目补助资金总额');
    expect(text).toContain('不公开会对公共利益造成重大影响');
    expect(text).toContain('第三十二条');
  });
});

describeEachDialect('dates in a year whose holiday notice is not loaded', (db) => {
  it('an extension into 2027 skips 元旦 and the letter marks the date 暂定', async () => {
    const deps = buildDeps(db(), '2026-12-10T02:00:00Z');
    const county = await createOrgan(deps, { name: '青岚县人民政府' });
    const bureau = await createOrgan(deps, { parentCode: county.code, name: '青岚县住房和城乡建设局' });
    const admin = await asActor(deps, (await createStaff(deps, bureau.code, 'organ_admin')).id);
    const app = await registerInPerson(deps, admin, bureau.id, '2026-11-20');
    const extended = await performVerb(deps, admin, app.id, { verb: 'extendDeadline', workingDays: 20, approvedOn: '2026-12-10', reason: '需要调取档案' });
    expect(extended).toMatchObject({ dueOn: '2027-01-18', dueProvisional: true });
    const text = await textOf(deps, app.id);
    expect(text).toContain('2027年1月18日（暂定）');
    expect(text).toContain('全国年节及纪念日放假办法');
    expect(text).not.toContain('2026年12月18日（暂定）');
    // Both deadlines are last days included, said the same way, 暂定 or not (found by an outside tester).
    expect(text).toContain('原答复期限至2026年12月18日止（含当日）');
    expect(text).toContain('答复期限延长20个工作日，至2027年1月18日（暂定）止（含当日），本机关将最迟于该日作出答复');
    expect(text).not.toMatch(/（暂定），含当日|日（暂定）作出/);
  });
});

describeEachDialect('letter numbers, the registration receipt and the letter for 不予登记', (db) => {
  const setup = async () => {
    const deps = buildDeps(db(), '2026-03-10T02:00:00Z');
    const county = await createOrgan(deps, { name: '青岚县人民政府' });
    const bureau = await createOrgan(deps, { parentCode: county.code, name: '青岚县住房和城乡建设局', shortName: '县住建局' });
    const admin = await asActor(deps, (await createStaff(deps, bureau.code, 'organ_admin')).id);
    return { deps, county, bureau, admin };
  };

  it('every registered application gets a 申请登记回执, and each letter its own number per organ and year', async () => {
    const { deps, county, bureau, admin } = await setup();
    await saveApplicationSettings(deps, admin, bureau.id, { letterPrefix: '岚建公开' });
    const app = await registerInPerson(deps, admin, bureau.id, '2026-03-02');
    await performVerb(deps, admin, app.id, disclose);
    const letters = await listLetters(deps.db, app.id);
    expect(letters.map((l) => [l.kind, l.letterNo])).toEqual([['acknowledgement', '岚建公开〔2026〕第1号'], ['reply', '岚建公开〔2026〕第2号']]);
    const receipt = JSON.stringify(letters[0].document);
    expect(receipt).toContain('申请登记回执');
    expect(receipt).toContain(app.trackingNo);
    expect(receipt).toContain('2026年3月30日');
    expect(JSON.stringify(letters[1].document)).toContain('岚建公开〔2026〕第2号');

    // Another organ counts its own letters; one waiting for confirmation gets its receipt on confirmation.
    const countyAdmin = await asActor(deps, (await createStaff(deps, county.code, 'organ_admin')).id);
    const fax = await registerApplication(deps, countyAdmin, county.id, { channel: 'fax', arrivedOn: '2026-03-09', ...applicantInput() });
    expect(await listLetters(deps.db, fax.application.id)).toEqual([]);
    await performVerb(deps, countyAdmin, fax.application.id, { verb: 'confirmReceipt', confirmedOn: '2026-03-10', evidence: '电话确认' });
    const [countyReceipt] = await listLetters(deps.db, fax.application.id);
    expect(countyReceipt).toMatchObject({ kind: 'acknowledgement', letterNo: '青岚县人民政府依申请公开〔2026〕第1号' });
  });

  it('不予登记 produces a letter giving the reason', async () => {
    const { deps, bureau, admin } = await setup();
    const { application } = await registerApplication(deps, admin, bureau.id, { channel: 'email', arrivedOn: '2026-03-09', ...applicantInput() });
    await performVerb(deps, admin, application.id, { verb: 'discard', reason: '重复提交，与QHX-2026-00001内容相同' });
    const [letter] = await listLetters(deps.db, application.id);
    expect(letter.kind).toBe('discard_notice');
    expect(JSON.stringify(letter.document)).toContain('重复提交，与QHX-2026-00001内容相同');
  });
});

describeEachDialect('service records and withdrawal', (db) => {
  const setup = async () => {
    const deps = buildDeps(db(), '2026-03-20T02:00:00Z');
    const county = await createOrgan(deps, { name: '青岚县人民政府' });
    const bureau = await createOrgan(deps, { parentCode: county.code, name: '青岚县住房和城乡建设局' });
    const admin = await asActor(deps, (await createStaff(deps, bureau.code, 'organ_admin')).id);
    return { deps, bureau, admin };
  };

  it('the date a reply was served starts the 60-day and 6-month periods shown to staff', async () => {
    const { deps, bureau, admin } = await setup();
    const app = await registerInPerson(deps, admin, bureau.id, '2026-03-02');
    await performVerb(deps, admin, app.id, disclose);
    const reply = (await listLetters(deps.db, app.id)).find((l) => l.kind === 'reply')!;
    await expect(recordService(deps, admin, reply.id, { servedOn: '2026-03-09', method: 'post', ref: 'EMS1234567890' }))
      .rejects.toMatchObject({ code: E.dateOutOfOrder });
    await expect(recordService(deps, admin, reply.id, { servedOn: '2026-03-12', method: 'post', ref: '' })).rejects.toMatchObject({ code: E.reasonRequired });
    await recordService(deps, admin, reply.id, { servedOn: '2026-03-12', method: 'post', ref: 'EMS1234567890' });
    const served = (await listLetters(deps.db, app.id)).find((l) => l.kind === 'reply')!;
    expect(served).toMatchObject({ servedOn: '2026-03-12', serviceMethod: 'post', serviceRef: 'EMS1234567890' });
    // 行政复议法第二十条: 60 days; 行政诉讼法第四十六条: 6 months — 2026-09-12 is a Saturday, so the following Monday.
    expect(remedyPeriods(served, 'disclosed', await calendarFor(deps.db))).toEqual({ reconsiderationBy: '2026-05-11', lawsuitBy: '2026-09-14' });
    expect(remedyPeriods(served, 'withheld.process_information', await calendarFor(deps.db))).toEqual({ reconsiderationBy: '2026-05-11', lawsuitBy: null });
  });

  it('an applicant may withdraw: the case closes as 其他, any pause ends, and a letter confirms it', async () => {
    const { deps, bureau, admin } = await setup();
    const app = await registerInPerson(deps, admin, bureau.id, '2026-03-02');
    await performVerb(deps, admin, app.id, { verb: 'startReview' });
    await performVerb(deps, admin, app.id, { verb: 'startConsultation', kind: 'third_party', party: '青岚置业有限公司', sentOn: '2026-03-04' });
    const withdrawn = await performVerb(deps, admin, app.id, { verb: 'withdraw', withdrawnOn: '2026-03-16', note: '申请人来电撤回，已记录通话' });
    expect(withdrawn).toMatchObject({ state: 'replied', outcome: 'other.other', repliedOn: '2026-03-16', withdrawnOn: '2026-03-16' });
    const pauses = await deps.db.selectFrom('application_pauses').select('ended_on').where('application_id', '=', app.id).execute();
    expect(pauses).toEqual([{ ended_on: '2026-03-16' }]);
    expect((await listLetters(deps.db, app.id)).at(-1)!.kind).toBe('withdrawal_notice');
  });
});

describeEachDialect('requests beyond a reasonable volume or frequency (条例第三十五条)', (db) => {
  it('asks for reasons by letter; unreasonable → 不予处理; reasonable → a later reply date set and notified', async () => {
    const deps = buildDeps(db(), '2026-03-20T02:00:00Z');
    const county = await createOrgan(deps, { name: '青岚县人民政府' });
    const bureau = await createOrgan(deps, { parentCode: county.code, name: '青岚县住房和城乡建设局' });
    const admin = await asActor(deps, (await createStaff(deps, bureau.code, 'organ_admin')).id);
    const mass = { verb: 'recordReply', outcome: 'not_processed.mass_unreasonable', repliedOn: '2026-03-20', text: '理由不合理。' } as const;

    const first = await registerInPerson(deps, admin, bureau.id, '2026-03-02');
    await expect(performVerb(deps, admin, first.id, mass)).rejects.toMatchObject({ code: E.reasonsNotRequested, message: expect.stringContaining('第三十五条') });
    await expect(performVerb(deps, admin, first.id, { verb: 'setDelayedReply', reasonsReceivedOn: '2026-03-12', delayedDueOn: '2026-05-29', reason: '涉及近十年全部项目档案' }))
      .rejects.toMatchObject({ code: E.reasonsNotRequested });
    await performVerb(deps, admin, first.id, { verb: 'requestReasons', requestedOn: '2026-03-05', points: '本月已提出同类申请47件，请说明申请理由' });
    expect((await listLetters(deps.db, first.id)).at(-1)!.kind).toBe('reasons_request');
    const replied = await performVerb(deps, admin, first.id, mass);
    expect(replied.outcome).toBe('not_processed.mass_unreasonable');

    const second = await registerInPerson(deps, admin, bureau.id, '2026-03-02');
    expect(second.dueOn).toBe('2026-03-30');
    await performVerb(deps, admin, second.id, { verb: 'requestReasons', requestedOn: '2026-03-05', points: '请说明申请理由' });
    await expect(performVerb(deps, admin, second.id, { verb: 'setDelayedReply', reasonsReceivedOn: '2026-03-12', delayedDueOn: '2026-03-27', reason: '档案量大' }))
      .rejects.toMatchObject({ code: E.delayInvalid });
    const delayed = await performVerb(deps, admin, second.id, { verb: 'setDelayedReply', reasonsReceivedOn: '2026-03-12', delayedDueOn: '2026-05-29', reason: '涉及近十年全部项目档案，需逐件调阅' });
    expect(delayed).toMatchObject({ dueOn: '2026-05-29', delayedDueOn: '2026-05-29', reasonsReceivedOn: '2026-03-12' });
    const letter = (await listLetters(deps.db, second.id)).at(-1)!;
    expect(letter.kind).toBe('delay_notice');
    expect(JSON.stringify(letter.document)).toContain('2026年5月29日');
    expect(JSON.stringify(letter.document)).toContain('第三十五条');
  });
});

describeEachDialect('assistance and the flag to proactive disclosure (条例第四十三条、第四十四条)', (db) => {
  const setup = async () => {
    const deps = buildDeps(db(), '2026-03-20T02:00:00Z');
    const county = await createOrgan(deps, { name: '青岚县人民政府' });
    const bureau = await createOrgan(deps, { parentCode: county.code, name: '青岚县住房和城乡建设局' });
    const admin = await asActor(deps, (await createStaff(deps, bureau.code, 'organ_admin')).id);
    return { deps, bureau, admin };
  };

  it('records who filled in the application for an applicant who could not (第二十九条、第四十三条)', async () => {
    const { deps, bureau, admin } = await setup();
    const { application } = await registerApplication(deps, admin, bureau.id, { channel: 'in_person', arrivedOn: '2026-03-20', assistedBy: '政务公开办公室李某（申请人口述）', ...applicantInput() });
    expect(application.assistedBy).toBe('政务公开办公室李某（申请人口述）');
    expect((await listEvents(deps.db, application.id))[0].note).toContain('代为填写');
  });

  it('the same information disclosed on application again is flagged to become proactive disclosure; staff may flag for public interest', async () => {
    const { deps, bureau, admin } = await setup();
    const subject = '2025年城区老旧小区改造项目清单';
    const first = await registerInPerson(deps, admin, bureau.id, '2026-03-02', { subject });
    await performVerb(deps, admin, first.id, disclose);
    expect((await requireApplication(deps.db, first.id)).proactiveFlag).toBe(false);
    const second = await registerInPerson(deps, admin, bureau.id, '2026-03-03', { subject: ` ${subject} ` });
    const replied = await performVerb(deps, admin, second.id, disclose);
    expect(replied).toMatchObject({ proactiveFlag: true, proactiveFlagReason: expect.stringContaining('第四十四条') });
    expect((await listWork(deps, [bureau.id], 'proactive')).items.map((a) => a.id)).toEqual([second.id]);

    const other = await registerInPerson(deps, admin, bureau.id, '2026-03-04', { subject: '城区燃气管道改造计划' });
    await expect(flagForProactiveDisclosure(deps, admin, other.id, '')).rejects.toMatchObject({ code: E.reasonRequired });
    await flagForProactiveDisclosure(deps, admin, other.id, '涉及全城居民用气安全，公众普遍关注');
    expect(await requireApplication(deps.db, other.id)).toMatchObject({ proactiveFlag: true, proactiveFlagReason: '涉及全城居民用气安全，公众普遍关注' });
  });
});
