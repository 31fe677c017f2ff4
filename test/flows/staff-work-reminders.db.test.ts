import { expect, it } from 'vitest';
import { describeEachDialect } from '../support/db.ts';
import { buildTestApp, loginAs } from '../support/app.ts';
import { createActor, createOrgan } from '../support/factories.ts';
import { applicantInput, registerInPerson } from '../../src/modules/applications/testing/application-factories.ts';
import { submitOnlineApplication } from '../../src/modules/applications/index.ts';

/**
 * What waits for an organ's staff appears where they look first — 待办 and 工作台 — with counts:
 * online applications waiting for 确认收到, applications due within 5 working days, overdue ones
 * (docs/workflows/application-states.md, "Where staff see their cases").
 */
describeEachDialect('待办 and 工作台 list the applications waiting for the staff', (db) => {
  it('counts new online applications, soon-due and overdue cases of the organs the person acts on, and no others', async () => {
    // Wednesday 2026-06-10: five working days later is 06-17 (06-19 is the 端午 holiday, after it).
    const { app, deps } = await buildTestApp(db(), '2026-06-10T02:00:00Z');
    const county = await createOrgan(deps);
    const bureau = await createOrgan(deps, { kind: 'department', parentCode: county.code, name: '青岚县住房和城乡建设局' });
    const other = await createOrgan(deps, { kind: 'department', parentCode: county.code, name: '青岚县交通运输局' });
    const officer = await createActor(deps, bureau.code, 'editor');
    const outsider = await createActor(deps, other.code, 'editor');

    await submitOnlineApplication(deps, bureau.code, applicantInput());
    await submitOnlineApplication(deps, bureau.code, applicantInput());
    const overdue = await registerInPerson(deps, officer.actor, bureau.id, '2026-05-11');
    const soon = await registerInPerson(deps, officer.actor, bureau.id, '2026-05-14');
    const lastSoon = await registerInPerson(deps, officer.actor, bureau.id, '2026-05-20');
    const later = await registerInPerson(deps, officer.actor, bureau.id, '2026-05-21');
    expect([overdue.dueOn, soon.dueOn, lastSoon.dueOn, later.dueOn]).toEqual(['2026-06-08', '2026-06-11', '2026-06-17', '2026-06-18']);

    const mine = await loginAs(app, officer.username, officer.password);
    for (const url of ['/admin/review', '/admin']) {
      const page = await app.inject({ url, cookies: mine.cookies });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(`${bureau.name}：2 件网上、传真或电子邮件申请等待确认收到`);
      expect(page.body).toContain(`/admin/applications?organ=${bureau.code}&amp;view=awaiting_confirmation`);
      expect(page.body).toContain(`${bureau.name}：2 件依申请公开将在 5 个工作日内到期`);
      expect(page.body).toContain(`/admin/applications?organ=${bureau.code}&amp;view=due_soon`);
      expect(page.body).toContain(`${bureau.name}：1 件依申请公开已超过答复期限`);
      expect(page.body).toContain(`/admin/applications?organ=${bureau.code}&amp;view=overdue`);
    }

    const theirs = await loginAs(app, outsider.username, outsider.password);
    for (const url of ['/admin/review', '/admin']) {
      const page = await app.inject({ url, cookies: theirs.cookies });
      expect(page.body).not.toContain('件依申请公开');
      expect(page.body).not.toContain('等待确认收到');
    }
    await app.close();
  });
});
