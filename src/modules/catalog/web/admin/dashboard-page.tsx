import { AdminLayout } from '../../../../platform/views/admin-layout.tsx';
import type { Organ } from '../../domain/organ.ts';
import { receivesHandedLetters, type StaffContext } from '../staff-context.ts';

/** Who submits an item the person drafts for `organ` through their unit: the unit's own name without the organ's (房地产市场监管股), or 本单位 when they have several there. */
const submitterLabel = (organ: Organ, units: Organ[]) =>
  units.length === 1 ? (units[0]!.name.startsWith(organ.name) && units[0]!.name.length > organ.name.length ? units[0]!.name.slice(organ.name.length) : units[0]!.name) : '本单位';

/**
 * Why a row offers no 新建信息: an item must go in at least one catalog node (请至少选择一个目录栏目), and
 * this organ or unit has none (found by an outside tester: the form was a dead end). A unit's items are
 * usually its organ's, in the organ's catalog.
 */
function withoutCatalog(o: Organ, throughUnit: boolean, admin: boolean, scope: StaffContext): string {
  if (throughUnit) return '该机关还没有目录栏目，暂不能报送信息';
  // A unit is told as a unit to everyone — to an administrator too, who is not to build it a catalog of its own.
  if (o.kind === 'unit') {
    // Its own staff hold no role on the organ above it (one who does, such as the organ's administrator, sees it from the organ).
    if (!scope.directStaffOf.some((p) => p.id === o.parentId)) return '本单位没有目录栏目，信息在所属机关的目录中发布，由本单位报送';
    const parent = scope.organs.find((p) => p.id === o.parentId);
    return `下属单位没有目录栏目，信息在${parent ? parent.name : '所属机关'}的目录中发布，由该单位报送`;
  }
  return admin ? '还没有目录栏目，请先在“管理目录”中建立目录，再新建信息' : '还没有目录栏目，机关管理员建立目录后才能新建信息';
}

/**
 * Whether an organ is an internal unit without catalog (股室): its items are its organ's, submitted by it
 * (报送单位), so its row counts and lists those (`submitted`), not items of its own (it has none).
 */
export const submitsOnly = (o: Organ, hasCatalog: (organ: Organ) => boolean) => o.kind === 'unit' && o.parentId !== null && !hasCatalog(o);

type Counts = Map<number, { draft: number; published: number }>;

export function DashboardPage({ scope, hasCatalog, counts, submitted, late, year, reminders = [] }: {
  /** `await scope.hasCatalog()`: whether an organ has a catalog node to put a new item in. */
  scope: StaffContext; hasCatalog: (organ: Organ) => boolean; counts: Counts;
  /** Per unit without catalog, what it submitted to its organ (`submitsOnly`). */
  submitted: Counts; late: Map<number, number>; year: string; reminders?: { message: string; href: string }[];
}) {
  return (
    <AdminLayout title="工作台" user={scope.user} csrfToken={scope.csrf} flash={scope.flash}>
      <h1>工作台</h1>
      <p>您好，{scope.user.displayName}。您可以处理以下机关的政府信息。待审核和待发布的信息见<a href="/admin/review">待办</a>。</p>
      {reminders.length > 0 && (
        <section class="notice" aria-labelledby="dash-rem-h">
          <h2 id="dash-rem-h">待办提醒（{reminders.length}）</h2>
          <ul>{reminders.map((r) => <li key={r.href}><a href={r.href}>{r.message}</a></li>)}</ul>
        </section>
      )}
      {/* Staff of an internal unit whose organ they do not handle: the organ hands letters to their unit (交办) to read and answer to it. */}
      {receivesHandedLetters(scope) && (
        <p id="dash-unit-letters"><a href="/admin/letters/units">交办给本单位的来信</a>：所属机关交办本单位的部门信箱来信，在此阅看并报送办理意见。</p>
      )}
      {scope.staffOf.length === 0 ? <p>您还没有任何机关的权限，请联系管理员。</p> : (
        // On a phone each organ is a card (table.list.cards, each cell named by data-label), as the other back-office lists.
        <table class="list cards" id="dash-organs">
          <thead><tr><th scope="col">机关</th><th scope="col" class="nowrap">草稿</th><th scope="col" class="nowrap">已发布</th><th scope="col">{year}年逾期发布</th><th scope="col">操作</th></tr></thead>
          <tbody>
            {scope.staffOf.map((o) => {
              // An organ the person works on only through a unit of theirs (信息报送): its items are the organ's, submitted by the unit.
              const units = scope.mayDraft(o) ? null : scope.directStaffOf.filter((u) => u.kind === 'unit' && u.parentId === o.id);
              // A unit without catalog has no catalog of its own to manage (its items are the organ's, in the organ's
              // catalog), so no items to pass a review chain of its own and no columns to set tasks in: its row offers
              // its administrator only 机关设置 (its name, phone and guide, which its portal pages show).
              const managesCatalog = scope.canAdmin(o) && (o.kind !== 'unit' || hasCatalog(o));
              // A unit without catalog: the organ's items it submitted, listed in 信息管理 filtered by 报送单位.
              const parent = submitsOnly(o, hasCatalog) ? scope.organs.find((p) => p.id === o.parentId) : undefined;
              const c = (parent ? submitted : counts).get(o.id);
              const listOf = (status: string) => (parent ? `/admin/publications?organ=${parent.code}&unit=${o.code}&status=${status}` : `/admin/publications?organ=${o.code}&status=${status}`);
              return (
              <tr key={o.id}>
                <td data-label="机关">
                  <a href={`/organs/${o.code}`} target="_blank">{o.name}</a>
                  {units && <p class="hint">信息属于该机关，由本单位报送，经该机关审核后发布</p>}
                </td>
                <td data-label="草稿"><a href={listOf('draft')}>{c?.draft ?? 0}</a></td>
                <td data-label="已发布"><a href={listOf('published')}>{c?.published ?? 0}</a></td>
                <td data-label={`${year}年逾期发布`} title="成文后超过 20 个工作日才发布（条例第二十六条）">
                  {/* The organ's supervision page lists them; a unit's are among its organ's there. */}
                  {hasCatalog(o) && (late.get(o.id) ?? 0) > 0 ? <a href={`/admin/supervision/${o.code}#late-published`}>{late.get(o.id)}</a> : (late.get(o.id) ?? 0)}
                </td>
                <td class="actions" data-label="操作">
                  {hasCatalog(o)
                    ? <a class="btn btn-small" href={`/admin/organs/${o.code}/publications/new`}>{units ? `新建信息（${submitterLabel(o, units)}报送）` : '新建信息'}</a>
                    : <span class="hint">{withoutCatalog(o, units !== null, scope.canAdmin(o), scope)}</span>}
                  {managesCatalog && <a href={`/admin/organs/${o.code}/catalog`}>管理目录</a>}
                  {scope.canAdmin(o) && <a href={`/admin/organs/${o.code}/edit`}>机关设置</a>}
                  {managesCatalog && <a href={`/admin/organs/${o.code}/review-chain`}>审核流程</a>}
                  {managesCatalog && <a href={`/admin/organs/${o.code}/tasks`}>报送任务</a>}
                  {hasCatalog(o) && <a href={`/admin/organs/${o.code}/supervision/nodes`}>栏目责任与更新周期</a>}
                  {hasCatalog(o) && <a href={`/admin/organs/${o.code}/interpretations`}>政策解读</a>}
                </td>
              </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </AdminLayout>
  );
}
