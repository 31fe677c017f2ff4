import { AdminLayout, type AdminUser } from '../../../platform/views/admin-layout.tsx';
import { FlashAt, placeFlash, type Flash } from '../../../platform/views/flash.tsx';
import { ErrorSummary, Field, treeDepthClass, type FieldErrors } from '../../../platform/views/components.tsx';
import { CADENCES, CADENCE_LABELS, type Freshness } from '../domain/cadence.ts';
import type { NodeCadence } from '../use-cases/node-cadences.ts';

type OrganRef = { code: string; name: string };

export function freshnessText(f: Freshness): string {
  switch (f.state) {
    case 'empty': return '空白栏目（无已发布信息）';
    // The due day is in time (freshness: stale only after it), so never "…前" (applications' deadline-wording.ts).
    case 'fresh': return f.dueOn ? `正常，最迟于 ${f.dueOn}（含当日）应有更新` : '正常（不按周期检查）';
    case 'stale': return `逾期 ${f.daysLate} 天（更新期限 ${f.dueOn}，含当日）`;
  }
}

const unitName = (n: NodeCadence, organ: OrganRef) => n.responsibleUnit?.name ?? `${organ.name}（未指定股室）`;

/** A node's row on the list: where saving its responsibility brings the list back (#node-N), and tells it. */
export const nodeRowId = (nodeId: number) => `node-${nodeId}`;

/** Every node of an organ with the unit that must keep it up to date, its cadence and whether it is late today. */
export function NodeCadencesPage({ user, csrf, flash, organ, today, rows, canSet }: {
  user: AdminUser; csrf: string; flash: Flash | null; organ: OrganRef; today: string; rows: NodeCadence[]; canSet: boolean;
}) {
  // A saved column is told in its row, where the redirect lands, not at the top of a long list (platform/views/flash.tsx).
  const placed = placeFlash(flash, rows.map((r) => nodeRowId(r.node.id)));
  return (
    <AdminLayout title={`栏目责任与更新周期：${organ.name}`} user={user} csrfToken={csrf} flash={placed.top}>
      <h1>栏目责任与更新周期：{organ.name}</h1>
      <p><a href={`/admin/organs/${organ.code}/supervision/dispatch`}>月度调度</a>：各股室每月应更新、按时、逾期和未更新的栏目及排名，可生成通报。<a href={`/admin/organs/${organ.code}/supervision/reminders`}>提醒邮箱</a>：到期前和超过期限时把提醒发到责任股室的邮箱。</p>
      <p>以 {today} 为准。未单独设置的栏目按网站检查的栏目类别取默认周期（动态类每两周，通知公告和政策文件类每半年，机构职能类静态）。</p>
      <table class="list">
        <caption class="visually-hidden">各栏目的责任单位、更新周期和更新情况</caption>
        <thead><tr><th scope="col">栏目</th><th scope="col">责任单位</th><th scope="col">更新周期</th><th scope="col">最近更新</th><th scope="col">状态</th>{canSet && <th scope="col">操作</th>}</tr></thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.node.id} id={nodeRowId(r.node.id)}>
              <th scope="row" class={`tree-row ${treeDepthClass(r.depth)}`}>{r.node.name}<FlashAt flash={placed.at(nodeRowId(r.node.id))} /></th>
              <td>{unitName(r, organ)}</td>
              <td>{CADENCE_LABELS[r.cadence]}{r.cadenceSource === 'default' ? '（默认）' : ''}</td>
              <td>{r.lastUpdatedOn ?? '—'}</td>
              <td>{freshnessText(r.freshness)}</td>
              {canSet && <td class="nowrap"><a href={`/admin/organs/${organ.code}/supervision/nodes/${r.node.id}`} aria-label={`设置“${r.node.name}”的责任单位和更新周期`}>设置</a></td>}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <p>本机关还没有目录栏目。</p>}
    </AdminLayout>
  );
}

/** The form that sets one node's responsible unit and cadence. */
export function NodeSupervisionForm({ user, csrf, flash, organ, row, units, errors, values }: {
  user: AdminUser; csrf: string; flash: Flash | null; organ: OrganRef; row: NodeCadence; units: OrganRef[]; errors: FieldErrors; values: Record<string, string>;
}) {
  const v = (k: string) => values[k] ?? '';
  const action = `/admin/organs/${organ.code}/supervision/nodes/${row.node.id}`;
  return (
    <AdminLayout title={`设置栏目：${row.node.name}`} user={user} csrfToken={csrf} flash={flash}>
      <p><a href={`/admin/organs/${organ.code}/supervision/nodes`}>返回栏目责任与更新周期</a></p>
      <h1>设置栏目：{row.node.name}</h1>
      <p>默认周期：{CADENCE_LABELS[row.defaultCadence]}（{row.defaultReason}）。最近更新：{row.lastUpdatedOn ?? '尚无已发布信息'}。</p>
      <ErrorSummary errors={errors} />
      <form method="post" action={action} novalidate>
        <input type="hidden" name="_csrf" value={csrf} />
        <Field name="unitCode" label="责任单位" errors={errors} hint="负责本栏目更新的股室；不指定则由本机关（政务公开办公室）负责">
          <select id="f-unitCode" name="unitCode">
            <option value="">{organ.name}（未指定股室）</option>
            {units.map((u) => <option value={u.code} selected={v('unitCode') === u.code}>{u.name}</option>)}
          </select>
        </Field>
        <Field name="cadence" label="更新周期" errors={errors} hint="选“按默认”则随栏目类别的默认周期">
          <select id="f-cadence" name="cadence">
            <option value="">按默认（{CADENCE_LABELS[row.defaultCadence]}）</option>
            {CADENCES.map((c) => <option value={c} selected={v('cadence') === c}>{CADENCE_LABELS[c]}</option>)}
          </select>
        </Field>
        <button class="btn" type="submit">保存</button>
      </form>
    </AdminLayout>
  );
}
