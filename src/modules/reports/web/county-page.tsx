import { AdminLayout } from '../../../platform/views/admin-layout.tsx';
import { STATUS_LABELS } from '../domain/report-workflow.ts';
import { APPEAL_GROUPS, ROW_CARRIED_OUT, ROW_RECEIVED, ROW_RESULTS_TOTAL, TOTAL_COLUMN, isAmountColumn } from '../domain/report-format.ts';
import type { CountyView } from '../use-cases/county-view.ts';
import { formatWan } from '../export/report-tables.ts';
import { DocumentView, ReportStyles } from './report-parts.tsx';
import type { StaffContext } from '../../catalog/index.ts';

/** The county-level view: each organ's figures and report status, and the combined tables. */
export function CountyPage({ staff, view, tablesHtml }: { staff: StaffContext; view: CountyView; tablesHtml: string }) {
  const title = `${view.government.name}${view.year}年度政府信息公开工作县级汇总`;
  const sum = (o: Record<string, number>) => Object.values(o).reduce((s, n) => s + n, 0);
  const t = view.totals;
  return (
    <AdminLayout title={title} user={staff.user} csrfToken={staff.csrf} flash={staff.flash}>
      <ReportStyles />
      <p><a href={`/admin/organs/${view.government.code}/annual-reports/${view.year}`}>← {view.government.name}{view.year}年度报告</a> · <a href={`?format=json`}>下载 JSON</a></p>
      <h1>{title}</h1>
      <p class="hint">已发布报告的机关取其发布时的数字，其余机关按当前数据计算。共 {view.rows.length} 个机关，已发布 {view.rows.filter((r) => r.source === 'published').length} 个。</p>
      <table class="list">
        <thead>
          <tr>
            <th scope="col">机关</th><th scope="col">报告状态</th><th scope="col">主动公开（条）</th><th scope="col">新收申请</th><th scope="col">办结</th>
            <th scope="col">结转下年度</th><th scope="col">行政复议</th><th scope="col">行政诉讼</th><th scope="col">核对</th><th scope="col">提醒</th>
          </tr>
        </thead>
        <tbody>
          {view.rows.map(({ organ, report, status, versionNo, reminder, source }) => {
            const a = report.figures.applications;
            const failing = report.checks.filter((c) => !c.ok).length;
            return (
              <tr key={organ.id}>
                <td><a href={`/admin/organs/${organ.code}/annual-reports/${view.year}`}>{organ.name}</a></td>
                <td>{status ? `${STATUS_LABELS[status]}（第${versionNo}版）` : '尚未开始编制'}{source === 'published' ? '' : ' · 实时数据'}</td>
                <td>{sum(report.figures.stages)}</td>
                <td>{a[ROW_RECEIVED][TOTAL_COLUMN]}</td>
                <td>{a[ROW_RESULTS_TOTAL][TOTAL_COLUMN]}</td>
                <td>{a[ROW_CARRIED_OUT][TOTAL_COLUMN]}</td>
                <td>{report.figures.appeals[APPEAL_GROUPS[0].key][TOTAL_COLUMN]}</td>
                <td>{APPEAL_GROUPS.slice(1).reduce((s, g) => s + report.figures.appeals[g.key][TOTAL_COLUMN], 0)}</td>
                <td>{failing ? `${failing} 项未通过` : '全部通过'}</td>
                <td>{reminder?.message ?? '—'}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">合计</th><td /><td>{sum(t.stages)}</td><td>{t.applications[ROW_RECEIVED][TOTAL_COLUMN]}</td><td>{t.applications[ROW_RESULTS_TOTAL][TOTAL_COLUMN]}</td>
            <td>{t.applications[ROW_CARRIED_OUT][TOTAL_COLUMN]}</td><td>{t.appeals[APPEAL_GROUPS[0].key][TOTAL_COLUMN]}</td>
            <td>{APPEAL_GROUPS.slice(1).reduce((s, g) => s + t.appeals[g.key][TOTAL_COLUMN], 0)}</td><td /><td />
          </tr>
        </tfoot>
      </table>
      <h2>表（二）合计</h2>
      <ul>
        {Object.entries(t.proactive).map(([row, cols]) => Object.entries(cols).map(([col, v]) => (
          <li key={row + col}>{row}（{col}）：{isAmountColumn(col) ? formatWan(v ?? 0) : v}{t.proactiveMissing[row] ? `（${t.proactiveMissing[row]} 个机关未录入）` : ''}</li>
        )))}
      </ul>
      <h2>表（三）（四）合计</h2>
      <DocumentView html={tablesHtml} />
    </AdminLayout>
  );
}
