import { AdminLayout } from '../../../platform/views/admin-layout.tsx';
import { PagedList, Pagination } from '../../../platform/views/components.tsx';
import { PUBLICATION_STATUS_LABELS, STAGE_LABELS, VALIDITY_LABELS, type PublicationStatus, type StaffContext, type StaffListItem, type StaffListOrder } from '../../catalog/index.ts';
import { daysUntilLapse } from '../domain/validity-by-date.ts';

/** The units (股室) that submit items to the organs the person works on: the 报送单位 the list filters by. */
export const submittingUnitsOf = (scope: StaffContext) => scope.organs.filter((u) => u.kind === 'unit' && scope.staffOf.some((o) => o.id === u.parentId));

/** A unit's name as the supervision chart ranks it: its short name, else its name. */
const unitName = (u: StaffContext['organs'][number]) => u.shortName || u.name;

export function PublicationsListPage({ scope, hasCatalog, organCode, unitCode, status, q, order, items, total, page, pageSize, today }: {
  /** `await scope.hasCatalog()`: whether an organ has a catalog node to put a new item in. */
  scope: StaffContext; hasCatalog: (organ: StaffContext['organs'][number]) => boolean; organCode: string;
  /** 报送单位 filter: a unit's code, or '' for every item. */
  unitCode: string; status: string; q: string;
  /** 排序: the most recently changed first, or the newest 发布日期 first. */
  order: StaffListOrder; items: StaffListItem[]; total: number; page: number; pageSize: number;
  /** China's today: an item in force whose 有效期至 is near says in how many days it lapses. */
  today: string;
}) {
  // An item goes in at least one catalog node: 新建信息 only where the organ (or unit) has one (found by an outside tester).
  const writable = scope.staffOf.filter((o) => hasCatalog(o));
  const qs = (p: number) => `/admin/publications?organ=${encodeURIComponent(organCode)}&unit=${encodeURIComponent(unitCode)}&status=${status}&q=${encodeURIComponent(q)}${order === 'published' ? '&sort=published' : ''}&page=${p}`;
  // 报送单位: the units of the organ picked (of every organ listed under 全部).
  const organ = scope.staffOf.find((o) => o.code === organCode);
  const units = submittingUnitsOf(scope).filter((u) => !organ || u.parentId === organ.id);
  const unitNames = new Map(scope.organs.filter((o) => o.kind === 'unit').map((u) => [u.id, unitName(u)]));
  return (
    <AdminLayout title="信息管理" user={scope.user} csrfToken={scope.csrf} flash={scope.flash}>
      <h1>信息管理</h1>
      <form method="get" action="/admin/publications" class="actions" role="search">
        <label for="f-organ">机关</label>
        <select id="f-organ" name="organ">
          <option value="">全部</option>
          {scope.staffOf.map((o) => <option value={o.code} selected={o.code === organCode}>{o.name}</option>)}
        </select>
        {units.length > 0 && <>
          <label for="f-unit">报送单位</label>
          <select id="f-unit" name="unit">
            <option value="">全部</option>
            {units.map((u) => <option value={u.code} selected={u.code === unitCode}>{unitName(u)}</option>)}
          </select>
        </>}
        <label for="f-status">状态</label>
        <select id="f-status" name="status">
          <option value="">全部</option>
          {(Object.keys(PUBLICATION_STATUS_LABELS) as PublicationStatus[]).map((s) => <option value={s} selected={s === status}>{PUBLICATION_STATUS_LABELS[s]}</option>)}
        </select>
        <label for="f-q">标题</label>
        <input id="f-q" name="q" value={q} />
        <label for="f-sort">排序</label>
        <select id="f-sort" name="sort">
          <option value="" selected={order === 'changed'}>最近修改在前</option>
          <option value="published" selected={order === 'published'}>发布日期新在前</option>
        </select>
        <button class="btn btn-secondary" type="submit">筛选</button>
        {organCode && writable.some((o) => o.code === organCode) && <a class="btn" href={`/admin/organs/${organCode}/publications/new`}>新建信息</a>}
      </form>
      {/* Under 全部 too: straight to the form for one organ, or a choice of organ first (issue 15). */}
      {!organCode && writable.length === 1 && <p><a class="btn" href={`/admin/organs/${writable[0]!.code}/publications/new`}>新建信息</a></p>}
      {!organCode && writable.length > 1 && (
        <form method="get" action="/admin/publications/new" class="actions">
          <label for="f-new-organ">在以下机关新建信息</label>
          <select id="f-new-organ" name="organ">{writable.map((o) => <option value={o.code}>{o.name}</option>)}</select>
          <button class="btn" type="submit">新建信息</button>
        </form>
      )}
      {!organCode && writable.length === 0 && scope.staffOf.length > 0 && <p class="hint">您所在的机关还没有目录栏目，机关管理员建立目录后才能新建信息。</p>}
      <PagedList page={page} pageSize={pageSize} total={total} empty={<p>没有符合条件的信息。</p>}>
        <table class="list cards">
          <thead><tr><th scope="col">标题</th><th scope="col">机关</th><th scope="col">报送单位</th><th scope="col">五公开</th><th scope="col">状态</th><th scope="col">效力</th><th scope="col">有效期至</th><th scope="col">索引号</th><th scope="col">发布日期</th></tr></thead>
          <tbody>
            {items.map((i) => (
              <tr key={i.id}>
                <td><a href={`/admin/publications/${i.id}`}>{i.title}</a></td>
                <td data-label="机关">{i.organName}</td>
                <td data-label="报送单位">{i.submittingUnitId ? unitNames.get(i.submittingUnitId) ?? '' : '本机关'}</td>
                <td class="nowrap" data-label="五公开">{STAGE_LABELS[i.stage]}</td>
                <td class={`nowrap status-${i.status}`} data-label="状态">{PUBLICATION_STATUS_LABELS[i.status]}</td>
                <td class="nowrap" data-label="效力">{VALIDITY_LABELS[i.validity]}</td>
                <td class="nowrap" data-label="有效期至">{i.validThroughOn ?? '—'}<LapseSoon item={i} today={today} /></td>
                <td class="count" data-label="索引号">{i.indexNumber ?? '（发布时生成）'}</td>
                <td class="nowrap" data-label="发布日期">{i.publishedOn ?? '未发布'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </PagedList>
      <Pagination page={page} pageSize={pageSize} total={total} href={qs} />
    </AdminLayout>
  );
}

/** （明日失效）, （N 天后失效）: an item in force whose 有效期至 is within 30 days, so its organ can prolong or clean it up in time. */
function LapseSoon({ item, today }: { item: StaffListItem; today: string }) {
  const days = daysUntilLapse(item, today);
  if (days === null) return null;
  return <span class="lapse-soon">（{days === 1 ? '明日失效' : `${days} 天后失效`}）</span>;
}
