import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createOrgan, createStaff, system } from '../../../../test/support/factories.ts';
import type { AppDeps } from '../../../platform/app-deps.ts';
import type { Organ } from '../../catalog/index.ts';
import { registerApplication } from '../use-cases/register-application.ts';
import { applicantInput } from '../testing/application-factories.ts';

/** A refused case verb or registration lists every reason at once, not one per post (found by an outside tester). */
describeEachDialect('a refused case form', (db) => {
  let app: FastifyInstance;
  let deps: AppDeps & { clock: { set(at: string): void } };
  let organ: Organ;
  let session: { cookies: Record<string, string>; csrf: string };
  beforeAll(async () => {
    const built = await buildTestApp(db(), '2026-03-10T02:00:00Z');
    app = built.app;
    deps = built.deps;
    organ = await createOrgan(deps);
    const staff = await createStaff(deps, organ.code, 'organ_admin');
    session = await loginAs(app, staff.username, staff.password);
  });
  afterAll(async () => app?.close());
  const post = (url: string, fields: Record<string, string>) => app.inject({
    method: 'POST', url, cookies: session.cookies, headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: session.csrf, ...fields }).toString(),
  });

  /** A freshly opened 登记申请 form, filled in and sent. */
  const register = async (fields: Record<string, string>) => {
    const form = await app.inject({ url: `/admin/applications/new?organ=${organ.code}`, cookies: session.cookies });
    const formToken = /name="formToken" value="([^"]+)"/.exec(form.body)![1]!;
    return post(`/admin/applications/new?organ=${organ.code}`, { formToken, ...fields });
  };

  it('登记申请: a 确认日期 before arrival and no 确认方式 are reported together', async () => {
    const res = await register({ ...applicantInput(), channel: 'email', arrivedOn: '2026-03-09', confirmedOn: '2026-03-05', receiptEvidence: '' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('确认日期2026-03-05早于到达日期2026-03-09');
    expect(res.body).toContain('请填写与申请人确认的方式');
  });

  it('登记申请: an arrival date in the future is reported with the empty fields, not after them', async () => {
    const res = await register({ ...applicantInput({ applicantName: '', provisionForm: '' }), channel: 'post_signed', arrivedOn: '2026-03-11', receiptEvidence: '' });
    expect(res.statusCode).toBe(400);
    for (const m of ['请填写申请人姓名或名称', '请选择信息的提供形式', '到达日期2026-03-11晚于今天', '邮寄申请请填写签收记录']) expect(res.body).toContain(m);
  });

  it('征求意见 and 发出收费通知 without the kind or method chosen report the other fields too', async () => {
    const { application } = await registerApplication(deps, system, organ.id, { channel: 'in_person', arrivedOn: '2026-03-09', ...applicantInput() });
    await post(`/admin/applications/${application.id}/verbs/startReview`, { version: String(application.version) });
    const consult = await post(`/admin/applications/${application.id}/verbs/startConsultation`, { kind: '', party: '', sentOn: '' });
    expect(consult.statusCode).toBe(400);
    for (const m of ['请选择征求第三方意见或征求其他机关意见', '请填写征求意见的第三方或机关名称', '征求意见函发出日期']) expect(consult.body).toContain(m);
    const fee = await post(`/admin/applications/${application.id}/verbs/issueFeeNotice`, { method: '', sentOn: '', paymentMethod: '' });
    expect(fee.statusCode).toBe(400);
    for (const m of ['收费方式应为按件计收或按量计收', '请填写缴费方式', '收费通知发出日期']) expect(fee.body).toContain(m);
  });

  it('确认收到申请 with a date before arrival and no 确认方式 reports both', async () => {
    const { application } = await registerApplication(deps, system, organ.id, { channel: 'email', arrivedOn: '2026-03-09', ...applicantInput() });
    const res = await post(`/admin/applications/${application.id}/verbs/confirmReceipt`, { confirmedOn: '2026-03-05', evidence: '' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('早于申请到达日期2026-03-09');
    expect(res.body).toContain('请填写与申请人确认的方式');
  });

  /** Found by an outside tester: 转入办理 was offered before a 承办人 was assigned, and the post then refused. */
  it('the case page says why 转入办理 cannot be done yet and leads to 指定承办人, without the button', async () => {
    const { application } = await registerApplication(deps, system, organ.id, { channel: 'in_person', arrivedOn: '2026-03-09', ...applicantInput() });
    await post(`/admin/applications/${application.id}/verbs/startReview`, { version: String(application.version) });
    const page = await app.inject({ url: `/admin/applications/${application.id}`, cookies: session.cookies });
    expect(page.statusCode).toBe(200);
    const section = /<section[^>]*id="verb-startProcessing"[\s\S]*?<\/section>/.exec(page.body)?.[0] ?? '';
    expect(section).toContain('暂不能办理：转入办理前请先指定承办人');
    expect(section).toMatch(/<a href="#verb-assignHandler">[^<]*指定承办人/);
    expect(page.body).not.toContain(`action="/admin/applications/${application.id}/verbs/startProcessing`);
    expect(page.body).toContain(`action="/admin/applications/${application.id}/verbs/assignHandler`);
  });
});
