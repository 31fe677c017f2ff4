import { AdminLayout } from '../../../platform/views/admin-layout.tsx';
import { ErrorSummary, Field, type FieldErrors } from '../../../platform/views/components.tsx';
import { CSV_ORGAN, CSV_YEAR } from '../domain/inputs-csv.ts';
import type { Reminder } from '../domain/reminders.ts';
import { APPLICANT_TYPES, TEXT_SECTIONS, columnLabel, sectionTitle } from '../domain/report-format.ts';
import { STATUS_LABELS, VERB_LABELS, type ReportVerb } from '../domain/report-workflow.ts';
import { reportTitle } from '../export/report-document.ts';
import { EXPORT_FORMATS } from '../export/render-report.ts';
import type { ReportInputs } from '../storage/inputs-repository.ts';
import type { ReportContext } from '../use-cases/report-context.ts';
import { ENTERED_CELLS } from '../use-cases/save-report-inputs.ts';
import { ChecksList, DocumentView, ReportStyles, ReminderNotice } from './report-parts.tsx';
import type { StaffContext } from '../../catalog/index.ts';

export type VerbState = { verb: ReportVerb; ok: boolean; reasons: string[] };
export type FailedForm = { form: 'sections' | 'inputs' | 'previous' | 'csv' | 'verb'; verb?: ReportVerb | 'open'; errors: FieldErrors; values: Record<string, string> };

/**
 * Each form's id on the page. A form posts to an address ending in its id (…/verbs/VERB#verb-VERB, as a case's
 * verbs do), so a refused form, rendered again with what was typed, opens at that form, not at the page's top.
 */
export const formPlace = (form: Exclude<FailedForm['form'], 'verb' | 'sections'> | `verb-${ReportVerb | 'open'}`) => (form.startsWith('verb-') ? form : `report-${form}`);
const verbPlace = (verb: ReportVerb | 'open') => formPlace(`verb-${verb}`);

export const sectionField = (no: string) => `section-${no}`;
export const reportPath = (code: string, year: number) => `/admin/organs/${code}/annual-reports/${year}`;

const Hidden = ({ staff, ctx }: { staff: StaffContext; ctx: ReportContext }) => (
  <>
    <input type="hidden" name="_csrf" value={staff.csrf} />
    {ctx.current && <input type="hidden" name="versionNo" value={String(ctx.current.versionNo)} />}
    {ctx.current && <input type="hidden" name="rowVersion" value={String(ctx.current.rowVersion)} />}
  </>
);

/** The reasons a verb was refused, at its form (the summary at the top says them too). */
const Refused = ({ failed, verb }: { failed: FailedForm | null; verb: ReportVerb | 'open' }) =>
  failed?.form === 'verb' && failed.verb === verb ? <ul class="refusals">{Object.values(failed.errors).map((m) => <li key={m} class="error-message">{m}</li>)}</ul> : null;

function Actions({ staff, ctx, verbs, failed }: { staff: StaffContext; ctx: ReportContext; verbs: VerbState[]; failed: FailedForm | null }) {
  const base = reportPath(ctx.organ.code, ctx.year);
  if (!ctx.current) {
    return (
      <form method="post" action={`${base}/open#${verbPlace('open')}`} id={verbPlace('open')}>
        <Refused failed={failed} verb="open" />
        <input type="hidden" name="_csrf" value={staff.csrf} />
        <button type="submit" class="btn">开始编制（按数据起草正文）</button>
      </form>
    );
  }
  return (
    <div class="report-actions">
      {verbs.filter((v) => v.verb !== 'edit' && v.verb !== 'redraft').map((v) => (
        <form method="post" action={`${base}/verbs/${v.verb}#${verbPlace(v.verb)}`} id={verbPlace(v.verb)} key={v.verb}>
          <Hidden staff={staff} ctx={ctx} />
          <Refused failed={failed} verb={v.verb} />
          {v.verb === 'correct' && (
            <Field name="note" label="更正说明" errors={{}} required hint="写明更正了什么、为什么更正；将随新版本公开">
              <textarea id="f-note" name="note" rows={2} cols={50}>{failed?.form === 'verb' && failed.verb === 'correct' ? (failed.values.note ?? '') : ''}</textarea>
            </Field>
          )}
          <button type="submit" class={v.verb === 'return' ? 'btn btn-secondary' : 'btn'} disabled={!v.ok}>{VERB_LABELS[v.verb]}</button>
          {!v.ok && v.reasons.length > 0 && <ul class="refusals">{v.reasons.map((r) => <li key={r}>{r}</li>)}</ul>}
        </form>
      ))}
    </div>
  );
}

function SectionsForm({ staff, ctx, verbs, failed }: { staff: StaffContext; ctx: ReportContext; verbs: VerbState[]; failed: FailedForm | null }) {
  const base = reportPath(ctx.organ.code, ctx.year);
  const editable = ctx.current?.status === 'draft' && verbs.some((v) => v.verb === 'edit' && v.ok);
  const errors = failed?.form === 'sections' ? failed.errors : {};
  const text = (no: string) => (failed?.form === 'sections' ? failed.values[sectionField(no)] : undefined) ?? ctx.report.sections[no] ?? '';
  return (
    <section aria-labelledby="h-text">
      <h2 id="h-text">正文（第一、五、六部分）</h2>
      {!editable && <p class="hint">{ctx.current ? `${STATUS_LABELS[ctx.current.status]}的报告不能修改正文${ctx.current.status === 'in_review' ? '，需要修改请由管理员退回' : ''}。` : '开始编制后可以修改正文。'}</p>}
      <form method="post" action={`${base}/verbs/edit#${verbPlace('edit')}`} id={verbPlace('edit')}>
        <Hidden staff={staff} ctx={ctx} />
        <fieldset disabled={!editable} class="plain">
          {TEXT_SECTIONS.map((no) => (
            <Field name={sectionField(no)} label={`${no}、${sectionTitle(no)}`} errors={errors} key={no} hint={no === '一' ? '引用的数字须与表格一致（发布前自动核对）' : undefined}>
              <textarea id={`f-${sectionField(no)}`} name={sectionField(no)} rows={no === '一' ? 14 : 6} class="full-width">{text(no)}</textarea>
            </Field>
          ))}
          <button type="submit" class="btn">保存正文</button>
        </fieldset>
      </form>
      {editable && (
        <form method="post" action={`${base}/verbs/redraft#${verbPlace('redraft')}`} class="gap-above-small" id={verbPlace('redraft')}>
          <Hidden staff={staff} ctx={ctx} />
          <Refused failed={failed} verb="redraft" />
          <button type="submit" class="btn btn-secondary">按最新数据重新起草（覆盖以上正文）</button>
        </form>
      )}
    </section>
  );
}

function InputsForms({ staff, ctx, inputs, previous, failed }: {
  staff: StaffContext; ctx: ReportContext; inputs: ReportInputs | null; previous: { published: boolean; carriedOut: Record<string, number> | null }; failed: FailedForm | null;
}) {
  const base = reportPath(ctx.organ.code, ctx.year);
  const err = (form: FailedForm['form']) => (failed?.form === form ? failed.errors : {});
  const typed = (form: FailedForm['form'], name: string, fallback: string) => (failed?.form === form ? (failed.values[name] ?? '') : fallback);
  return (
    <section aria-labelledby="h-inputs" class="report-figures report-staff-only">
      <h2 id="h-inputs">表（二）中来自其他系统的数字（{ctx.year}年）</h2>
      <p class="hint">规章、行政规范性文件的件数由公开目录中的文件自动统计；以下数字来自审批、执法、财政等系统，请录入或导入。留空表示尚未录入。</p>
      <ErrorSummary errors={{ ...err('inputs'), ...err('csv'), ...err('previous') }} />
      {ctx.current?.status === 'published' ? (
        <>
          {/* The published report's own (frozen) figures, as its text below shows them. */}
          <p class="hint">已发布的报告不能直接修改这些数字，需要修改请“发起更正”（机关管理员），在更正版本中修改。</p>
          <table class="meta-table" id="entered-figures">
            <tbody>{ENTERED_CELLS.map((c) => <tr key={c.row}><th scope="row">{c.row}（{c.column}）</th><td>{String(ctx.report.figures.proactive[c.row]?.[c.column] ?? '未录入')}</td></tr>)}</tbody>
          </table>
        </>
      ) : <>
      <form method="post" action={`${base}/inputs#${formPlace('inputs')}`} id={formPlace('inputs')}>
        <input type="hidden" name="_csrf" value={staff.csrf} />
        <div class="columns-2">
          {ENTERED_CELLS.map((c) => (
            <Field name={c.row} label={`${c.row}（${c.column}）`} errors={err('inputs')} key={c.row}>
              <input id={`f-${c.row}`} name={c.row} inputMode="decimal" value={typed('inputs', c.row, inputs?.proactive[c.row] !== undefined ? String(inputs.proactive[c.row]) : '')} />
            </Field>
          ))}
        </div>
        <button type="submit" class="btn">保存数字</button>
      </form>
      <form method="post" action={`${base}/import#${formPlace('csv')}`} enctype="multipart/form-data" class="gap-above" id={formPlace('csv')}>
        <input type="hidden" name="_csrf" value={staff.csrf} />
        <Field name="csv" label="从 CSV 文件导入" errors={err('csv')} hint={`第一行为表头：${CSV_YEAR}、${ENTERED_CELLS.map((c) => c.row).join('、')}，可加“${CSV_ORGAN}”列一次导入多个机关；UTF-8 或 GBK 编码均可。`}>
          <input id="f-csv" type="file" name="file" accept=".csv,text/csv" />
        </Field>
        <button type="submit" class="btn btn-secondary">导入</button>
      </form>
      </>}

      <h2 id="h-previous">{ctx.year - 1}年度表（三）“四、结转下年度继续办理”</h2>
      {previous.published ? (
        <p>{ctx.year - 1}年度报告已在本平台发布，上年结转数按其核对。</p>
      ) : (
        <form method="post" action={`${base}/previous#${formPlace('previous')}`} id={formPlace('previous')}>
          <input type="hidden" name="_csrf" value={staff.csrf} />
          <p class="hint">{ctx.year - 1}年度报告不是在本平台发布的。请按已公布的{ctx.year - 1}年度报告录入，用于核对本年“二、上年结转”。{previous.carriedOut ? '' : '（尚未录入）'}</p>
          <div class="columns-2">
            {APPLICANT_TYPES.map((c) => (
              <Field name={c} label={columnLabel(c)} errors={err('previous')} key={c}>
                <input id={`f-${c}`} name={c} inputMode="numeric" value={typed('previous', c, previous.carriedOut ? String(previous.carriedOut[c] ?? '') : '')} />
              </Field>
            ))}
          </div>
          <button type="submit" class="btn">保存{ctx.year - 1}年度数字</button>
        </form>
      )}
    </section>
  );
}

function Versions({ ctx }: { ctx: ReportContext }) {
  if (!ctx.versions.length) return null;
  return (
    <section aria-labelledby="h-versions">
      <h2 id="h-versions">版本</h2>
      <table class="list">
        <thead><tr><th scope="col">版本</th><th scope="col">状态</th><th scope="col">发布日期</th><th scope="col">更正说明</th></tr></thead>
        <tbody>
          {[...ctx.versions].reverse().map((v) => (
            <tr key={v.id}>
              <td>第{v.versionNo}版</td>
              <td class={`status-${v.status}`}>{STATUS_LABELS[v.status]}</td>
              <td>{v.publishedOn ?? '—'}</td>
              <td>{v.note || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The staff page of one organ-year's report: checks, verbs, text, entered figures, preview, versions. */
export function ReportPage({ staff, ctx, verbs, reminder, documentHtml, inputs, previous, failed }: {
  staff: StaffContext; ctx: ReportContext; verbs: VerbState[]; reminder: Reminder | null; documentHtml: string; inputs: ReportInputs | null;
  previous: { published: boolean; carriedOut: Record<string, number> | null }; failed: FailedForm | null;
}) {
  const title = reportTitle(ctx.organ.name, ctx.year);
  const base = reportPath(ctx.organ.code, ctx.year);
  const status = ctx.current ? `${STATUS_LABELS[ctx.current.status]} · 第${ctx.current.versionNo}版` : '尚未开始编制（以下为按当前数据生成的预览）';
  return (
    <AdminLayout title={title} user={staff.user} csrfToken={staff.csrf} flash={staff.flash}>
      <ReportStyles />
      <p class="report-staff-only"><a href={`/admin/organs/${ctx.organ.code}/annual-reports`}>← {ctx.organ.name}的年度报告</a></p>
      <h1>{title}</h1>
      <p>状态：<strong class={`status-${ctx.current?.status ?? 'draft'}`} id="report-status">{status}</strong></p>
      <ReminderNotice reminder={reminder} />
      {ctx.changedSincePublished && <p class="notice" role="status">报告发布后，本年度的数据又有变化。已发布的报告保持不变；如需更正，请“发起更正”生成新版本。</p>}
      {ctx.warnings.length > 0 && <div class="notice notice-info"><p>数据提示：</p><ul>{ctx.warnings.map((w) => <li key={w}>{w}</li>)}</ul></div>}
      {failed?.form === 'verb' && <ErrorSummary errors={failed.errors} />}
      <nav class="report-staff-only" aria-label="导出">
        导出：{EXPORT_FORMATS.map((f) => <> <a href={`${base}/export?format=${f}`}>{f === 'html' ? '网页' : f.toUpperCase()}</a></>)}
        {ctx.published && <> · <a href={`/organs/${ctx.organ.code}/annual-reports/${ctx.year}`}>在门户查看已发布版本</a></>}
        {ctx.organ.kind === 'government' && <> · <a href={`${base}/county`}>县级汇总</a></>}
      </nav>
      <ChecksList checks={ctx.report.checks} />
      <section aria-labelledby="h-actions" class="report-staff-only">
        <h2 id="h-actions">操作</h2>
        <Actions staff={staff} ctx={ctx} verbs={verbs} failed={failed} />
      </section>
      <SectionsForm staff={staff} ctx={ctx} verbs={verbs} failed={failed} />
      <InputsForms staff={staff} ctx={ctx} inputs={inputs} previous={previous} failed={failed} />
      <section aria-labelledby="h-preview">
        <h2 id="h-preview">报告{ctx.current?.status === 'published' ? '（已发布版本）' : '预览'}</h2>
        <DocumentView html={documentHtml} />
      </section>
      <Versions ctx={ctx} />
    </AdminLayout>
  );
}
