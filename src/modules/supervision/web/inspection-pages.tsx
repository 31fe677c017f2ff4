import { AdminLayout, type AdminUser } from '../../../platform/views/admin-layout.tsx';
import { FlashAt, type Flash } from '../../../platform/views/flash.tsx';
import { ErrorSummary, Field, type FieldErrors } from '../../../platform/views/components.tsx';
import { VETO_LABELS } from '../domain/verdict.ts';
import type { Finding, FindingKind, InspectionResult } from '../use-cases/site-inspection.ts';
import type { OpenInspection } from '../use-cases/inspection-runs.ts';
import type { WordingRule } from '../use-cases/wording-rules.ts';
import { chinaTimeOf } from '../../../shared/iso-date.ts';

type OrganRef = { code: string; name: string };
export type LastRun = { finishedAt: string; trigger: 'schedule' | 'manual' | 'cli'; externalLinksChecked: boolean; organ: InspectionResult['organs'][number] };

const TRIGGER = { schedule: '每日定时检查', manual: '后台手动检查', cli: '命令行检查' } as const;
/** Findings only the site inspection produces, in the order they are named (the live page lists the others). */
const SITE_KINDS: FindingKind[] = ['broken_link', 'broken_attachment', 'wording_error', 'undated_item'];
const KIND_LABEL: Partial<Record<FindingKind, string>> = { wording_error: '严重表述错误', broken_link: '断链', broken_attachment: '附件缺失', undated_item: '无发布日期' };
/** Every kind as the organ's page names its section, in the page's order; a counted kind's one finding says its 件数 itself. */
const KIND_NAMES: Record<FindingKind, string> = {
  broken_link: '断链', broken_attachment: '附件缺失', wording_error: '严重表述错误', undated_item: '无发布日期的信息',
  stale_node: '逾期未更新的栏目', empty_node: '空白栏目', missing_matter: '尚无已发布信息的标准目录事项', pending_review: '待审核的信息',
  published_late: '超过 20 个工作日才发布的信息', applications_overdue: '依申请公开已逾期', letters_overdue: '留言已逾期', letters_past_three_months: '留言超过 3 个月未答复',
};
const COUNTED_KINDS = new Set<FindingKind>(['applications_overdue', 'letters_overdue', 'letters_past_three_months']);

/** What was found, kind by kind with its count (逾期未更新的栏目 3 项、依申请公开已逾期 2 件), in the page's order. */
export function findingsByKind(findings: Finding[]): string {
  return (Object.keys(KIND_NAMES) as FindingKind[]).flatMap((kind) => {
    const of = findings.filter((f) => f.kind === kind);
    if (of.length === 0) return [];
    return COUNTED_KINDS.has(kind) ? of.map((f) => `${f.title} ${f.detail}`) : [`${KIND_NAMES[kind]} ${of.length} 项`];
  }).join('、');
}

/** What 立即检查's run found, once it has ended: the verdict, then what was found by kind, so it never reads as more than the page shows. */
export function inspectedText(o: LastRun['organ']): string {
  const v = o.verdict;
  const verdict = v.vetoed ? '有单项否决' : v.passed ? `合格，${v.score} 分` : `不合格，${v.score} 分`;
  return `已完成网站检查：${verdict}。${o.findings.length === 0 ? '未发现问题' : `发现问题 ${o.findings.length} 项：${findingsByKind(o.findings)}`}`;
}

/** The site inspection's own kinds as one phrase (断链、附件缺失或无发布日期的信息). */
const kindsPhrase = (kinds: FindingKind[]) => {
  const names = kinds.map((k) => KIND_NAMES[k]);
  return names.length > 1 ? `${names.slice(0, -1).join('、')}或${names.at(-1)}` : names[0] ?? '';
};

/** China time of an instant, to the minute (e.g. 2026-03-11 02:05). */

export const runVerdictText = (r: LastRun) => {
  const v = r.organ.verdict;
  return v.vetoed ? `不合格（单项否决 ${v.vetoes.filter((x) => x.failed).length} 项）` : v.passed ? `合格（${v.score} 分）` : `不合格（${v.score} 分）`;
};

/** Where 立即检查 brings the organ's page back (#last-run), and tells what the run found. */
export const LAST_RUN = 'last-run';

/**
 * A run queued or running, as the pages tell it: 已排队 with when it was asked for, or 正在检查… with
 * how far it has got (the run records it with each renewal of its lease).
 */
export function openRunText(r: OpenInspection): string {
  const of = r.organCodes.length === 1 ? '' : `，共 ${r.organCodes.length} 个机关`;
  if (r.status === 'queued') return `已排队，等待检查（${TRIGGER[r.trigger]}${r.requestedAt ? `，${chinaTimeOf(r.requestedAt)} 发起` : ''}${of}）。`;
  const organs = r.organCodes.length > 1 ? `已检查完 ${r.organsDone}/${r.organCodes.length} 个机关，` : '';
  return `正在检查…（${TRIGGER[r.trigger]}${r.startedAt ? `，${chinaTimeOf(r.startedAt)} 开始` : ''}；${organs}已读 ${r.itemsRead.toLocaleString('en-US')} 条已发布信息）`;
}

/** What became of the run 立即检查 asked for (the page's ?run=ID), once it has ended. */
export type AskedRun = { state: 'done'; organ: LastRun['organ'] } | { state: 'failed'; error: string };

/** The runs under way, a link to look again, and what became of the run asked for. */
export function RunStatus({ open, asked, again }: { open: OpenInspection[]; asked: AskedRun | string | null; again: string }) {
  return (
    <>
      {asked !== null && (typeof asked === 'string' ? <p role="status">{asked}</p>
        : asked.state === 'done' ? <p role="status">{inspectedText(asked.organ)}</p>
          : <p role="alert">网站检查未能完成：{asked.error}</p>)}
      {open.map((r) => <p key={r.id} role="status">{openRunText(r)}</p>)}
      {open.length > 0 && <p>检查在后台进行，可以离开本页；完成后这里显示结果。<a href={again}>刷新查看进度</a></p>}
    </>
  );
}

/** The organ page's section on the last stored inspection run, with the button to run one now. */
/**
 * `canSeeWording`: whether the person may open the organ's wording list (its staff, mayWorkOn; not a unit's staff).
 * `flash`: the flash addressed to the section (立即检查's outcome), told under its heading where the page lands.
 * `open`: the runs queued or running over the organ (the button is offered only when there is none);
 * `asked`: what became of the run the person's 立即检查 asked for, once ended.
 */
export function LastRunSection({ organ, run, csrf, canRun, canSeeWording, flash = null, open = [], asked = null, again = `/admin/supervision/${organ.code}#${LAST_RUN}` }: {
  organ: OrganRef; run: LastRun | null; csrf: string; canRun: boolean; canSeeWording: boolean; flash?: Flash | null; open?: OpenInspection[]; asked?: AskedRun | null; again?: string;
}) {
  const findings = run ? run.organ.findings.filter((f) => SITE_KINDS.includes(f.kind)) : [];
  const notFound = SITE_KINDS.filter((k) => !findings.some((f) => f.kind === k));
  const others = run ? run.organ.findings.filter((f) => !SITE_KINDS.includes(f.kind)) : [];
  return (
    <section aria-labelledby={LAST_RUN}>
      <h2 id={LAST_RUN}>最近一次网站检查</h2>
      <FlashAt flash={flash} />
      <RunStatus open={open} asked={asked} again={again} />
      {run === null ? <p>尚未检查过。每日 2:00 后自动检查一次。</p> : (
        <>
          <p>
            {chinaTimeOf(run.finishedAt)}（北京时间，{TRIGGER[run.trigger]}）：<strong>{runVerdictText(run)}</strong>。
            {run.externalLinksChecked ? '站内链接、附件和站外链接均已检查。' : '本次未检查站外链接。'}
          </p>
          {run.organ.verdict.vetoes.filter((v) => v.failed).map((v) => <p key={v.rule}>否决：{VETO_LABELS[v.rule]}（{v.measured}）</p>)}
          {findings.length > 0 && (
            <table class="list">
              <thead><tr><th scope="col">问题</th><th scope="col">信息</th><th scope="col">情况</th><th scope="col">责任单位</th></tr></thead>
              <tbody>{findings.map((f, i) => <tr key={i}><td>{KIND_LABEL[f.kind]}</td><th scope="row"><a href={f.href}>{f.title}</a></th><td>{f.detail}</td><td>{f.responsible}</td></tr>)}</tbody>
            </table>
          )}
          {notFound.length > 0 && <p>未发现{kindsPhrase(notFound)}。</p>}
          {others.length > 0 && <p>本次检查发现的其他问题（{findingsByKind(others)}）见本页下方各节，以当前情况为准。</p>}
        </>
      )}
      {canRun && open.length === 0 && (
        <form method="post" action={`/admin/supervision/${organ.code}/inspect`}>
          <input type="hidden" name="_csrf" value={csrf} />
          <button class="btn" type="submit">立即检查</button>
        </form>
      )}
      {canSeeWording && <p><a href={`/admin/organs/${organ.code}/supervision/wording`}>严重表述错误清单</a></p>}
    </section>
  );
}

/** The organ's list of serious wording errors, with the form to add one. */
export function WordingRulesPage({ user, csrf, flash, organ, own, inherited, canEdit, errors, values }: {
  user: AdminUser; csrf: string; flash: Flash | null; organ: OrganRef; own: WordingRule[]; inherited: (WordingRule & { organName: string })[]; canEdit: boolean; errors: FieldErrors; values: Record<string, string>;
}) {
  const v = (k: string) => values[k] ?? '';
  return (
    <AdminLayout title={`严重表述错误清单：${organ.name}`} user={user} csrfToken={csrf} flash={flash}>
      <p><a href={`/admin/supervision/${organ.code}`}>返回监督检查</a></p>
      <h1>严重表述错误清单：{organ.name}</h1>
      <p>网站检查在已发布信息的标题和正文中查找下列错误表述（如领导姓名、机构名称错误）。发现一处即为“严重表述错误”，属单项否决。</p>
      <table class="list">
        <caption>本机关的清单（{own.length}）</caption>
        <thead><tr><th scope="col">错误表述</th><th scope="col">正确表述</th><th scope="col">说明</th>{canEdit && <th scope="col">操作</th>}</tr></thead>
        <tbody>
          {own.map((r) => (
            <tr key={r.id}>
              <th scope="row">{r.wrongPhrase}</th><td>{r.correctPhrase}</td><td>{r.note}</td>
              {canEdit && (
                <td>
                  <form method="post" action={`/admin/organs/${organ.code}/supervision/wording/${r.id}/delete`}>
                    <input type="hidden" name="_csrf" value={csrf} />
                    <button class="btn" type="submit" aria-label={`删除“${r.wrongPhrase}”`}>删除</button>
                  </form>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {own.length === 0 && <p>本机关尚未设置。</p>}
      {inherited.length > 0 && (
        <table class="list">
          <caption>上级机关的清单（同样适用）</caption>
          <thead><tr><th scope="col">错误表述</th><th scope="col">正确表述</th><th scope="col">说明</th><th scope="col">设置机关</th></tr></thead>
          <tbody>{inherited.map((r) => <tr key={r.id}><th scope="row">{r.wrongPhrase}</th><td>{r.correctPhrase}</td><td>{r.note}</td><td>{r.organName}</td></tr>)}</tbody>
        </table>
      )}
      {canEdit && (
        <>
          <h2>添加</h2>
          <ErrorSummary errors={errors} />
          <form method="post" action={`/admin/organs/${organ.code}/supervision/wording`} novalidate>
            <input type="hidden" name="_csrf" value={csrf} />
            <Field name="wrongPhrase" label="错误表述" errors={errors} hint="如已调整的领导姓名、机构旧称或常见错字">
              <input id="f-wrongPhrase" name="wrongPhrase" value={v('wrongPhrase')} maxlength={100} />
            </Field>
            <Field name="correctPhrase" label="正确表述" errors={errors}>
              <input id="f-correctPhrase" name="correctPhrase" value={v('correctPhrase')} maxlength={100} />
            </Field>
            <Field name="note" label="说明（可不填）" errors={errors}>
              <input id="f-note" name="note" value={v('note')} maxlength={200} />
            </Field>
            <button class="btn" type="submit">添加</button>
          </form>
        </>
      )}
    </AdminLayout>
  );
}
