import { AdminLayout } from '../../../platform/views/admin-layout.tsx';
import { ErrorSummary, Field, type FieldErrors } from '../../../platform/views/components.tsx';
import type { Organ, StaffContext } from '../../catalog/index.ts';
import { EXPORT_FORMATS } from '../domain/export-document.ts';
import { DRY_RUN_KEPT_MINUTES, type ImportJob } from '../use-cases/import-jobs.ts';

const FORMAT_LABELS: Record<(typeof EXPORT_FORMATS)[number], string> = { json: 'JSON', csv: 'CSV（表格，不含目录）', xlsx: 'Excel（.xlsx，含目录表）' };

/** The organs whose content the person may import and export (their administrators'). */
export function TransferIndexPage({ scope, organs, unitsLeftOut = 0 }: {
  scope: StaffContext; organs: Organ[];
  /** How many units without catalog the person administers, left out: their items are imported into their organ's catalog. */
  unitsLeftOut?: number;
}) {
  return (
    <AdminLayout title="导入与导出" user={scope.user} csrfToken={scope.csrf} flash={scope.flash}>
      <h1>导入与导出</h1>
      <p>把旧网站和表格中的信息导入本机关的公开目录，或把公开目录和已发布信息导出为开放格式。各列的写法和示例见各机关导入页可下载的 Excel 模板中的“填写说明”表。</p>
      {organs.length === 0 ? <p>您不是任何机关的管理员。</p> : (
        <ul>{organs.map((o) => <li key={o.id}><a href={`/admin/organs/${o.code}/transfer`}>{o.name}</a></li>)}</ul>
      )}
      {unitsLeftOut > 0 && <p class="hint">下属单位没有目录栏目，其信息在所属机关的目录中发布，请在所属机关导入。</p>}
    </AdminLayout>
  );
}

export type ImportFormValues = { mode: 'published' | 'draft'; dryRun: boolean; allowDuplicates: boolean };

/** One organ's import form and export links. */
/** Why a unit without a catalog imports nothing (its page, and an import posted there anyway). */
export const unitWithoutCatalogMessage = (unit: Organ, organ: Organ) =>
  `${unit.name}没有自己的公开目录，报送的信息由${organ.name}发布。请在${organ.name}的导入与导出中导入。`;

export function TransferPage({ scope, organ, publishedBy, values, errors }: {
  scope: StaffContext; organ: Organ; values: ImportFormValues; errors: FieldErrors;
  /** The organ that publishes a unit's items when the unit has no catalog of its own (then no import here). */
  publishedBy: Organ | null;
}) {
  const base = `/admin/organs/${organ.code}/transfer`;
  if (publishedBy) {
    return (
      <AdminLayout title={`导入与导出：${organ.name}`} user={scope.user} csrfToken={scope.csrf} flash={scope.flash}>
        <h1>导入与导出：{organ.name}</h1>
        <p>{organ.name}没有自己的公开目录，报送的信息由{publishedBy.name}发布，导入和导出都在那里进行：
          {scope.canAdmin(publishedBy)
            ? <a href={`/admin/organs/${publishedBy.code}/transfer`}>{publishedBy.name}的导入与导出</a>
            : <>请联系{publishedBy.name}的机关管理员。</>}</p>
        <p><a href="/admin/transfer">返回</a></p>
      </AdminLayout>
    );
  }
  return (
    <AdminLayout title={`导入与导出：${organ.name}`} user={scope.user} csrfToken={scope.csrf} flash={scope.flash}>
      <h1>导入与导出：{organ.name}</h1>
      <ErrorSummary errors={errors} />
      <section class="panel" aria-labelledby="import-h">
        <h2 id="import-h">导入信息</h2>
        <p>信息文件可以是 JSON、CSV 或 Excel（.xlsx），每行一条信息，列为 索引号、标题、成文日期、发布日期、五公开、目录、附件、正文 等。
          任何一行有错误时不导入任何内容，并列出全部错误及其行号；可以先“只检查”。</p>
        <p>下载空白模板：<a href={`${base}/template.xlsx`}>Excel（.xlsx，含填写说明和本机关栏目）</a>、<a href={`${base}/template.csv`}>CSV（仅列名）</a>。
          模板只有列名行，没有示例数据，原样上传不会导入任何内容；各列的写法和示例见 Excel 模板的“填写说明”表。</p>
        <form method="post" action={`${base}/import`} enctype="multipart/form-data" novalidate>
          <input type="hidden" name="_csrf" value={scope.csrf} />
          <fieldset>
            <legend>导入为</legend>
            <label class="block-label"><input type="radio" id="f-mode" name="mode" value="published" checked={values.mode === 'published'} /> 已发布的历史信息（保留原发布日期和索引号；经隐私与保密扫描无须处理的直接公开，发现个人信息等的作为草稿导入、待审核）</label>
            <label class="block-label"><input type="radio" name="mode" value="draft" checked={values.mode === 'draft'} /> 草稿（经审核流程后发布）</label>
          </fieldset>
          <p><label><input type="checkbox" id="f-dryRun" name="dryRun" value="1" checked={values.dryRun} /> 只检查，不导入（试导入）</label></p>
          {/* Found by an outside tester: a second upload of rows without 索引号 published every item twice. */}
          <p><label><input type="checkbox" id="f-allowDuplicates" name="allowDuplicates" value="1" checked={values.allowDuplicates} aria-describedby="f-allowDuplicates-hint" /> 仍导入疑似重复的行</label>
            <span class="hint" id="f-allowDuplicates-hint">　与本机关已有信息或文件中其他行的标题、文号、成文日期和发布日期都相同的行，默认不导入（整个文件不导入，并列出这些行）；确属不同信息时才勾选</span></p>
          <Field name="file" label="信息文件" errors={errors} required hint=".json、.csv 或 .xlsx">
            <input id="f-file" name="file" type="file" accept=".json,.csv,.xlsx" />
          </Field>
          <Field name="attachments" label="附件压缩包（可选）" errors={errors} hint="一个 .zip 文件（Windows“发送到→压缩文件夹”、WinRAR、360压缩等打包的中文文件名均可识别），其中的文件名与信息文件“附件”列一致；整个上传不超过 50 MB，更大的请用命令行导入">
            <input id="f-attachments" name="attachments" type="file" accept=".zip" />
          </Field>
          <button class="btn" type="submit">开始</button>
        </form>
      </section>
      <section class="panel" aria-labelledby="export-h">
        <h2 id="export-h">导出公开目录和已发布信息</h2>
        <p>导出的文件可以原样导入另一套系统（JSON 和 Excel 含目录结构）。</p>
        <ul>
          {EXPORT_FORMATS.map((f) => <li key={f}><a href={`${base}/export.${f}`}>下载 {FORMAT_LABELS[f]}</a></li>)}
          <li><a href={`${base}/export-attachments.zip`}>下载全部附件（.zip）</a></li>
        </ul>
      </section>
      <p><a href="/admin/transfer">返回</a></p>
    </AdminLayout>
  );
}

/** Up to how many imported items the import's page links one by one (more: the list of the organ's items). */
const WRITTEN_LISTED = 20;

/**
 * An import's page: refreshed every 2 seconds (Refresh header) while it runs, then its report. The
 * frame needs only the person's name and CSRF token, which a running job keeps (ImportJobs.watchedBy).
 */
export function ImportJobPage({ scope, organCode, job, canImport, refused }: {
  scope: Pick<StaffContext, 'user' | 'csrf' | 'flash'>; organCode: string; job: ImportJob;
  /** A clean dry run whose files are still kept: its page offers 正式导入 (ImportJobs.importAfterDryRun). */
  canImport: boolean;
  /** Why 正式导入 could not start (the files are no longer kept). */
  refused?: string;
}) {
  const r = job.report;
  const pct = job.total ? Math.floor((job.done / job.total) * 100) : 0;
  const title = job.state === 'running' ? '正在导入' : job.state === 'failed' ? '导入失败' : r?.ok ? (r.dryRun ? '检查通过' : '导入完成') : '未导入：文件有错误';
  return (
    <AdminLayout title={`${title}：${job.fileName}`} user={scope.user} csrfToken={scope.csrf} flash={scope.flash}>
      <h1>{title}：{job.fileName}</h1>
      {job.state === 'running' && (
        <div role="status">
          <p>{job.phase === 'check' ? '正在检查' : '正在写入'}：第 {job.done} / {job.total} 条（{pct}%）。本页每 2 秒自动刷新。</p>
          <progress max={Math.max(job.total, 1)} value={job.done} aria-label="导入进度">{pct}%</progress>
        </div>
      )}
      {job.state === 'failed' && <p role="alert">导入没有完成，未写入任何内容：{job.error}</p>}
      {r && r.ok && (
        <p role="status">{r.dryRun ? `检查通过，未写入任何内容：${r.items} 条信息可以导入` : `已导入 ${r.items} 条信息，作为${r.mode === 'published' ? '已发布信息' : '草稿'}`}
          （{r.attachments} 个附件{r.nodesCreated ? `，新建栏目 ${r.nodesCreated} 个` : ''}{r.redirects ? `，原网址转向 ${r.redirects} 条` : ''}）。
          {r.mode === 'published' && r.heldBack.length > 0 && (r.dryRun
            ? `其中 ${r.heldBack.length} 条经隐私与保密扫描发现须处理的内容，导入时不发布，作为草稿待审核；其余 ${r.items - r.heldBack.length} 条直接发布。`
            : `其中已发布 ${r.published} 条；${r.heldBack.length} 条经隐私与保密扫描发现须处理的内容，未发布，已作为草稿导入，待报送审核。`)}</p>
      )}
      {refused && <p role="alert">{refused}</p>}
      {/* Found by an outside tester: after 只检查 passed, importing meant choosing the files again. */}
      {r && r.ok && r.dryRun && (
        job.importedAs
          ? <p>已按本次检查的文件正式导入：<a href={`/admin/organs/${organCode}/transfer/jobs/${job.importedAs}`}>查看导入结果</a></p>
          : canImport
            ? (
              <form method="post" action={`/admin/organs/${organCode}/transfer/jobs/${job.id}/import`}>
                <input type="hidden" name="_csrf" value={scope.csrf} />
                <p>可以直接导入刚才检查的文件，不必重新选择；导入时会再检查一次，有错误则不导入任何内容。检查过的文件保留 {DRY_RUN_KEPT_MINUTES} 分钟。</p>
                <button class="btn" type="submit">正式导入，作为{r.mode === 'published' ? '已发布信息' : '草稿'}</button>
              </form>
            )
            : !refused && <p>检查过的文件已不再保留。如需导入，请回到导入与导出重新选择文件，并取消“只检查”。</p>
      )}
      {/* What it wrote (found by an outside tester: the page linked nowhere): each item when few, and always the organ's list, where they come first (most recently changed). */}
      {r && r.ok && !r.dryRun && r.written.length > 0 && (
        <section aria-labelledby="import-written-h">
          <h2 id="import-written-h">导入的信息</h2>
          <p><a href={`/admin/publications?organ=${organCode}&status=${r.mode === 'published' ? 'published' : 'draft'}`}>在信息管理中查看本机关的{r.mode === 'published' ? '已发布信息' : '草稿'}</a>
            （按修改时间排列，本次导入的 {r.written.length} 条在最前{r.mode === 'draft' ? '；草稿须逐条填写保密审查表后报送审核' : ''}）</p>
          {/* Each by its row, as every table of the report (an outside tester could not tell which row became which item). */}
          {r.written.length <= WRITTEN_LISTED && (
            <table class="list" id="import-written" aria-labelledby="import-written-h">
              <thead><tr><th scope="col">位置</th><th scope="col">信息</th></tr></thead>
              <tbody>{r.written.map((w) => <tr key={w.id}><td class="nowrap">{w.at}</td><td><a href={`/admin/publications/${w.id}`}>{w.title}</a></td></tr>)}</tbody>
            </table>
          )}
          {r.heldBack.length > 0 && <p><a href={`/admin/publications?organ=${organCode}&status=draft`}>在信息管理中查看本机关的草稿</a>（未发布的 {r.heldBack.length} 条在其中）</p>}
        </section>
      )}
      {/* Published history the scan held back (WARN_TRANSFER_HELD_FOR_REVIEW): which, and why. */}
      {r && r.ok && r.heldBack.length > 0 && (
        <table class="list" id="held-back">
          <caption>{r.dryRun ? `导入时不发布、作为草稿待审核的信息（${r.heldBack.length} 条）` : `未发布、已作为草稿待报送审核的信息（${r.heldBack.length} 条）`}</caption>
          <thead><tr><th scope="col">位置</th><th scope="col">信息</th><th scope="col">原因</th></tr></thead>
          <tbody>{r.heldBack.map((h) => (
            <tr key={h.at}><td class="nowrap">{h.at}</td><td>{h.id === null ? h.title : <a href={`/admin/publications/${h.id}`}>{h.title}</a>}</td><td>{h.message}</td></tr>
          ))}</tbody>
        </table>
      )}
      {/* What the review scan found, field by field: masked, never the personal data itself. */}
      {r && r.findings.length > 0 && (
        <table class="list" id="scan-findings">
          <caption>隐私与保密扫描发现（{r.findings.length} 处；个人信息只显示遮盖后的内容）</caption>
          <thead><tr><th scope="col">位置</th><th scope="col">信息</th><th scope="col">字段</th><th scope="col">类型</th><th scope="col">内容</th><th scope="col">处理</th></tr></thead>
          <tbody>{r.findings.map((f, i) => (
            <tr key={i}><td class="nowrap">{f.at}</td><td>{f.title}</td><td>{f.field}</td><td>{f.kind}</td><td>{f.excerpt}</td>
              <td>{f.type === 'classified_marking' ? '不得导入：须先依法解密或确认标志有误后删除' : f.severity === 'block' ? '阻止发布：须逐处遮盖或由审核人说明理由' : '提示：请核对，不阻止发布'}</td></tr>
          ))}</tbody>
        </table>
      )}
      {r && !r.ok && (
        <>
          <p role="alert">文件中有 {r.problems.length} 处错误，未导入任何内容。请修改后重新上传：</p>
          <table class="list">
            <caption>错误清单</caption>
            <thead><tr><th scope="col">位置</th><th scope="col">原因</th></tr></thead>
            <tbody>{r.problems.map((p, i) => <tr key={i}><td class="nowrap">{p.at}</td><td>{p.message}</td></tr>)}</tbody>
          </table>
        </>
      )}
      {/* Suspected duplicates the officer confirmed (仍导入疑似重复的行): listed with what they repeat. */}
      {r && r.ok && r.duplicates.length > 0 && (
        <table class="list" id="import-duplicates">
          <caption>疑似重复的行（{r.duplicates.length} 行，已选择仍导入）</caption>
          <thead><tr><th scope="col">位置</th><th scope="col">信息</th><th scope="col">重复于</th></tr></thead>
          <tbody>{r.duplicates.map((d, i) => <tr key={i}><td class="nowrap">{d.at}</td><td>{d.title}</td><td>{d.message}</td></tr>)}</tbody>
        </table>
      )}
      {/* Told, never refused: the 发布日期 a draft does not take (found by an officer: it was dropped without a word). */}
      {r && r.ok && r.notKept.length > 0 && (
        <table class="list" id="published-on-not-kept">
          <caption>未随草稿导入的发布日期（{r.notKept.length} 行，不影响导入）</caption>
          <thead><tr><th scope="col">位置</th><th scope="col">信息</th><th scope="col">原因</th></tr></thead>
          <tbody>{r.notKept.map((n, i) => <tr key={i}><td class="nowrap">{n.at}</td><td>{n.title}</td><td>{n.message}</td></tr>)}</tbody>
        </table>
      )}
      {/* Told, never refused: a 文号 written as —, /, 无 … (older sites' files), imported as none. */}
      {r && r.ok && r.noDocumentNumber.length > 0 && (
        <table class="list" id="document-number-none">
          <caption>按无文号导入的行（{r.noDocumentNumber.length} 行，不影响导入）</caption>
          <thead><tr><th scope="col">位置</th><th scope="col">信息</th><th scope="col">说明</th></tr></thead>
          <tbody>{r.noDocumentNumber.map((n, i) => <tr key={i}><td class="nowrap">{n.at}</td><td>{n.title}</td><td>{n.message}</td></tr>)}</tbody>
        </table>
      )}
      {/* Told, never refused: the item form's 文件类型 warnings, row by row (docTypeWarnings). */}
      {r && r.warnings.length > 0 && (
        <table class="list">
          <caption>请核对文件类型（{r.warnings.length} 处提示，不影响导入）</caption>
          <thead><tr><th scope="col">位置</th><th scope="col">提示</th></tr></thead>
          <tbody>{r.warnings.map((w, i) => <tr key={i}><td class="nowrap">{w.at}</td><td>{w.message}</td></tr>)}</tbody>
        </table>
      )}
      <p><a href={`/admin/organs/${organCode}/transfer`}>返回导入与导出</a></p>
    </AdminLayout>
  );
}
