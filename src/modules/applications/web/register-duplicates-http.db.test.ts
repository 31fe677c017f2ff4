import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createOrgan, createStaff, system } from '../../../../test/support/factories.ts';
import type { AppDeps } from '../../../platform/app-deps.ts';
import type { Organ } from '../../catalog/index.ts';
import { applicantInput } from '../testing/application-factories.ts';
import { registerApplication } from '../use-cases/register-application.ts';

/**
 * Found by an outside tester: an officer registering two separately filled paper forms of one
 * applicant asking for the same thing made two cases without a word. Registration now warns, links
 * the earlier case and registers once 仍然登记 is ticked.
 */
describeEachDialect('registering the same application twice', (db) => {
  let app: FastifyInstance;
  let deps: AppDeps & { clock: { set(at: string): void } };
  let organ: Organ;
  let officer: { cookies: Record<string, string>; csrf: string };

  beforeAll(async () => {
    const built = await buildTestApp(db(), '2026-03-10T02:00:00Z');
    app = built.app;
    deps = built.deps;
    organ = await createOrgan(deps);
    const e = await createStaff(deps, organ.code, 'editor');
    officer = await loginAs(app, e.username, e.password);
  });
  afterAll(async () => app?.close());

  const count = async () => Number((await deps.db.selectFrom('applications').select((eb) => eb.fn.countAll<number>().as('n')).where('organ_id', '=', organ.id).executeTakeFirstOrThrow()).n);
  /** A freshly opened 登记申请 form, filled in and sent. */
  const register = async (fields: Record<string, string>) => {
    const form = await app.inject({ url: `/admin/applications/new?organ=${organ.code}`, cookies: officer.cookies });
    const formToken = /name="formToken" value="([^"]+)"/.exec(form.body)![1]!;
    const payload = { _csrf: officer.csrf, formToken, channel: 'in_person', arrivedOn: '2026-03-09', ...fields };
    return { payload, res: await app.inject({ method: 'POST', url: `/admin/applications/new?organ=${organ.code}`, cookies: officer.cookies, payload }) };
  };
  const applicant = { applicantName: '赵某', applicantIdNumber: '11010519491231002X', contactPhone: '13700000000' };

  it('warns with the earlier case linked, registers nothing, and registers when 仍然登记 is ticked', async () => {
    const first = await register(applicantInput({ ...applicant, subject: '2025年城区老旧小区改造项目清单及资金安排' }));
    expect(first.res.statusCode).toBe(201);
    const earlier = await deps.db.selectFrom('applications').select(['id', 'tracking_no']).where('applicant_name', '=', '赵某').executeTakeFirstOrThrow();
    const before = await count();

    // The second paper form: the same person (phone written with dashes), the description worded a little differently.
    const second = await register(applicantInput({ ...applicant, contactPhone: '137-0000-0000', subject: '2025年城区老旧小区改造项目清单、资金安排情况' }));
    expect(second.res.statusCode).toBe(409);
    expect(second.res.body).toContain('可能重复登记');
    // Opened in a new tab: going Back to a form page answered to a POST would lose what was typed.
    expect(second.res.body).toContain(`<a href="/admin/applications/${earlier.id}" target="_blank" rel="noopener">${earlier.tracking_no}（在新标签页打开）</a>`);
    expect(second.res.body).toContain('2026年3月9日到达，已登记');
    expect(second.res.body).toMatch(/<input type="checkbox" id="f-duplicateConfirmed" name="duplicateConfirmed" value="on"\/?>/);
    expect(second.res.body).toContain('<label for="f-duplicateConfirmed">仍然登记');
    // What was typed comes back, and the form keeps its token: nothing was registered.
    expect(second.res.body).toContain('value="137-0000-0000"');
    expect(second.res.body).toContain(`name="formToken" value="${second.payload.formToken}"`);
    expect(await count()).toBe(before);

    const confirmed = await app.inject({
      method: 'POST', url: `/admin/applications/new?organ=${organ.code}`, cookies: officer.cookies, payload: { ...second.payload, duplicateConfirmed: 'on' },
    });
    expect(confirmed.statusCode).toBe(201);
    expect(confirmed.body).toMatch(/id="query-code">[A-Z2-9]{8}</);
    expect(await count()).toBe(before + 1);
  });

  it('does not warn for another request of the same applicant, another year, or a namesake', async () => {
    const before = await count();
    expect((await register(applicantInput({ ...applicant, subject: '2025年公共租赁住房配租结果及轮候名单' }))).res.statusCode).toBe(201);
    expect((await register(applicantInput({ ...applicant, subject: '2024年城区老旧小区改造项目清单及资金安排' }))).res.statusCode).toBe(201);
    expect((await register(applicantInput({ applicantName: '赵某', applicantIdNumber: '110105194912310038', contactPhone: '13600000000', contactEmail: 'zhao@example.cn', subject: '2025年城区老旧小区改造项目清单及资金安排' }))).res.statusCode).toBe(201);
    expect(await count()).toBe(before + 3);
  });

  it('compares a case still open however old, a closed one only within 30 days, and only the organ’s own', async () => {
    const who = { applicantName: '钱某', applicantIdNumber: '11010519491231002X', contactPhone: '13500000000' };
    const subject = '青岚县2025年棚户区改造项目征收补偿方案';
    deps.clock.set('2026-01-05T02:00:00Z');
    const old = (await registerApplication(deps, system, organ.id, { channel: 'in_person', arrivedOn: '2026-01-05', ...applicantInput({ ...who, subject }) })).application;
    deps.clock.set('2026-03-10T02:00:00Z');
    const again = () => registerApplication(deps, system, organ.id, { channel: 'in_person', arrivedOn: '2026-03-10', ...applicantInput({ ...who, subject }) });
    await expect(again()).rejects.toMatchObject({ code: 'ERR_APPLICATION_POSSIBLE_DUPLICATE', cases: [expect.objectContaining({ id: old.id })] });
    // Closed more than 30 days ago: a new application.
    await deps.db.updateTable('applications').set({ state: 'archived' }).where('id', '=', old.id).execute();
    const fresh = await again();
    expect(fresh.created).toBe(true);
    // Closed yesterday, say: within 30 days, and asked again.
    await deps.db.updateTable('applications').set({ state: 'replied' }).where('id', '=', fresh.application.id).execute();
    await expect(again()).rejects.toMatchObject({ cases: [expect.objectContaining({ id: fresh.application.id })] });
    // Another organ's case is another organ's application.
    const other = await createOrgan(deps);
    expect((await registerApplication(deps, system, other.id, { channel: 'in_person', arrivedOn: '2026-03-10', ...applicantInput({ ...who, subject }) })).created).toBe(true);
    await expect(again()).rejects.toMatchObject({ cases: [expect.objectContaining({ id: fresh.application.id })] });
  });
});
