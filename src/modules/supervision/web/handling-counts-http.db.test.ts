import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createOrgan, createStaff, system } from '../../../../test/support/factories.ts';
import { registerInPerson } from '../../applications/testing/application-factories.ts';

/**
 * Supervision shows an organ's applications and letters (how many are overdue or due, with links to
 * them) only to whoever handles them: an internal unit's staff handle none (条例第二十七条).
 */
describeEachDialect('supervision’s application and letter counts', (db) => {
  it('shows a unit\'s staff no application or letter counts or links on the organ\'s pages; the organ\'s staff see them', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-03-10T02:00:00Z');
    const bureau = await createOrgan(deps);
    const unit = await createOrgan(deps, { parentCode: bureau.code, kind: 'unit' });
    await registerInPerson(deps, system, bureau.id, '2026-01-05'); // long past its 20 working days
    const links = [`/admin/applications?organ=${bureau.code}`, `/admin/letters?organ=${bureau.code}`];

    const editor = await createStaff(deps, bureau.code, 'editor');
    const e = await loginAs(app, editor.username, editor.password);
    const theirs = await app.inject({ url: `/admin/supervision/${bureau.code}`, cookies: e.cookies });
    expect(theirs.statusCode).toBe(200);
    for (const l of links) expect(theirs.body).toContain(`href="${l}`);
    expect(theirs.body).toContain('依申请公开已逾期</a></th><td>1</td>');
    expect((await app.inject({ url: '/admin/supervision', cookies: e.cookies })).body).toMatch(/<td>1<\/td><td>0<\/td><td>0<\/td>/);

    for (const role of ['editor', 'unit_head'] as const) {
      const clerk = await createStaff(deps, unit.code, role);
      const s = await loginAs(app, clerk.username, clerk.password);
      const page = await app.inject({ url: `/admin/supervision/${bureau.code}`, cookies: s.cookies });
      expect(page.statusCode, role).toBe(200);
      for (const l of links) expect(page.body, `${role} ${l}`).not.toContain(`href="${l}`);
      for (const text of ['依申请公开已逾期', '依申请公开即将到期', '留言已逾期', '留言即将到期', '留言超过 3 个月未答复']) expect(page.body, `${role} ${text}`).not.toContain(`>${text}</a>`);
      // The region view's row for the organ keeps its columns, without the counts.
      const region = (await app.inject({ url: '/admin/supervision', cookies: s.cookies })).body;
      expect(region, role).toContain(`href="/admin/supervision/${bureau.code}"`);
      expect(region, role).not.toMatch(/<td>1<\/td><td>0<\/td><td>0<\/td>/);
    }
    await app.close();
  });

  it('draws the on-time shares of applications and letters (chart and table) only for whoever handles the organ', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-03-10T02:00:00Z');
    const bureau = await createOrgan(deps);
    const unit = await createOrgan(deps, { parentCode: bureau.code, kind: 'unit' });
    const onTime = 'id="chart-ontime"';

    const editor = await createStaff(deps, bureau.code, 'editor');
    const e = await loginAs(app, editor.username, editor.password);
    for (const url of [`/admin/supervision/${bureau.code}`, '/admin/supervision']) {
      const page = (await app.inject({ url, cookies: e.cookies })).body;
      expect(page, url).toContain(onTime);
      expect(page, url).toContain('按期答复率');
    }

    for (const role of ['editor', 'unit_head'] as const) {
      const clerk = await createStaff(deps, unit.code, role);
      const s = await loginAs(app, clerk.username, clerk.password);
      for (const url of [`/admin/supervision/${bureau.code}`, '/admin/supervision']) {
        const page = await app.inject({ url, cookies: s.cookies });
        expect(page.statusCode, `${role} ${url}`).toBe(200);
        // The other charts stay; the on-time chart, its table and its series are not there at all.
        expect(page.body, `${role} ${url}`).toContain('id="chart-month"');
        expect(page.body, `${role} ${url}`).not.toContain(onTime);
        expect(page.body, `${role} ${url}`).not.toContain('按期答复率');
        expect(page.body, `${role} ${url}`).not.toMatch(/<th[^>]*>部门信箱<\/th>/);
      }
    }
    await app.close();
  });
});
