import { AdminLayout, type AdminUser } from '../../../platform/views/admin-layout.tsx';
import type { Flash } from '../../../platform/views/flash.tsx';
import { PUBLICATION_STATUS_LABELS, type PublicationStatus } from '../../catalog/index.ts';
import { chinaTimeOf } from '../../../shared/iso-date.ts';
import type { LatestReturn } from '../domain/latest-return.ts';
import { ReturnLine } from './return-note.tsx';

export type InboxRow = { id: number; title: string; organName: string; status: string; stageName: string; submittedAt: string | null; findingsCount: number; blockingCount: number; mine: boolean;
  /** The last day of 条例第二十六条's 20 working days (items still in the chain), and whether it has passed. */
  dueOn: string | null; late: boolean };
export type TaskRow = { id: number; title: string; unitName: string; nextDueOn: string; overdue: boolean; organCode: string; nodeId: number | null };

/** What waits for a reviewer, oldest first, with the scanner's findings count; plus alerts and submission tasks. */
export function InboxPage({ user, csrf, flash, rows, returned, alerts, tasks, reminders }: {
  user: AdminUser; csrf: string; flash: Flash | null; rows: InboxRow[]; returned: { id: number; title: string; lastReturn: LatestReturn | null }[];
  alerts: { id: number; message: string; publicationId: number | null }[]; tasks: TaskRow[]; reminders: { message: string; href: string }[];
}) {
  const mine = rows.filter((r) => r.mine);
  const late = rows.filter((r) => r.late);
  return (
    <AdminLayout title="待办" user={user} csrfToken={csrf} flash={flash}>
      <h1>待办</h1>
      {alerts.length > 0 && (
        <section class="error-summary" aria-labelledby="alerts-h">
          <h2 id="alerts-h">提醒</h2>
          <ul>
            {alerts.map((a) => (
              <li key={a.id}>
                {a.publicationId ? <a href={`/admin/publications/${a.publicationId}`}>{a.message}</a> : a.message}{' '}
                <form method="post" action={`/admin/alerts/${a.id}/resolve`} class="inline-form">
                  <input type="hidden" name="_csrf" value={csrf} />
                  <button class="btn btn-small btn-secondary" type="submit">已处理</button>
                </form>
              </li>
            ))}
          </ul>
        </section>
      )}
      {reminders.length > 0 && (
        <section class="notice" aria-labelledby="rem-h">
          <h2 id="rem-h">待办提醒（{reminders.length}）</h2>
          <ul>{reminders.map((r) => <li key={r.href}><a href={r.href}>{r.message}</a></li>)}</ul>
        </section>
      )}
      {late.length > 0 && (
        <section class="error-summary" aria-labelledby="late-h" id="late">
          <h2 id="late-h">已超过公开时限（{late.length}）</h2>
          <p>以下信息自形成之日起已超过 20 个工作日（条例第二十六条），仍在审核或等待发布，请尽快处理；发布后将计入“逾期公开”。</p>
          <InboxTable rows={late} />
        </section>
      )}
      <section aria-labelledby="mine-h">
        <h2 id="mine-h">等待我审核或发布（{mine.length}）</h2>
        <InboxTable rows={mine} />
      </section>
      {returned.length > 0 && (
        <section aria-labelledby="ret-h">
          <h2 id="ret-h">退回给我修改</h2>
          <ul>{returned.map((r) => <li key={r.id}><a href={`/admin/publications/${r.id}`}>{r.title}</a><ReturnLine ret={r.lastReturn} /></li>)}</ul>
        </section>
      )}
      <section aria-labelledby="tasks-h">
        <h2 id="tasks-h">报送任务</h2>
        {tasks.length === 0 ? <p>暂无报送任务。</p> : (
          <table class="list">
            <thead><tr><th scope="col">任务</th><th scope="col">单位</th><th scope="col">截止日期</th><th scope="col"></th></tr></thead>
            <tbody>
              {tasks.map((t) => (
                <tr key={t.id}>
                  <td>{t.title}</td><td>{t.unitName}</td><td class={t.overdue ? 'status-draft' : ''}>{t.nextDueOn}{t.overdue && '（已逾期）'}</td>
                  <td><a class="btn btn-small" href={`/admin/organs/${t.organCode}/publications/new?task=${t.id}`}>报送信息</a></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="all-h">
        <h2 id="all-h">全部审核中的信息（{rows.length}）</h2>
        <InboxTable rows={rows} />
      </section>
    </AdminLayout>
  );
}

function InboxTable({ rows }: { rows: InboxRow[] }) {
  if (rows.length === 0) return <p>暂无。</p>;
  return (
    <table class="list">
      <thead><tr><th scope="col">标题</th><th scope="col">机关</th><th scope="col">状态</th><th scope="col">当前环节</th><th scope="col">报送时间</th><th scope="col">扫描发现</th><th scope="col">公开时限</th></tr></thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.id} ${r.stageName}`}>
            <td><a href={`/admin/publications/${r.id}`}>{r.title}</a></td><td>{r.organName}</td>
            <td>{PUBLICATION_STATUS_LABELS[r.status as PublicationStatus]}</td><td>{r.stageName}</td>
            <td>{r.submittedAt ? chinaTimeOf(r.submittedAt) : ''}</td>
            <td class={r.blockingCount ? 'status-draft' : ''}>{r.findingsCount}{r.blockingCount > 0 && `（须处理 ${r.blockingCount}）`}</td>
            <td class={r.late ? 'status-draft nowrap' : 'nowrap'}>{r.dueOn ?? ''}{r.late && '（已逾期）'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
