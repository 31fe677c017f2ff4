import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterEach, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../../test/support/db.ts';
import { buildDeps, createNode, createOrgan, createStaff, publicationInput } from '../../../../../test/support/factories.ts';
import { registerOpenApi, registerOpenApiDocs } from '../../../../main/openapi.ts';
import type { AppDeps } from '../../../../platform/app-deps.ts';
import { createHttpServer } from '../../../../platform/http/http-server.ts';
import { createApiToken } from '../../../identity/index.ts';
import { catalogApi } from './catalog-api.ts';

const opened: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((a) => a.close()));
});

async function apiFor(deps: AppDeps) {
  const app = await createHttpServer({ logger: pino({ level: 'silent' }), htmlErrorPage: () => '', maxUploadBytes: 1024 * 1024 });
  await registerOpenApi(app);
  await app.register(catalogApi(deps), { prefix: '/api/v1' });
  await registerOpenApiDocs(app);
  await app.ready();
  opened.push(app);
  return app;
}

describeEachDialect('catalog API: 有效期至 (validThroughOn, ADR 0027)', (db) => {
  it('stores and answers the date, refuses one before the 成文日期 with its code, and documents it in OpenAPI', async () => {
    const deps = buildDeps(db());
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const user = await createStaff(deps, organ.code, 'editor');
    const authorization = `Bearer ${await createApiToken(deps, user.username, 'test')}`;
    const api = await apiFor(deps);
    const payload = publicationInput([node], { docType: 'normative_document', formedOn: '2021-06-07' });
    const early = await api.inject({ method: 'POST', url: `/api/v1/organs/${organ.code}/publications`, headers: { authorization }, payload: { ...payload, validThroughOn: '2021-06-06' } });
    expect(early.statusCode).toBe(400);
    expect(early.json().error).toMatchObject({ code: 'ERR_CATALOG_VALID_THROUGH_BEFORE_FORMED', field: 'validThroughOn', message: expect.stringContaining('有效期至（2021-06-06）不能早于成文日期（2021-06-07）') });
    const created = await api.inject({ method: 'POST', url: `/api/v1/organs/${organ.code}/publications`, headers: { authorization }, payload: { ...payload, validThroughOn: '2026-06-06' } });
    expect(created.statusCode).toBe(201);
    expect(created.json().validThroughOn).toBe('2026-06-06');
    const read = await api.inject({ method: 'GET', url: `/api/v1/publications/${created.json().id}`, headers: { authorization } });
    expect(read.json().validThroughOn).toBe('2026-06-06');
    const none = await api.inject({ method: 'POST', url: `/api/v1/organs/${organ.code}/publications`, headers: { authorization }, payload });
    expect(none.json().validThroughOn).toBeNull();
    const spec = (await api.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(JSON.stringify(spec)).toContain('validThroughOn');
  });
});
