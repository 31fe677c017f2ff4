import { expect, it } from 'vitest';
import { describeEachDialect } from '../support/db.ts';
import { buildTestApp, loginAs } from '../support/app.ts';
import { createActor, createNode, createOrgan, createReviewCast, publicationInput } from '../support/factories.ts';
import { createPublication } from '../../src/modules/catalog/index.ts';
import { fillReviewForm, performReviewVerb } from '../../src/modules/review/index.ts';
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

  it('shows items still in the review chain past their 20 working days (条例第二十六条) before they are published', async () => {
    // Wednesday 2026-06-10. Formed 2026-05-08: the 20 working days (Saturday 05-09 a 调休 working day) ended 06-04. Formed 05-20: due 06-17.
    const { app, deps } = await buildTestApp(db(), '2026-06-10T02:00:00Z');
    const bureau = await createOrgan(deps);
    const other = await createOrgan(deps);
    const node = await createNode(deps, bureau.id);
    const cast = await createReviewCast(deps, bureau.code);
    const outsider = await createActor(deps, other.code, 'editor');
    const inChain = async (formedOn: string, title: string) => {
      const p = await createPublication(deps, cast.author.actor, bureau.id, publicationInput([node], { formedOn, title }));
      await fillReviewForm(deps, cast.author.actor, p.id, { secrecyLevel: 'non_secret' });
      await performReviewVerb(deps, cast.author.actor, p.id, 'submit');
      return p;
    };
    await inChain('2026-05-08', '逾期未公开的通知');
    await inChain('2026-05-20', '尚在时限内的通知');
    const draft = await createPublication(deps, cast.author.actor, bureau.id, publicationInput([node], { formedOn: '2026-05-08', title: '未报送的草稿' }));

    const office = await loginAs(app, cast.office.username, cast.office.password);
    for (const url of ['/admin/review', '/admin']) {
      const page = await app.inject({ url, cookies: office.cookies });
      expect(page.body).toContain(`${bureau.name}：1 件审核中的信息自形成之日起已超过 20 个工作日仍未公开`);
    }
    const inbox = (await app.inject({ url: '/admin/review', cookies: office.cookies })).body;
    const lateSection = inbox.slice(inbox.indexOf('已超过公开时限（1）'), inbox.indexOf('id="mine-h"'));
    expect(lateSection).toContain('逾期未公开的通知');
    expect(lateSection).toContain('2026-06-04（已逾期）');
    expect(lateSection).not.toContain('尚在时限内的通知');
    expect(inbox).toContain('2026-06-17');
    expect(lateSection).not.toContain(draft.title);

    const theirs = await loginAs(app, outsider.username, outsider.password);
    expect((await app.inject({ url: '/admin/review', cookies: theirs.cookies })).body).not.toContain('已超过 20 个工作日');
    await app.close();
  });
});
