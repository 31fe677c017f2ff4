import { expect, it } from 'vitest';
import { describeEachDialect } from '../support/db.ts';
import { buildTestApp, loginAs } from '../support/app.ts';
import { createActor, createOrgan } from '../support/factories.ts';
import { applicantInput, registerInPerson } from '../../src/modules/applications/testing/application-factories.ts';
import { registerApplication } from '../../src/modules/applications/index.ts';

describeEachDialect('the 待办 page reminds staff of application deadlines', (db) => {
  it('lists overdue applications of the person’s organ with a link to the work list', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-03-02T02:00:00Z');
    const organ = await createOrgan(deps, { kind: 'department', parentCode: (await createOrgan(deps)).code });
    const officer = await createActor(deps, organ.code, 'organ_admin');
    await registerInPerson(deps, officer.actor, organ.id, '2026-01-05');
    const { cookies } = await loginAs(app, officer.username, officer.password);
    const page = await app.inject({ url: '/admin/review', cookies });
    expect(page.body).toContain('<h2 id="rem-h">待办提醒（2）</h2>'); // with the annual-report season's line
    expect(page.body).toContain('1 件依申请公开已超过答复期限');
    expect(page.body).toContain(`/admin/applications?organ=${organ.code}&amp;view=overdue`);
    await app.close();
  });

  it('lists online, fax and e-mail applications left unconfirmed for days (条例第三十一条第（三）项)', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-03-10T02:00:00Z');
    const organ = await createOrgan(deps, { kind: 'department', parentCode: (await createOrgan(deps)).code });
    const officer = await createActor(deps, organ.code, 'organ_admin');
    await registerApplication(deps, officer.actor, organ.id, { channel: 'email', arrivedOn: '2026-03-03', ...applicantInput() });
    const { cookies } = await loginAs(app, officer.username, officer.password);
    const page = await app.inject({ url: '/admin/review', cookies });
    expect(page.body).toContain('1 件网上、传真或电子邮件申请到达已超过 2 个工作日仍未与申请人确认');
    expect(page.body).toContain(`/admin/applications?organ=${organ.code}&amp;view=unconfirmed_aged`);
    await app.close();
  });
});
