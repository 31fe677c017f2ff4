import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createActor, createOrgan, createStaff } from '../../../../test/support/factories.ts';
import { createApiToken, revokeApiToken } from '../../identity/index.ts';
import { appendAuditEvent } from '../storage/audit-repository.ts';

/**
 * The audit log named a token's entries “API 令牌 12” only (an auditor could not tell which token was made or revoked):
 * every row now names the token — “数据交换”，持有人 姓名（用户名） — read from the token as it is, and, once the token
 * is gone (its holder's account deleted takes its tokens along), from what the entry itself records (its name and the
 * holder's account), so an entry still says what it was about.
 */
describeEachDialect('the audit log names API tokens', (db) => {
  it('names a token by its name and holder on the list and on the entry’s page, revoked or gone', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    const sysadmin = await createActor(deps, organ.code, 'system_admin');
    const staff = await createStaff(deps, organ.code, 'editor');
    const leaver = await createStaff(deps, organ.code, 'editor');
    await createApiToken(deps, staff.username, '数据交换');
    await createApiToken(deps, leaver.username, '旧系统同步');
    const idOf = async (name: string) => (await deps.db.selectFrom('api_tokens').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
    const exchange = await idOf('数据交换');
    const sync = await idOf('旧系统同步');
    await revokeApiToken(deps, sysadmin.actor, exchange);
    const holder = (u: { id: number; username: string }) => deps.db.selectFrom('users').select('display_name').where('id', '=', u.id).executeTakeFirstOrThrow()
      .then((r) => `${r.display_name}（${u.username}）`);
    const staffName = await holder(staff);
    const leaverName = await holder(leaver);
    // The token gone with its row (as when its holder's account is deleted): only the entries say what it was.
    await deps.db.deleteFrom('api_tokens').where('id', '=', sync).execute();
    // A token whose holder's account is gone too: the account as recorded.
    await deps.db.transaction().execute((trx) => appendAuditEvent(trx, deps.dialect, {
      occurredAt: '2026-03-01T02:00:00.000Z', actorUserId: null, actorLabel: 'nobody42', action: 'api_token.create', entityType: 'api_token',
      entityId: '987654', organId: organ.id, before: null, after: { name: '早已删除', user: 'nobody42' },
    }));

    const { cookies } = await loginAs(app, sysadmin.username, sysadmin.password);
    const page = await app.inject({ url: '/admin/audit?type=api_token', cookies });
    expect(page.statusCode).toBe(200);
    const targets = [...page.body.matchAll(/<td data-label="操作">([^<]*)<\/td><td data-label="对象">([^<]*)<\/td>/g)].map((m) => [m[1], m[2]]);
    expect(targets).toEqual([
      ['撤销 API 令牌', `API 令牌 ${exchange}：“数据交换”，持有人 ${staffName}`],
      ['创建 API 令牌', `API 令牌 ${sync}：“旧系统同步”，持有人 ${leaverName}`],
      ['创建 API 令牌', `API 令牌 ${exchange}：“数据交换”，持有人 ${staffName}`],
      ['创建 API 令牌', 'API 令牌 987654：“早已删除”，持有人 nobody42'],
    ]);

    const revoked = (await deps.db.selectFrom('audit_events').select('id').where('action', '=', 'api_token.revoke').where('entity_id', '=', String(exchange)).executeTakeFirstOrThrow()).id;
    const entry = await app.inject({ url: `/admin/audit/${revoked}`, cookies });
    expect(entry.body).toContain(`<tr><th scope="row">对象</th><td>API 令牌 ${exchange}：“数据交换”，持有人 ${staffName}</td></tr>`);
    await app.close();
  });
});
