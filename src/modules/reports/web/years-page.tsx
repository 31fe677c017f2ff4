import type { Organ } from '../../catalog/index.ts';
import { AdminLayout } from '../../../platform/views/admin-layout.tsx';
import type { Reminder } from '../domain/reminders.ts';
import { STATUS_LABELS } from '../domain/report-workflow.ts';
import type { ReportStatus } from '../domain/report-types.ts';
import { ReportStyles, ReminderNotice } from './report-parts.tsx';
import type { StaffContext } from '../../catalog/index.ts';

export type YearRow = { year: number; status: ReportStatus | null; versionNo: number | null; published: boolean; reminder: Reminder | null };

/** An organ's annual reports by year, with what is due (条例第四十九条) and a way to open any year. */
export function YearsPage({ staff, organ, rows, currentYear }: { staff: StaffContext; organ: Organ; rows: YearRow[]; currentYear: number }) {
  const title = `${organ.name}政府信息公开工作年度报告`;
  return (
    <AdminLayout title={title} user={staff.user} csrfToken={staff.csrf} flash={staff.flash}>
      <ReportStyles />
      <p><a href="/admin/annual-reports">← 年度报告</a></p>
      <h1>{title}</h1>
      {rows.map((r) => <ReminderNotice key={r.year} reminder={r.reminder} />)}
      <table class="list">
        <thead><tr><th scope="col">年度</th><th scope="col">状态</th><th scope="col">门户</th></tr></thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.year}>
              <td><a href={`/admin/organs/${organ.code}/annual-reports/${r.year}`}>{r.year}年度报告</a></td>
              <td class={r.status ? `status-${r.status}` : ''}>{r.status ? `${STATUS_LABELS[r.status]}（第${r.versionNo}版）` : '尚未开始编制'}</td>
              <td>{r.published ? <a href={`/organs/${organ.code}/annual-reports/${r.year}`}>已公开</a> : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form method="get" action={`/admin/organs/${organ.code}/annual-reports/open-year`} class="inline-form">
        <label for="f-year">其他年度：</label>
        <input id="f-year" name="year" type="number" min={2008} max={currentYear} value={String(currentYear - 1)} />
        <button type="submit" class="btn btn-small">打开</button>
      </form>
      {organ.kind === 'government' && <p><a href={`/admin/organs/${organ.code}/annual-reports/${currentYear - 1}/county`}>{currentYear - 1}年度县级汇总（各部门数字）</a></p>}
    </AdminLayout>
  );
}

export type DueRow = { organ: Organ; year: number; status: ReportStatus | null; reminder: Reminder };

/** Every report due soon or overdue among the organs a person works for: the reminders ahead of 31 January. */
export function OverviewPage({ staff, due, organs }: { staff: StaffContext; due: DueRow[]; organs: Organ[] }) {
  return (
    <AdminLayout title="年度报告" user={staff.user} csrfToken={staff.csrf} flash={staff.flash}>
      <ReportStyles />
      <h1>政府信息公开工作年度报告</h1>
      <p class="hint">条例第四十九条：政府部门于每年1月31日前、人民政府于3月31日前公布上一年度报告。自12月1日起在此提醒。</p>
      <h2>待公布的报告</h2>
      {due.length === 0 ? <p>没有待公布的报告。</p> : (
        <table class="list">
          <thead><tr><th scope="col">机关</th><th scope="col">年度</th><th scope="col">状态</th><th scope="col">提醒</th></tr></thead>
          <tbody>
            {due.map((d) => (
              <tr key={`${d.organ.id}-${d.year}`} class={d.reminder.level === 'overdue' ? 'check-failed' : ''}>
                <td>{d.organ.name}</td>
                <td><a href={`/admin/organs/${d.organ.code}/annual-reports/${d.year}`}>{d.year}年度</a></td>
                <td>{d.status ? STATUS_LABELS[d.status] : '尚未开始编制'}</td>
                <td>{d.reminder.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>各机关</h2>
      <ul>{organs.map((o) => <li key={o.id}><a href={`/admin/organs/${o.code}/annual-reports`}>{o.name}</a></li>)}</ul>
    </AdminLayout>
  );
}
