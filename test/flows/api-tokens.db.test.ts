import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { describeEachDialect } from '../support/db.ts';
import { buildTestApp, loginAs } from '../support/app.ts';
import { createDraft, createNode, createOrgan, createStaff } from '../support/factories.ts';
import { createApiToken, createUser, revokeApiToken, systemActor } from '../../src/modules/identity/index.ts';
import type { AppDeps } from '../../src/platform/app-deps.ts';

describeEachDialect('API tokens: expiry, read-only, organ scope, list and revoke', (db) => {
  let app: FastifyInstance;
  let deps: AppDeps & { clock: { set(at: string): void } };
  let a: { id: number; code: string };
  let b: { id: number; code: string };
  let draftInB: number;
  const username = `tokuser${process.pid}`;
  const bearer = (t: string) => ({ authorization: `Bearer ${t}` });

  beforeAll(async () => {
    ({ app, deps } = (await buildTestApp(db(), '2026-12-03T08:00:00Z')) as never);
    a = await createOrgan(deps);
    b = await createOrgan(deps);
    // One person, editor in two organs.
    await createUser(deps, { username, displayName: '李四', password: 'correct-horse-1', organCode: a.code, role: 'editor' }, { userId: null, label: '测试' });
    await db().db.insertInto('user_roles').values({ user_id: (await db().db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id, organ_id: b.id, role: 'editor' }).execute();
    draftInB = (await createDraft(deps, b.id, [await createNode(deps, b.id)])).id;
  });
  afterAll(async () => app.close());

  it('a token limited to one organ cannot read the other organ\'s drafts its holder can', async () => {
    const all = await createApiToken(deps, username, '全部机关');
    const onlyA = await createApiToken(deps, username, '只限 A', { organCodes: [a.code] });
    expect((await app.inject({ method: 'GET', url: `/api/v1/publications/${draftInB}`, headers: bearer(all) })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: `/api/v1/publications/${draftInB}`, headers: bearer(onlyA) })).statusCode).toBe(404);
    await expect(createApiToken(deps, username, '越权', { organCodes: [a.code, 'no-such-organ'] })).rejects.toMatchObject({ code: 'ERR_IDENTITY_TOKEN_INVALID' });
  });

  it('a read-only token reads but never writes', async () => {
    const ro = await createApiToken(deps, username, '只读', { readOnly: true });
    expect((await app.inject({ method: 'GET', url: '/api/v1/tokens', headers: bearer(ro) })).statusCode).toBe(200);
    const write = await app.inject({ method: 'POST', url: '/api/v1/tokens', headers: bearer(ro), payload: { name: '再来一个' } });
    expect(write.statusCode).toBe(403);
    expect(write.json().error.code).toBe('ERR_AUTH_TOKEN_READ_ONLY');
  });

  it('expires after its days, records its last use, and is refused once revoked', async () => {
    const t = await createApiToken(deps, username, '三十天', { days: 30 });
    const list1 = await app.inject({ method: 'GET', url: '/api/v1/tokens', headers: bearer(t) });
    const mine = list1.json().items.find((i: { name: string }) => i.name === '三十天');
    expect(mine).toMatchObject({ state: 'active', readOnly: false, organCodes: null, expiresAt: '2027-01-02T08:00:00.000Z', lastUsedAt: '2026-12-03T08:00:00.000Z' });
    expect(mine.token).toBeUndefined();
    try {
      deps.clock.set('2027-01-02T08:00:00Z');
      const expired = await app.inject({ method: 'GET', url: '/api/v1/tokens', headers: bearer(t) });
      expect(expired.statusCode).toBe(401);
      expect(expired.json().error.code).toBe('ERR_AUTH_TOKEN_EXPIRED');
    } finally {
      deps.clock.set('2026-12-03T08:00:00Z');
    }
    const other = await createApiToken(deps, username, '撤销用');
    const made = await app.inject({ method: 'POST', url: '/api/v1/tokens', headers: bearer(other), payload: { name: '接口新建', days: 7 } });
    expect(made.statusCode).toBe(201);
    const viaApi = made.json().token as string;
    const id = (await app.inject({ method: 'GET', url: '/api/v1/tokens', headers: bearer(viaApi) })).json().items.find((i: { name: string }) => i.name === '接口新建').id;
    expect((await app.inject({ method: 'DELETE', url: `/api/v1/tokens/${id}`, headers: bearer(other) })).statusCode).toBe(204);
    const again = await app.inject({ method: 'GET', url: '/api/v1/tokens', headers: bearer(viaApi) });
    expect(again.statusCode).toBe(401);
    expect(again.json().error.code).toBe('ERR_AUTH_TOKEN_INVALID');
    await expect(revokeApiToken(deps, systemActor('测试'), id)).rejects.toMatchObject({ code: 'ERR_IDENTITY_TOKEN_REVOKED' });
    const bad = await app.inject({ method: 'POST', url: '/api/v1/tokens', headers: bearer(other), payload: { name: '太久', days: 1000 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('ERR_IDENTITY_TOKEN_INVALID');
  });

  it('another organ\'s staff cannot see or revoke a token; the holder\'s organ admin can', async () => {
    const t = await createApiToken(deps, username, '管理员可见');
    const id = (await app.inject({ method: 'GET', url: '/api/v1/tokens', headers: bearer(t) })).json().items.find((i: { name: string }) => i.name === '管理员可见').id;
    const outsiderOrgan = await createOrgan(deps);
    const outsider = await createStaff(deps, outsiderOrgan.code, 'organ_admin');
    const outsiderToken = await createApiToken(deps, outsider.username, 'x');
    const seen = (await app.inject({ method: 'GET', url: '/api/v1/tokens?all=true', headers: bearer(outsiderToken) })).json().items.map((i: { id: number }) => i.id);
    expect(seen).not.toContain(id);
    expect((await app.inject({ method: 'DELETE', url: `/api/v1/tokens/${id}`, headers: bearer(outsiderToken) })).statusCode).toBe(404);
    // An admin of A alone does not administer a person who also works in B.
    const adminA = await createStaff(deps, a.code, 'organ_admin');
    expect((await app.inject({ method: 'DELETE', url: `/api/v1/tokens/${id}`, headers: bearer(await createApiToken(deps, adminA.username, 'y')) })).statusCode).toBe(404);
    const sys = await createStaff(deps, a.code, 'system_admin');
    expect((await app.inject({ method: 'DELETE', url: `/api/v1/tokens/${id}`, headers: bearer(await createApiToken(deps, sys.username, 'z')) })).statusCode).toBe(204);
  });

  it('describes the token routes in the OpenAPI document', async () => {
    const doc = await app.inject({ url: '/api/openapi.json' });
    expect(doc.statusCode).toBe(200);
    expect(Object.keys(doc.json().paths)).toEqual(expect.arrayContaining(['/api/v1/tokens', '/api/v1/tokens/{id}']));
  });

  it('the back office lists one\'s tokens, shows a new token once and revokes it', async () => {
    const s = await loginAs(app, username, 'correct-horse-1');
    const page = await app.inject({ method: 'GET', url: '/admin/tokens', cookies: s.cookies });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('全部机关');
    const bad = await app.inject({ method: 'POST', url: '/admin/tokens', cookies: s.cookies, payload: { _csrf: s.csrf, name: '', days: '30' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('请为令牌起一个名称');
    deps.clock.set('2026-12-04T17:30:00Z'); // 01:30 on 5 December in Beijing: the list dates it so
    const made = await app.inject({ method: 'POST', url: '/admin/tokens', cookies: s.cookies, payload: { _csrf: s.csrf, name: '同步脚本', days: '30', readOnly: '1', organs: a.code } });
    expect(made.statusCode).toBe(200);
    expect(/同步脚本[\s\S]*?<\/tr>/.exec(made.body)![0]).toMatch(/2026-12-05(?![\s\S]*2026-12-04)/);
    expect(made.headers['cache-control']).toContain('no-store');
    const token = /<code>(gk_[^<]+)<\/code>/.exec(made.body)![1]!;
    expect((await app.inject({ method: 'GET', url: `/api/v1/publications/${draftInB}`, headers: bearer(token) })).statusCode).toBe(404);
    const id = Number(/#(\d+)<\/td><td>同步脚本/.exec(made.body)![1]);
    const revoked = await app.inject({ method: 'POST', url: `/admin/tokens/${id}/revoke`, cookies: s.cookies, payload: { _csrf: s.csrf, confirm: '1' } });
    expect(revoked.statusCode).toBe(303);
    expect((await app.inject({ method: 'GET', url: '/api/v1/tokens', headers: bearer(token) })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/admin/tokens', cookies: s.cookies })).body).not.toContain(token);
  });
});
