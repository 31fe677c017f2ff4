import { AdminLayout, type AdminUser } from '../../../platform/views/admin-layout.tsx';
import type { Flash } from '../../../platform/views/flash.tsx';
import { CADENCE_LABELS } from '../domain/cadence.ts';
import { NOTHING_DUE_LABEL, percent, RANKING_HEADERS, RANKING_RULE, type Dispatch, type UnitRow } from '../domain/dispatch.ts';

type OrganRef = { code: string; name: string };

const UnitTr = ({ u }: { u: UnitRow }) => (
  <tr><td>{u.rank ?? ''}</td><th scope="row">{u.unitName}</th><td>{u.due}</td><td>{u.done}</td><td>{u.late}</td><td>{u.missing}</td><td>{percent(u.rate)}</td><td>{u.latePublished}</td></tr>
);

/** 月度调度: per unit what was due, done, late and missing in the month, the ranking, and the notice's exports. */
export function DispatchPage({ user, csrf, flash, organ, d, canDraft }: { user: AdminUser; csrf: string; flash: Flash | null; organ: OrganRef; d: Dispatch; canDraft: boolean }) {
  const base = `/admin/organs/${organ.code}/supervision/dispatch`;
  const problems = d.outcomes.filter((o) => o.outcome !== 'done');
  const unitName = new Map(d.units.map((u) => [u.unitId, u.unitName]));
  // Split by what was due, not by rank: a sole unit with something due has no rank but is not 本月无应更新栏目.
  const ranked = d.units.filter((u) => u.due > 0);
  const unranked = d.units.filter((u) => u.due === 0);
  return (
    <AdminLayout title={`月度调度：${organ.name} ${d.month}`} user={user} csrfToken={csrf} flash={flash}>
      <h1>月度调度：{organ.name}</h1>
      <form method="get" action={base} class="inline-form">
        <label for="f-month">月份</label> <input type="month" id="f-month" name="month" value={d.month} /> <button class="btn btn-small" type="submit">查看</button>
      </form>
      <p>{d.fromOn} 至 {d.toOn}：各栏目按更新周期应更新的次数，按时、逾期后更新和月底仍未更新的情况；栏目按其责任股室统计，未指定股室的计入本机关。</p>
      <p>{RANKING_RULE}</p>
      {/* On a phone a table.list scrolls sideways in its own box (site.css); its headings keep to one line (.nowrap, as the 工作台's). */}
      <table class="list">
        <caption>各股室（单位）完成情况排名</caption>
        <thead><tr>{RANKING_HEADERS.map((h) => <th scope="col" class="nowrap">{h}</th>)}</tr></thead>
        <tbody>
          {ranked.map((u) => <UnitTr u={u} />)}
        </tbody>
        {unranked.length > 0 && (
          <tbody>
            <tr><th scope="rowgroup" colspan={RANKING_HEADERS.length}>{NOTHING_DUE_LABEL}</th></tr>
            {unranked.map((u) => <UnitTr u={u} />)}
          </tbody>
        )}
      </table>
      <h2>逾期和未更新的栏目</h2>
      {problems.length === 0 ? <p>本月各栏目均按时更新。</p> : (
        <table class="list">
          <caption class="visually-hidden">逾期和未更新的栏目</caption>
          <thead><tr>{['栏目', '责任股室（单位）', '更新周期', '应更新日期', '情况'].map((h) => <th scope="col" class="nowrap">{h}</th>)}</tr></thead>
          <tbody>
            {problems.map((o) => (
              <tr><th scope="row"><a href={`/organs/${organ.code}/catalog/${o.nodeId}`}>{o.name}</a></th><td>{unitName.get(o.unitId)}</td><td>{CADENCE_LABELS[o.cadence]}</td><td class="nowrap">{o.dueOn ?? '空白栏目'}</td><td>{o.outcome === 'late' ? `逾期后更新（${o.doneOn}）` : '未更新'}</td></tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>通报</h2>
      <p>导出：<a href={`${base}.html?month=${d.month}`}>网页</a>　<a href={`${base}.docx?month=${d.month}`}>Word</a>　<a href={`${base}.pdf?month=${d.month}`}>PDF</a></p>
      {canDraft ? (
        <form method="post" action={`${base}/notice?month=${d.month}`}>
          <input type="hidden" name="_csrf" value={csrf} />
          <p>生成通报草稿：放在本机关“监督保障”栏目，经审核流程审核后发布。</p>
          <button class="btn" type="submit">生成通报草稿</button>
        </form>
      ) : <p>政务公开办公室或机关管理员可以生成通报草稿。</p>}
    </AdminLayout>
  );
}
