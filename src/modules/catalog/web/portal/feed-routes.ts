import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Feed } from 'feed';
import type { AppDeps } from '../../../../platform/app-deps.ts';
import { DomainError } from '../../../../shared/domain-error.ts';
import { subtreeIds } from '../../domain/catalog-tree.ts';
import { STAGE_LABELS } from '../../domain/labels.ts';
import type { Organ } from '../../domain/organ.ts';
import { findCatalogNode, listCatalogNodes } from '../../storage/catalog-nodes-repository.ts';
import { findOrganByCode, listOrgans, organUpdatedAt } from '../../storage/organs-repository.ts';
import { handlingOrganOf } from '../../domain/handling-organ.ts';
import { organByCode } from '../../use-cases/organ-by-code.ts';
import { pagePublishedInNodes, pagePublishedSubmittedBy, type PublicationListItem } from '../../storage/publications-repository.ts';
import { itemPath, nodePath } from '../../domain/portal-paths.ts';
import { instantOfChinaTime } from '../../../../shared/iso-date.ts';
import { addressId } from '../../../../shared/address-number.ts';

/** How many of the newest items a feed carries. */
export const FEED_ITEMS = 50;

/**
 * Atom and RSS feeds of an organ's catalog and of each catalog node (docs/api.md#feeds): the newest
 * published items, for feed readers and for other sites that aggregate a county's disclosures.
 */
export function feedRoutes(deps: AppDeps, opts: { publicUrl: string | null }) {
  const baseUrl = (request: FastifyRequest) => opts.publicUrl ?? `${request.protocol}://${request.host}`;
  const notFound = (what: string) => new DomainError('ERR_NOT_FOUND', `${what}不存在`, { httpStatus: 404 });

  async function render(request: FastifyRequest, reply: FastifyReply, format: string, organ: Organ, title: string, pagePath: string, selfPath: string, items: PublicationListItem[]) {
    const base = baseUrl(request);
    // The newest item's day; a feed with none yet is as new as its organ's (or unit's) last change, never 1970.
    const changed = items[0]?.publishedOn ? null : await organUpdatedAt(deps.db, organ.id);
    const updated = items[0]?.publishedOn ? instantOfChinaTime(items[0].publishedOn) : new Date(changed ?? deps.clock.now().toISOString());
    const feed = new Feed({
      title, id: `${base}${pagePath}`, link: `${base}${pagePath}`, language: 'zh-CN', updated,
      description: `${organ.name}主动公开的政府信息（最新 ${FEED_ITEMS} 条）`, copyright: organ.name,
      feedLinks: { atom: `${base}${selfPath}.atom`, rss: `${base}${selfPath}.rss` },
      generator: 'gongkai',
    });
    for (const i of items) {
      const link = `${base}${itemPath(i.organCode, i.id)}`;
      const meta = [i.indexNumber && `索引号：${i.indexNumber}`, i.documentNumber && `文号：${i.documentNumber}`, `发布机构：${i.organName}`, `五公开：${STAGE_LABELS[i.stage] ?? i.stage}`, i.publishedOn && `发布日期：${i.publishedOn}`].filter(Boolean).join('；');
      feed.addItem({ title: i.title, id: link, link, description: meta, date: instantOfChinaTime(i.publishedOn ?? i.formedOn), author: [{ name: i.organName }] });
    }
    const atom = format === 'atom';
    return reply
      .type(atom ? 'application/atom+xml; charset=utf-8' : 'application/rss+xml; charset=utf-8')
      .header('Cache-Control', 'public, max-age=300')
      .send(atom ? feed.atom1() : feed.rss2());
  }

  const formatOf = (raw: string) => {
    if (raw !== 'atom' && raw !== 'rss') throw notFound('订阅格式');
    return raw;
  };

  return async function plugin(app: FastifyInstance) {
    app.get<{ Params: { code: string; format: string } }>('/organs/:code/feed.:format', async (request, reply) => {
      const format = formatOf(request.params.format);
      const organ = await organByCode(deps.db, request.params.code);
      const nodes = await listCatalogNodes(deps.db, organ.id);
      // A unit without a catalog: the newest of what its page lists, the items of its organ it submitted (报送单位).
      const publisher = organ.kind === 'unit' && nodes.length === 0 ? handlingOrganOf(organ, await listOrgans(deps.db)) : null;
      const { items } = publisher
        ? await pagePublishedSubmittedBy(deps.db, publisher.id, organ.id, 1, FEED_ITEMS)
        : await pagePublishedInNodes(deps.db, nodes.map((n) => n.id), 1, FEED_ITEMS);
      return render(request, reply, format, organ, `${organ.name} 政府信息公开`, `/organs/${organ.code}/catalog`, `/organs/${organ.code}/feed`, items);
    });
    app.get<{ Params: { code: string; nodeId: string; format: string } }>('/organs/:code/catalog/:nodeId/feed.:format', async (request, reply) => {
      const format = formatOf(request.params.format);
      const organ = await findOrganByCode(deps.db, request.params.code);
      const node = organ ? await findCatalogNode(deps.db, addressId(request.params.nodeId)) : null;
      if (!organ || !node || node.organId !== organ.id) throw notFound('栏目');
      const nodes = await listCatalogNodes(deps.db, organ.id);
      const { items } = await pagePublishedInNodes(deps.db, subtreeIds(nodes, node.id), 1, FEED_ITEMS);
      return render(request, reply, format, organ, `${organ.name} · ${node.name}`, nodePath(organ.code, node.id), `${nodePath(organ.code, node.id)}/feed`, items);
    });
  };
}
