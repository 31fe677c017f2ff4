import { AdminLayout } from '../../../../platform/views/admin-layout.tsx';
import type { Organ } from '../../../catalog/index.ts';
import { CHANNEL_STATISTICS_HEADER } from '../../domain/channel-statistics.ts';
import { ApplicationsNav } from './applications-nav.tsx';
import type { StaffContext } from '../../../catalog/index.ts';

/** Applications received in a year by channel, with how they were closed; downloadable as XLSX. */
export function StatisticsPage({ scope, organ, year, rows }: { scope: StaffContext; organ: Organ; year: number; rows: { label: string; values: number[] }[] }) {
  return (
    <AdminLayout title="依申请公开统计" user={scope.user} csrfToken={scope.csrf} flash={scope.flash}>
      <h1>依申请公开按提交方式统计 · {organ.name}</h1>
      <ApplicationsNav organ={organ} organs={scope.handles} current="statistics" isSystemAdmin={scope.user.isSystemAdmin} />
      <form method="get" action="/admin/applications/statistics" class="inline-form">
        <input type="hidden" name="organ" value={organ.code} />
        <label for="f-year">年度</label>
        <input type="number" id="f-year" name="year" value={String(year)} min={2008} max={2200} />
        <button type="submit" class="btn btn-small">查看</button>
        <a href={`/admin/applications/statistics?organ=${organ.code}&year=${year}&format=xlsx`}>下载XLSX</a>
      </form>
      <p class="hint">统计本年度收到（收到申请日期在本年度内）的申请；未确认收到的不计。办理结果按年度报告表三分组。</p>
      <table class="list" id="channel-statistics">
        <caption>{year}年按提交方式统计</caption>
        <thead><tr>{CHANNEL_STATISTICS_HEADER.map((h) => <th scope="col">{h}</th>)}</tr></thead>
        <tbody>{rows.map((r) => <tr><th scope="row">{r.label}</th>{r.values.map((v) => <td>{v}</td>)}</tr>)}</tbody>
      </table>
    </AdminLayout>
  );
}
