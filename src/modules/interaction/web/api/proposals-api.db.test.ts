import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp } from '../../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../../test/support/db.ts';
import { createOrgan, createStaff } from '../../../../../test/support/factories.ts';
import type { AppDeps } from '../../../../platform/app-deps.ts';
import type { Organ } from '../../../catalog/index.ts';
import { createApiToken } from '../../../identity/index.ts';

describeEachDialect('the 建议提案 API', (db) => {
  let app: FastifyInstance;
  let deps: AppDeps & { clock: { set(at: string): void } };
  let organ: Organ;
  let token: string;
  let readOnly: string;
  let outsider: string;

  beforeAll(async () => {
    const built = await buildTestApp(db(), '2026-05-20T02:00:00Z');
    app = built.app;
    deps = built.deps as typeof deps;
    organ = await createOrgan(deps);
    const other = await createOrgan(deps);
    const clerk = await createStaff(deps, organ.code, 'editor');
    token = await createApiToken(deps, clerk.username, 'test');
    readOnly = await createApiToken(deps, clerk.username, 'read', { readOnly: true });
    outsider = await createApiToken(deps, (await createStaff(deps, other.code, 'editor')).username, 'test');
  });
  afterAll(async () => app?.close());
  const auth = (t: string) => ({ authorization: `Bearer ${t}` });
  const registration = { organ: '', kind: 'proposal', number: '0042', title: '关于增加城区公共停车泊位的提案', submitters: '李某、赵某', session: '县政协十二届五次会议', receivedOn: '2026-03-12', role: 'lead' };

  it('registers and answers one with a token, refused with every reason as in the forms, and publishes the result for everyone', async () => {
    const body = { ...registration, organ: organ.code };
    expect((await app.inject({ method: 'POST', url: '/api/v1/proposals', payload: body })).statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url: '/api/v1/proposals', headers: auth(readOnly), payload: body })).json().error.code).toBe('ERR_AUTH_TOKEN_READ_ONLY');
    expect((await app.inject({ method: 'POST', url: '/api/v1/proposals', headers: auth(outsider), payload: body })).json().error.code).toBe('ERR_AUTH_FORBIDDEN');
    const bad = await app.inject({ method: 'POST', url: '/api/v1/proposals', headers: auth(token), payload: { ...body, title: '', receivedOn: '2026-3-12', year: 1999 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.reasons.map((r: { field: string }) => r.field)).toEqual(['title', 'receivedOn', 'year']);
    const made = await app.inject({ method: 'POST', url: '/api/v1/proposals', headers: auth(token), payload: body });
    expect(made.statusCode).toBe(201);
    const p = made.json();
    expect(p).toMatchObject({ number: '第0042号', year: 2026, dueOn: '2026-06-12', state: 'registered', version: 1 });
    expect((await app.inject({ method: 'POST', url: '/api/v1/proposals', headers: auth(token), payload: body })).json().error.code).toBe('ERR_PROPOSAL_DUPLICATE');

    const list = await app.inject({ url: `/api/v1/proposals?organ=${organ.code}&state=registered&kind=proposal`, headers: auth(token) });
    expect(list.json()).toMatchObject({ total: 1, items: [{ id: p.id }] });
    expect((await app.inject({ url: `/api/v1/proposals?organ=${organ.code}`, headers: auth(outsider) })).statusCode).toBe(403);
    expect((await app.inject({ url: `/api/v1/proposals/${p.id}`, headers: auth(outsider) })).statusCode).toBe(403);

    const early = await app.inject({ method: 'POST', url: `/api/v1/proposals/${p.id}/publish`, headers: auth(token), payload: { publicText: '' } });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.reasons.map((r: { code: string }) => r.code)).toEqual(['ERR_PROPOSAL_VERB_NOT_ALLOWED', 'ERR_PROPOSAL_REPLY_REQUIRED']);
    const replied = await app.inject({
      method: 'POST', url: `/api/v1/proposals/${p.id}/reply`, headers: auth(token),
      payload: { replyText: '李某、赵某委员：新增泊位200个已列入明年计划。', repliedOn: '2026-05-18', result: 'planned', expectedVersion: 1 },
    });
    expect(replied.json()).toMatchObject({ state: 'replied', repliedOn: '2026-05-18', publishDueOn: '2026-06-15', version: 2 });
    expect((await app.inject({ method: 'POST', url: `/api/v1/proposals/${p.id}/withhold`, headers: auth(token), payload: { withheldReason: '涉密', expectedVersion: 1 } })).json().error.code)
      .toBe('ERR_PROPOSAL_VERSION_CONFLICT');
    await app.inject({ method: 'POST', url: `/api/v1/proposals/${p.id}/recordSatisfaction`, headers: auth(token), payload: { satisfaction: 'satisfied' } });
    const published = await app.inject({ method: 'POST', url: `/api/v1/proposals/${p.id}/publish`, headers: auth(token), payload: { publicText: '新增泊位200个已列入明年计划，咨询 zhangsan@example.com。' } });
    expect(published.json()).toMatchObject({ state: 'published', publishedOn: '2026-05-20', satisfaction: 'satisfied' });

    const pub = await app.inject({ url: `/api/v1/organs/${organ.code}/proposals?year=2026` });
    expect(pub.json()).toMatchObject({ total: 1, page: 1, years: [2026], items: [{ id: p.id, kind: 'proposal', submitters: '李某、赵某', result: 'planned' }] });
    const one = (await app.inject({ url: `/api/v1/organs/${organ.code}/proposals/${p.id}` })).json();
    expect(one.replyText).not.toContain('zhangsan@example.com');
    expect(one).not.toHaveProperty('satisfaction');
    expect((await app.inject({ url: `/api/v1/organs/${organ.code}/proposals?kind=letter` })).statusCode).toBe(400);

    await app.inject({ method: 'POST', url: `/api/v1/proposals/${p.id}/withhold`, headers: auth(token), payload: { withheldReason: '复文涉及商业秘密' } });
    expect((await app.inject({ url: `/api/v1/organs/${organ.code}/proposals/${p.id}` })).statusCode).toBe(404);
    expect((await app.inject({ url: `/api/v1/proposals/${p.id}`, headers: auth(token) })).json()).toMatchObject({ state: 'withheld', withheldReason: '复文涉及商业秘密' });
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await app.inject({ url: '/api/openapi.json' })).json();
    for (const path of ['/api/v1/organs/{code}/proposals', '/api/v1/organs/{code}/proposals/{id}', '/api/v1/proposals', '/api/v1/proposals/{id}', '/api/v1/proposals/{id}/{verb}']) {
      expect(doc.paths[path], path).toBeDefined();
    }
    expect(doc.paths['/api/v1/proposals'].post.security).toEqual([{ bearerAuth: [] }]);
    expect(doc.tags.map((t: { name: string }) => t.name)).toContain('proposals');
  });
});
