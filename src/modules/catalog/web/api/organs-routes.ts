import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../../../platform/app-deps.ts';
import { actorOf, requireApiToken } from '../../../identity/index.ts';
import { listCatalogNodes, listOrgans, publishedCountsByNode, saveOrgan, type Organ } from '../../index.ts';
import { jsonObjectBody, nullsAsEmpty, organCodeOf, withoutNulls } from './api-access.ts';
import { organByCode } from '../../use-cases/organ-by-code.ts';
import { presentCatalogTree, presentOrganDetail, presentOrganSummary } from './presenters.ts';
import {
  catalogTreeResponse, errorResponses, jsonResponse, organBody, organCodeParams, organDetail, organListResponse, organPatchBody,
} from './schemas.ts';

const tags = ['organs'];
const security = [{ bearerAuth: [] }];

/** The fields saveOrgan needs, as the organ has them now: PATCH overlays the caller's fields on these. */
function currentSettings(o: Organ, parentCode: string | null): Record<string, unknown> {
  return {
    code: o.code, name: o.name, shortName: o.shortName, kind: o.kind, parentCode: parentCode ?? undefined, creditCode: o.creditCode,
    indexPattern: o.indexPattern, consultPhone: o.consultPhone, address: o.address, officeHours: o.officeHours,
    guideHtml: o.guideHtml, rulesHtml: o.rulesHtml, sortOrder: o.sortOrder,
  };
}

export const organsRoutes = (deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  app.get('/organs', {
    schema: { tags, summary: '机关列表', description: '全部机关及其代码、名称。/ All organs with their code and name.', response: { 200: jsonResponse('全部机关 / every organ', organListResponse) } },
  }, async () => {
    const organs = await listOrgans(deps.db);
    const codeById = new Map(organs.map((o) => [o.id, o.code]));
    return { items: organs.map((o) => presentOrganSummary(o, o.parentId === null ? null : (codeById.get(o.parentId) ?? null))) };
  });

  app.get('/organs/:code', {
    schema: { tags, summary: '机关详情', params: organCodeParams, response: { 200: jsonResponse('机关详情 / the organ', organDetail), ...errorResponses(404) } },
  }, async (request) => {
    const organ = await organByCode(deps.db, request.params.code);
    return presentOrganDetail(organ, await organCodeOf(deps.db, organ.parentId));
  });

  app.get('/organs/:code/catalog', {
    schema: {
      tags: ['catalog'], summary: '机关的主动公开目录（树形）', description: '栏目按同级排序嵌套。/ The organ\'s catalog as a nested tree.',
      params: organCodeParams, response: { 200: jsonResponse('目录树 / the catalog tree', catalogTreeResponse), ...errorResponses(404) },
    },
  }, async (request) => {
    const organ = await organByCode(deps.db, request.params.code);
    const [nodes, counts] = await Promise.all([listCatalogNodes(deps.db, organ.id), publishedCountsByNode(deps.db, organ.id)]);
    return { items: presentCatalogTree(nodes, counts) };
  });

  app.post('/organs', {
    preHandler: requireApiToken(deps),
    schema: {
      tags, summary: '新建机关', description: '顶级机关须系统管理员；下级机关须上级机关的管理员。/ Create an organ.', security,
      body: organBody, response: { 201: jsonResponse('新建的机关 / the new organ', organDetail), ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (request, reply) => {
    const organ = await saveOrgan(deps, actorOf(request, 'api'), withoutNulls(jsonObjectBody(request.body)));
    return reply.status(201).send(presentOrganDetail(organ, await organCodeOf(deps.db, organ.parentId)));
  });

  app.patch('/organs/:code', {
    preHandler: requireApiToken(deps),
    schema: {
      tags, summary: '修改机关设置', description: '只改给出的字段；机关代码不能修改。/ Change some settings; the code is permanent.', security,
      params: organCodeParams, body: organPatchBody, response: { 200: jsonResponse('修改后的机关 / the organ after the change', organDetail), ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (request) => {
    const before = await organByCode(deps.db, request.params.code);
    const merged = { ...currentSettings(before, await organCodeOf(deps.db, before.parentId)), ...nullsAsEmpty(jsonObjectBody(request.body)) };
    const organ = await saveOrgan(deps, actorOf(request, 'api'), merged, before.id);
    return presentOrganDetail(organ, await organCodeOf(deps.db, organ.parentId));
  });
};
