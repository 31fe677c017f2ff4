import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createOrgan, createStaff } from '../../../../test/support/factories.ts';

// 停用账号 and 重置两步验证 signed a person out of their work on one click (found by an outside tester):
// each now asks first, on a page naming the account and what will happen, without JavaScript; only the
// confirming POST (with the CSRF token) does it, audited as before.
describeEachDialect('confirming 停用账号 and 重置两步验证 on a user page', (db) => {
  const form = (session: { cookies: Record<string, string> }, url: string, fields: Record<string, string>) => ({
    method: 'POST' as const, url, cookies: session.cookies,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(fields).toString(),
  });

  it('停用账号: the user page leads to a confirmation; nothing changes until it is confirmed with the CSRF token', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    const admin = await createStaff(deps, organ.code, 'organ_admin');
    const editor = await createStaff(deps, organ.code, 'editor');
    const name = (await deps.db.selectFrom('users').select('display_name').where('id', '=', editor.id).executeTakeFirstOrThrow()).display_name;
    const session = await loginAs(app, admin.username, admin.password);
    const theirs = await loginAs(app, editor.username, editor.password);
    const active = async () => (await deps.db.selectFrom('users').select('is_active').where('id', '=', editor.id).executeTakeFirstOrThrow()).is_active;
    const signedIn = async () => (await deps.db.selectFrom('sessions').select('id').where('user_id', '=', editor.id).execute()).length;

    // The user page has no one-click form that deactivates: a link to the confirmation.
    const page = await app.inject({ url: `/admin/users/${editor.id}`, cookies: session.cookies });
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toMatch(new RegExp(`<form[^>]*action="/admin/users/${editor.id}/deactivate"`));
    expect(page.body).toMatch(new RegExp(`<a[^>]*href="/admin/users/${editor.id}/deactivate"[^>]*>停用账号`));

    const confirm = await app.inject({ url: `/admin/users/${editor.id}/deactivate`, cookies: session.cookies });
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain(`停用账号：${name}（${editor.username}）`);
    for (const said of ['立即退出', 'API 令牌', '重新启用']) expect(confirm.body).toContain(said);
    expect(confirm.body).toMatch(new RegExp(`<form method="post" action="/admin/users/${editor.id}/deactivate">`));
    expect(confirm.body).toContain(`name="_csrf" value="${session.csrf}"`);
    expect(confirm.body).toMatch(/<input type="hidden" name="confirm" value="1"\/?>/);
    expect(confirm.body).toMatch(new RegExp(`<a href="/admin/users/${editor.id}">取消`));
    expect(await active()).toBe(1);

    // A POST without the confirmation (an old page, a stray form) only shows it again.
    const unconfirmed = await app.inject(form(session, `/admin/users/${editor.id}/deactivate`, { _csrf: session.csrf }));
    expect(unconfirmed.statusCode).toBe(200);
    expect(unconfirmed.body).toContain(`停用账号：${name}（${editor.username}）`);
    expect(await active()).toBe(1);
    // Without the CSRF token: refused as every staff form.
    const forged = await app.inject(form(session, `/admin/users/${editor.id}/deactivate`, { confirm: '1' }));
    expect(forged.statusCode).toBe(403);
    expect(await active()).toBe(1);
    expect(await signedIn()).toBe(1);

    const done = await app.inject(form(session, `/admin/users/${editor.id}/deactivate`, { _csrf: session.csrf, confirm: '1' }));
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe(`/admin/users/${editor.id}`);
    expect(await active()).toBe(0);
    expect(await signedIn()).toBe(0);
    expect((await app.inject({ url: '/admin', cookies: theirs.cookies })).statusCode).not.toBe(200);
    const audit = await deps.db.selectFrom('audit_events').select(['actor_user_id', 'entity_id']).where('action', '=', 'user.deactivate').execute();
    expect(audit).toEqual([{ actor_user_id: admin.id, entity_id: String(editor.id) }]);

    // Reactivating stays one click (it signs no one out); the page then offers it, not the confirmation.
    const after = await app.inject({ url: `/admin/users/${editor.id}`, cookies: session.cookies });
    expect(after.body).toMatch(new RegExp(`<form method="post" action="/admin/users/${editor.id}/activate">`));
    expect(after.body).not.toMatch(new RegExp(`href="/admin/users/${editor.id}/deactivate"`));
    await app.close();
  });

  it('重置两步验证: a confirmation naming the account first; the confirmed POST clears it and signs them out', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    const admin = await createStaff(deps, organ.code, 'organ_admin');
    const editor = await createStaff(deps, organ.code, 'editor');
    const name = (await deps.db.selectFrom('users').select('display_name').where('id', '=', editor.id).executeTakeFirstOrThrow()).display_name;
    const session = await loginAs(app, admin.username, admin.password);
    const at = '2026-03-10T02:00:00.000Z';
    await deps.db.updateTable('users').set({ totp_secret: 'v1:lost:phone', totp_enabled_at: at, totp_last_step: 1 }).where('id', '=', editor.id).execute();
    const enabled = async () => (await deps.db.selectFrom('users').select('totp_enabled_at').where('id', '=', editor.id).executeTakeFirstOrThrow()).totp_enabled_at;

    const page = await app.inject({ url: `/admin/users/${editor.id}`, cookies: session.cookies });
    expect(page.body).not.toMatch(new RegExp(`<form[^>]*action="/admin/users/${editor.id}/two-step/reset"`));
    expect(page.body).toMatch(new RegExp(`<a[^>]*href="/admin/users/${editor.id}/two-step/reset"[^>]*>重置两步验证`));

    const confirm = await app.inject({ url: `/admin/users/${editor.id}/two-step/reset`, cookies: session.cookies });
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain(`重置两步验证：${name}（${editor.username}）`);
    for (const said of ['恢复码', '退出', '重新设置']) expect(confirm.body).toContain(said);
    expect(confirm.body).toMatch(new RegExp(`<form method="post" action="/admin/users/${editor.id}/two-step/reset">`));
    expect(await enabled()).toBe(at);

    expect((await app.inject(form(session, `/admin/users/${editor.id}/two-step/reset`, { _csrf: session.csrf }))).statusCode).toBe(200);
    expect((await app.inject(form(session, `/admin/users/${editor.id}/two-step/reset`, { confirm: '1' }))).statusCode).toBe(403);
    expect(await enabled()).toBe(at);

    const done = await app.inject(form(session, `/admin/users/${editor.id}/two-step/reset`, { _csrf: session.csrf, confirm: '1' }));
    expect(done.statusCode).toBe(303);
    expect(await enabled()).toBeNull();
    const audit = await deps.db.selectFrom('audit_events').select(['actor_user_id', 'entity_id']).where('action', '=', 'auth.2fa_reset').execute();
    expect(audit).toEqual([{ actor_user_id: admin.id, entity_id: String(editor.id) }]);

    // Nothing to reset: the confirmation says so and offers no button.
    const none = await app.inject({ url: `/admin/users/${admin.id}/two-step/reset`, cookies: session.cookies });
    expect(none.statusCode).toBe(409);
    expect(none.body).toContain('未启用两步验证');
    expect(none.body).not.toMatch(/name="confirm"/);
    // Nor does the user page offer it, and a confirmed POST all the same (another tab, a resent form)
    // changes and records nothing: the confirmation's reason, 409.
    const without = await app.inject({ url: `/admin/users/${editor.id}`, cookies: session.cookies });
    expect(without.body).toContain('两步验证：<strong>未启用</strong>');
    expect(without.body).not.toContain(`/admin/users/${editor.id}/two-step/reset`);
    const again = await app.inject(form(session, `/admin/users/${editor.id}/two-step/reset`, { _csrf: session.csrf, confirm: '1' }));
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain(`“${name}”未启用两步验证，无需重置`);
    expect(again.body).not.toMatch(/name="confirm"/);
    expect(await deps.db.selectFrom('audit_events').select('id').where('action', '=', 'auth.2fa_reset').execute()).toHaveLength(1);
    await app.close();
  });

  it('the confirmations keep the user pages’ permissions: not for an editor, not for a person outside the admin’s organs, not for oneself', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    const other = await createOrgan(deps);
    const admin = await createStaff(deps, organ.code, 'organ_admin');
    const editor = await createStaff(deps, organ.code, 'editor');
    const stranger = await createStaff(deps, other.code, 'editor');
    const asAdmin = await loginAs(app, admin.username, admin.password);
    const asEditor = await loginAs(app, editor.username, editor.password);
    expect((await app.inject({ url: `/admin/users/${admin.id}/deactivate`, cookies: asEditor.cookies })).statusCode).toBe(403);
    expect((await app.inject({ url: `/admin/users/${stranger.id}/deactivate`, cookies: asAdmin.cookies })).statusCode).toBe(404);
    const self = await app.inject({ url: `/admin/users/${admin.id}/deactivate`, cookies: asAdmin.cookies });
    expect(self.statusCode).toBe(409);
    expect(self.body).toContain('不能停用自己的账号');
    expect(self.body).not.toMatch(/name="confirm"/);
    await app.close();
  });
});
