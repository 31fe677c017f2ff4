import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createActor, createOrgan, createStaff } from '../../../../test/support/factories.ts';
import { COMMAND_LINE_ACTOR, createApiToken, revokeApiToken } from '../../identity/index.ts';
import { appendAuditEvent } from '../storage/audit-repository.ts';

/**
 * API token entries recorded no organ, so an organ's administrator never saw a staff member's token made or
 * revoked (an auditor's question), while the account's other changes are read by its organ (01b8bf2). A
 * token entry now records the organ of its holder's account, as an account change does; one written before
 * — whose organ the hash chain forbids filling in — is read through the holder.
 */
describeEachDialect('an organ’s readers see the API tokens of its staff', (db) => {
  it('records the holder’s organ on creating and revoking a token, on the web, through the API and on the command line; a county’s reader filters them by organ', async () => {
    const { app, deps } = await buildTestApp(db());
    const county = await createOrgan(deps);
    const ours = await createOrgan(deps, { parentCode: county.code });
    const theirs = await createOrgan(deps, { parentCode: county.code });
    const countyAdmin = await createStaff(deps, county.code, 'organ_admin');
    const admin = await createActor(deps, ours.code, 'organ_admin');
    const staff = await createStaff(deps, ours.code, 'editor');
    const outsider = await createStaff(deps, theirs.code, 'editor');

    // Written before this change: no organ. Its hash covers the organ, so it stays as it is.
    const oldToken = await createApiToken(deps, staff.username, '旧令牌');
    const oldRow = (await deps.db.selectFrom('api_tokens').select('id').where('name', '=', '旧令牌').executeTakeFirstOrThrow()).id;
    await deps.db.transaction().execute((trx) => appendAuditEvent(trx, deps.dialect, {
      occurredAt: '2026-03-01T02:00:00.000Z', actorUserId: staff.id, actorLabel: staff.username, action: 'api_token.create', entityType: 'api_token',
      entityId: String(oldRow), organId: null, before: null, after: { name: '旧令牌', user: staff.username },
    }));
    expect(oldToken).toBeTruthy();

    const webToken = await createApiToken(deps, staff.username, '数据交换', {}, null);
    await createApiToken(deps, staff.username, '命令行令牌', {}, COMMAND_LINE_ACTOR);
    // Done with a token: the API makes another and revokes one.
    const made = await app.inject({ method: 'POST', url: '/api/v1/tokens', headers: { authorization: `Bearer ${webToken}` }, payload: { name: '用令牌新建' } });
    expect(made.statusCode).toBe(201);
    const ids = async (name: string) => (await deps.db.selectFrom('api_tokens').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
    const viaApi = await app.inject({ method: 'DELETE', url: `/api/v1/tokens/${await ids('命令行令牌')}`, headers: { authorization: `Bearer ${webToken}` } });
    expect(viaApi.statusCode).toBe(204);
    await revokeApiToken(deps, admin.actor, await ids('用令牌新建'));
    await createApiToken(deps, outsider.username, '他们的令牌');

    const recorded = await deps.db.selectFrom('audit_events').select(['id', 'action', 'organ_id', 'actor_label', 'after_json', 'before_json'])
      .where('entity_type', '=', 'api_token').where('occurred_at', '!=', '2026-03-01T02:00:00.000Z').orderBy('id').execute();
    const named = (r: (typeof recorded)[number]) => JSON.parse((r.after_json ?? r.before_json)!).name as string;
    expect(recorded.map((r) => [r.action, named(r), r.organ_id])).toEqual([
      ['api_token.create', '旧令牌', ours.id], ['api_token.create', '数据交换', ours.id], ['api_token.create', '命令行令牌', ours.id],
      ['api_token.create', '用令牌新建', ours.id], ['api_token.revoke', '命令行令牌', ours.id], ['api_token.revoke', '用令牌新建', ours.id],
      ['api_token.create', '他们的令牌', theirs.id],
    ]);
    expect(recorded.find((r) => named(r) === '用令牌新建')!.actor_label).toContain('，API）');
    const old = (await deps.db.selectFrom('audit_events').select('id').where('occurred_at', '=', '2026-03-01T02:00:00.000Z').executeTakeFirstOrThrow()).id;
    const theirsEntry = recorded.find((r) => named(r) === '他们的令牌')!.id;

    // The organ's administrator reads them, the entry written before too; not another organ's.
    const { cookies } = await loginAs(app, admin.username, admin.password);
    const page = await app.inject({ url: '/admin/audit?type=api_token', cookies });
    expect(page.statusCode).toBe(200);
    for (const r of recorded.filter((e) => e.id !== theirsEntry)) expect([r.id, page.body.includes(`href="/admin/audit/${r.id}"`)]).toEqual([r.id, true]);
    expect(page.body).toContain(`href="/admin/audit/${old}"`);
    expect(page.body).not.toContain(`href="/admin/audit/${theirsEntry}"`);
    expect((await app.inject({ url: `/admin/audit/${old}`, cookies })).statusCode).toBe(200);
    expect((await app.inject({ url: `/admin/audit/${theirsEntry}`, cookies })).statusCode).toBe(404);
    expect(page.body).not.toContain('API 令牌的记录由系统管理员查看');

    // The county's administrator reads both organs' token entries, each under its organ.
    const county1 = await loginAs(app, countyAdmin.username, countyAdmin.password);
    const all = await app.inject({ url: '/admin/audit?type=api_token', cookies: county1.cookies });
    expect(all.body).toContain(`href="/admin/audit/${theirsEntry}"`);
    expect(all.body).toContain(`<td data-label="机关">${theirs.name}</td>`);
    expect(all.body).toContain(`<td data-label="机关">${ours.name}</td>`);
    // … and picks one organ: 机关 lists the organs it reads, and the list keeps to the entries of the one chosen.
    expect(all.body).toContain(`<option value="${theirs.code}">${theirs.name}</option>`);
    const picked = await app.inject({ url: `/admin/audit?type=api_token&organ=${theirs.code}`, cookies: county1.cookies });
    expect(picked.statusCode).toBe(200);
    expect(picked.body).toContain(`<option value="${theirs.code}" selected>${theirs.name}</option>`);
    expect(picked.body).toContain(`href="/admin/audit/${theirsEntry}"`);
    expect(picked.body).not.toContain(`<td data-label="机关">${ours.name}</td>`);
    // An organ the reader does not read, or no organ at all, is refused by the field, never an empty list.
    const outside = await app.inject({ url: `/admin/audit?organ=${theirs.code}`, cookies });
    expect(outside.statusCode).toBe(400);
    expect(outside.body).toContain(`无法识别的机关“${theirs.code}”，请从列表中选择`);
    await app.close();
  });
});
