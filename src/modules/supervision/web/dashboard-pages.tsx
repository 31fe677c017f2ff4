import { AdminLayout, type AdminUser } from '../../../platform/views/admin-layout.tsx';
import type { Flash } from '../../../platform/views/flash.tsx';
import { CADENCE_LABELS } from '../domain/cadence.ts';
import { VETO_LABELS } from '../domain/verdict.ts';
import type { OrganSupervision } from '../use-cases/supervision-dashboard.ts';
import { freshnessText } from './node-cadences-page.tsx';
import type { ComponentChildren } from 'preact';
import { RunStatus, runVerdictText, type LastRun } from './inspection-pages.tsx';
import type { OpenInspection } from '../use-cases/inspection-runs.ts';
import { chinaTimeOf } from '../../../shared/iso-date.ts';

const verdictText = (s: OrganSupervision) =>
  s.verdict.vetoed ? `不合格（单项否决 ${s.verdict.vetoes.filter((v) => v.failed).length} 项）` : s.verdict.passed ? `合格（${s.verdict.score} 分）` : `不合格（${s.verdict.score} 分）`;

/** Stands for an organ's application and letter counts to someone who does not handle them (an internal unit's staff, 条例第二十七条). */
const NOT_HANDLED = <td title="由机关办理依申请公开和部门信箱的工作人员查看">—</td>;

/**
 * The region view: every organ the person works on, with its verdict and the counts that lead to it, then the region's charts.
 * `handles`: whether the person handles an organ's applications and letters; only then are their counts shown.
 * `canRun`: whether they keep any of these organs' supervision, so may run the inspection now (others are refused it),
 * and no run already queued or running covers every organ they keep.
 */
export function RegionSupervisionPage({ user, csrf, rows, today, handles, canRun, lastRuns = new Map(), flash = null, runs = { open: [], asked: null, again: '/admin/supervision' }, children }: {
  user: AdminUser; csrf: string; rows: OrganSupervision[]; today: string; handles: (organId: number) => boolean; canRun: boolean; lastRuns?: Map<string, LastRun>; flash?: Flash | null;
  /** The inspection runs under way over these organs, and what became of the one 立即检查 asked for (RunStatus). */
  runs?: { open: OpenInspection[]; asked: string | null; again: string };
  children?: ComponentChildren;
}) {
  return (
    <AdminLayout title="监督检查" user={user} csrfToken={csrf} flash={flash}>
      <h1>监督检查</h1>
      <p>按政府网站检查指标（国办秘函〔2019〕19号）逐项对照，以 {today} 为准。断链和严重表述错误由每日网站检查（北京时间 2:00 后）得出，见“最近检查”。</p>
      <table class="list">
        <thead><tr><th scope="col">机关</th><th scope="col">结论</th><th scope="col">逾期栏目</th><th scope="col">空白栏目</th><th scope="col">缺少的标准目录事项</th><th scope="col">待审核</th><th scope="col">今年超期发布</th><th scope="col">依申请逾期</th><th scope="col">留言逾期</th><th scope="col">留言超 3 个月</th><th scope="col">最近检查</th></tr></thead>
        <tbody>
          {rows.map((s) => (
            <tr key={s.organ.id}>
              <th scope="row"><a href={`/admin/supervision/${s.organ.code}`}>{s.organ.name}</a></th>
              <td>{verdictText(s)}</td>
              <td>{s.staleNodes.length}</td><td>{s.emptyNodes.length}</td>
              <td>{s.matters.total === 0 ? '未导入' : <a href={`/admin/organs/${s.organ.code}/supervision/matters`}>{s.matters.missing.length} / {s.matters.total}</a>}</td>
              <td>{s.pendingReviews.length === 0 ? 0 : <a href={`/admin/supervision/${s.organ.code}#pending-reviews`}>{s.pendingReviews.length}</a>}</td><td>{s.latePublished.length}</td>
              {handles(s.organ.id) ? <><td>{s.applications.overdue}</td><td>{s.letters.overdue}</td><td>{s.letters.pastThreeMonths}</td></> : <>{NOT_HANDLED}{NOT_HANDLED}{NOT_HANDLED}</>}
              <td>{(() => { const r = lastRuns.get(s.organ.code); return r ? `${chinaTimeOf(r.finishedAt)} ${runVerdictText(r)}` : '尚未检查'; })()}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <p>您没有可查看的机关。</p>}
      <RunStatus open={runs.open} asked={runs.asked} again={runs.again} />
      {rows.length > 0 && canRun && (
        <form method="post" action="/admin/supervision/inspect">
          <input type="hidden" name="_csrf" value={csrf} />
          <button class="btn" type="submit">立即检查（本人负责的机关）</button>
        </form>
      )}
      {children}
    </AdminLayout>
  );
}

/**
 * One organ: the verdict against each veto rule, and each problem with a link to fix it and who must fix it.
 * `handles`: whether the person handles the organ's applications and letters; only then are those listed (their pages refuse anyone else).
 */
/** `flash`: what is shown at the top (a page with landing places passes what `placeFlash` leaves for the top). */
export function OrganSupervisionPage({ user, csrf, s, handles, flash = null, children }: { user: AdminUser; csrf: string; s: OrganSupervision; handles: boolean; flash?: Flash | string | null; children?: ComponentChildren }) {
  const { organ } = s;
  const who = (unit: { name: string } | null) => unit?.name ?? `${organ.name}（政务公开办公室）`;
  return (
    <AdminLayout title={`监督检查：${organ.name}`} user={user} csrfToken={csrf} flash={flash}>
      <p><a href="/admin/supervision">返回监督检查</a></p>
      <h1>监督检查：{organ.name}</h1>
      <p>以 {s.today} 为准。结论：<strong>{verdictText(s)}</strong></p>

      <h2>单项否决指标</h2>
      <table class="list">
        <thead><tr><th scope="col">指标</th><th scope="col">本机关情况</th><th scope="col">结果</th></tr></thead>
        <tbody>{s.verdict.vetoes.map((v) => <tr key={v.rule}><th scope="row">{VETO_LABELS[v.rule]}</th><td>{v.measured}</td><td>{v.failed ? '否决' : '通过'}</td></tr>)}</tbody>
      </table>
      <p>扣分：{s.verdict.deductions.length === 0 ? '无' : s.verdict.deductions.map((d) => `${d.item} −${d.points}`).join('；')}。{s.verdict.score !== null ? `得分 ${s.verdict.score}。` : '有单项否决，不再计分。'}本页结论不含断链和严重表述错误，二者见下方最近一次网站检查。</p>
      {children}

      <h2>逾期未更新的栏目（{s.staleNodes.length}）</h2>
      {s.staleNodes.length === 0 ? <p>无。</p> : (
        <table class="list">
          <thead><tr><th scope="col">栏目</th><th scope="col">更新周期</th><th scope="col">情况</th><th scope="col">责任单位</th></tr></thead>
          <tbody>{s.staleNodes.map((n) => <tr key={n.node.id}><th scope="row"><a href={`/admin/organs/${organ.code}/publications/new?node=${n.node.id}`}>{n.node.name}</a></th><td>{CADENCE_LABELS[n.cadence]}</td><td>{freshnessText(n.freshness)}</td><td>{who(n.responsibleUnit)}</td></tr>)}</tbody>
        </table>
      )}

      <h2>空白栏目（{s.emptyNodes.length}）</h2>
      {s.emptyNodes.length === 0 ? <p>无。</p> : (
        <table class="list">
          <thead><tr><th scope="col">栏目</th><th scope="col">责任单位</th></tr></thead>
          <tbody>{s.emptyNodes.map((n) => <tr key={n.node.id}><th scope="row"><a href={`/admin/organs/${organ.code}/publications/new?node=${n.node.id}`}>{n.node.name}</a></th><td>{who(n.responsibleUnit)}</td></tr>)}</tbody>
        </table>
      )}

      <h2 id="missing-matters-h">尚无已发布信息的标准目录事项（{s.matters.missing.length}）</h2>
      {s.matters.total === 0 ? <p>本机关尚未导入基层政务公开标准目录。</p> : s.matters.missing.length === 0 ? <p>无。标准目录事项 {s.matters.total} 项均已有已发布信息。</p> : (
        <>
          <p>标准目录事项共 {s.matters.total} 项，其中 {s.matters.missing.length} 项尚无已发布信息。<a href={`/admin/organs/${organ.code}/supervision/matters`}>查看全部事项公开情况</a></p>
          <table class="list" aria-labelledby="missing-matters-h">
            <thead><tr><th scope="col">事项</th><th scope="col">所在栏目</th><th scope="col">公开时限</th><th scope="col">责任单位</th><th scope="col">操作</th></tr></thead>
            <tbody>
              {s.matters.missing.map((m) => (
                <tr key={m.id}>
                  <th scope="row"><a href={`/admin/organs/${organ.code}/supervision/matters#matter-${m.id}`}>{m.name}</a></th>
                  <td>{m.nodePath.join(' › ')}</td><td>{m.timeLimit}</td><td>{who(m.responsible)}</td>
                  <td><a href={`/admin/organs/${organ.code}/publications/new?matter=${m.id}`} aria-label={`为事项“${m.name}”新增信息`}>新增信息</a></td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}

      <h2 id="pending-reviews">待审核的信息（{s.pendingReviews.length}）</h2>
      {s.pendingReviews.length === 0 ? <p>无。</p> : (
        <>
          <p>与<a href="/admin/review#all-h">待办</a>中“全部审核中的信息”一致，含已发布信息的修订待审核和紧急发布待补充审核的信息；审核人和发布人在待办中办理。</p>
          <table class="list" aria-labelledby="pending-reviews">
            <thead><tr><th scope="col">标题</th><th scope="col">当前环节（负责审核）</th></tr></thead>
            <tbody>{s.pendingReviews.map((p) => <tr key={`${p.id} ${p.waiting}`}><th scope="row"><a href={`/admin/publications/${p.id}`}>{p.title}</a></th><td>{p.waiting}</td></tr>)}</tbody>
          </table>
        </>
      )}

      <h2 id="late-published">今年成文后超过 20 个工作日才发布的信息（{s.latePublished.length}）</h2>
      {s.latePublished.length === 0 ? <p>无。</p> : (
        <table class="list">
          <thead><tr><th scope="col">标题</th><th scope="col">成文日期</th><th scope="col">应发布</th><th scope="col">实际发布</th><th scope="col">报送单位</th></tr></thead>
          <tbody>{s.latePublished.map((p) => <tr key={p.id}><th scope="row"><a href={`/admin/publications/${p.id}`}>{p.title}</a></th><td>{p.formedOn}</td><td>{p.dueOn ?? '—'}</td><td>{p.publishedOn ?? '—'}</td><td>{p.unitName ?? organ.name}</td></tr>)}</tbody>
        </table>
      )}

      <h2>{handles ? '依申请公开、部门信箱与政策解读' : '政策解读'}</h2>
      {!handles && <p>依申请公开和部门信箱由{organ.name}办理，其逾期和即将到期的件数由机关办理人员查看（下属单位不单独办理，《政府信息公开条例》第二十七条）。</p>}
      <table class="list">
        <thead><tr><th scope="col">事项</th><th scope="col">件数</th><th scope="col">负责</th></tr></thead>
        <tbody>
          {handles && <>
          <tr><th scope="row"><a href={`/admin/applications?organ=${organ.code}&view=overdue`}>依申请公开已逾期</a></th><td>{s.applications.overdue}</td><td>{organ.name}（依申请公开承办人）</td></tr>
          <tr><th scope="row"><a href={`/admin/applications?organ=${organ.code}&view=due_soon`}>依申请公开即将到期</a></th><td>{s.applications.dueSoon}</td><td>{organ.name}（依申请公开承办人）</td></tr>
          <tr><th scope="row"><a href={`/admin/letters?organ=${organ.code}&view=overdue`}>留言已逾期</a></th><td>{s.letters.overdue}</td><td>{organ.name}（信箱承办单位）</td></tr>
          <tr><th scope="row"><a href={`/admin/letters?organ=${organ.code}&view=due_soon`}>留言即将到期</a></th><td>{s.letters.dueSoon}</td><td>{organ.name}（信箱承办单位）</td></tr>
          <tr><th scope="row"><a href={`/admin/letters?organ=${organ.code}&view=past_three_months`}>留言超过 3 个月未答复</a></th><td>{s.letters.pastThreeMonths}</td><td>{organ.name}（信箱承办单位）</td></tr>
          </>}
          <tr><th scope="row"><a href={`/admin/organs/${organ.code}/interpretations`}>政策文件超过 {s.uninterpretedPolicies.workingDays} 个工作日仍无政策解读</a></th><td>{s.uninterpretedPolicies.count}</td><td>{organ.name}（文件起草单位，谁起草谁解读）</td></tr>
        </tbody>
      </table>
      <p><a href={`/admin/organs/${organ.code}/supervision/nodes`}>栏目责任与更新周期</a> · <a href={`/admin/organs/${organ.code}/supervision/matters`}>标准目录事项公开情况</a></p>
    </AdminLayout>
  );
}
