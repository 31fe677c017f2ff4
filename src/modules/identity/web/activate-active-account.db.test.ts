import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createOrgan, createStaff } from '../../../../test/support/factories.ts';
import { loadAuditHead } from '../../audit/index.ts';

// 重新启用 of an account that is already active (another tab, a form sent twice) answered 400 with the
// error summary, where a second 停用 answers 409 (an outside tester). It now answers as 停用 does: 409,
// nothing changed or recorded, and the user page says so as a notice — not as a form that went wrong.
describeEachDialect('重新启用 of an account that is already active', (db) => {
  it('answers 409 on the user page with a notice, changing and recording nothing; the first 重新启用 still works', async () => {
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
    const entries = async () => (await loadAuditHead(deps.db))!.entries;

    const before = await entries();
    const again = await post(`/admin/users/${editor.id}/activate`, {});
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain(`<h1>${name}（${editor.username}）</h1>`);
    expect(again.body).toContain(`<p class="flash" role="status">账号“${name}”已是启用状态，无需再启用</p>`);
    expect(again.body).not.toContain('class="error-summary"');
    expect(await entries()).toBe(before);

    // A deactivated account is re-enabled as before: 303 to its page, which says so, one entry.
    expect((await post(`/admin/users/${editor.id}/deactivate`, { confirm: '1' })).statusCode).toBe(303);
    const deactivated = await entries();
    const done = await post(`/admin/users/${editor.id}/activate`, {});
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe(`/admin/users/${editor.id}`);
    expect(await entries()).toBe(deactivated + 1);
    const page = await app.inject({ url: `/admin/users/${editor.id}`, cookies: { ...session.cookies, gk_flash: done.cookies.find((c) => c.name === 'gk_flash')!.value } });
    expect(page.body).toContain('<p class="flash" role="status">账号已启用</p>');
    await app.close();
  });
});
