import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../../../platform/app-deps.ts';
import { DomainError } from '../../../../shared/domain-error.ts';
import { actorOf, requireApiToken } from '../../../identity/index.ts';
import { applyCatalogChange, previewCatalogChange } from '../../use-cases/change-catalog.ts';
import { organByCode } from '../../use-cases/organ-by-code.ts';
import { jsonObjectBody } from './api-access.ts';
import { errorResponses, jsonResponse, organCodeParams } from './schemas.ts';

const tags = ['catalog'];
const security = [{ bearerAuth: [] }];

const changeBody = z.object({
  kind: z.string().describe('rename 改名、move 移动、merge 合并、split 拆分 / the kind of change'),
  nodeId: z.number().int().describe('要调整的栏目 / the node changed'),
  name: z.string().optional().describe('rename: 新名称；split: 新栏目名称 / new name'),
  parentId: z.number().int().nullable().optional().describe('move: 新的上级栏目，null 为顶级 / new parent, null = top level'),
  intoId: z.number().int().optional().describe('merge: 并入的栏目 / the node merged into'),
  placement: z.string().optional().describe('split: sibling 同级 或 child 下级 / where the new node goes'),
  itemIds: z.array(z.number().int()).optional().describe('split: 移入新栏目的信息 / items moved to the new node'),
}).passthrough();

const plan = z.object({
  kind: z.string(), nodeId: z.number(), summary: z.string().describe('一句话说明 / one line'),
  nodesMoved: z.array(z.object({ id: z.number(), before: z.string(), after: z.string() })).describe('名称或位置变化的栏目（路径） / nodes whose path changes'),
  itemsMoved: z.array(z.object({
    id: z.number(), title: z.string(), indexNumber: z.string().nullable(), status: z.string(), from: z.number(), to: z.number().nullable(), alreadyThere: z.boolean(),
  })).describe('放置变化的信息；to 为 null 即拆分出的新栏目 / items whose placement changes'),
  mattersMoved: z.array(z.object({ id: z.number(), name: z.string(), before: z.string(), after: z.string(), note: z.string() }))
    .describe('涉及的标准目录事项：调整前后所在栏目及说明 / standard-directory 事项 touched, the node holding each before and after'),
  redirects: z.array(z.object({ fromPath: z.string(), toPath: z.string() })).describe('将永久转向（301）的地址 / addresses that will answer 301'),
}).passthrough();

/**
 * Safe catalog change over the API (docs/catalog-changes.md): preview a rename, move, merge or split,
 * then carry it out with the version the preview returned. The organ's administrator only.
 */
export const catalogChangesApi = (deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  app.post('/organs/:code/catalog-changes/preview', {
    preHandler: requireApiToken(deps),
    schema: {
      tags, summary: '预览目录调整', security,
      description: '不做任何修改，返回将移动的栏目、信息和将转向的地址，以及确认时须带回的目录版本号。/ What a change would move, and the catalog version to confirm against.',
      params: organCodeParams, body: changeBody,
      response: { 200: jsonResponse('调整预览 / the preview', z.object({ plan, version: z.number().describe('目录版本号 / catalog version') })), ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (request) => {
    const organ = await organByCode(deps.db, request.params.code);
    const { plan: p, version } = await previewCatalogChange(deps, actorOf(request, 'api'), organ, jsonObjectBody(request.body));
    return { plan: p, version };
  });

  app.post('/organs/:code/catalog-changes', {
    preHandler: requireApiToken(deps),
    schema: {
      tags, summary: '进行目录调整（改名、移动、合并、拆分）', security,
      description: '在一个事务中完成调整并记入目录调整记录；version 须为预览返回的版本号，此后目录有变化则拒绝（409 ERR_CATALOG_CHANGE_STALE）。/ Carry out a change in one transaction; refused when the catalog changed since the preview.',
      params: organCodeParams, body: changeBody.extend({ version: z.number().int().describe('预览返回的目录版本号 / the version the preview returned') }),
      response: {
        201: jsonResponse('已完成的调整 / the change made', z.object({ changeId: z.number(), newNodeId: z.number().nullable().describe('拆分新建的栏目 / the node a split created'), plan })),
        ...errorResponses(400, 401, 403, 404, 409),
      },
    },
  }, async (request, reply) => {
    const organ = await organByCode(deps.db, request.params.code);
    const body = jsonObjectBody(request.body);
    if (!Number.isInteger(body.version)) throw new DomainError('ERR_VALIDATION', '请带回预览返回的目录版本号 version', { field: 'version' });
    const { plan: p, changeId, newNodeId } = await applyCatalogChange(deps, actorOf(request, 'api'), organ, body, body.version as number);
    return reply.status(201).send({ changeId, newNodeId, plan: p });
  });
};
