import { Breadcrumb, Joined, SEP } from '../../../../platform/views/components.tsx';
import { PortalLayout } from '../../../../platform/views/portal-layout.tsx';
import type { TreeBranch } from '../../domain/catalog-tree.ts';
import type { Organ } from '../../domain/organ.ts';
import type { CatalogNode } from '../../storage/catalog-nodes-repository.ts';
import type { PublicationListItem } from '../../storage/publications-repository.ts';
import { CatalogTreeNav } from './catalog-tree-nav.tsx';
import { ItemList } from './item-list.tsx';
import type { PortalRequestInfo } from './portal-request.ts';

const organCrumb = (organ: Organ) => ({ label: organ.shortName || organ.name, href: `/organs/${organ.code}` });

/**
 * 首页 > 信息公开 > the organ by its short name: the breadcrumb's head on every page of an organ (its
 * home, catalog, items, mailbox, application pages). A unit (股室) stands after the organ it belongs to
 * (`parent`), so 房地产市场监管股 reads 首页 > 信息公开 > 县住建局 > 房地产市场监管股.
 */
export const organCrumbs = (organ: Organ, parent?: Organ | null) => [
  { label: '首页', href: '/' },
  { label: '信息公开', href: '/organs' },
  ...(organ.kind === 'unit' && parent ? [organCrumb(parent)] : []),
  organCrumb(organ),
];

/**
 * An organ's 信息公开 home: the fixed entries every disclosure site has (条例第十二条), the catalog and the newest items.
 * An internal unit (股室) takes no application, publishes no annual report and keeps no mailbox of its own (条例第二十七条、
 * 第四十九条): its page leads to those of the organ it belongs to (`parent`).
 */
export function OrganHomePage({ info, organ, parent, tree, latest, units, publisher = null }: {
  info: PortalRequestInfo; organ: Organ; parent?: Organ | null; tree: TreeBranch<CatalogNode & { count?: number }>[]; latest: PublicationListItem[]; units: Organ[];
  /** A unit without a catalog: the organ that publishes its information; `latest` is then what the unit submitted (报送单位). */
  publisher?: Organ | null;
}) {
  const base = `/organs/${organ.code}`;
  const handler = organ.kind === 'unit' && parent ? parent : null;
  return (
    <PortalLayout title={`${organ.name}信息公开`} prefs={info.prefs} currentPath={info.currentPath} consultPhone={organ.consultPhone} feedPath={`/organs/${organ.code}/feed.atom`}>
      <Breadcrumb items={organCrumbs(organ, parent)} />
      <h1 class="keep-words"><Joined parts={[organ.name, '政府信息公开']} /></h1>
      <ul class="cards" aria-label="信息公开栏目">
        <li><a href={`${base}/guide`}>政府信息公开指南</a><br /><span class="count">如何获取本机关的政府信息</span></li>
        <li><a href={`${base}/rules`}>政府信息公开制度</a><br /><span class="count">本机关公开工作的制度规定</span></li>
        <li><a href={`${base}/statutory`}>法定主动公开内容</a><br /><span class="count">条例第二十条、第二十一条规定的内容</span></li>
        {publisher
          ? <li><a href={`/organs/${publisher.code}/catalog`}>政府信息公开目录</a><br /><span class="count">由所属机关{publisher.name}统一发布</span></li>
          : <li><a href={`${base}/catalog`}>政府信息公开目录</a><br /><span class="count">按目录浏览全部主动公开信息</span></li>}
        {handler
          ? <li><a href={`/organs/${handler.code}/apply`}>依申请公开</a><br /><span class="count">由所属机关{handler.name}受理</span></li>
          : <li><a href={`${base}/apply`}>依申请公开</a><br /><span class="count">申请获取未主动公开的政府信息</span></li>}
        {/* A unit has no mailbox of its own (UnitGuidancePage): its 互动交流 leads to the organ's, which answers for it. */}
        {handler
          ? (
            <li>
              <a href={`/organs/${handler.code}/letters`}>互动交流</a><br /><span class="count">咨询、建议、投诉由所属机关{handler.name}办理和答复</span><br />
              <a href={`/organs/${handler.code}/letters/new`}>我要写信</a>{SEP}<a href={`/organs/${handler.code}/consultations`}>意见征集</a>
            </li>
          )
          : organ.kind !== 'unit' && <li><a href={`${base}/letters`}>互动交流</a><br /><span class="count">部门信箱：咨询、建议、投诉</span></li>}
        {handler
          ? <li><a href={`/organs/${handler.code}/annual-reports`}>政府信息公开年报</a><br /><span class="count">由所属机关{handler.name}发布</span></li>
          : <li><a href={`${base}/annual-reports`}>政府信息公开年报</a><br /><span class="count">历年政府信息公开工作年度报告</span></li>}
      </ul>
      {/* A unit without a catalog has no tree to show: an empty 公开目录 panel (or a toggle opening nothing on a phone) pointed nowhere. */}
      <div class={publisher ? undefined : 'grid'}>
        {!publisher && <CatalogTreeNav organCode={organ.code} tree={tree} />}
        <section aria-labelledby="latest-h">
          <h2 id="latest-h">最新公开信息</h2>
          {publisher ? <PublishedByOrgan publisher={publisher} items={latest} /> : <ItemList items={latest} />}
          {units.length > 0 && (
            <>
              <h2>下属机构</h2>
              <ul>{units.map((u) => <li key={u.id}><a href={`/organs/${u.code}`}>{u.name}</a></li>)}</ul>
            </>
          )}
        </section>
      </div>
    </PortalLayout>
  );
}

/**
 * A unit without a catalog (下属单位): its information is the organ's, published in the organ's catalog with
 * the unit as 报送单位. Says so, links the organ's catalog, and lists the newest items the unit submitted.
 */
export function PublishedByOrgan({ publisher, items }: { publisher: Organ; items: PublicationListItem[] }) {
  return (
    <>
      <PublishedByOrganNotice publisher={publisher} />
      {items.length > 0
        ? <><p class="count">本单位报送的信息（按发布日期由新到旧）：</p><ItemList items={items} /></>
        : <p class="empty">本单位报送的信息暂无。</p>}
    </>
  );
}

/** The one sentence a unit without a catalog says on its pages: its organ publishes its information, with the organ's catalog. */
export function PublishedByOrganNotice({ publisher }: { publisher: Organ }) {
  return <p class="notice notice-info" id="published-by-organ">本单位的政府信息由{publisher.name}统一发布。<a href={`/organs/${publisher.code}/catalog`}>查看{publisher.name}政府信息公开目录</a></p>;
}
