import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createNode, createOrgan, createStaff } from '../../../../test/support/factories.ts';

/** Issue 15: the menu shows what a person's roles can use, and 新建信息 is there under 全部. */
describeEachDialect('the back office’s menu and 新建信息', (db) => {
  it('hides entries a role cannot use, and offers 新建信息 without an organ filter', async () => {
    const { app, deps } = await buildTestApp(db());
    const bureau = await createOrgan(deps);
    const other = await createOrgan(deps);
    // 新建信息 is offered where an item has a catalog node to go in.
    for (const o of [bureau, other]) await createNode(deps, o.id, { name: '工作动态' });
    const editor = await createStaff(deps, bureau.code, 'editor');
    const admin = await createStaff(deps, bureau.code, 'organ_admin');
    const mine = await loginAs(app, editor.username, editor.password);
    const list = (await app.inject({ url: '/admin/publications', cookies: mine.cookies })).body;
    expect(list).not.toContain('href="/admin/users"');
    expect(list).not.toContain('href="/admin/audit"');
    expect(list).toContain(`<a class="btn" href="/admin/organs/${bureau.code}/publications/new">新建信息</a>`);
    const theirs = await loginAs(app, admin.username, admin.password);
    expect((await app.inject({ url: '/admin', cookies: theirs.cookies })).body).toContain('href="/admin/users"');

    // Someone working for two organs chooses the organ first.
    const both = await createStaff(deps, bureau.code, 'editor');
    await deps.db.insertInto('user_roles').values({ user_id: both.id, organ_id: other.id, role: 'editor' }).execute();
    const two = await loginAs(app, both.username, both.password);
    const choice = (await app.inject({ url: '/admin/publications', cookies: two.cookies })).body;
    expect(choice).toContain('<form method="get" action="/admin/publications/new"');
    const go = await app.inject({ url: `/admin/publications/new?organ=${other.code}`, cookies: two.cookies });
    expect(go.statusCode).toBe(303);
    expect(go.headers.location).toBe(`/admin/organs/${other.code}/publications/new`);
    expect((await app.inject({ url: '/admin/publications/new?organ=nope', cookies: two.cookies })).statusCode).toBe(404);
    await app.close();
  });

  it('shows no 依申请公开, 部门信箱, 意见征集 or 建议提案 to someone who handles no organ (roles on internal units only)', async () => {
    const { app, deps } = await buildTestApp(db());
    const bureau = await createOrgan(deps);
    const unit = await createOrgan(deps, { parentCode: bureau.code, kind: 'unit' });
    const handling = ['/admin/applications', '/admin/letters', '/admin/consultations', '/admin/proposals'];
    for (const role of ['editor', 'unit_head'] as const) {
      const clerk = await createStaff(deps, unit.code, role);
      const s = await loginAs(app, clerk.username, clerk.password);
      const page = (await app.inject({ url: '/admin', cookies: s.cookies })).body;
      expect(page, role).toContain('href="/admin/publications"');
      for (const href of handling) expect(page, `${role} ${href}`).not.toContain(`href="${href}"`);
      // A refusal's page keeps the same menu.
      const refused = await app.inject({ url: `/admin/applications?organ=${bureau.code}`, cookies: s.cookies });
      expect(refused.statusCode).toBe(403);
      for (const href of handling) expect(refused.body, `${role} 403 ${href}`).not.toContain(`href="${href}"`);
    }
    // The organ's own 信息员 handles its applications, letters, consultations and proposals.
    const editor = await createStaff(deps, bureau.code, 'editor');
    const mine = await loginAs(app, editor.username, editor.password);
    const page = (await app.inject({ url: '/admin', cookies: mine.cookies })).body;
    for (const href of handling) expect(page, href).toContain(`href="${href}"`);
    await app.close();
  });

  it('hides those four entries on every back-office page, also on pages that build no staff context (账号, 令牌, 用户, 审计日志, 节假日) and on their refusals', async () => {
    const { app, deps } = await buildTestApp(db());
    const bureau = await createOrgan(deps);
    const unit = await createOrgan(deps, { parentCode: bureau.code, kind: 'unit' });
    const handling = ['/admin/applications', '/admin/letters', '/admin/consultations', '/admin/proposals'];
    const pages = ['/admin/account', '/admin/tokens', '/admin/users', '/admin/audit', '/admin/calendar'];
    // The unit's administrator may open 用户 and 审计日志 (their unit's entries); 节假日 answers them 403, in the same frame.
    const unitAdmin = await createStaff(deps, unit.code, 'organ_admin');
    const theirs = await loginAs(app, unitAdmin.username, unitAdmin.password);
    for (const url of pages) {
      const res = await app.inject({ url, cookies: theirs.cookies });
      expect([200, 403], url).toContain(res.statusCode);
      expect(res.body, url).toContain('aria-label="后台导航"');
      expect(res.body, url).toContain('href="/admin/publications"');
      for (const href of handling) expect(res.body, `${url} ${href}`).not.toContain(`href="${href}"`);
    }
    // The organ's own administrator handles them, and sees them on the same pages.
    const organAdmin = await createStaff(deps, bureau.code, 'organ_admin');
    const mine = await loginAs(app, organAdmin.username, organAdmin.password);
    for (const url of pages) {
      const res = await app.inject({ url, cookies: mine.cookies });
      for (const href of handling) expect(res.body, `${url} ${href}`).toContain(`href="${href}"`);
    }
    await app.close();
  });

  it('offers 交办来信 to staff of an internal unit whose organ they do not handle, on every page, and not to the organ’s handlers', async () => {
    const { app, deps } = await buildTestApp(db());
    const bureau = await createOrgan(deps);
    const unit = await createOrgan(deps, { parentCode: bureau.code, kind: 'unit' });
    const entry = '<a href="/admin/letters/units">交办来信</a>';
    const clerk = await createStaff(deps, unit.code, 'editor');
    const theirs = await loginAs(app, clerk.username, clerk.password);
    for (const url of ['/admin', '/admin/publications', '/admin/account', '/admin/letters/units']) {
      expect((await app.inject({ url, cookies: theirs.cookies })).body, url).toContain(entry);
    }
    // The organ's handlers reach the same letters through 部门信箱.
    const editor = await createStaff(deps, bureau.code, 'editor');
    const mine = await loginAs(app, editor.username, editor.password);
    for (const url of ['/admin', '/admin/account']) expect((await app.inject({ url, cookies: mine.cookies })).body, url).not.toContain(entry);
    await app.close();
  });
});
