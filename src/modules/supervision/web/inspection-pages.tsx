import { AdminLayout, type AdminUser } from '../../../platform/views/admin-layout.tsx';
import { FlashAt, type Flash } from '../../../platform/views/flash.tsx';
import { ErrorSummary, Field, type FieldErrors } from '../../../platform/views/components.tsx';
import { VETO_LABELS } from '../domain/verdict.ts';
import type { InspectionResult } from '../use-cases/site-inspection.ts';
import type { WordingRule } from '../use-cases/wording-rules.ts';
import { chinaTimeOf } from '../../../shared/iso-date.ts';

type OrganRef = { code: string; name: string };
export type LastRun = { finishedAt: string; trigger: 'schedule' | 'manual' | 'cli'; externalLinksChecked: boolean; organ: InspectionResult['organs'][number] };

const TRIGGER = { schedule: '每日定时检查', manual: '后台手动检查', cli: '命令行检查' } as const;
/** Findings only the site inspection produces (the live page lists the others). */
const SITE_KINDS = new Set(['wording_error', 'broken_link', 'broken_attachment', 'undated_item']);
const KIND_LABEL: Record<string, string> = { wording_error: '严重表述错误', broken_link: '断链', broken_attachment: '附件缺失', undated_item: '无发布日期' };

/** China time of an instant, to the minute (e.g. 2026-03-11 02:05). */

export const runVerdictText = (r: LastRun) => {
  const v = r.organ.verdict;
  return v.vetoed ? `不合格（单项否决 ${v.vetoes.filter((x) => x.failed).length} 项）` : v.passed ? `合格（${v.score} 分）` : `不合格（${v.score} 分）`;
};

/** Where 立即检查 brings the organ's page back (#last-run), and tells what the run found. */
export const LAST_RUN = 'last-run';

/** The organ page's section on the last stored inspection run, with the button to run one now. */
/**
 * `canSeeWording`: whether the person may open the organ's wording list (its staff, mayWorkOn; not a unit's staff).
 * `flash`: the flash addressed to the section (立即检查's outcome), told under its heading where the page lands.
 */
export function LastRunSection({ organ, run, csrf, canRun, canSeeWording, flash = null }: { organ: OrganRef; run: LastRun | null; csrf: string; canRun: boolean; canSeeWording: boolean; flash?: Flash | null }) {
  const findings = run ? run.organ.findings.filter((f) => SITE_KINDS.has(f.kind)) : [];
  return (
    <section aria-labelledby={LAST_RUN}>
      <h2 id={LAST_RUN}>最近一次网站检查</h2>
      <FlashAt flash={flash} />
      {run === null ? <p>尚未检查过。每日 2:00 后自动检查一次。</p> : (
        <>
          <p>
            {chinaTimeOf(run.finishedAt)}（北京时间，{TRIGGER[run.trigger]}）：<strong>{runVerdictText(run)}</strong>。
            {run.externalLinksChecked ? '站内链接、附件和站外链接均已检查。' : '本次未检查站外链接。'}
          </p>
          {run.organ.verdict.vetoes.filter((v) => v.failed).map((v) => <p key={v.rule}>否决：{VETO_LABELS[v.rule]}（{v.measured}）</p>)}
          {findings.length === 0 ? <p>未发现断链、严重表述错误或无发布日期的信息。</p> : (
            <table class="list">
              <thead><tr><th scope="col">问题</th><th scope="col">信息</th><th scope="col">情况</th><th scope="col">责任单位</th></tr></thead>
              <tbody>{findings.map((f, i) => <tr key={i}><td>{KIND_LABEL[f.kind]}</td><th scope="row"><a href={f.href}>{f.title}</a></th><td>{f.detail}</td><td>{f.responsible}</td></tr>)}</tbody>
            </table>
          )}
        </>
      )}
      {canRun && (
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
