import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { findDirectoryMatter } from '../../storage/directory-matters-repository.ts';
import type { AppDeps } from '../../../../platform/app-deps.ts';
import { DomainError } from '../../../../shared/domain-error.ts';
import { WITHDRAW_REASONS } from '../../domain/labels.ts';
import { requireApiToken } from '../../../identity/index.ts';
import {
  findOrganById, findPublication, listAttachments, listCatalogNodes, pageForStaff, pagePublishedInNodes, type Publication,
} from '../../index.ts';
import { withdrawalOf } from '../../storage/publications-repository.ts';
import { interpretationLinks } from '../../use-cases/interpretations.ts';
import { publicReplacementsOf, publicValidityLinks } from '../../use-cases/amending-documents.ts';
import { mayEditOrgan, optionalApiPrincipal } from './api-access.ts';
import { organByCode } from '../../use-cases/organ-by-code.ts';
import { publicationDetail, publicationPage, publicationsQuery } from './publication-schemas.ts';
import { presentListItem, presentPublication } from './presenters.ts';
import { errorResponses, jsonResponse, publicationIdParams } from './schemas.ts';
import { chinaDateOf } from '../../../../shared/iso-date.ts';

const tags = ['publications'];

/**
 * A publication with its organ, attachments, 政策解读 and 效力 links (and the document in force that replaces it), as the API shows it. `staff`: the
 * caller works on the item's organ and also sees the links to that organ's unpublished items; by
 * default that is assumed for an unpublished item (only its organ's staff ever get one) and not for
 * a published one.
 */
export async function publicationJson(deps: AppDeps, p: Publication, opts: { staff?: boolean } = {}) {
  const staff = opts.staff ?? p.status !== 'published';
  const [organ, attachments, links, matter, validity, replacements] = await Promise.all([
    findOrganById(deps.db, p.organId), listAttachments(deps.db, p.id), interpretationLinks(deps.db, p.id, staff ? [p.organId] : []),
    p.matterId ? findDirectoryMatter(deps.db, p.matterId) : Promise.resolve(null),
    publicValidityLinks(deps.db, p.id), publicReplacementsOf(deps.db, p),
  ]);
  return presentPublication(p, organ!, attachments, links, staff, matter, { ...validity, replacements });
}

export const publicationsRoutes = (deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  app.get('/publications', {
    schema: {
      tags, summary: '机关的信息列表',
      description:
        '默认只列已发布信息，按发布日期从新到旧；status=draft 或 withdrawn 需要对该机关有角色的 API 令牌，按修改时间从新到旧。' +
        '/ Published items of an organ, newest first; other statuses need a bearer token with a role on the organ.',
      security: [{}, { bearerAuth: [] }],
      querystring: publicationsQuery, response: { 200: jsonResponse('一页信息 / a page of items', publicationPage), ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request) => {
    const { organ: code, status, page, pageSize } = request.query;
    if (status && status !== 'published') {
      await requireApiToken(deps)(request);
      const organ = await organByCode(deps.db, code);
      if (!(await mayEditOrgan(deps.db, request.principal, organ.id))) {
        throw new DomainError('ERR_AUTH_FORBIDDEN', '您没有查看该机关未发布信息的权限', { httpStatus: 403 });
      }
      const result = await pageForStaff(deps.db, { organIds: [organ.id], status, page, pageSize });
      return { items: result.items.map(presentListItem), total: result.total, page, pageSize };
    }
    const organ = await organByCode(deps.db, code);
    const nodeIds = (await listCatalogNodes(deps.db, organ.id)).map((n) => n.id);
    const result = await pagePublishedInNodes(deps.db, nodeIds, page, pageSize);
    return { items: result.items.map(presentListItem), total: result.total, page, pageSize };
  });

  app.get('/publications/:id', {
    schema: {
      tags, summary: '信息详情（全部元数据与附件）',
      description:
        '匿名调用只能看到已发布信息；草稿和已撤回信息只对持有该机关角色令牌的调用方可见，其余一律 404。' +
        '/ Anonymous callers see published items only; drafts answer 404 unless the bearer token has a role on the organ.',
      security: [{}, { bearerAuth: [] }],
      params: publicationIdParams, response: { 200: jsonResponse('信息详情 / the publication', publicationDetail), ...errorResponses(400, 401, 404, 410) },
    },
  }, async (request) => {
    const principal = await optionalApiPrincipal(deps, request);
    const p = await findPublication(deps.db, request.params.id);
    const mayEdit = p ? await mayEditOrgan(deps.db, principal, p.organId) : false;
    // A withdrawn item was public: say so and why (410), as its portal page does.
    if (p && p.status === 'withdrawn' && !mayEdit) {
      const w = await withdrawalOf(deps.db, p.id);
      const reason = (WITHDRAW_REASONS as Record<string, string>)[w.withdrawn_reason ?? ''] ?? '其他原因';
      throw new DomainError('ERR_CATALOG_PUBLICATION_WITHDRAWN', `该信息已于 ${w.withdrawn_at ? chinaDateOf(new Date(w.withdrawn_at)) : ''} 撤回，原因：${reason}${w.withdrawn_note ? `（${w.withdrawn_note}）` : ''}`, { httpStatus: 410 });
    }
    // An unpublished item is answered exactly like a missing one, so its existence does not leak.
    if (!p || (p.status !== 'published' && !mayEdit)) {
      throw new DomainError('ERR_CATALOG_PUBLICATION_NOT_FOUND', '信息不存在或尚未发布', { httpStatus: 404 });
    }
    return publicationJson(deps, p, { staff: mayEdit });
  });
};
