import { Breadcrumb, PagedList, Pagination } from '../../../../platform/views/components.tsx';
import { PortalLayout } from '../../../../platform/views/portal-layout.tsx';
import type { TreeBranch } from '../../domain/catalog-tree.ts';
import type { Organ } from '../../domain/organ.ts';
import type { CatalogNode } from '../../storage/catalog-nodes-repository.ts';
import type { DirectoryMatter } from '../../storage/directory-matters-repository.ts';
import type { PublicationListItem } from '../../storage/publications-repository.ts';
import { CatalogTreeNav } from './catalog-tree-nav.tsx';
import { ValidityMark } from './item-list.tsx';
import { organCrumbs, PublishedByOrgan } from './organ-home-page.tsx';
import type { PortalRequestInfo } from './portal-request.ts';
import { catalogPath, nodePath } from '../../domain/portal-paths.ts';

type Branch = TreeBranch<CatalogNode & { count?: number }>;

/**
 * A node of this name links to the organ's published 建议提案 results, which the interaction area
 * keeps as records rather than items (docs/workflows/proposals.md, "Portal").
 */
const PROPOSAL_RESULTS_NODE = '建议提案办理';

/** A catalog node: its sub-nodes and its items (and those of its sub-nodes), newest first, paginated. */
export function NodePage({ info, organ, parent, tree, node, path, children, items, total, page, pageSize, matters = [], publisher = null }: {
  info: PortalRequestInfo; organ: Organ; parent?: Organ | null; tree: Branch[]; node: CatalogNode; path: CatalogNode[]; children: CatalogNode[];
  items: PublicationListItem[]; total: number; page: number; pageSize: number;
  /** The node's required 事项 of a standard directory (shown on its first page). */
  matters?: DirectoryMatter[];
  /** A unit without a catalog: the organ that publishes its information; `items` are the newest the unit submitted (报送单位). */
  publisher?: Organ | null;
}) {
  if (publisher) {
    return (
      <PortalLayout title={`${node.name} - ${organ.name}`} prefs={info.prefs} currentPath={info.currentPath} consultPhone={organ.consultPhone} feedPath={`/organs/${organ.code}/feed.atom`}>
        <Breadcrumb items={organCrumbs(organ, parent)} />
        <h1>{node.name}</h1>
        <PublishedByOrgan publisher={publisher} items={items} />
        <Pagination page={page} pageSize={pageSize} total={total} href={(p) => `${catalogPath(organ.code)}?page=${p}`} />
      </PortalLayout>
    );
  }
  return (
    <PortalLayout title={`${node.name} - ${organ.name}`} prefs={info.prefs} currentPath={info.currentPath} consultPhone={organ.consultPhone} feedPath={node.id ? `/organs/${organ.code}/catalog/${node.id}/feed.atom` : `/organs/${organ.code}/feed.atom`}>
      <Breadcrumb items={[...organCrumbs(organ, parent), ...path.map((n) => ({ label: n.name, href: nodePath(organ.code, n.id) }))]} />
      <div class="grid">
        <CatalogTreeNav organCode={organ.code} tree={tree} currentId={node.id} />
        <section aria-labelledby="node-h">
          <h1 id="node-h">{node.name}</h1>
          {node.description && <p>{node.description}</p>}
          {node.isStandardDirectory && <p class="count">本栏目按基层政务公开标准目录（{node.standardArea ?? node.name}）设置。</p>}
          {matters.length > 0 && (
            <table class="list directory-matters">
              <caption class="count caption-start">本栏目公开事项（基层政务公开标准目录）</caption>
              <thead>
                <tr><th scope="col">公开事项</th><th scope="col" class="wide-only">公开依据</th><th scope="col">公开时限</th></tr>
              </thead>
              <tbody>
                {matters.map((m) => (
                  <tr key={m.id}>
                    <td>{m.name}</td>
                    <td class="wide-only">{m.legalBasis}</td>
                    <td>{m.timeLimit}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {node.name === PROPOSAL_RESULTS_NODE && organ.kind !== 'unit' && (
            <p class="panel" id="proposal-results-link"><a href={`/organs/${organ.code}/proposals`}>建议提案办理结果</a>：本机关办理的人大代表建议、政协提案的答复，按年度和类别查阅。</p>
          )}
          {children.length > 0 && (
            <nav aria-label="子栏目" class="panel">
              <strong>子栏目：</strong>
              {/* A name is kept whole on its line (规/划计划 broke at 390 px) and wraps only when longer than a line (.keep-words);
                  the rows break at the spaces between names. */}
              {children.map((c, i) => (
                <>
                  {i > 0 && '　'}
                  <a href={nodePath(organ.code, c.id)} class="keep-words">{c.name}</a>
                </>
              ))}
            </nav>
          )}
          <PagedList page={page} pageSize={pageSize} total={total} empty={<p>本栏目暂无公开信息。</p>}>
            <table class="list">
              <caption class="count caption-start">信息列表（按发布日期由新到旧）</caption>
              <thead>
                <tr><th scope="col" class="wide-only">索引号</th><th scope="col">名称</th><th scope="col">发布日期</th></tr>
              </thead>
              <tbody>
                {items.map((i) => (
                  <tr key={i.id}>
                    <td class="count nowrap wide-only">{i.indexNumber}</td>
                    <td><a href={node.id ? `/organs/${organ.code}/items/${i.id}?node=${node.id}` : `/organs/${organ.code}/items/${i.id}`}>{i.title}</a><ValidityMark item={i} /></td>
                    <td class="nowrap"><time dateTime={i.publishedOn ?? undefined}>{i.publishedOn}</time></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </PagedList>
          <Pagination page={page} pageSize={pageSize} total={total} href={(p) => `${node.id ? nodePath(organ.code, node.id) : catalogPath(organ.code)}?page=${p}`} />
        </section>
      </div>
    </PortalLayout>
  );
}
