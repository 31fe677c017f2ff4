import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createOrgan, createStaff } from '../../../../test/support/factories.ts';
import { createApiToken } from '../use-cases/api-tokens.ts';

// An outside tester on the 停用账号 / 撤销 confirmations: a second confirmed 停用 wrote a second audit entry
// (and its before-state was empty), the already-revoked message showed a raw UTC instant, and the page
// after either action said nothing about what was done.
describeEachDialect('what 停用账号 and 撤销 say and record once done', (db) => {
  const form = (session: { cookies: Record<string, string> }, url: string, fields: Record<string, string>) => ({
    method: 'POST' as const, url, cookies: session.cookies,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(fields).toString(),
  });

  it('停用账号 twice: the second changes and records nothing and answers 409 with the reason; the entry records the previous status; the page says what was done', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    const admin = await createStaff(deps, organ.code, 'organ_admin');
    const editor = await createStaff(deps, organ.code, 'editor');
    const name = (await deps.db.selectFrom('users').select('display_name').where('id', '=', editor.id).executeTakeFirstOrThrow()).display_name;
    const session = await loginAs(app, admin.username, admin.password);
    const url = `/admin/users/${editor.id}/deactivate`;

    const done = await app.inject(form(session, url, { _csrf: session.csrf, confirm: '1' }));
    expect(done.statusCode).toBe(303);
    const next = await app.inject({ url: done.headers.location as string, cookies: { ...session.cookies, ...Object.fromEntries(done.cookies.map((c) => [c.name, c.value])) } });
    expect(next.body).toContain(`已停用账号“${name}”，其登录和令牌已失效`);

    const again = await app.inject(form(session, url, { _csrf: session.csrf, confirm: '1' }));
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('已停用');
    expect(again.body).not.toMatch(/name="confirm"/);
    const audit = await deps.db.selectFrom('audit_events').select(['before_json', 'after_json']).where('action', '=', 'user.deactivate').where('entity_id', '=', String(editor.id)).execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.before_json as string)).toMatchObject({ active: true });
    expect(JSON.parse(audit[0]!.after_json as string)).toMatchObject({ active: false });
    await app.close();
  });

  it('撤销: the list then names the token revoked; a second confirmed POST says when in China time, never a raw UTC instant', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    const me = await createStaff(deps, organ.code, 'editor');
    await createApiToken(deps, me.username, '同步脚本T1');
    const id = (await deps.db.selectFrom('api_tokens').select('id').where('name', '=', '同步脚本T1').executeTakeFirstOrThrow()).id;
    const s = await loginAs(app, me.username, me.password);

    const done = await app.inject(form(s, `/admin/tokens/${id}/revoke`, { _csrf: s.csrf, confirm: '1' }));
    expect(done.statusCode).toBe(303);
    const list = await app.inject({ url: '/admin/tokens', cookies: { ...s.cookies, ...Object.fromEntries(done.cookies.map((c) => [c.name, c.value])) } });
    expect(list.body).toContain(`已撤销令牌“同步脚本T1”（#${id}）`);

    const revokedAt = (await deps.db.selectFrom('api_tokens').select('revoked_at').where('id', '=', id).executeTakeFirstOrThrow()).revoked_at!;
    const china = new Date(new Date(revokedAt).getTime() + 8 * 3600_000).toISOString().replace('T', ' ').slice(0, 16);
    const again = await app.inject(form(s, `/admin/tokens/${id}/revoke`, { _csrf: s.csrf, confirm: '1' }));
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain(china);
    expect(again.body).not.toContain(revokedAt);
    expect(again.body).not.toMatch(/name="confirm"/);
    const page = await app.inject({ url: `/admin/tokens/${id}/revoke`, cookies: s.cookies });
    expect(page.statusCode).toBe(409);
    expect(page.body).toContain(china);
    const api = await deps.db.selectFrom('audit_events').select('id').where('action', '=', 'api_token.revoke').execute();
    expect(api).toHaveLength(1);
    await app.close();
  });
});
