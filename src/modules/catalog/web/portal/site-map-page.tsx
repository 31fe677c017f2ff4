import { Breadcrumb, Joined } from '../../../../platform/views/components.tsx';
import { PortalLayout } from '../../../../platform/views/portal-layout.tsx';
import { buildTree, type TreeBranch } from '../../domain/catalog-tree.ts';
import { ORGAN_KIND_LABELS } from '../../domain/labels.ts';
import type { Organ } from '../../domain/organ.ts';
import { nodePath } from '../../domain/portal-paths.ts';
import type { PortalRequestInfo } from './portal-request.ts';

type Node = { id: number; parentId: number | null; sortOrder: number; name: string };

/**
 * 网站地图 for people (the footer's link; /sitemap.xml stays for search engines): every organ in its place in
 * the region with its disclosure pages, and its 公开目录 as a nested list of columns. A unit without a catalog
 * names the organ that publishes for it, as its own pages do.
 */
export function SiteMapPage({ info, organs, nodesOf }: { info: PortalRequestInfo; organs: Organ[]; nodesOf: Map<number, Node[]> }) {
  const byId = new Map(organs.map((o) => [o.id, o]));
  const columns = (code: string, list: TreeBranch<Node>[]) => (
    <ul>{list.map((n) => <li key={n.id}><a href={nodePath(code, n.id)}>{n.name}</a>{n.children.length > 0 && columns(code, n.children)}</li>)}</ul>
  );
  const render = (list: Organ[]) => (
    <ul>
      {list.map((o) => {
        const nodes = nodesOf.get(o.id) ?? [];
        const publisher = o.kind === 'unit' && nodes.length === 0 && o.parentId !== null ? byId.get(o.parentId) : undefined;
        const base = `/organs/${o.code}`;
        const children = organs.filter((c) => c.parentId === o.id);
        return (
          <li key={o.id}>
            <a href={base}>{o.name}</a> <span class="count">{ORGAN_KIND_LABELS[o.kind]}</span>
            <ul>
              <li><a href={`${base}/guide`}>政府信息公开指南</a>、<a href={`${base}/rules`}>政府信息公开制度</a>、<a href={`${base}/statutory`}>法定主动公开内容</a></li>
              {publisher
                ? <li><a href={`${base}/catalog`}>本单位报送的信息</a>（由{publisher.name}统一发布）</li>
                : <li><a href={`${base}/catalog`}>政府信息公开目录</a>{nodes.length > 0 && columns(o.code, buildTree(nodes))}</li>}
              {o.kind !== 'unit' && <li><a href={`${base}/apply`}>依申请公开</a>、<a href={`${base}/letters`}>互动交流</a>、<a href={`${base}/consultations`}>意见征集</a>、<a href={`${base}/annual-reports`}>政府信息公开年报</a></li>}
            </ul>
            {children.length > 0 && render(children)}
          </li>
        );
      })}
    </ul>
  );
  return (
    <PortalLayout title="网站地图" prefs={info.prefs} currentPath={info.currentPath}>
      <Breadcrumb items={[{ label: '首页', href: '/' }, { label: '网站地图' }]} />
      <h1 class="keep-words"><Joined parts={['网站地图']} /></h1>
      <p><a href="/">首页</a>、<a href="/organs">信息公开</a>、<a href="/search">站内检索</a></p>
      <div class="tree">{render(organs.filter((o) => o.parentId === null || !byId.has(o.parentId)))}</div>
    </PortalLayout>
  );
}
