import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { trackingNoOf } from '../support/tracking-no.ts';
import { buildTestApp, loginAs } from '../support/app.ts';
import { describeEachDialect } from '../support/db.ts';
import { createOrgan, createStaff } from '../support/factories.ts';
import type { AppDeps } from '../../src/platform/app-deps.ts';
import type { Organ } from '../../src/modules/catalog/index.ts';
import { applicantInput } from '../../src/modules/applications/testing/application-factories.ts';
import { computeApplicationsTable } from '../../src/modules/reports/domain/applications-table.ts';

/**
 * The whole journey of issue 5: an online application without an account → confirmation (条例第三十一条)
 * → review → a correction notice and the corrected application (第三十条) → processing → a third-party
 * consultation (第三十二条) → an extension approved by the office head (第三十三条) → the reply with its
 * letter → the applicant downloads it → the case counts in table 三 of the annual report.
 */
describeEachDialect('flow: online application to reply letter', (db) => {
  let app: FastifyInstance;
  let deps: AppDeps & { clock: { set(at: string): void } };
  let county: Organ;
  let bureau: Organ;
  let handler: { id: number; username: string; password: string };
  let head: { username: string; password: string };

  beforeAll(async () => {
    const built = await buildTestApp(db(), '2026-01-26T01:00:00Z');
    app = built.app;
    deps = built.deps;
    county = await createOrgan(deps, { name: '青岚县人民政府' });
    bureau = await createOrgan(deps, { parentCode: county.code, name: '青岚县住房和城乡建设局' });
    handler = await createStaff(deps, bureau.code, 'editor');
    head = await createStaff(deps, bureau.code, 'organ_admin');
  });
  afterAll(async () => app?.close());

  /** Staff act on the day the clock says; each day they sign in afresh. */
  const onDay = async (day: string, who: { username: string; password: string }) => {
    deps.clock.set(`${day}T01:00:00Z`);
    return loginAs(app, who.username, who.password);
  };
  const act = async (s: { cookies: Record<string, string>; csrf: string }, id: number, verb: string, fields: Record<string, string> = {}) => {
    const res = await app.inject({ method: 'POST', url: `/admin/applications/${id}/verbs/${verb}`, cookies: s.cookies, payload: { _csrf: s.csrf, ...fields } });
    if (res.statusCode !== 303) throw new Error(`${verb} refused (${res.statusCode}): ${/class="error-message"[^>]*>([^<]+)/.exec(res.body)?.[1] ?? res.body.slice(0, 200)}`);
  };
  const row = (id: number) => deps.db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('goes from the public form to a reply letter the applicant downloads, and is counted in the annual report', async () => {
    // 1. The applicant applies online on Monday 2026-01-26.
    const form = await app.inject({ url: `/organs/${bureau.code}/apply` });
    const token = /name="formToken" value="([^"]+)"/.exec(form.body)![1];
    deps.clock.set('2026-01-26T01:03:00Z');
    const submitted = await app.inject({
      method: 'POST', url: `/organs/${bureau.code}/apply`,
      payload: { formToken: token, website: '', ...applicantInput({ deliveryMethod: 'online', subject: '青岚县2025年城区老旧小区改造项目清单及各项目补助资金' }) },
    });
    expect(submitted.statusCode).toBe(303);
    const receipt = await app.inject({ url: String(submitted.headers.location), cookies: Object.fromEntries(submitted.cookies.map((c) => [c.name, c.value])) });
    const trackingNo = trackingNoOf(receipt.body)!;
    const queryCode = /id="query-code">([^<]+)</.exec(receipt.body)![1];
    const id = (await deps.db.selectFrom('applications').select('id').where('tracking_no', '=', trackingNo).executeTakeFirstOrThrow()).id;
    expect(await row(id)).toMatchObject({ state: 'awaiting_confirmation', received_on: null, due_on: null, channel: 'online' });

    // 2. Next day the office phones the applicant: both sides confirm; the clock starts.
    let s = await onDay('2026-01-27', handler);
    await act(s, id, 'confirmReceipt', { confirmedOn: '2026-01-27', evidence: '电话确认，申请人本人接听' });
    expect(await row(id)).toMatchObject({ state: 'registered', received_on: '2026-01-27', correction_notice_due_on: '2026-02-05' });
    await act(s, id, 'assignHandler', { handlerUserId: String(handler.id) });
    await act(s, id, 'startReview');

    // 3. The request names no year: one correction notice within 7 working days.
    s = await onDay('2026-02-03', handler);
    await act(s, id, 'requestCorrection', { requestedOn: '2026-02-03', correctionWorkingDays: '10', points: '请写明所需改造项目的年度和所在街道' });
    expect(await row(id)).toMatchObject({ state: 'awaiting_correction', due_on: null, correction_due_on: '2026-02-24' });

    // 4. The corrected application arrives on the last day: 20 working days start again.
    s = await onDay('2026-02-24', handler);
    await act(s, id, 'receiveCorrection', { correctedOn: '2026-02-24' });
    expect(await row(id)).toMatchObject({ state: 'under_review', corrected_on: '2026-02-24', due_on: '2026-03-23' });
    await act(s, id, 'startProcessing');

    // 5. A third party is consulted from 03-02 to 03-09: those working days do not count.
    s = await onDay('2026-03-02', handler);
    await act(s, id, 'startConsultation', { kind: 'third_party', party: '青岚县安居工程建设有限公司', sentOn: '2026-03-02' });
    s = await onDay('2026-03-09', handler);
    await act(s, id, 'endConsultation', { endedOn: '2026-03-09', note: '不同意公开其内部成本明细' });
    expect(await row(id)).toMatchObject({ state: 'in_progress', due_on: '2026-03-30' });

    // 6. The handler may not extend; the head of the disclosure office approves 10 working days.
    s = await onDay('2026-03-20', handler);
    const refused = await app.inject({ method: 'POST', url: `/admin/applications/${id}/verbs/extendDeadline`, cookies: s.cookies, payload: { _csrf: s.csrf, workingDays: '10', approvedOn: '2026-03-20', reason: '涉及多个街道档案' } });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('须经政府信息公开工作机构负责人同意');
    const h = await onDay('2026-03-20', head);
    await act(h, id, 'extendDeadline', { workingDays: '10', approvedOn: '2026-03-20', reason: '涉及多个街道的项目档案，需要逐一调取' });
    expect(await row(id)).toMatchObject({ due_on: '2026-04-14', original_due_on: '2026-03-30', extension_working_days: 10 });

    // 7. The case page explains the date.
    const page = await app.inject({ url: `/admin/applications/${id}`, cookies: h.cookies });
    expect(page.body).toContain('答复期限：2026-04-14（含当日）');
    expect(page.body).toContain('2026-02-24 收到补正后的申请，当日不计，自次日起重新计算20个工作日（条例第三十条）');
    expect(page.body).toContain('征求第三方意见（青岚县安居工程建设有限公司）期间，不计');
    expect(page.body).toContain('延长答复期限10个工作日');

    // 8. The reply: part disclosed, the rest withheld to protect the third party.
    s = await onDay('2026-04-10', handler);
    await act(s, id, 'recordReply', { outcome: 'partly_disclosed', withheldGround: 'withheld.third_party_rights', withheldReason: '各项目内部成本明细涉及第三方商业秘密，第三方不同意公开', providedForm: 'electronic', repliedOn: '2026-04-10', text: '现提供项目清单及补助资金总额；各项目内部成本明细涉及第三方商业秘密，经征求意见，第三方不同意公开，依照条例第十五条不予公开。' });
    expect(await row(id)).toMatchObject({ state: 'replied', outcome: 'partly_disclosed', replied_on: '2026-04-10' });

    // 9. The applicant checks the status and downloads the letter.
    // The query answers 303 to the status page, which opens with the cookie it sets (Back returns to it).
    const posted = await app.inject({ method: 'POST', url: '/applications/status', payload: { trackingNo, queryCode } });
    const status = await app.inject({ url: String(posted.headers.location), cookies: Object.fromEntries(posted.cookies.map((c) => [c.name, c.value])) });
    expect(status.body).toContain('已答复');
    expect(status.body).toContain('<td>部分公开</td>');
    const kinds = [...status.body.matchAll(/<td[^>]*>([^<]*告知书)<\/td>/g)].map((m) => m[1]);
    expect(kinds).toEqual(['补正告知书', '延期答复告知书', '答复告知书']);
    expect(status.body).not.toContain('征求意见函');
    const letterIds = [...status.body.matchAll(/\/letters\/(\d+)\?format=html/g)].map((m) => m[1]);
    const reply = await app.inject({ method: 'POST', url: `/applications/status/letters/${letterIds[letterIds.length - 1]}`, payload: { trackingNo, queryCode, format: 'html' } });
    expect(reply.body).toContain('政府信息公开申请答复告知书');
    expect(reply.body).toContain('《中华人民共和国政府信息公开条例》第三十七条');
    expect(reply.body).toContain('向青岚县人民政府申请行政复议');
    expect(reply.body).toContain('应当先申请行政复议');
    expect(reply.body).toContain('行政复议网上申请渠道');
    expect(reply.body).toContain('2026年4月10日');

    // 10. Counted once in table 三 of 2026: received, and closed as 部分公开.
    const rows = await deps.db.selectFrom('applications').select(['applicant_type', 'outcome', 'received_on', 'replied_on']).where('organ_id', '=', bureau.id).execute();
    const table = computeApplicationsTable(rows.map((r) => ({ applicantType: r.applicant_type, outcome: r.outcome, receivedOn: r.received_on, repliedOn: r.replied_on })), 2026);
    expect(table.received.natural_person).toBe(1);
    expect(table.partly_disclosed.natural_person).toBe(1);
    expect(table.carried_out.total).toBe(0);

    // 11. The applicant applies for reconsideration; the case records it for table 四.
    s = await onDay('2026-05-06', handler);
    const appeal = await app.inject({ method: 'POST', url: `/admin/applications/${id}/appeals`, cookies: s.cookies, payload: { _csrf: s.csrf, kind: 'reconsideration', body: '青岚县人民政府', filedOn: '2026-05-06', result: 'pending', decidedOn: '' } });
    expect(appeal.statusCode).toBe(303);
    expect(await deps.db.selectFrom('appeals').select(['kind', 'result', 'filed_on', 'tracking_no']).where('application_id', '=', id).execute()).toEqual([
      { kind: 'reconsideration', result: 'pending', filed_on: '2026-05-06', tracking_no: trackingNo },
    ]);

    const timeline = await deps.db.selectFrom('application_events').select('verb').where('application_id', '=', id).orderBy('id').execute();
    expect(timeline.map((e) => e.verb)).toEqual([
      'submitOnline', 'confirmReceipt', 'assignHandler', 'startReview', 'requestCorrection', 'receiveCorrection', 'startProcessing',
      'startConsultation', 'endConsultation', 'extendDeadline', 'recordReply',
    ]);
  });
});
