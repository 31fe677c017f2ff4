import { AdminLayout } from '../../../../platform/views/admin-layout.tsx';
import type { Organ } from '../../../catalog/index.ts';
import { APPEAL_KIND_LABELS, APPEAL_KINDS, APPEAL_RESULT_LABELS, APPEAL_RESULTS, type Appeal } from '../../domain/appeal.ts';
import { ApplicationsNav } from './applications-nav.tsx';
import type { StaffContext } from '../../../catalog/index.ts';

/** Every reconsideration and lawsuit of the organ, with the counts of table 四 of the annual report. */
export function AppealsPage({ scope, organ, appeals }: { scope: StaffContext; organ: Organ; appeals: Appeal[] }) {
  const count = (kind: string, result: string) => appeals.filter((a) => a.kind === kind && a.result === result).length;
  return (
    <AdminLayout title="行政复议和行政诉讼" user={scope.user} csrfToken={scope.csrf} flash={scope.flash}>
      <h1>行政复议和行政诉讼 · {organ.name}</h1>
      <ApplicationsNav organ={organ} organs={scope.handles} current="appeals" isSystemAdmin={scope.user.isSystemAdmin} />
      <table class="list" id="appeal-counts">
        <caption>全部年份合计（按年度报告表四的口径）</caption>
        <thead><tr><th scope="col">类型</th>{APPEAL_RESULTS.map((r) => <th scope="col">{APPEAL_RESULT_LABELS[r]}</th>)}<th scope="col">总计</th></tr></thead>
        <tbody>{APPEAL_KINDS.map((k) => <tr><th scope="row">{APPEAL_KIND_LABELS[k]}</th>{APPEAL_RESULTS.map((r) => <td>{count(k, r)}</td>)}<td>{appeals.filter((a) => a.kind === k).length}</td></tr>)}</tbody>
      </table>
      {appeals.length === 0 ? <p>暂无记录。复议或诉讼在办件页面登记，或用命令行 <code>gongkai import appeals</code> 导入。</p> : (
        <table class="list" id="appeal-list">
          <thead><tr><th scope="col">申请编号</th><th scope="col">类型</th><th scope="col">机关或法院</th><th scope="col">申请/起诉日期</th><th scope="col">结果</th><th scope="col">审结日期</th></tr></thead>
          <tbody>{appeals.map((a) => (
            <tr>
              <td>{a.applicationId ? <a href={`/admin/applications/${a.applicationId}#appeals`}>{a.trackingNo}</a> : a.trackingNo}</td>
              <td>{APPEAL_KIND_LABELS[a.kind]}</td><td>{a.body}</td><td>{a.filedOn}</td><td>{APPEAL_RESULT_LABELS[a.result]}</td><td>{a.decidedOn ?? '—'}</td>
            </tr>
          ))}</tbody>
        </table>
      )}
    </AdminLayout>
  );
}
