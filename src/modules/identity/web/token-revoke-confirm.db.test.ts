import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createOrgan, createStaff } from '../../../../test/support/factories.ts';
import { createApiToken } from '../use-cases/api-tokens.ts';

// 撤销 on the API token list revoked on one click, for good: whatever program used the token stops and
// the token cannot be brought back. As 停用账号, it now asks first on a page naming the token.
describeEachDialect('confirming 撤销 of an API token', (db) => {
  it('the list links to a confirmation naming the token; only its POST with the CSRF token and confirm=1 revokes, audited as before', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    const me = await createStaff(deps, organ.code, 'editor');
    await createApiToken(deps, me.username, '同步脚本');
    const id = (await deps.db.selectFrom('api_tokens').select('id').where('name', '=', '同步脚本').executeTakeFirstOrThrow()).id;
    const revokedAt = async () => (await deps.db.selectFrom('api_tokens').select('revoked_at').where('id', '=', id).executeTakeFirstOrThrow()).revoked_at;
    const s = await loginAs(app, me.username, me.password);
    const post = (fields: Record<string, string>) => app.inject({
      method: 'POST', url: `/admin/tokens/${id}/revoke`, cookies: s.cookies,
      headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(fields).toString(),
    });

    const list = await app.inject({ url: '/admin/tokens', cookies: s.cookies });
    expect(list.body).not.toMatch(new RegExp(`<form[^>]*action="/admin/tokens/${id}/revoke"`));
    expect(list.body).toMatch(new RegExp(`<a[^>]*href="/admin/tokens/${id}/revoke"[^>]*>撤销`));

    const confirm = await app.inject({ url: `/admin/tokens/${id}/revoke`, cookies: s.cookies });
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain(`撤销 API 令牌：#${id}（同步脚本）`);
    for (const said of ['立即失效', '不能恢复', '新建令牌']) expect(confirm.body).toContain(said);
    expect(confirm.body).toMatch(new RegExp(`<form method="post" action="/admin/tokens/${id}/revoke">`));
    expect(confirm.body).toContain(`name="_csrf" value="${s.csrf}"`);
    expect(confirm.body).toMatch(/<input type="hidden" name="confirm" value="1"\/?>/);
    expect(confirm.body).toMatch(/<a href="\/admin\/tokens">取消/);

    expect((await post({ _csrf: s.csrf })).statusCode).toBe(200);
    expect((await post({ confirm: '1' })).statusCode).toBe(403);
    expect(await revokedAt()).toBeNull();

    const done = await post({ _csrf: s.csrf, confirm: '1' });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/admin/tokens');
    expect(await revokedAt()).not.toBeNull();
    const audit = await deps.db.selectFrom('audit_events').select(['actor_user_id', 'entity_id']).where('action', '=', 'api_token.revoke').execute();
    expect(audit).toEqual([{ actor_user_id: me.id, entity_id: String(id) }]);

    // Revoked already: the page says so and offers no button.
    const again = await app.inject({ url: `/admin/tokens/${id}/revoke`, cookies: s.cookies });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('已撤销');
    expect(again.body).not.toMatch(/name="confirm"/);

    // Another person's token is not even named.
    const other = await createStaff(deps, (await createOrgan(deps)).code, 'editor');
    await createApiToken(deps, other.username, '他人的令牌');
    const theirs = (await deps.db.selectFrom('api_tokens').select('id').where('name', '=', '他人的令牌').executeTakeFirstOrThrow()).id;
    const hidden = await app.inject({ url: `/admin/tokens/${theirs}/revoke`, cookies: s.cookies });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.body).not.toContain('他人的令牌');
    await app.close();
  });
});
