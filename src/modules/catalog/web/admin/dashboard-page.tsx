import { AdminLayout } from '../../../../platform/views/admin-layout.tsx';
import { receivesHandedLetters, type StaffContext } from '../staff-context.ts';

export function DashboardPage({ scope, counts, late, year, reminders = [] }: {
  scope: StaffContext; counts: Map<number, { draft: number; published: number }>; late: Map<number, number>; year: string; reminders?: { message: string; href: string }[];
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
        <table class="list">
          <thead><tr><th scope="col">机关</th><th scope="col">草稿</th><th scope="col">已发布</th><th scope="col">{year}年逾期发布</th><th scope="col">操作</th></tr></thead>
          <tbody>
            {scope.staffOf.map((o) => (
              <tr key={o.id}>
                <td><a href={`/organs/${o.code}`} target="_blank">{o.name}</a></td>
                <td><a href={`/admin/publications?organ=${o.code}&status=draft`}>{counts.get(o.id)?.draft ?? 0}</a></td>
                <td><a href={`/admin/publications?organ=${o.code}&status=published`}>{counts.get(o.id)?.published ?? 0}</a></td>
                <td title="成文后超过 20 个工作日才发布（条例第二十六条）">{late.get(o.id) ?? 0}</td>
                <td class="actions">
                  <a class="btn btn-small" href={`/admin/organs/${o.code}/publications/new`}>新建信息</a>
                  {scope.canAdmin(o) && <a href={`/admin/organs/${o.code}/catalog`}>管理目录</a>}
                  {scope.canAdmin(o) && <a href={`/admin/organs/${o.code}/edit`}>机关设置</a>}
                  {scope.canAdmin(o) && <a href={`/admin/organs/${o.code}/review-chain`}>审核流程</a>}
                  {scope.canAdmin(o) && <a href={`/admin/organs/${o.code}/tasks`}>报送任务</a>}
                  <a href={`/admin/organs/${o.code}/supervision/nodes`}>栏目责任与更新周期</a>
                  <a href={`/admin/organs/${o.code}/interpretations`}>政策解读</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AdminLayout>
  );
}
