import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../../../platform/app-deps.ts';
import { actorOf, requireApiToken } from '../../../identity/index.ts';
import {
  addCatalogNode, findOrganById, listCatalogNodes, pagePublishedInNodes, removeCatalogNode, subtreeIds, updateCatalogNode, type CatalogNode,
} from '../../index.ts';
import { jsonObjectBody, nodeOr404, nullsAsEmpty, withoutNulls } from './api-access.ts';
import { organByCode } from '../../use-cases/organ-by-code.ts';
import { publicationPage } from './publication-schemas.ts';
import { presentListItem, presentNode } from './presenters.ts';
import { catalogNode, errorResponses, jsonResponse, nodeBody, nodeIdParams, nodePatchBody, organCodeParams, pageQuery } from './schemas.ts';

const tags = ['catalog'];
const security = [{ bearerAuth: [] }];

/** The fields updateCatalogNode needs, as the node has them now: PATCH overlays the caller's fields on these. */
const currentFields = (n: CatalogNode): Record<string, unknown> => ({
  name: n.name, parentId: n.parentId, isStandardDirectory: n.isStandardDirectory, standardArea: n.standardArea ?? undefined, description: n.description,
});

export const catalogNodesRoutes = (deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  const present = async (id: number) => {
    const node = await nodeOr404(deps.db, id);
    return presentNode(node, (await findOrganById(deps.db, node.organId))!.code);
  };

  app.get('/catalog-nodes/:id/publications', {
    schema: {
      tags, summary: '栏目中的已发布信息',
      description: '含下级栏目中的信息，按发布日期从新到旧分页。/ Published items of the node and its sub-nodes, newest first.',
      params: nodeIdParams, querystring: pageQuery, response: { 200: jsonResponse('一页已发布信息 / a page of published items', publicationPage), ...errorResponses(400, 404) },
    },
  }, async (request) => {
    const node = await nodeOr404(deps.db, request.params.id);
    const ids = subtreeIds(await listCatalogNodes(deps.db, node.organId), node.id);
    const { page, pageSize } = request.query;
    const result = await pagePublishedInNodes(deps.db, ids, page, pageSize);
    return { items: result.items.map(presentListItem), total: result.total, page, pageSize };
  });

  app.post('/organs/:code/catalog-nodes', {
    preHandler: requireApiToken(deps),
    schema: {
      tags, summary: '新增目录栏目', description: '须本机关管理员。/ Add a node to the organ\'s catalog (organ admin).', security,
      params: organCodeParams, body: nodeBody, response: { 201: jsonResponse('新建的栏目 / the new node', catalogNode), ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request, reply) => {
    const organ = await organByCode(deps.db, request.params.code);
    const id = await addCatalogNode(deps, actorOf(request, 'api'), organ.id, withoutNulls(jsonObjectBody(request.body)));
    return reply.status(201).send(await present(id));
  });

  app.patch('/catalog-nodes/:id', {
    preHandler: requireApiToken(deps),
    schema: {
      tags, summary: '修改目录栏目（改名、移动、标准目录标记）',
      description: '只改给出的字段；移动到自己的下级会被拒绝（409）。/ Rename, move or mark a node; a move into its own branch is refused.', security,
      params: nodeIdParams, body: nodePatchBody, response: { 200: jsonResponse('修改后的栏目 / the node after the change', catalogNode), ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (request) => {
    const node = await nodeOr404(deps.db, request.params.id);
    await updateCatalogNode(deps, actorOf(request, 'api'), node.id, { ...currentFields(node), ...nullsAsEmpty(jsonObjectBody(request.body)) });
    return present(node.id);
  });

  app.delete('/catalog-nodes/:id', {
    preHandler: requireApiToken(deps),
    schema: {
      tags, summary: '删除空栏目', description: '栏目下还有子栏目或信息时拒绝（409）。/ Remove an empty node.', security,
      params: nodeIdParams, response: { 204: z.undefined().describe('已删除 / removed'), ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (request, reply) => {
    await removeCatalogNode(deps, actorOf(request, 'api'), request.params.id);
    return reply.status(204).send();
  });
};
