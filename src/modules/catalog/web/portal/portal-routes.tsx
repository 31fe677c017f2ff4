import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingHttpHeaders } from 'node:http';
import QRCode from 'qrcode';
import { ViewCounter } from '../../use-cases/view-counter.ts';
import { countsAsView, SAME_VISIT_COOKIE, SAME_VISIT_SECONDS, sameVisitPath } from '../../domain/view-count-rule.ts';
import { annualReportRows, type ReportItem } from '../../domain/annual-report-list.ts';
import type { AppDeps } from '../../../../platform/app-deps.ts';
import { sendPage } from '../../../../platform/views/render.ts';
import { safeReturnPath } from '../../../../platform/views/prefs.ts';
import { livePart, PageCache } from '../../../../platform/http/page-cache.ts';
import { contentVersionNow, contentVersionReader } from '../../../../platform/db/content-version.ts';
import { SESSION_COOKIE } from '../../../identity/index.ts';
import { DomainError } from '../../../../shared/domain-error.ts';
import { buildTree, distinctNodeLabels, pathTo, subtreeIds } from '../../domain/catalog-tree.ts';
import { handlingOrganOf } from '../../domain/handling-organ.ts';
import type { Organ } from '../../domain/organ.ts';
import { findCatalogNode, listCatalogNodes, publishedPlacements } from '../../storage/catalog-nodes-repository.ts';
import { findDirectoryMatter, mattersOfNode } from '../../storage/directory-matters-repository.ts';
import { findOrganById, listOrgans } from '../../storage/organs-repository.ts';
import { organByCode } from '../../use-cases/organ-by-code.ts';
import { catalogVersionOf } from '../../storage/catalog-versions-repository.ts';
import {
  amendmentHistory, findPublication, latestPublished, listAttachments, pagePublishedInNodes, pagePublishedSubmittedBy, publishedForSitemap, publishedIdRange, withdrawalOf,
} from '../../storage/publications-repository.ts';
import { findAttachment } from '../../storage/revision-attachments.ts';
import { sendAttachmentFile } from '../../use-cases/manage-attachments.ts';
import { interpretationLinks } from '../../use-cases/interpretations.ts';
import { publicReplacementsOf, publicValidityLinks } from '../../use-cases/amending-documents.ts';
import { HomePage, OrgansPage } from './home-page.tsx';
import { ItemPage, WithdrawnPage } from './item-page.tsx';
import { chinaDateOf } from '../../../../shared/iso-date.ts';
import { NodePage } from './node-page.tsx';
import { OrganHomePage, PublishedByOrganNotice } from './organ-home-page.tsx';
import { SiteMapPage } from './site-map-page.tsx';
import { OrganTextPage, STATUTORY_CATEGORIES } from './organ-text-page.tsx';
import { pageParam, portalInfo } from './portal-request.ts';
import { nodePath } from '../../domain/portal-paths.ts';
import { addressId } from '../../../../shared/address-number.ts';

const PAGE_SIZE = 20;
/**
 * A catalog page past its last page (an old bookmark, a typed ?page=99) is still the column's page, status 404:
 * its pager says 没有第 N 页 with the count and links the last page (components.tsx Pagination), as the search
 * does, rather than a bare 404 (found by an outside tester). A 404 is never kept by the page cache.
 */
const pastLastPage = (page: number, items: readonly unknown[]) => (page > 1 && items.length === 0 ? 404 : 200);
const notFound = (what: string) => new DomainError('ERR_NOT_FOUND', `${what}不存在或已被移除`, { httpStatus: 404 });

export type PortalOptions = {
  publicUrl: string | null;
  /** Years with a published annual report (from the reports area; wired in src/main). */
  publishedReportYears?: (organId: number) => Promise<number[]>;
  /** Views counted in memory; one per app unless a test passes its own. */
  viewCounter?: ViewCounter;
  /** nginx's internal location of the attachments (GONGKAI_ACCEL_REDIRECT): files are sent by nginx. */
  accelRedirect?: string | null;
  /** Addresses per sitemap file (the protocol's limit, 50,000, unless a test makes it small). */
  sitemapUrls?: number;
};

/** The sitemap protocol's limit of addresses in one file. */
const SITEMAP_URLS = 50_000;

/**
 * The portal's pages the page cache may keep (src/platform/http/page-cache.ts): everything they show
 * raises the content version when it changes, and they carry no form, cookie or personal data.
 */
export const CACHEABLE_PORTAL_PAGES = [
  '/', '/organs', '/sitemap', '/organs/:code', '/organs/:code/guide', '/organs/:code/rules', '/organs/:code/annual-reports', '/organs/:code/statutory',
  '/organs/:code/catalog', '/organs/:code/catalog/:nodeId', '/organs/:code/items/:id',
];

/** A request of a signed-in person (a session cookie, or an API token): never served from or kept in a shared cache. */
const signedIn = (request: { headers: IncomingHttpHeaders }) => !!request.headers.authorization || (request.headers.cookie ?? '').includes(`${SESSION_COOKIE}=`);

/** The public disclosure portal. No login, no JavaScript needed. */
export function portalRoutes(deps: AppDeps, opts: PortalOptions) {
  const { db } = deps;
  const baseUrl = (request: FastifyRequest) => opts.publicUrl ?? `${request.protocol}://${request.host}`;

  const organOr404 = (code: string) => organByCode(db, code);
  /**
   * The organ that publishes a unit's information when the unit keeps no catalog of its own (no node):
   * its items are the organ's, the unit their 报送单位 (docs/rules/applications.md). Null for an organ,
   * or a unit with a catalog.
   */
  const publisherOf = (organ: Organ, nodeCount: number, organs: Organ[]) => (organ.kind === 'unit' && nodeCount === 0 ? handlingOrganOf(organ, organs) ?? null : null);
  /** The organ an internal unit (股室) belongs to, which its pages' breadcrumbs name before it. */
  const parentOf = async (organ: Organ) => (organ.kind === 'unit' && organ.parentId !== null ? (await findOrganById(db, organ.parentId)) ?? null : null);

  /**
   * An organ's tree with each node's count of published items, computed once per version of the
   * organ's catalog and kept in memory: a request reads one row (the version, raised with every change
   * of what the catalog shows, on whichever instance made it) instead of every placement of the organ.
   */
  const trees = new Map<number, { version: number; value: Promise<Awaited<ReturnType<typeof computeTree>>> }>();
  async function computeTree(organId: number) {
    const [nodes, placements] = await Promise.all([listCatalogNodes(db, organId), publishedPlacements(db, organId)]);
    // Distinct items per subtree: an item placed in two sub-nodes counts once for their parent.
    const byNode = new Map<number, number[]>();
    for (const pl of placements) byNode.set(pl.node_id, [...(byNode.get(pl.node_id) ?? []), pl.publication_id]);
    const withCounts = nodes.map((n) => ({ ...n, count: new Set(subtreeIds(nodes, n.id).flatMap((id) => byNode.get(id) ?? [])).size }));
    return { nodes, tree: buildTree(withCounts) };
  }
  async function treeWithCounts(organId: number) {
    const version = await catalogVersionOf(db, organId);
    const cached = trees.get(organId);
    if (cached && cached.version === version) return cached.value;
    const value = computeTree(organId);
    trees.set(organId, { version, value });
    value.catch(() => { if (trees.get(organId)?.value === value) trees.delete(organId); });
    return value;
  }

  const views = opts.viewCounter ?? new ViewCounter(db, deps.logger);

  // Rendered pages kept in memory, checked against the content version on every request (issue 18;
  // docs/adr/0021-rendered-page-cache.md). Signed-in staff are never served from it.
  const pages = new PageCache({
    readVersion: contentVersionReader(db), readVersionNow: contentVersionNow(db), routes: CACHEABLE_PORTAL_PAGES,
    personal: signedIn,
  });

  return async function plugin(app: FastifyInstance) {
    pages.register(app);
    // A clean stop writes the views counted since the last flush.
    app.addHook('onClose', async () => views.flush());
    // Public pages are cacheable for a minute and revalidate by ETag; an item page counts every
    // view, so it is always revalidated. What a signed-in person is shown is theirs and asked for
    // again every time (a page kept for a minute showed an officer the item they had just withdrawn).
    app.addHook('onSend', async (request, reply, payload) => {
      // Pages the page cache keeps have their headers from it (docs/adr/0021-rendered-page-cache.md).
      if (request.method !== 'GET' || reply.statusCode !== 200 || typeof payload !== 'string' || reply.hasHeader('etag')) return payload;
      const isItem = /^\/organs\/[^/]+\/items\//.test(request.url);
      reply.header('Cache-Control', signedIn(request) ? 'private, no-cache' : isItem ? 'no-cache' : 'public, max-age=60');
      reply.header('Vary', 'Cookie'); // font size and 适老化 mode change the page
      const etag = `W/"${createHash('sha1').update(payload).digest('base64url')}"`;
      reply.header('ETag', etag);
      if (request.headers['if-none-match'] === etag) {
        reply.code(304);
        return '';
      }
      return payload;
    });

    app.get('/', async (request, reply) => {
      const [organs, latest] = await Promise.all([listOrgans(db), latestPublished(db, 15)]);
      return sendPage(reply, <HomePage info={portalInfo(request)} organs={organs} latest={latest} />);
    });

    app.get('/organs', async (request, reply) => sendPage(reply, <OrgansPage info={portalInfo(request)} organs={await listOrgans(db)} />));

    // 网站地图 for people (the footer links it); /sitemap.xml below is the one for search engines.
    app.get('/sitemap', async (request, reply) => {
      const organs = await listOrgans(db);
      const nodesOf = new Map(await Promise.all(organs.map(async (o) => [o.id, await listCatalogNodes(db, o.id)] as const)));
      return sendPage(reply, <SiteMapPage info={portalInfo(request)} organs={organs} nodesOf={nodesOf} />);
    });

    app.get<{ Params: { code: string } }>('/organs/:code', async (request, reply) => {
      const organ = await organOr404(request.params.code);
      const [{ tree }, own, organs] = await Promise.all([treeWithCounts(organ.id), latestPublished(db, 15, [organ.id]), listOrgans(db)]);
      const units = organs.filter((o) => o.parentId === organ.id);
      const publisher = publisherOf(organ, tree.length, organs);
      // A unit without a catalog: what it submitted (报送单位) and its organ published.
      const latest = publisher ? await latestPublished(db, 15, [publisher.id], organ.id) : own;
      return sendPage(reply, <OrganHomePage info={portalInfo(request)} organ={organ} parent={handlingOrganOf(organ, organs)} tree={tree} latest={latest} units={units} publisher={publisher} />);
    });

    app.get<{ Params: { code: string } }>('/organs/:code/guide', async (request, reply) => {
      const organ = await organOr404(request.params.code);
      return sendPage(reply, <OrganTextPage info={portalInfo(request)} organ={organ} parent={await parentOf(organ)} title="政府信息公开指南" html={organ.guideHtml} />);
    });

    app.get<{ Params: { code: string } }>('/organs/:code/rules', async (request, reply) => {
      const organ = await organOr404(request.params.code);
      return sendPage(reply, <OrganTextPage info={portalInfo(request)} organ={organ} parent={await parentOf(organ)} title="政府信息公开制度" html={organ.rulesHtml} />);
    });

    // The old address of the 依申请公开 entry now leads to the online application.
    app.get<{ Params: { code: string } }>('/organs/:code/applications', async (request, reply) => {
      const organ = await organOr404(request.params.code);
      return reply.redirect(`/organs/${organ.code}/apply`, 301);
    });

    app.get<{ Params: { code: string } }>('/organs/:code/annual-reports', async (request, reply) => {
      const organ = await organOr404(request.params.code);
      if (organ.kind === 'unit') {
        // 条例第四十九条: the organ reports for its internal units; a unit has no report of its own.
        const parent = handlingOrganOf(organ, await listOrgans(db));
        return sendPage(reply, (
          <OrganTextPage info={portalInfo(request)} organ={organ} parent={await parentOf(organ)} title="政府信息公开年报">
            <p>{organ.name}是{parent?.name ?? '所属机关'}的下属单位，不单独发布政府信息公开工作年度报告，其政府信息公开工作情况列入{parent?.name ?? '所属机关'}的年度报告（《中华人民共和国政府信息公开条例》第四十九条）。</p>
            {parent && <p><a href={`/organs/${parent.code}/annual-reports`}>查看{parent.name}政府信息公开工作年度报告</a></p>}
          </OrganTextPage>
        ));
      }
      const nodes = await listCatalogNodes(db, organ.id);
      const reportNode = nodes.find((n) => n.name.includes('年报') || n.name.includes('年度报告'));
      const [years, items] = await Promise.all([
        opts.publishedReportYears ? opts.publishedReportYears(organ.id) : Promise.resolve([]),
        reportNode ? pagePublishedInNodes(db, subtreeIds(nodes, reportNode.id), 1, 50).then((r) => r.items) : Promise.resolve([]),
      ]);
      // One list, a year a row (two lists of the same titles told a citizen nothing): the report the organ published in
      // its 年报 column and the platform's report of that year in the national format (domain/annual-report-list.ts).
      const { rows, undated } = annualReportRows(years, items);
      const both = rows.some((r) => r.platformReport && r.items.length > 0);
      const platformHref = (y: number) => `/organs/${organ.code}/annual-reports/${y}`;
      const ItemLink = ({ i }: { i: ReportItem }) => <><a href={`/organs/${organ.code}/items/${i.id}`}>{i.title}</a>{i.publishedOn && <>（<span class="nowrap">{i.publishedOn}</span>发布）</>}</>;
      return sendPage(
        reply,
        <OrganTextPage info={portalInfo(request)} organ={organ} parent={await parentOf(organ)} title="政府信息公开年报">
          <p>按照条例第四十九条，本机关于每年 1 月 31 日前公布上一年度政府信息公开工作年度报告。</p>
          {both && (
            <p>
              每个年度一份报告：标题链接是本机关发布的报告原文；“统计表格完整版”是本平台按国务院办公厅规定的统一格式（国办公开办函〔2021〕30号）生成的同一年度报告，列出全部统计表格，可下载 PDF、Word，并有图解。
            </p>
          )}
          {rows.length > 0 && (
            <ul class="report-years">{rows.map((r) => (
              <li key={r.year}>
                <strong class="nowrap">{r.year}年度</strong>{'　'}
                {r.items.length > 0
                  ? r.items.map((i, n) => <>{n > 0 && '；'}<ItemLink i={i} /></>)
                  : <a href={platformHref(r.year)}>{organ.name}{r.year}年政府信息公开工作年度报告</a>}
                {r.items.length > 0 && r.platformReport && <>{'　'}<a href={platformHref(r.year)} aria-label={`${r.year}年度报告统计表格完整版`}>统计表格完整版</a></>}
              </li>
            ))}</ul>
          )}
          {undated.length > 0 && <ul>{undated.map((i) => <li key={i.id}><ItemLink i={i} /></li>)}</ul>}
          {rows.length === 0 && undated.length === 0 && <p>暂无已发布的年度报告。</p>}
        </OrganTextPage>,
      );
    });

    app.get<{ Params: { code: string } }>('/organs/:code/statutory', async (request, reply) => {
      const organ = await organOr404(request.params.code);
      const nodes = await listCatalogNodes(db, organ.id);
      const publisher = publisherOf(organ, nodes.length, organ.kind === 'unit' ? await listOrgans(db) : []);
      if (publisher) {
        // A unit without a catalog: its organ publishes its information, so the organ's table is the one to read.
        return sendPage(reply, (
          <OrganTextPage info={portalInfo(request)} organ={organ} parent={await parentOf(organ)} title="法定主动公开内容">
            <PublishedByOrganNotice publisher={publisher} />
            <p><a href={`/organs/${publisher.code}/statutory`}>查看{publisher.name}法定主动公开内容</a></p>
          </OrganTextPage>
        ));
      }
      // Two columns of one name (政策文件 and 保障性住房 › 政策文件) are told apart by their path.
      const labels = distinctNodeLabels(nodes);
      return sendPage(
        reply,
        <OrganTextPage info={portalInfo(request)} organ={organ} parent={await parentOf(organ)} title="法定主动公开内容">
          <p>《中华人民共和国政府信息公开条例》第二十条规定行政机关应当主动公开的政府信息，本机关对应的公开目录栏目如下（栏目名称与本机关其他栏目相同的，连同上级栏目写出）：</p>
          <table class="list">
            <thead><tr><th scope="col">法定公开内容</th><th scope="col">本机关栏目</th></tr></thead>
            <tbody>
              {STATUTORY_CATEGORIES.map((c) => {
                const matched = nodes.filter((n) => c.match.some((m) => n.name.includes(m)));
                return (
                  <tr key={c.label}>
                    <td>{c.label}</td>
                    <td>{matched.length ? matched.map((n, i) => <>{i > 0 && '、'}<a href={nodePath(organ.code, n.id)}>{labels.get(n.id) ?? n.name}</a></>) : <span class="count">本机关无此类信息或未单设栏目</span>}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </OrganTextPage>,
      );
    });

    app.get<{ Params: { code: string } }>('/organs/:code/catalog', async (request, reply) => {
      const organ = await organOr404(request.params.code);
      const { tree } = await treeWithCounts(organ.id);
      const page = pageParam((request.query as { page?: string }).page);
      const root = { id: 0, organId: organ.id, parentId: null, name: '政府信息公开目录', sortOrder: 0, isStandardDirectory: false, standardArea: null, description: '' };
      const publisher = organ.kind === 'unit' && tree.length === 0 ? publisherOf(organ, 0, await listOrgans(db)) : null;
      if (publisher) {
        // A unit without a catalog: the organ publishes its information; its catalog is the one to browse. Every item
        // the unit submitted, paged as a catalog node is (its feed carries the newest of the same, feed-routes.ts).
        const { items, total } = await pagePublishedSubmittedBy(db, publisher.id, organ.id, page, PAGE_SIZE);
        return sendPage(reply, <NodePage info={portalInfo(request)} organ={organ} parent={await parentOf(organ)} tree={tree} node={root} path={[]} children={[]} items={items} total={total} page={page} pageSize={PAGE_SIZE} publisher={publisher} />, pastLastPage(page, items));
      }
      const { items, total } = await pagePublishedInNodes(db, (await listCatalogNodes(db, organ.id)).map((n) => n.id), page, PAGE_SIZE);
      return sendPage(reply, <NodePage info={portalInfo(request)} organ={organ} parent={await parentOf(organ)} tree={tree} node={root} path={[]} children={tree} items={items} total={total} page={page} pageSize={PAGE_SIZE} />, pastLastPage(page, items));
    });

    app.get<{ Params: { code: string; nodeId: string } }>('/organs/:code/catalog/:nodeId', async (request, reply) => {
      const organ = await organOr404(request.params.code);
      const node = await findCatalogNode(db, addressId(request.params.nodeId));
      if (!node || node.organId !== organ.id) throw notFound('栏目');
      const { nodes, tree } = await treeWithCounts(organ.id);
      const page = pageParam((request.query as { page?: string }).page);
      const { items, total } = await pagePublishedInNodes(db, subtreeIds(nodes, node.id), page, PAGE_SIZE);
      const children = nodes.filter((n) => n.parentId === node.id).sort((a, b) => a.sortOrder - b.sortOrder);
      // A standard-directory node's required 事项, on its first page (docs/standard-directories.md).
      const matters = page === 1 ? await mattersOfNode(db, node.id) : [];
      return sendPage(reply, <NodePage info={portalInfo(request)} organ={organ} parent={await parentOf(organ)} tree={tree} node={node} path={pathTo(nodes, node.id)} children={children} items={items} total={total} page={page} pageSize={PAGE_SIZE} matters={matters} />, pastLastPage(page, items));
    });

    app.get<{ Params: { code: string; id: string }; Querystring: { print?: string; node?: string } }>('/organs/:code/items/:id', async (request, reply) => {
      const organ = await organOr404(request.params.code);
      const id = addressId(request.params.id);
      const item = id ? await findPublication(db, id) : null;
      if (item && item.organId === organ.id && item.status === 'withdrawn') {
        // A withdrawn item keeps its address and says so, with the coded reason (410 Gone).
        const w = await withdrawalOf(db, item.id);
        return sendPage(reply, <WithdrawnPage info={portalInfo(request)} organ={organ} parent={await parentOf(organ)} title={item.title} indexNumber={item.indexNumber} reason={w.withdrawn_reason} note={w.withdrawn_note} withdrawnAt={w.withdrawn_at} />, 410);
      }
      if (!item || item.organId !== organ.id || item.status !== 'published') throw notFound('信息');
      // A view is a reader's GET answered with the page: not a HEAD (link checkers, monitors), not a 304 (the page
      // cache renders the live part only for an answer with a body), not the print view, not the page coming back
      // from its own 字号 / 适老化 switch (the cookie /prefs sets for it; domain/view-count-rule.ts).
      // Counted in memory and written in batches: a view costs no database write (ViewCounter). The
      // count stays live on a kept page: the page cache asks for it again on every answer.
      const { id: itemId, viewCount: stored } = item;
      const printView = request.query.print === '1';
      const viewCountText = livePart(request, (r) => String(views.liveCount(itemId, stored, countsAsView(r.method, r.headers.cookie, printView))));
      const nodes = await listCatalogNodes(db, organ.id);
      // The breadcrumb follows the node the reader came from when the item is placed under it.
      const from = Number(request.query.node);
      const within = Number.isInteger(from) && from > 0 ? new Set(subtreeIds(nodes, from)) : null;
      const crumbNode = item.nodeIds.find((n) => within?.has(n)) ?? item.nodeIds[0];
      const versions = await amendmentHistory(db, item.id);
      const [attachments, qrSvg, links, validity, replacements] = await Promise.all([
        listAttachments(db, item.id),
        // An image to assistive technology, named (the figcaption says what to do with it).
        QRCode.toString(`${baseUrl(request)}/organs/${organ.code}/items/${item.id}`, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })
          .then((svg) => svg.replace('<svg ', '<svg role="img" aria-label="本页二维码" ')),
        // 政策解读: a policy's page links its published interpretations, an interpretation's page its policies (one query).
        interpretationLinks(db, item.id),
        // 效力: who amended it, what it amended or repealed, what replaced it — published documents only, at
        // their own organ's address (docs/adr/0026), in one query.
        publicValidityLinks(db, item.id),
        // A 替代文件 repealed or lapsed since is followed on to the one in force now, as 政策解读's line does (none for a valid item).
        publicReplacementsOf(db, item),
      ]);
      // 标准目录: the 事项 the item fulfils, with its legal basis and time limit.
      const matter = item.matterId ? await findDirectoryMatter(db, item.matterId) : null;
      return sendPage(
        reply,
        <ItemPage
          info={portalInfo(request)} organ={organ} parent={await parentOf(organ)} item={item} path={crumbNode ? pathTo(nodes, crumbNode) : []} attachments={attachments}
          replacements={replacements} validity={validity} qrSvg={qrSvg}
          printView={printView} versions={versions.map((v) => ({ versionNo: v.version_no, changeNote: v.change_note, changedOn: chinaDateOf(new Date(v.created_at)) }))}
          links={links} viewCountText={viewCountText} matter={matter}
        />,
      );
    });

    app.get<{ Params: { id: string; name: string } }>('/attachments/:id/:name', async (request, reply: FastifyReply) => {
      const row = await findAttachment(db, addressId(request.params.id));
      const owner = row ? await findPublication(db, row.publication_id) : null;
      // A file a pending revision adds is not public until the revision is approved.
      if (!row || !owner || owner.status !== 'published' || row.revision_state === 'pending_add') throw notFound('附件');
      return sendAttachmentFile(reply, deps.dataDir, row, opts.accelRedirect ?? null);
    });

    // The sitemap protocol allows 50,000 addresses a file: /sitemap.xml lists the items when they fit,
    // otherwise it is an index of /sitemaps/N.xml, each the published items with ids in one block.
    const block = opts.sitemapUrls ?? SITEMAP_URLS;
    const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    const xml = (reply: FastifyReply, body: string) => reply.type('application/xml; charset=utf-8').send(`<?xml version="1.0" encoding="UTF-8"?>\n${body}\n`);
    const urlset = async (request: FastifyRequest, fromId: number, toId: number) => {
      const base = baseUrl(request);
      const rows = await publishedForSitemap(db, fromId, toId);
      const urls = rows.map((r) => `<url><loc>${esc(`${base}/organs/${r.organ_code}/items/${r.id}`)}</loc><lastmod>${chinaDateOf(new Date(r.updated_at))}</lastmod></url>`).join('\n');
      return `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>`;
    };
    app.get('/sitemap.xml', async (request, reply) => {
      const range = await publishedIdRange(db);
      if (!range || range.max - range.min < block) return xml(reply, await urlset(request, range?.min ?? 0, (range?.max ?? 0) + 1));
      const files = [];
      for (let n = Math.floor(range.min / block); n <= Math.floor(range.max / block); n++) files.push(`<sitemap><loc>${esc(`${baseUrl(request)}/sitemaps/${n}.xml`)}</loc></sitemap>`);
      return xml(reply, `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${files.join('\n')}\n</sitemapindex>`);
    });
    app.get<{ Params: { file: string } }>('/sitemaps/:file', async (request, reply) => {
      const n = /^(\d{1,9})\.xml$/.exec(request.params.file);
      if (!n) throw notFound('网站地图');
      return xml(reply, await urlset(request, Number(n[1]) * block, (Number(n[1]) + 1) * block));
    });

    // Crawlers are kept off the back office, the search's result pages (endless, each a query; noindex too: search
    // module, docs/search.md "Search engines") and the API; the items are listed in the sitemap.
    app.get('/robots.txt', async (request, reply) => reply.type('text/plain').send(`User-agent: *\nDisallow: /admin/\nDisallow: /search\nDisallow: /api/\nSitemap: ${baseUrl(request)}/sitemap.xml\n`));

    // Reading preferences: plain links set a cookie and come back (works without JavaScript).
    app.get<{ Querystring: { fs?: string; elder?: string; return?: string } }>('/prefs', async (request, reply) => {
      const year = 365 * 24 * 3600;
      if (request.query.fs && ['s', 'm', 'l'].includes(request.query.fs)) reply.setCookie('gk_fs', request.query.fs, { path: '/', maxAge: year, sameSite: 'lax' });
      if (request.query.elder === '1' || request.query.elder === '0') reply.setCookie('gk_elder', request.query.elder, { path: '/', maxAge: year, sameSite: 'lax' });
      const back = safeReturnPath(request.query.return);
      // An item page coming back from its own switch is the same visit, not a new view (domain/view-count-rule.ts).
      const samePage = sameVisitPath(back);
      if (samePage) reply.setCookie(SAME_VISIT_COOKIE, '1', { path: samePage, maxAge: SAME_VISIT_SECONDS, sameSite: 'lax', httpOnly: true });
      return reply.redirect(back, 303);
    });
  };
}
