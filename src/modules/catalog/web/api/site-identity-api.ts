import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../../../platform/app-deps.ts';
import { actorOf, requireApiToken } from '../../../identity/index.ts';
import { IDENTITY_FIELDS } from '../../domain/site-identity.ts';
import { identityFor, saveSiteIdentity } from '../../use-cases/site-identity.ts';
import { jsonObjectBody } from './api-access.ts';
import { organByCode } from '../../use-cases/organ-by-code.ts';
import { errorResponses, jsonResponse, organCodeParams } from './schemas.ts';

const tags = ['site'];
const security = [{ bearerAuth: [] }];
const identity = z.object({
  siteName: z.string().describe('网站名称'), hostUnit: z.string().describe('主办单位'), operatorUnit: z.string().describe('承办单位'),
  address: z.string().describe('地址'), phone: z.string().describe('联系电话'), icpNumber: z.string().describe('ICP备案号'),
  policeNumber: z.string().describe('公安机关备案号'), siteCode: z.string().describe('网站标识码'), errorReportUrl: z.string().describe('政府网站找错链接'),
  emblemUrl: z.string().nullable().describe('网站标志图片地址（在后台上传）/ the emblem image, uploaded in the back office'),
}).describe('网站标识与备案信息；空字符串表示未设置（机关的未设置项沿用全站）/ the identity; empty means not set');
const body = z.object(Object.fromEntries(IDENTITY_FIELDS.map((f) => [f, z.string().optional()]))).describe('要保存的全部字段（未给出的字段清空）/ every field to save');

/**
 * 网站标识与备案信息 over the API (issue 15): anyone may read it (every page shows it); the site's is
 * written by a system administrator, an organ's by its administrator, with the back office's rules.
 */
export const siteIdentityApi = (deps: AppDeps, onChanged: () => void): FastifyPluginAsyncZod => async (app) => {
  const present = async (scope: 'site' | `organ:${number}`) => {
    const { emblem, ...fields } = await identityFor(deps, scope);
    return { ...fields, emblemUrl: emblem ? `/site/emblem/${encodeURIComponent(scope)}` : null };
  };
  app.get('/site-identity', {
    schema: { tags, summary: '全站的网站标识与备案信息', response: { 200: jsonResponse('全站设置 / the site’s identity', identity) } },
  }, async () => present('site'));
  app.put('/site-identity', {
    preHandler: requireApiToken(deps),
    schema: { tags, summary: '保存全站的网站标识与备案信息（系统管理员）', security, body, response: { 200: jsonResponse('保存后的设置', identity), ...errorResponses(400, 401, 403) } },
  }, async (request) => {
    await saveSiteIdentity(deps, actorOf(request, 'api'), null, jsonObjectBody(request.body));
    onChanged();
    return present('site');
  });
  app.get('/organs/:code/site-identity', {
    schema: { tags, summary: '机关自己的网站标识与备案信息（未设置项沿用全站）', params: organCodeParams, response: { 200: jsonResponse('机关的设置', identity), ...errorResponses(404) } },
  }, async (request) => present(`organ:${(await organByCode(deps.db, request.params.code)).id}`));
  app.put('/organs/:code/site-identity', {
    preHandler: requireApiToken(deps),
    schema: { tags, summary: '保存机关的网站标识与备案信息（机关管理员）', security, params: organCodeParams, body, response: { 200: jsonResponse('保存后的设置', identity), ...errorResponses(400, 401, 403, 404) } },
  }, async (request) => {
    const organ = await organByCode(deps.db, request.params.code);
    await saveSiteIdentity(deps, actorOf(request, 'api'), organ.id, jsonObjectBody(request.body));
    onChanged();
    return present(`organ:${organ.id}`);
  });
};
