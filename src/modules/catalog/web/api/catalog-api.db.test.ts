import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterEach, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../../test/support/db.ts';
import { buildDeps, createDraft, createNode, createOrgan, createPublished, createStaff, publicationInput } from '../../../../../test/support/factories.ts';
import { registerOpenApi, registerOpenApiDocs } from '../../../../main/openapi.ts';
import type { AppDeps } from '../../../../platform/app-deps.ts';
import { createHttpServer } from '../../../../platform/http/http-server.ts';
import { createApiToken } from '../../../identity/index.ts';
import { findPublication, listCatalogNodes } from '../../index.ts';
import { catalogApi } from './catalog-api.ts';
import { reviewApi } from '../../../review/index.ts';

const opened: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((a) => a.close()));
});

async function apiFor(deps: AppDeps) {
  const app = await createHttpServer({ logger: pino({ level: 'silent' }), htmlErrorPage: () => '', maxUploadBytes: 50 * 1024 * 1024 });
  await registerOpenApi(app);
  await app.register(catalogApi(deps), { prefix: '/api/v1' });
  // The review workflow's verbs on items live in the review area since issue 12.
  await app.register(reviewApi(deps), { prefix: '/api/v1' });
  await registerOpenApiDocs(app);
  await app.ready();
  opened.push(app);
  return app;
}

async function tokenFor(deps: AppDeps, organCode: string, role: 'organ_admin' | 'editor' | 'system_admin' | 'unit_head' | 'disclosure_office' | 'leader_in_charge') {
  const user = await createStaff(deps, organCode, role);
  return `Bearer ${await createApiToken(deps, user.username, 'test')}`;
}

async function countRows(deps: AppDeps, table: 'publications' | 'catalog_nodes' | 'organs') {
  const row = await deps.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

describeEachDialect('catalog JSON API', (db) => {
  const deps = () => buildDeps(db());

  it('lists organs with their code and name, and answers 404 with a Chinese message for an unknown code', async () => {
    const d = deps();
    const county = await createOrgan(d);
    const bureau = await createOrgan(d, { parentCode: county.code, name: '测试县住房和城乡建设局' });
    const api = await apiFor(d);
    const res = await api.inject({ method: 'GET', url: '/api/v1/organs' });
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items).toContainEqual({ code: bureau.code, name: '测试县住房和城乡建设局', shortName: '测试县住房和城乡建设局', kind: 'department', parentCode: county.code, consultPhone: '0564-5022001' });
    expect(items.find((o: { code: string }) => o.code === county.code).parentCode).toBeNull();

    const detail = await api.inject({ method: 'GET', url: `/api/v1/organs/${bureau.code}` });
    expect(detail.json()).toMatchObject({ code: bureau.code, creditCode: bureau.creditCode, indexPattern: '{creditCode}/{yyyy}-{seq5}', address: '' });

    const missing = await api.inject({ method: 'GET', url: '/api/v1/organs/no-such-organ' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toMatchObject({ code: 'ERR_CATALOG_ORGAN_NOT_FOUND', message: '机关“no-such-organ”不存在' });
  });

  it('gives the catalog as a nested tree with the published count of each node', async () => {
    const d = deps();
    const organ = await createOrgan(d);
    const areas = await createNode(d, organ.id, { name: '重点领域', isStandardDirectory: true });
    const housing = await createNode(d, organ.id, { name: '保障性住房', parentId: areas });
    const policies = await createNode(d, organ.id, { name: '政策文件' });
    await createPublished(d, organ.id, [housing]);
    await createDraft(d, organ.id, [housing]);
    const res = await (await apiFor(d)).inject({ method: 'GET', url: `/api/v1/organs/${organ.code}/catalog` });
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([
      {
        id: areas, name: '重点领域', isStandardDirectory: true, standardArea: '重点领域', publishedCount: 0,
        children: [{ id: housing, name: '保障性住房', isStandardDirectory: false, standardArea: null, publishedCount: 1, children: [] }],
      },
      { id: policies, name: '政策文件', isStandardDirectory: false, standardArea: null, publishedCount: 0, children: [] },
    ]);
  });

  it('pages the published items of a node and its sub-nodes, newest first, and refuses a page size over 100', async () => {
    const d = deps();
    const organ = await createOrgan(d);
    const parent = await createNode(d, organ.id);
    const child = await createNode(d, organ.id, { parentId: parent });
    d.clock.set('2026-03-03T02:00:00Z');
    const oldest = await createPublished(d, organ.id, [parent]);
    d.clock.set('2026-03-04T02:00:00Z');
    const middle = await createPublished(d, organ.id, [child]);
    d.clock.set('2026-03-05T02:00:00Z');
    const newest = await createPublished(d, organ.id, [child]);
    await createDraft(d, organ.id, [child]);
    const api = await apiFor(d);

    const first = await api.inject({ method: 'GET', url: `/api/v1/catalog-nodes/${parent}/publications?pageSize=2` });
    expect(first.json()).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(first.json().items.map((i: { id: number }) => i.id)).toEqual([newest.id, middle.id]);
    expect(first.json().items[0]).toMatchObject({ indexNumber: newest.indexNumber, url: `/organs/${organ.code}/items/${newest.id}`, status: 'published' });
    const second = await api.inject({ method: 'GET', url: `/api/v1/catalog-nodes/${parent}/publications?page=2&pageSize=2` });
    expect(second.json().items.map((i: { id: number }) => i.id)).toEqual([oldest.id]);
    const ofChild = await api.inject({ method: 'GET', url: `/api/v1/catalog-nodes/${child}/publications` });
    expect(ofChild.json()).toMatchObject({ total: 2, page: 1, pageSize: 20 });

    const tooBig = await api.inject({ method: 'GET', url: `/api/v1/catalog-nodes/${parent}/publications?pageSize=101` });
    expect(tooBig.statusCode).toBe(400);
    expect(tooBig.json().error).toMatchObject({ code: 'ERR_VALIDATION', field: 'pageSize', message: '字段“pageSize”有误：每页条数应在 1–100 之间' });
    const pageZero = await api.inject({ method: 'GET', url: `/api/v1/publications?organ=${organ.code}&page=0` });
    expect(pageZero.json().error).toMatchObject({ code: 'ERR_VALIDATION', field: 'page' });
    const noNode = await api.inject({ method: 'GET', url: '/api/v1/catalog-nodes/999999/publications' });
    expect(noNode.statusCode).toBe(404);
    expect(noNode.json().error.code).toBe('ERR_CATALOG_NODE_NOT_FOUND');
  });

  it('hides a draft from anonymous callers and shows it to a token holder of its organ', async () => {
    const d = deps();
    const organ = await createOrgan(d);
    const other = await createOrgan(d);
    const node = await createNode(d, organ.id);
    const draft = await createDraft(d, organ.id, [node]);
    const api = await apiFor(d);

    const anonymous = await api.inject({ method: 'GET', url: `/api/v1/publications/${draft.id}` });
    expect(anonymous.statusCode).toBe(404);
    expect(anonymous.json().error.code).toBe('ERR_CATALOG_PUBLICATION_NOT_FOUND');
    const outsider = await api.inject({ method: 'GET', url: `/api/v1/publications/${draft.id}`, headers: { authorization: await tokenFor(d, other.code, 'organ_admin') } });
    expect(outsider.statusCode).toBe(404);
    const badToken = await api.inject({ method: 'GET', url: `/api/v1/publications/${draft.id}`, headers: { authorization: 'Bearer gk_not-a-token' } });
    expect(badToken.json().error.code).toBe('ERR_AUTH_TOKEN_INVALID');
    const editor = await api.inject({ method: 'GET', url: `/api/v1/publications/${draft.id}`, headers: { authorization: await tokenFor(d, organ.code, 'editor') } });
    expect(editor.statusCode).toBe(200);
    expect(editor.json()).toMatchObject({ id: draft.id, status: 'draft', indexNumber: null, version: 1, nodeIds: [node], attachments: [] });

    const drafts = await api.inject({ method: 'GET', url: `/api/v1/publications?organ=${organ.code}&status=draft` });
    expect(drafts.statusCode).toBe(401);
    expect(drafts.json().error.code).toBe('ERR_AUTH_TOKEN_REQUIRED');
  });

  it('refuses a write without a token (401) and saves nothing', async () => {
    const d = deps();
    const organ = await createOrgan(d);
    const node = await createNode(d, organ.id);
    const before = await countRows(d, 'publications');
    const res = await (await apiFor(d)).inject({ method: 'POST', url: `/api/v1/organs/${organ.code}/publications`, payload: publicationInput([node]) });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toMatchObject({ code: 'ERR_AUTH_TOKEN_REQUIRED', message: '写操作需要 API 令牌：请在 Authorization 头中提供 Bearer 令牌' });
    expect(await countRows(d, 'publications')).toBe(before);
  });

  it('answers a malformed body with 400 naming the field, and saves nothing', async () => {
    const d = deps();
    const organ = await createOrgan(d);
    const node = await createNode(d, organ.id);
    const authorization = await tokenFor(d, organ.code, 'editor');
    const api = await apiFor(d);
    const before = await countRows(d, 'publications');

    const res = await api.inject({ method: 'POST', url: `/api/v1/organs/${organ.code}/publications`, headers: { authorization }, payload: publicationInput([node], { formedOn: '2026-02-30' }) });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'ERR_VALIDATION', field: 'formedOn', message: '字段“formedOn”有误：成文日期应为有效日期（YYYY-MM-DD）' });
    // 文号 is optional; given, it must hold a written character (😀 or 〔〕 alone was taken).
    const noNumber = await api.inject({ method: 'POST', url: `/api/v1/organs/${organ.code}/publications`, headers: { authorization }, payload: publicationInput([node], { documentNumber: '〔〕😀' }) });
    expect(noNumber.statusCode).toBe(400);
    expect(noNumber.json().error).toMatchObject({ code: 'ERR_VALIDATION', field: 'documentNumber', message: '字段“documentNumber”有误：文号应含有汉字、字母或数字，不能只填标点、空格或表情符号' });
    const notObject = await api.inject({ method: 'POST', url: `/api/v1/organs/${organ.code}/publications`, headers: { authorization }, payload: [1, 2] });
    expect(notObject.statusCode).toBe(400);
    expect(notObject.json().error.code).toBe('ERR_VALIDATION');
    const brokenJson = await api.inject({ method: 'POST', url: `/api/v1/organs/${organ.code}/publications`, headers: { authorization, 'content-type': 'application/json' }, payload: '{"title":' });
    expect(brokenJson.statusCode).toBe(400);
    expect(brokenJson.json().error.code).toBe('ERR_BAD_REQUEST');
    expect(await countRows(d, 'publications')).toBe(before);

    const nodesBefore = await countRows(d, 'catalog_nodes');
    const admin = await tokenFor(d, organ.code, 'organ_admin');
    const badNode = await api.inject({ method: 'POST', url: `/api/v1/organs/${organ.code}/catalog-nodes`, headers: { authorization: admin }, payload: { name: '' } });
    expect(badNode.json().error).toMatchObject({ code: 'ERR_VALIDATION', field: 'name' });
    expect(await countRows(d, 'catalog_nodes')).toBe(nodesBefore);
  });

  it('creates a draft, publishes it, and lists it with its index number', async () => {
    const d = deps();
    const organ = await createOrgan(d, { creditCode: '11341525MB1234567X' });
    const node = await createNode(d, organ.id);
    const authorization = await tokenFor(d, organ.code, 'organ_admin');
    const api = await apiFor(d);

    const created = await api.inject({ method: 'POST', url: `/api/v1/organs/${organ.code}/publications`, headers: { authorization }, payload: publicationInput([node], { title: '关于公布2026年保障性住房分配结果的公告' }) });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect(created.json()).toMatchObject({ status: 'draft', organCode: organ.code, title: '关于公布2026年保障性住房分配结果的公告', url: `/organs/${organ.code}/items/${id}` });

    const edited = await api.inject({ method: 'PUT', url: `/api/v1/publications/${id}`, headers: { authorization }, payload: { ...publicationInput([node], { title: '关于公布保障性住房分配结果的公告' }), expectedVersion: 1 } });
    expect(edited.json()).toMatchObject({ title: '关于公布保障性住房分配结果的公告', version: 2 });
    const stale = await api.inject({ method: 'PUT', url: `/api/v1/publications/${id}`, headers: { authorization }, payload: { ...publicationInput([node]), expectedVersion: 1 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('ERR_CATALOG_VERSION_CONFLICT');
    // What a read returns (nulls for "none", read-only fields such as status) can be sent back as it is.
    const roundTrip = await api.inject({ method: 'PUT', url: `/api/v1/publications/${id}`, headers: { authorization }, payload: { ...(edited.json() as object), status: 'published', expectedVersion: 2 } });
    expect(roundTrip.statusCode).toBe(200);
    expect(roundTrip.json()).toMatchObject({ status: 'draft', version: 3, documentNumber: null, withheldReason: null, replacedById: null });
    const badVersion = await api.inject({ method: 'PUT', url: `/api/v1/publications/${id}`, headers: { authorization }, payload: { ...(edited.json() as object), expectedVersion: 'x' } });
    expect(badVersion.json().error).toMatchObject({ code: 'ERR_VALIDATION', field: 'expectedVersion' });

    // Through the review chain: the review form, submit, three approvals by other people, then the publisher.
    const verb = async (path: string, auth: string, payload: object = {}) => api.inject({ method: 'POST', url: `/api/v1/publications/${id}/${path}`, headers: { authorization: auth }, payload });
    expect((await api.inject({ method: 'PUT', url: `/api/v1/publications/${id}/review-form`, headers: { authorization }, payload: { secrecyLevel: 'non_secret', avoidanceNote: '不涉及' } })).statusCode).toBe(204);
    expect((await verb('submit', authorization)).json()).toMatchObject({ status: 'in_review' });
    for (const role of ['unit_head', 'disclosure_office', 'leader_in_charge'] as const) expect((await verb('approve', await tokenFor(d, organ.code, role), { comment: '同意' })).statusCode).toBe(200);
    const published = await verb('publish', await tokenFor(d, organ.code, 'disclosure_office'));
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', indexNumber: '11341525MB1234567X/2026-00001', publishedOn: '2026-03-10' });

    const list = await api.inject({ method: 'GET', url: `/api/v1/publications?organ=${organ.code}` });
    expect(list.json().total).toBe(1);
    expect(list.json().items[0]).toMatchObject({ id, indexNumber: '11341525MB1234567X/2026-00001', title: '关于公布保障性住房分配结果的公告', organCode: organ.code });
    const publicDetail = await api.inject({ method: 'GET', url: `/api/v1/publications/${id}` });
    expect(publicDetail.json()).toMatchObject({ id, status: 'published', stage: 'execution', keywords: [] });
    expect(publicDetail.json()).not.toHaveProperty('createdBy');
  });

  it('refuses a workflow verb with every reason: 403 when only rights are missing, 409 otherwise, and nothing changes', async () => {
    const d = deps();
    const organ = await createOrgan(d);
    const node = await createNode(d, organ.id);
    const draft = await createDraft(d, organ.id, [node], { disclosureMode: 'on_application', bodyHtml: '' });
    const api = await apiFor(d);
    const approved = await api.inject({ method: 'POST', url: `/api/v1/publications/${draft.id}/approve`, headers: { authorization: await tokenFor(d, organ.code, 'editor') } });
    expect(approved.statusCode).toBe(409);
    // Every reason at once, the wrong state first (issue 12).
    expect(approved.json().error).toMatchObject({ code: 'ERR_REVIEW_REFUSED' });
    expect(approved.json().error.reasons).toEqual([
      { code: 'ERR_REVIEW_WRONG_STATE', message: '当前状态为“草稿”，不能“审核通过”（仅限：审核中）' }, { code: 'ERR_REVIEW_NO_STAGE', message: '审核环节不存在' },
    ]);
    const forced = await api.inject({ method: 'POST', url: `/api/v1/publications/${draft.id}/force-publish`, headers: { authorization: await tokenFor(d, organ.code, 'disclosure_office') }, payload: {} });
    expect(forced.statusCode).toBe(409);
    expect(forced.json().error.reasons.map((r: { code: string }) => r.code)).toEqual(['ERR_REVIEW_REASON_REQUIRED', 'ERR_REVIEW_FORM_INCOMPLETE', 'ERR_REVIEW_NOT_PROACTIVE']);
    const byEditor = await api.inject({ method: 'POST', url: `/api/v1/publications/${draft.id}/force-publish`, headers: { authorization: await tokenFor(d, organ.code, 'editor') }, payload: { comment: '急' } });
    expect(byEditor.json().error.reasons.map((r: { code: string }) => r.code)).toContain('ERR_REVIEW_NOT_PUBLISHER');
    expect((await findPublication(d.db, draft.id))!.status).toBe('draft');
  });

  it('lets an organ admin add, rename, move and remove catalog nodes, refusing a cycle', async () => {
    const d = deps();
    const organ = await createOrgan(d);
    const authorization = await tokenFor(d, organ.code, 'organ_admin');
    const api = await apiFor(d);
    const add = (payload: object) => api.inject({ method: 'POST', url: `/api/v1/organs/${organ.code}/catalog-nodes`, headers: { authorization }, payload });

    const top = await add({ name: '重点领域', isStandardDirectory: true, standardArea: '住房保障' });
    expect(top.statusCode).toBe(201);
    expect(top.json()).toMatchObject({ organCode: organ.code, parentId: null, isStandardDirectory: true, standardArea: '住房保障' });
    const sub = await add({ name: '保障房', parentId: top.json().id });
    const renamed = await api.inject({ method: 'PATCH', url: `/api/v1/catalog-nodes/${sub.json().id}`, headers: { authorization }, payload: { name: '保障性住房' } });
    expect(renamed.json()).toMatchObject({ name: '保障性住房', parentId: top.json().id });
    const unchanged = await api.inject({ method: 'PATCH', url: `/api/v1/catalog-nodes/${top.json().id}`, headers: { authorization }, payload: { description: '说明' } });
    expect(unchanged.json()).toMatchObject({ name: '重点领域', isStandardDirectory: true, standardArea: '住房保障', description: '说明' });

    const cycle = await api.inject({ method: 'PATCH', url: `/api/v1/catalog-nodes/${top.json().id}`, headers: { authorization }, payload: { parentId: sub.json().id } });
    expect(cycle.statusCode).toBe(409);
    expect(cycle.json().error).toMatchObject({ code: 'ERR_CATALOG_MOVE_REFUSED', field: 'parentId' });
    const notEmpty = await api.inject({ method: 'DELETE', url: `/api/v1/catalog-nodes/${top.json().id}`, headers: { authorization } });
    expect(notEmpty.statusCode).toBe(409);
    const toTop = await api.inject({ method: 'PATCH', url: `/api/v1/catalog-nodes/${sub.json().id}`, headers: { authorization }, payload: { parentId: null } });
    expect(toTop.json()).toMatchObject({ name: '保障性住房', parentId: null });
    const removed = await api.inject({ method: 'DELETE', url: `/api/v1/catalog-nodes/${sub.json().id}`, headers: { authorization } });
    expect(removed.statusCode).toBe(204);
    expect((await listCatalogNodes(d.db, organ.id)).map((n) => n.name)).toEqual(['重点领域']);
  });

  it('creates and changes organs with a system administrator token; the code is permanent', async () => {
    const d = deps();
    const root = await createOrgan(d);
    const authorization = await tokenFor(d, root.code, 'system_admin');
    const api = await apiFor(d);
    const code = `api-bureau-${d.dialect}`;
    const created = await api.inject({ method: 'POST', url: '/api/v1/organs', headers: { authorization }, payload: { code, name: '测试县财政局', kind: 'department', parentCode: root.code, creditCode: '11341525003139573K' } });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ code, parentCode: root.code, shortName: '测试县财政局' });
    const patched = await api.inject({ method: 'PATCH', url: `/api/v1/organs/${code}`, headers: { authorization }, payload: { address: '人民路 1 号' } });
    expect(patched.json()).toMatchObject({ code, name: '测试县财政局', address: '人民路 1 号', parentCode: root.code, kind: 'department' });
    const detached = await api.inject({ method: 'PATCH', url: `/api/v1/organs/${code}`, headers: { authorization }, payload: { parentCode: null } });
    expect(detached.json().error).toMatchObject({ code: 'ERR_VALIDATION', field: 'parentCode', message: '字段“parentCode”有误：政府部门和二级机构须选择上级机关' });
    const recoded = await api.inject({ method: 'PATCH', url: `/api/v1/organs/${code}`, headers: { authorization }, payload: { code: 'other-code' } });
    expect(recoded.statusCode).toBe(409);
    expect(recoded.json().error).toMatchObject({ code: 'ERR_CATALOG_ORGAN_CODE_PERMANENT', field: 'code' });
    const organsBefore = await countRows(d, 'organs');
    const bad = await api.inject({ method: 'POST', url: '/api/v1/organs', headers: { authorization }, payload: { code: 'X', name: '某局', kind: 'government', creditCode: '1' } });
    expect(bad.json().error).toMatchObject({ code: 'ERR_VALIDATION', field: 'code' });
    expect(await countRows(d, 'organs')).toBe(organsBefore);
  });

  it('uploads an attachment as multipart and shows it on the publication', async () => {
    const d = deps();
    const organ = await createOrgan(d);
    const node = await createNode(d, organ.id);
    const draft = await createDraft(d, organ.id, [node]);
    const authorization = await tokenFor(d, organ.code, 'editor');
    const api = await apiFor(d);
    const form = new FormData();
    form.append('file', new Blob([Buffer.from('%PDF-1.4 test')], { type: 'application/pdf' }), '分配方案.pdf');
    const res = await api.inject({ method: 'POST', url: `/api/v1/publications/${draft.id}/attachments`, headers: { authorization }, payload: form });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ fileName: '分配方案.pdf', mimeType: 'application/pdf', sizeBytes: 13, url: `/attachments/${res.json().id}/${encodeURIComponent('分配方案.pdf')}` });
    const detail = await api.inject({ method: 'GET', url: `/api/v1/publications/${draft.id}`, headers: { authorization } });
    expect(detail.json().attachments).toEqual([res.json()]);
    const noFile = await api.inject({ method: 'POST', url: `/api/v1/publications/${draft.id}/attachments`, headers: { authorization }, payload: {} });
    expect(noFile.json().error).toMatchObject({ code: 'ERR_VALIDATION', field: 'file' });
  });

  it('answers a withdrawn item with 410 and the reason', async () => {
    const d = deps();
    const organ = await createOrgan(d);
    const node = await createNode(d, organ.id);
    const item = await createPublished(d, organ.id, [node]);
    const { performReviewVerb } = await import('../../../review/index.ts');
    const { system } = await import('../../../../../test/support/factories.ts');
    d.clock.set('2026-03-10T17:30:00Z'); // 01:30 on 11 March in Beijing
    await performReviewVerb(d, system, item.id, 'withdraw', { withdrawReason: 'published_in_error', withdrawNote: '重复' });
    const api = await apiFor(d);
    const res = await api.inject({ method: 'GET', url: `/api/v1/publications/${item.id}` });
    expect(res.statusCode).toBe(410);
    expect(res.json().error).toMatchObject({ code: 'ERR_CATALOG_PUBLICATION_WITHDRAWN', message: expect.stringContaining('误发布（重复）') });
    expect(res.json().error.message).toContain('已于 2026-03-11 撤回');
  });

  it('publishes the OpenAPI document and the browsable reference', async () => {
    const api = await apiFor(deps());
    const res = await api.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.info.title).toBe('gongkai 政府信息公开平台 API');
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    for (const path of ['/api/v1/organs', '/api/v1/organs/{code}/catalog', '/api/v1/catalog-nodes/{id}/publications', '/api/v1/publications/{id}/publish', '/api/v1/publications/{id}/submit', '/api/v1/publications/{id}/review-form', '/api/v1/publications/{id}/attachments']) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    expect(doc.paths['/api/v1/organs'].get.summary).toBe('机关列表');
    expect(doc.paths['/api/v1/organs'].post.security).toEqual([{ bearerAuth: [] }]);
    expect(doc.paths['/api/v1/organs/{code}/publications'].post.requestBody.content['application/json'].schema.required).toEqual(['title', 'formedOn', 'stage', 'docType', 'nodeIds']);
    expect(doc.paths['/api/v1/publications/{id}/attachments'].post.requestBody.content).toHaveProperty('multipart/form-data');
    expect(doc.components.schemas.CatalogTreeItem.properties.children.items.$ref).toBe('#/components/schemas/CatalogTreeItem');
    expect(Object.keys(doc.paths).some((p) => p.startsWith('/api/docs'))).toBe(false);
    expect(doc.paths['/api/v1/publications/{id}/publish'].post.responses['409']).toMatchObject({
      description: expect.stringContaining('reasons'), content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } },
    });
    expect(Object.keys(doc.components.schemas).sort()).toEqual(
      ['ApiError', 'Attachment', 'CatalogNode', 'CatalogTreeItem', 'DirectoryMatter', 'LinkedPublication', 'Organ', 'OrganSummary', 'Publication', 'PublicationListItem', 'PublicationWriteAnswer', 'ReplacingPolicy', 'ValidityLink'],
    );
    // A repealed or lapsed policy an interpretation explains names its replacement and that one's interpretations.
    expect(doc.components.schemas.LinkedPublication.properties.replacedBy).toMatchObject({ nullable: true, allOf: [{ $ref: '#/components/schemas/ReplacingPolicy' }] });
    expect(doc.components.schemas.ReplacingPolicy.properties.interpretations.type).toBe('array');
    // 效力 links both ways, and the verb that records an amender (ADR 0026).
    expect(doc.components.schemas.Publication.properties.amendedBy.items.$ref).toBe('#/components/schemas/ValidityLink');
    expect(doc.paths['/api/v1/publications/{id}/mark-amended'].post.requestBody.content['application/json'].schema.properties.amendingId).toMatchObject({ type: 'integer' });

    let page = await api.inject({ method: 'GET', url: '/api/docs' });
    if (page.statusCode >= 300 && page.statusCode < 400) page = await api.inject({ method: 'GET', url: String(page.headers.location) });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    // A phone lays it out at its own width, not 980 px (found by an outside tester).
    expect(page.body).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(page.body).toContain('<html lang="zh-CN">');
    const initializer = await api.inject({ method: 'GET', url: '/api/docs/static/swagger-initializer.js' });
    expect(initializer.statusCode).toBe(200);
  });
});

describeEachDialect('catalog changes over the API', (db) => {
  it('previews and merges with the version seen; refuses a stale version, a merge into itself and an editor, saving nothing', async () => {
    const d = buildDeps(db());
    const api = await apiFor(d);
    const organ = await createOrgan(d);
    const from = await createNode(d, organ.id, { name: '通知公告' });
    const into = await createNode(d, organ.id, { name: '工作动态' });
    const item = await createPublished(d, organ.id, [from]);
    const admin = await tokenFor(d, organ.code, 'organ_admin');
    const url = `/api/v1/organs/${organ.code}/catalog-changes`;
    const preview = await api.inject({ method: 'POST', url: `${url}/preview`, headers: { authorization: admin }, payload: { kind: 'merge', nodeId: from, intoId: into } });
    expect(preview.statusCode).toBe(200);
    const { plan, version } = preview.json();
    expect(plan.itemsMoved.map((i: { id: number; indexNumber: string }) => [i.id, i.indexNumber])).toEqual([[item.id, item.indexNumber]]);
    expect(plan.redirects[0]).toEqual({ fromPath: `/organs/${organ.code}/catalog/${from}`, toPath: `/organs/${organ.code}/catalog/${into}` });

    const self = await api.inject({ method: 'POST', url, headers: { authorization: admin }, payload: { kind: 'merge', nodeId: from, intoId: from, version } });
    expect([self.statusCode, self.json().error.code, self.json().error.reasons[0].message]).toEqual([409, 'ERR_CATALOG_CHANGE_REFUSED', '栏目不能并入自己']);
    const editor = await api.inject({ method: 'POST', url, headers: { authorization: await tokenFor(d, organ.code, 'editor') }, payload: { kind: 'merge', nodeId: from, intoId: into, version } });
    expect(editor.statusCode).toBe(403);
    const stale = await api.inject({ method: 'POST', url, headers: { authorization: admin }, payload: { kind: 'merge', nodeId: from, intoId: into, version: version - 1 } });
    expect([stale.statusCode, stale.json().error.code]).toEqual([409, 'ERR_CATALOG_CHANGE_STALE']);
    expect((await listCatalogNodes(d.db, organ.id)).map((n) => n.id)).toEqual([from, into]);

    const done = await api.inject({ method: 'POST', url, headers: { authorization: admin }, payload: { kind: 'merge', nodeId: from, intoId: into, version } });
    expect(done.statusCode).toBe(201);
    expect(done.json().plan.summary).toBe('合并：“通知公告”并入“工作动态”');
    expect((await listCatalogNodes(d.db, organ.id)).map((n) => n.id)).toEqual([into]);
    expect((await findPublication(d.db, item.id))!.indexNumber).toBe(item.indexNumber);
  });
});
