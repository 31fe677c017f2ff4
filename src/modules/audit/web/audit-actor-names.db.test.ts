import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createOrgan, createStaff } from '../../../../test/support/factories.ts';
import { appendAuditEvent, auditEventsFor } from '../storage/audit-repository.ts';

// The audit log named people two ways (an outside tester): 登录 rows the bare username "shenhe4", other rows
// "审核员丁（shenhe4）". Every row now names a person 姓名（用户名）, on the list and on the entry's page — the
// username alone only when the account no longer exists.
describeEachDialect('who acted, in the audit log', (db) => {
  it('names a person 姓名（用户名） on 登录 rows as on every other, old entries too; a gone account by its recorded name', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    const sysadmin = await createStaff(deps, organ.code, 'system_admin');
    const reviewer = await createStaff(deps, organ.code, 'disclosure_office');
    const nameOf = async (id: number) => {
      const u = await deps.db.selectFrom('users').select(['display_name', 'username']).where('id', '=', id).executeTakeFirstOrThrow();
      return `${u.display_name}（${u.username}）`;
    };
    await loginAs(app, reviewer.username, reviewer.password);
    // As a sign-in was recorded before 2026-12-07 (the label is in the hash, so it stays as written).
    const at = deps.clock.now().toISOString();
    await appendAuditEvent(deps.db, deps.dialect, {
      occurredAt: at, actorUserId: reviewer.id, actorLabel: reviewer.username, action: 'auth.password_ok', entityType: 'user', entityId: String(reviewer.id), organId: null, before: null, after: null,
    });
    // An account that no longer exists: its recorded name is all there is.
    await appendAuditEvent(deps.db, deps.dialect, {
      occurredAt: at, actorUserId: 987654, actorLabel: 'shenhe9', action: 'auth.login_failed', entityType: 'user', entityId: '987654', organId: null, before: null, after: null,
    });
    const { cookies } = await loginAs(app, sysadmin.username, sysadmin.password);
    // A sign-in now records the person as every entry does.
    const signIn = (await auditEventsFor(deps.db, 'user', String(reviewer.id))).find((e) => e.action === 'auth.login')!;
    expect(signIn.actor_label).toBe(await nameOf(reviewer.id));

    const page = await app.inject({ url: '/admin/audit', cookies });
    expect(page.statusCode).toBe(200);
    const cells = [...page.body.matchAll(/<td data-label="操作人">([^<]*)<\/td><td data-label="操作">([^<]*)<\/td>/g)].map((m) => [m[1], m[2]]);
    const reviewerRows = (await auditEventsFor(deps.db, 'user', String(reviewer.id))).filter((e) => e.actor_user_id === reviewer.id);
    expect(reviewerRows.length).toBeGreaterThanOrEqual(2);
    expect(cells).toContainEqual([await nameOf(reviewer.id), '登录']);
    expect(cells).toContainEqual([await nameOf(reviewer.id), '密码正确，待输入验证码']);
    expect(cells).toContainEqual([await nameOf(sysadmin.id), '登录']);
    expect(cells).toContainEqual(['shenhe9', '登录失败']);
    // Never the bare username of an account that exists.
    for (const [who] of cells) expect([reviewer.username, sysadmin.username]).not.toContain(who);

    for (const e of reviewerRows) {
      const one = await app.inject({ url: `/admin/audit/${e.id}`, cookies });
      expect(one.statusCode).toBe(200);
      expect(one.body).toContain(`<tr><th scope="row">操作人</th><td>${await nameOf(reviewer.id)}（用户编号 <a href="/admin/users/${reviewer.id}">${reviewer.id}</a>）</td></tr>`);
    }
    // 操作人 finds a person's rows by 姓名, old sign-ins (recorded by username) too.
    const display = (await nameOf(reviewer.id)).split('（')[0]!;
    const found = await app.inject({ url: `/admin/audit?actor=${encodeURIComponent(display)}`, cookies });
    const foundCells = [...found.body.matchAll(/<td data-label="操作人">([^<]*)<\/td><td data-label="操作">([^<]*)<\/td>/g)].map((m) => [m[1], m[2]]);
    expect(foundCells).toContainEqual([await nameOf(reviewer.id), '密码正确，待输入验证码']);
    expect(foundCells).toContainEqual([await nameOf(reviewer.id), '登录']);
    const gone = (await auditEventsFor(deps.db, 'user', '987654'))[0]!;
    expect((await app.inject({ url: `/admin/audit/${gone.id}`, cookies })).body).toContain('<tr><th scope="row">操作人</th><td>shenhe9（用户编号');
    await app.close();
  });
});

describeEachDialect('授予 a role already held, 收回 one not held, on the user page', (db) => {
  it('answers 409 with a notice naming the role, changing and recording nothing; a real grant still works', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    const admin = await createStaff(deps, organ.code, 'organ_admin');
    const editor = await createStaff(deps, organ.code, 'editor');
    const name = (await deps.db.selectFrom('users').select('display_name').where('id', '=', editor.id).executeTakeFirstOrThrow()).display_name;
    const session = await loginAs(app, admin.username, admin.password);
    const post = (url: string, fields: Record<string, string>) => app.inject({
      method: 'POST', url, cookies: session.cookies,
      headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: session.csrf, ...fields }).toString(),
    });
    const entries = async () => (await auditEventsFor(deps.db, 'user', String(editor.id))).length;
    const roles = async () => (await deps.db.selectFrom('user_roles').select('role').where('user_id', '=', editor.id).orderBy('role').execute()).map((r) => r.role);

    const before = await entries();
    const held = await post(`/admin/users/${editor.id}/roles/grant`, { organCode: organ.code, role: 'editor' });
    expect(held.statusCode).toBe(409);
    expect(held.body).toContain(`<p class="flash" role="status">“${name}”已有${organ.name}的“信息员”角色，无需再授予</p>`);
    expect(held.body).not.toContain('class="error-summary"');
    const notHeld = await post(`/admin/users/${editor.id}/roles/revoke`, { organCode: organ.code, role: 'unit_head' });
    expect(notHeld.statusCode).toBe(409);
    expect(notHeld.body).toContain(`<p class="flash" role="status">“${name}”没有${organ.name}的“股室（单位）负责人”角色，无需收回</p>`);
    expect(await entries()).toBe(before);
    expect(await roles()).toEqual(['editor']);

    const granted = await post(`/admin/users/${editor.id}/roles/grant`, { organCode: organ.code, role: 'unit_head' });
    expect(granted.statusCode).toBe(303);
    expect(await entries()).toBe(before + 1);
    expect(await roles()).toEqual(['editor', 'unit_head']);
    await app.close();
  });
});
