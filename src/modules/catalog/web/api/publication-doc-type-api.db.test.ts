import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterEach, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../../test/support/db.ts';
import { buildDeps, createNode, createOrgan, createStaff, publicationInput } from '../../../../../test/support/factories.ts';
import { registerOpenApi, registerOpenApiDocs } from '../../../../main/openapi.ts';
import type { AppDeps } from '../../../../platform/app-deps.ts';
import { createHttpServer } from '../../../../platform/http/http-server.ts';
import { createApiToken } from '../../../identity/index.ts';
import { findPublication } from '../../index.ts';
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

/** 文件类型 decides what the annual report's second part counts: a client that leaves it out is refused, not given 其他. */
describeEachDialect('catalog API: 文件类型 (docType) is given, never defaulted', (db) => {
  it('refuses a new item without docType with ERR_CATALOG_DOC_TYPE_REQUIRED, stores the type given, and a replacing PUT needs it too', async () => {
    const deps = buildDeps(db());
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const user = await createStaff(deps, organ.code, 'editor');
    const authorization = `Bearer ${await createApiToken(deps, user.username, 'test')}`;
    const api = await apiFor(deps);
    const { docType: _given, ...withoutType } = publicationInput([node], { docType: 'normative_document' });

    for (const payload of [withoutType, { ...withoutType, docType: null }, { ...withoutType, docType: '' }]) {
      const refused = await api.inject({ method: 'POST', url: `/api/v1/organs/${organ.code}/publications`, headers: { authorization }, payload });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error).toMatchObject({
        code: 'ERR_CATALOG_DOC_TYPE_REQUIRED', field: 'docType',
        reasons: [{ code: 'ERR_CATALOG_DOC_TYPE_REQUIRED', field: 'docType', message: '请选择文件类型（规章、行政规范性文件或其他）' }],
      });
    }
    const wrong = await api.inject({ method: 'POST', url: `/api/v1/organs/${organ.code}/publications`, headers: { authorization }, payload: { ...withoutType, docType: 'rule' } });
    expect(wrong.json().error).toMatchObject({ code: 'ERR_VALIDATION', field: 'docType', reasons: [{ message: '文件类型应为 regulation（规章）、normative_document（行政规范性文件）或 other（其他）' }] });
    expect(await deps.db.selectFrom('publications').select('id').execute()).toEqual([]);

    const created = await api.inject({ method: 'POST', url: `/api/v1/organs/${organ.code}/publications`, headers: { authorization }, payload: { ...withoutType, docType: 'normative_document' } });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as number;
    expect((await findPublication(deps.db, id))!.docType).toBe('normative_document');

    // PUT replaces the metadata as a whole: leaving docType out would have made the 规范性文件 其他.
    const put = await api.inject({ method: 'PUT', url: `/api/v1/publications/${id}`, headers: { authorization }, payload: { ...withoutType, title: '改过的标题' } });
    expect(put.statusCode).toBe(400);
    expect(put.json().error.code).toBe('ERR_CATALOG_DOC_TYPE_REQUIRED');
    expect((await findPublication(deps.db, id))!).toMatchObject({ docType: 'normative_document', version: 1 });
  });

  it('answers a POST or PUT with the 文件类型 warnings the item form shows (warnings: [{code, message}]), saving the item all the same', async () => {
    const deps = buildDeps(db());
    const organ = await createOrgan(deps);
    const policy = await createNode(deps, organ.id, { name: '政策文件' });
    const normative = await createNode(deps, organ.id, { name: '规范性文件', parentId: policy });
    const user = await createStaff(deps, organ.code, 'editor');
    const authorization = `Bearer ${await createApiToken(deps, user.username, 'test')}`;
    const api = await apiFor(deps);

    const created = await api.inject({
      method: 'POST', url: `/api/v1/organs/${organ.code}/publications`, headers: { authorization },
      payload: publicationInput([normative], { docType: 'other', documentNumber: '岚建规〔2026〕2号' }),
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().warnings).toEqual([
      { code: 'WARN_CATALOG_DOC_TYPE_NORMATIVE_NUMBER', message: '文号“岚建规〔2026〕2号”带“规”字，通常是行政规范性文件的统一编号，文件类型却是“其他”：如是行政规范性文件，请改选“行政规范性文件”，否则年报第二部分不计入它。' },
      { code: 'WARN_CATALOG_DOC_TYPE_NORMATIVE_COLUMN', message: '信息放入了栏目“政策文件 > 规范性文件”，文件类型却是“其他”：如是行政规范性文件，请改选“行政规范性文件”，否则年报第二部分不计入它。' },
    ]);
    const id = created.json().id as number;
    expect((await findPublication(deps.db, id))!.docType).toBe('other');

    const regulation = await api.inject({ method: 'PUT', url: `/api/v1/publications/${id}`, headers: { authorization }, payload: publicationInput([policy], { docType: 'regulation' }) });
    expect(regulation.statusCode).toBe(200);
    expect(regulation.json().warnings.map((w: { code: string }) => w.code)).toEqual(['WARN_CATALOG_DOC_TYPE_REGULATION_UNCHECKED']);

    const fine = await api.inject({ method: 'PUT', url: `/api/v1/publications/${id}`, headers: { authorization }, payload: publicationInput([normative], { docType: 'normative_document', documentNumber: '岚建规〔2026〕2号' }) });
    expect(fine.statusCode).toBe(200);
    expect(fine.json().warnings).toEqual([]);
  });

  it('documents docType as required in the OpenAPI description', async () => {
    const api = await apiFor(buildDeps(db()));
    const spec = (await api.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const body = spec.paths['/api/v1/organs/{code}/publications'].post.requestBody.content['application/json'].schema;
    const schema = body.$ref ? spec.components.schemas[body.$ref.split('/').pop()] : body;
    expect(schema.required).toContain('docType');
    expect(schema.properties.docType.description).toContain('ERR_CATALOG_DOC_TYPE_REQUIRED');
    for (const [path, method, status] of [['/api/v1/organs/{code}/publications', 'post', '201'], ['/api/v1/publications/{id}', 'put', '200']] as const) {
      const answer = spec.paths[path][method].responses[status].content['application/json'].schema;
      const answerSchema = answer.$ref ? spec.components.schemas[answer.$ref.split('/').pop()] : answer;
      expect(answerSchema.properties.warnings.description).toContain('WARN_CATALOG_DOC_TYPE_NORMATIVE_NUMBER');
    }
  });
});
