import { Field } from '../../../platform/views/components.tsx';
import { FlashAt, type Flash } from '../../../platform/views/flash.tsx';
import { REVIEW_ROLE_LABELS, SECRECY_LABELS, SECRECY_LEVELS, WITHDRAW_REASONS } from '../domain/review-roles.ts';
import type { LaterEvent, PublicationState, StageState } from '../domain/chain-history.ts';
import type { SignedStep } from '../domain/forced-publication.ts';
import { VERB_LABELS, type ReviewVerb } from '../domain/review-workflow.ts';
import type { ReviewOverview } from '../use-cases/review-overview.ts';
import { FindingsView } from './findings-view.tsx';
import { RevisionChangesView } from './revision-diff-view.tsx';
import { FINDING_TYPE_LABELS, suggestionInContext } from '../../privacy/index.ts';
import { formScanMismatches } from '../domain/form-scan-mismatch.ts';
import { isSecrecyMarking } from '../domain/mask-finding.ts';
import type { StoredFinding } from '../storage/review-repository.ts';
import { revisionSeenOf } from '../storage/revisions-repository.ts';
import { importSummary } from './import-record-view.tsx';
import { REVIEW_PANEL, SCAN_FINDINGS } from './item-page-places.ts';
import { chinaTimeOf } from '../../../shared/iso-date.ts';
import { documentName, PUBLICATION_STATUS_LABELS, type PublicationStatus } from '../../catalog/index.ts';


/** The review part of a publication's staff page: progress, form, findings, the person's verbs, sign-offs, versions. */
export function ReviewPanel({ o, csrf, errors, canEditForm, flashAt = () => null, itemForm, typedForm = null, documentNumberExample = null }: {
  o: ReviewOverview; csrf: string; errors: Record<string, string>; canEditForm: boolean;
  /** The organ's own latest 文号 (latestDocumentNumber), the example 标记已修改's field gives; null when it has none. */
  documentNumberExample?: string | null;
  /**
   * The id of the item's form while its text can be edited: the 保密审查表's fields and its button, and
   * 报送审核, then belong to it and send what is typed there too — nothing typed on the page is lost by
   * pressing another button (saved, or brought back as typed).
   */
  itemForm?: string;
  /** The 保密审查表 as typed on a page that came back unsaved, shown instead of the stored one. */
  typedForm?: { secrecyLevel: string; involvesPersonalInfo: boolean; avoidanceNote: string } | null;
  /**
   * The flash addressed to a place of the panel (item-page-places.ts), told under its heading where the
   * redirect lands: a verb's outcome under 审核与发布, 应用建议遮盖's under the findings' heading.
   */
  flashAt?: (place: string) => Flash | null;
}) {
  const p = o.publication;
  const base = `/admin/publications/${p.id}`;
  const hidden = <input type="hidden" name="_csrf" value={csrf} />;
  const has = (v: ReviewVerb) => o.allowed.includes(v);
  // A reviewer held up only by blocking findings that are neither masked nor accepted may still approve
  // by accepting each with its reason; a 密级标志 (ERR_REVIEW_SECRECY_MARKING) no reviewer can pass.
  const mayApproveWithJustification = has('approve') || (o.blocked.approve?.every((r) => r.code === 'ERR_REVIEW_SCAN_BLOCKED') ?? false);
  const mayApproveAmendment = has('approve_amendment') || (o.blocked.approve_amendment?.every((r) => r.code === 'ERR_REVIEW_SCAN_BLOCKED') ?? false);
  const findings = o.form?.scanFindings ?? [];
  const blocking = findings.filter((f) => f.severity === 'block').length;
  const mismatches = formScanMismatches(o.form, o.form?.scannedAt ? findings : []);
  return (
    <section class="panel review-panel" aria-labelledby="review-h">
      <h2 id={REVIEW_PANEL}>审核与发布</h2>
      <FlashAt flash={flashAt(REVIEW_PANEL)} />
      {errors._review && <div class="error-summary" role="alert"><h2>操作未能完成：</h2><p>{errors._review}</p></div>}

      <h3>审核流程</h3>
      {o.forcePublished ? <ForcedChain o={o} /> : o.importPublished ? <ImportedChain o={o} /> : <ReviewedChain o={o} />}
      {o.publishedLate && <p class="notice">发布日期晚于成文日期后 20 个工作日（应最迟于 {o.proactiveDueOn}（含当日）发布，条例第二十六条），已计入逾期发布。</p>}

      <h3>保密审查表</h3>
      {canEditForm && itemForm ? (
        // Its fields are the item form's: 保存审查表 sends the text typed above too and brings it back as typed
        // (only the table is saved), and the item's own 保存 saves the table with the text.
        <div class="review-form-fields">
          <ReviewFormFields form={typedForm ?? o.form} errors={errors} itemForm={itemForm} />
          <p class="hint">本表与上方表单一起提交：点“保存审查表”只保存本表，上方表单中未保存的修改仍保留在页面上；点上方的“{p.status === 'published' ? '保存修订并报送审核' : '保存'}”则连同本表一起保存。</p>
          <button class="btn btn-secondary" type="submit" form={itemForm} formaction={`${base}/review-form`}>保存审查表</button>
        </div>
      ) : canEditForm ? (
        <form method="post" action={`${base}/review-form`} novalidate>
          {hidden}
          <ReviewFormFields form={typedForm ?? o.form} errors={errors} />
          <button class="btn btn-secondary" type="submit">保存审查表</button>
        </form>
      ) : o.form ? (
        <p>密级：<strong>{SECRECY_LABELS[o.form.secrecyLevel]}</strong>；{o.form.involvesPersonalInfo ? '涉及个人信息' : '不涉及个人信息'}；说明：{o.form.avoidanceNote || '—'}{o.form.scanJustification && <>；审核人对扫描结果的说明：{o.form.scanJustification}</>}</p>
      ) : <p>尚未填写。</p>}
      {mismatches.length > 0 && <div class="notice notice-warn form-scan-mismatch" role="alert">{mismatches.map((m) => <p>{m}</p>)}</div>}
      {o.form && <p><a href={`${base}/review-form`}>查看和打印保密审查表</a> · <a href={`${base}/review-form.pdf`}>PDF</a> · <a href={`${base}/review-form.docx`}>Word</a></p>}

      <h3 id={SCAN_FINDINGS}>敏感信息扫描 {o.form?.scannedAt && <span class="count">（{chinaTimeOf(o.form.scannedAt)} 扫描，{o.form.scanFindings.length} 处，其中须处理 {blocking} 处）</span>}</h3>
      <FlashAt flash={flashAt(SCAN_FINDINGS)} />
      {o.form?.scannedAt ? <FindingsView bodyHtml={o.scannedBodyHtml} findings={o.form.scanFindings} mask={has('apply_mask') ? { action: `${base}/verbs/apply_mask`, csrf } : null} /> : <p>报送和每次审核时自动扫描正文和附件。</p>}

      {o.revision && (
        <section class="panel" aria-labelledby="revision-h">
          {/* A returned revision waits on its proposer, not on a reviewer: its heading says so, as its banner does. */}
          <h3 id="revision-h">{o.revision.returned ? '退回修改的修订' : '待审核的修订'}</h3>
          <p>{o.revision.proposedByLabel} 于 {chinaTimeOf(o.revision.proposedAt)} 提交；修订说明：{o.revision.changeNote}</p>
          {/* 退回修订 keeps the revision with its proposer (ADR 0051): the 退回意见 stands here until it is saved again or withdrawn. */}
          {o.revision.returned && (
            <div class="error-summary" role="note"><h2>修订已退回修改</h2><p>{o.revision.returned.byLabel} 于 {chinaTimeOf(o.revision.returned.at)} 退回修订，退回意见：{o.revision.returned.comment}</p><p>修订内容、修订说明和随修订上传或删除的附件都已保留，已发布的版本不变。{has('withdraw_amendment')
              // Said to each reader what they can do: only its proposer reworks or withdraws it (ADR 0051).
              ? '请修改后重新提交修订，或撤回修订。'
              : `等待修订人 ${o.revision.proposedByLabel} 修改后重新提交或撤回修订；在此之前不能审核，也不能另提修订。`}</p></div>
          )}
          <p>审核通过前，门户显示现行版本；通过后，修订替换现行内容，现行版本作为历史版本保留。</p>
          {o.revision.changes.length === 0 ? <p>修订未改动表单中的内容{o.revisionAttachments.length > 0 ? '，只改动了附件' : ''}。</p> : <RevisionChangesView changes={o.revision.changes} />}
          {o.revisionAttachments.length > 0 && (
            <ul>{o.revisionAttachments.map((a) => <li key={a.id}>{a.revisionState === 'pending_add' ? '新增附件' : a.revisionState === 'pending_remove' ? '删除附件' : '修改附件名称'}：<a href={`/admin/attachments/${a.id}`}>{a.fileName}</a>
              {a.revisionState === 'pending_add' && a.title ? `（附件名称：${a.title}）` : ''}
              {a.revisionState === null && a.pendingTitle !== undefined ? `（现行：${a.title ?? '无，显示文件名'}；修订后：${a.pendingTitle || '无，显示文件名'}）` : ''}</li>)}</ul>
          )}
        </section>
      )}

      <h3 id="verbs-h">可进行的操作</h3>
      {o.allowed.length === 0 && <p>当前没有您可以进行的操作。</p>}
      {(['submit', 'approve', 'publish', 'approve_amendment'] as ReviewVerb[]).filter((v) => o.blocked[v]).map((v) => (
        <div class="error-summary" role="note"><h2>暂不能“{VERB_LABELS[v]}”：</h2><ul>{o.blocked[v]!.map((r) => <li>{r.message}</li>)}</ul></div>
      ))}
      <div class="verbs">
        {/* With the text editable above, 报送审核 saves what is typed there (and in the 保密审查表) first: pressed after an edit, it never submits the stored text and drops the edit. */}
        {itemForm && ['draft', 'returned'].includes(p.status) && (has('submit') || (o.blocked.submit?.every((r) => r.code === 'ERR_REVIEW_FORM_INCOMPLETE') ?? false)) ? (
          <div class="actions">
            <button class="btn" type="submit" form={itemForm} formaction={`${base}/save-and-submit`}>保存并报送审核</button>
            <span class="hint">先保存上方表单和保密审查表中填写的内容，再报送审核</span>
          </div>
        ) : has('submit') && <form method="post" action={`${base}/verbs/submit`}>{hidden}<button class="btn" type="submit">报送审核</button></form>}
        {has('recall_submission') && (
          <form method="post" action={`${base}/verbs/recall_submission`}>
            {hidden}
            <button class="btn btn-secondary" type="submit">撤回报送</button> <span class="hint">审核人处理之前，可以撤回本次报送，改回草稿</span>
          </form>
        )}
        {(mayApproveAmendment || has('return_amendment')) && (
          <form method="post" action={`${base}/verbs/approve_amendment`} class="panel">
            {hidden}
            {/* The revision as shown above: saved again before this is sent, both verbs are refused and the page shows the new changes. */}
            {o.revision && <input type="hidden" name="revisionSeen" value={revisionSeenOf(o.revision)} />}
            <Field name="comment" label={mayApproveAmendment ? '修订审核意见' : '退回修订的意见'} errors={errors}><textarea id="f-amendment-comment" name="comment"></textarea></Field>
            {mayApproveAmendment && blocking > 0 && <AcceptFindings findings={findings} errors={errors} idPrefix="f-amendment" />}
            <div class="actions">
              {mayApproveAmendment && <button class="btn" type="submit">修订审核通过</button>}
              {has('return_amendment') && <button class="btn btn-secondary" type="submit" formaction={`${base}/verbs/return_amendment`}>退回修订</button>}
            </div>
          </form>
        )}
        {/* The proposer's own: the revision, in review or returned, is discarded with its files (ADR 0051). */}
        {has('withdraw_amendment') && (
          <form method="post" action={`${base}/verbs/withdraw_amendment`}>
            {hidden}
            {/* The next page says what will be lost, by name; only its button discards the revision. */}
            <button class="btn btn-secondary" type="submit">撤回修订…</button> <span class="hint">放弃这份修订：修订内容和随修订上传的附件随之删除，已发布的版本不变</span>
          </form>
        )}
        {(mayApproveWithJustification || has('return_for_changes')) && (
          <form method="post" action={`${base}/verbs/approve`} class="panel">
            {hidden}
            <Field name="comment" label="审核意见" errors={errors}><textarea id="f-comment" name="comment"></textarea></Field>
            {blocking > 0 && mayApproveWithJustification && <AcceptFindings findings={findings} errors={errors} idPrefix="f" />}
            <div class="actions">
              {mayApproveWithJustification && <button class="btn" type="submit">审核通过</button>}
              {has('return_for_changes') && <button class="btn btn-secondary" type="submit" formaction={`${base}/verbs/return_for_changes`}>退回修改</button>}
            </div>
          </form>
        )}
        {has('publish') && <form method="post" action={`${base}/verbs/publish`}>{hidden}<button class="btn" type="submit">立即发布</button></form>}
        {has('schedule') && (
          <form method="post" action={`${base}/verbs/schedule`} class="actions">
            {hidden}
            <label for="f-publishAt">定时发布（北京时间）</label>
            <input id="f-publishAt" type="datetime-local" name="publishAt" />
            <button class="btn btn-secondary" type="submit">定时发布</button>
          </form>
        )}
        {has('unschedule') && <form method="post" action={`${base}/verbs/unschedule`}>{hidden}<button class="btn btn-secondary" type="submit">取消定时发布</button></form>}
        {has('approve_retrospectively') && <form method="post" action={`${base}/verbs/approve_retrospectively`}>{hidden}<button class="btn" type="submit">补充审核通过</button></form>}
        {has('force_publish') && p.status !== 'approved' && (
          <details><summary>紧急发布（不经完整审核流程）</summary>
            <form method="post" action={`${base}/verbs/force_publish`}>
              {hidden}
              <Field name="comment" label="紧急发布理由" errors={errors} required hint="紧急发布后须由另一位发布人补充审核"><textarea id="f-force-comment" name="comment"></textarea></Field>
              <button class="btn" type="submit">紧急发布</button>
            </form>
          </details>
        )}
        {has('withdraw') && (
          <details><summary>撤回</summary>
            <form method="post" action={`${base}/verbs/withdraw`}>
              {hidden}
              <Field name="withdrawReason" label="撤回原因" errors={errors} required>
                <select id="f-withdrawReason" name="withdrawReason"><option value="">请选择</option>{Object.entries(WITHDRAW_REASONS).map(([k, v]) => <option value={k}>{v}</option>)}</select>
              </Field>
              <Field name="withdrawNote" label="说明（公开显示；原因为“其他原因”时必填）" errors={errors}><textarea id="f-withdrawNote" name="withdrawNote"></textarea></Field>
              {/* The next page names the item and what the public will see; only its button withdraws. */}
              <button class="btn" type="submit">撤回…</button>
            </form>
          </details>
        )}
        {/* A 政策解读 follows the document it explains (decide refuses 废止 and 标记已修改 on it): said here, with the documents. */}
        {o.blocked.repeal?.some((r) => r.code === 'ERR_REVIEW_INTERPRETATION_NO_VALIDITY') && (
          <p class="hint">标记废止、标记已修改：{o.blocked.repeal.find((r) => r.code === 'ERR_REVIEW_INTERPRETATION_NO_VALIDITY')!.message}。所解读的文件：
            {p.policyIds.map((id, i) => <>{i > 0 && '、'}<a href={`/admin/publications/${id}#${REVIEW_PANEL}`}>编号 {id}</a></>)}</p>
        )}
        {has('repeal') && (
          <details><summary>标记废止</summary>
            <form method="post" action={`${base}/verbs/repeal`}>
              {hidden}
              <Field name="replacedById" label="替代文件（文号、索引号、标题或编号，可不填）" errors={errors}><input id="f-replacedById-repeal" name="replacedById" /></Field>
              <button class="btn" type="submit">标记废止…</button>
            </form>
          </details>
        )}
        {o.amendedBy.length > 0 && (
          <p class="amended-by">已记录的修改文件：{o.amendedBy.map((d, i) => (
            <>{i > 0 && '、'}<a href={`/admin/publications/${d.id}`}>{documentName(d)}</a>{d.status !== 'published' && `（${PUBLICATION_STATUS_LABELS[d.status as PublicationStatus] ?? d.status}，门户不显示）`}</>
          ))}</p>
        )}
        {has('mark_amended') && (
          <details><summary>标记已修改</summary>
            <form method="post" action={`${base}/verbs/mark_amended`}>
              {hidden}
              <Field name="amendingId" label="修改本文件的文件" errors={errors} hint="填写已发布的修改决定或修订文本的文号、完整标题或信息编号（本机关或上下级机关的文件）；被多次修改的，每份修改文件标记一次" required>
                <input id="f-amendingId" name="amending" placeholder={documentNumberExample ? `如 ${documentNumberExample}` : '文号、完整标题或信息编号'} />
              </Field>
              <button class="btn" type="submit">标记已修改</button>
            </form>
          </details>
        )}
        {has('amend') && !o.revision && <p>修订已发布的信息：修改上方表单，填写修订说明后保存。修订经发布人（修订人以外的人）审核通过后才替换已发布的内容，修订前的版本会保留。</p>}
      </div>

      <h3>审核记录（电子签名）</h3>
      {o.decisions.length === 0 && !o.imported ? <p>暂无。</p> : (
        // Cards on a phone (table.list.cards, each cell named by data-label): six columns at 390 px left 操作 a character a line, 意见 clipped and 版本 out of sight.
        <table class="list cards review-history">
          <thead><tr><th scope="col">时间</th><th scope="col">环节</th><th scope="col">人员</th><th scope="col">操作</th><th scope="col">意见</th><th scope="col">版本</th></tr></thead>
          <tbody>
            {o.imported && <HistoryRow at={o.imported.at} stage="—" by={o.imported.by} verb="导入" comment={importSummary(o.imported, p)} version={1} />}
            {o.decisions.map((d) => (
              <HistoryRow key={d.id} at={d.decided_at} stage={d.stage_name ?? '—'} by={d.user_label} verb={VERB_LABELS[d.verb as ReviewVerb] ?? d.verb} comment={d.comment || '—'} version={d.publication_version} />
            ))}
          </tbody>
        </table>
      )}
      {o.versions.length > 0 && (
        <>
          <h3>修订记录</h3>
          <ul>{o.versions.map((v) => <li>第 {v.version_no} 版（{chinaTimeOf(v.created_at)}）：{v.change_note}</li>)}</ul>
        </>
      )}
    </section>
  );
}

/** The drafter's part of the 保密审查表; with `itemForm` its fields belong to the item's form. */
function ReviewFormFields({ form, errors, itemForm }: { form: { secrecyLevel: string | null; involvesPersonalInfo: boolean; avoidanceNote: string } | null; errors: Record<string, string>; itemForm?: string }) {
  return (
    <>
      <Field name="secrecyLevel" label="密级" errors={errors} required hint="只有“非密”信息可以公开（涉密不上网，上网不涉密）">
        <select id="f-secrecyLevel" name="secrecyLevel" form={itemForm}>
          <option value="">（请选择）</option>
          {SECRECY_LEVELS.map((l) => <option value={l} selected={form?.secrecyLevel === l}>{SECRECY_LABELS[l]}</option>)}
        </select>
      </Field>
      <div class="field"><label><input type="checkbox" name="involvesPersonalInfo" value="on" form={itemForm} checked={form?.involvesPersonalInfo} /> 涉及个人信息</label></div>
      <Field name="avoidanceNote" label="保密和个人信息处理说明" errors={errors} hint="如：已隐去身份证号后 8 位；不涉及国家秘密和工作秘密">
        <textarea id="f-avoidanceNote" name="avoidanceNote" form={itemForm}>{form?.avoidanceNote ?? ''}</textarea>
      </Field>
    </>
  );
}

/**
 * 审核通过 past blocking findings: one reason a finding (条例第十五条 — a single note for all of them
 * is not a review of each), for every blocking finding neither masked nor accepted yet, named by where
 * it is and its masked form; a 密级标志 is never offered. A remark on the scan as a whole may follow,
 * kept on the form, passing nothing. The fields are posted as accept_N_source/start/end/text/reason.
 */
function AcceptFindings({ findings, errors, idPrefix }: { findings: StoredFinding[]; errors: Record<string, string>; idPrefix: string }) {
  const open = findings.map((f, i) => [f, i] as const).filter(([f]) => f.severity === 'block' && !f.accepted && !isSecrecyMarking(f));
  return (
    <fieldset class="accept-findings">
      <legend>须处理的扫描发现：未遮盖的，须逐处写明可以公开的理由才能通过；也可以退回修改</legend>
      {open.map(([f, i]) => (
        <div class="field">
          <label for={`${idPrefix}-accept-${i}`}>{f.source}中的{findingLabel(f.type)}“{suggestionInContext(f, f.before)}”可以公开的理由</label>
          <input type="hidden" name={`accept_${i}_source`} value={f.source} />
          <input type="hidden" name={`accept_${i}_start`} value={String(f.start)} />
          <input type="hidden" name={`accept_${i}_end`} value={String(f.end)} />
          <input type="hidden" name={`accept_${i}_text`} value={f.text} />
          <textarea id={`${idPrefix}-accept-${i}`} name={`accept_${i}_reason`}></textarea>
        </div>
      ))}
      <Field name="scanJustification" label="对扫描结果的总体说明（可不填；不能代替逐处的理由）" errors={errors}>
        <textarea id={`${idPrefix}-scanJustification`} name="scanJustification"></textarea>
      </Field>
    </fieldset>
  );
}

const findingLabel = (type: string) => (FINDING_TYPE_LABELS as Record<string, string>)[type] ?? type;

/** One signed step of 审核记录, each cell named for the phone's cards. */
function HistoryRow({ at, stage, by, verb, comment, version }: { at: string; stage: string; by: string; verb: string; comment: string; version: number }) {
  return (
    <tr>
      <td data-label="时间">{chinaTimeOf(at)}</td><td data-label="环节">{stage}</td><td data-label="人员">{by}</td>
      <td data-label="操作">{verb}</td><td data-label="意见">{comment}</td><td data-label="版本">{version}</td>
    </tr>
  );
}

/**
 * The review stages of an item published without its chain (紧急发布, an import): a stage reads 已通过
 * with who and when only where a signed approval says so, and `otherwise` where none does.
 */
function SignedStages({ o, approved, otherwise }: { o: ReviewOverview; approved: Map<number, { by: string; at: string }> | undefined; otherwise: string }) {
  return (
    <>
      {o.chain.stages.map((s) => {
        const approval = approved?.get(s.position);
        return approval
          ? <li key={s.position} class="chain-已通过">{s.name}（{REVIEW_ROLE_LABELS[s.role]}）：<strong>已通过</strong>（{approval.by}，{chinaTimeOf(approval.at)}）</li>
          : <li key={s.position} class="chain-未开始">{s.name}（{REVIEW_ROLE_LABELS[s.role]}）：<strong>{otherwise}</strong></li>;
      })}
    </>
  );
}

/**
 * The chain of a force-published item as the signed decisions record it: the stages someone approved
 * before the emergency publication, the others skipped by it, who published it, when and why, and
 * whether the retrospective review (补充审核) is still due.
 */
function ForcedChain({ o }: { o: ReviewOverview }) {
  const p = o.publication;
  const f = o.forced;
  const signed = (s: { by: string; at: string }) => `${s.by}，${chinaTimeOf(s.at)}`;
  return (
    <>
      <ol class="chain">
        <SignedStages o={o} approved={f?.approved} otherwise="未经审核（紧急发布跳过）" />
        <li>发布（{REVIEW_ROLE_LABELS[o.chain.publisherRole]}）：<strong>紧急发布 {p.publishedOn ?? ''}</strong>（{f ? `${signed(f.published)}；` : ''}理由：{o.forceReason || f?.published.comment || '—'}）</li>
        <li>补充审核（{REVIEW_ROLE_LABELS[o.chain.publisherRole]}）：{f?.retro
          ? <><strong>已通过</strong>（{signed(f.retro)}{f.retro.comment ? `；意见：${f.retro.comment}` : ''}）</>
          : o.retroApproved ? <strong>已通过</strong>
            : <><strong>待补充审核</strong>（须由紧急发布人和起草人以外的发布人进行）</>}</li>
        <LaterEvents o={o} />
      </ol>
      <p class="notice">本信息为紧急发布，未经完整的三级审核流程；{o.retroApproved ? '已补充审核。' : '尚待补充审核。'}</p>
    </>
  );
}

/**
 * The chain of an item a content import published (the demo data, the old-site importer, a bulk
 * import): nobody reviewed it on this platform, so no stage reads 已通过 without a signed approval
 * here; the 发布 line says it was imported, from where, when and by whom, as far as the import record
 * tells (the demo data has none).
 */
function ImportedChain({ o }: { o: ReviewOverview }) {
  const p = o.publication;
  const approved = o.importPublished?.approved;
  const r = o.imported;
  return (
    <>
      <ol class="chain">
        <SignedStages o={o} approved={approved} otherwise="未经本平台审核（导入）" />
        <li>发布：<strong>导入，未经本平台审核</strong>（{p.publishedOn ? `原发布日期 ${p.publishedOn}；` : ''}{r
          ? `${chinaTimeOf(r.at)} 由 ${r.by} ${importSummary(r, p)}`
          : '本平台没有记录导入的来源和时间'}）</li>
        <LaterEvents o={o} />
      </ol>
      <p class="notice">本信息是导入的历史信息，未经本平台的审核流程{approved?.size ? '；只有上面标明已通过的环节有本平台的审核签名' : '，以上环节均无人在本平台审核通过'}。</p>
    </>
  );
}

const signedBy = (s: SignedStep) => `${s.by}，${chinaTimeOf(s.at)}`;
const withComment = (s: SignedStep) => `${signedBy(s)}${s.comment ? `；意见：${s.comment}` : ''}`;

/** How a stage of a reviewed item reads; one case per state of `StageState`. */
function stageText(st: StageState): { state: string; detail: string } {
  switch (st.kind) {
    case 'approved': return { state: '已通过', detail: `（${signedBy(st.signed)}）` };
    case 'unsigned': return { state: '无审核签名记录', detail: '' };
    case 'approved_then_returned': return { state: '曾通过，已退回', detail: `（${signedBy(st.signed)}；退回后须重新审核）` };
    case 'returned': return { state: '退回修改', detail: `（${withComment(st.signed)}）` };
    case 'pending': return { state: '待审核', detail: '' };
    case 'not_started': return { state: '未开始', detail: '' };
  }
}

/** How the 发布 line of a reviewed item reads; one case per state of `PublicationState`. */
function publicationText(ps: PublicationState): { state: string; detail: string } {
  switch (ps.kind) {
    case 'not_published': return { state: '未发布', detail: '' };
    case 'returned': return { state: '退回修改', detail: `（${withComment(ps.signed)}）` };
    case 'scheduled': return { state: ps.at ? `定时 ${chinaTimeOf(ps.at)}` : '定时发布', detail: '' };
    case 'published': return { state: `已发布 ${ps.on ?? ''}`.trim(), detail: ps.signed ? `（${signedBy(ps.signed)}）` : '' };
  }
}

/**
 * The chain of an item reviewed on this platform, whatever its status (src/modules/review/domain/chain-history.ts):
 * each stage as its signed decisions say, the publication, then what happened after it.
 */
function ReviewedChain({ o }: { o: ReviewOverview }) {
  const h = o.history;
  const pub = publicationText(h.publication);
  return (
    <ol class="chain">
      {h.stages.map(({ stage: s, state }) => {
        const t = stageText(state);
        return <li key={s.position} class={`chain-${t.state}`}>{s.name}（{REVIEW_ROLE_LABELS[s.role]}）：<strong>{t.state}</strong>{t.detail}</li>;
      })}
      <li>发布（{REVIEW_ROLE_LABELS[o.chain.publisherRole]}）：<strong>{pub.state}</strong>{pub.detail}</li>
      <LaterEvents o={o} />
    </ol>
  );
}

/** What happened after the publication (修订审核通过, 废止, 撤回), one line each, however the item was published. */
function LaterEvents({ o }: { o: ReviewOverview }) {
  const line = (e: LaterEvent) => {
    switch (e.kind) {
      case 'amendment_approved':
        return <li>修订：<strong>修订审核通过</strong>（{signedBy(e.signed)}{e.changeNote ? `；修订说明：${e.changeNote}` : ''}{e.signed.comment ? `；意见：${e.signed.comment}` : ''}）</li>;
      case 'repealed': {
        const by = e.replacedBy ? `；由${e.replacedBy.title ? `《${e.replacedBy.title}》` : `编号 ${e.replacedBy.id} 的文件`}替代` : '';
        return <li>废止：<strong>已废止{e.on ? ` ${e.on}` : ''}</strong>（{e.signed ? signedBy(e.signed) : '本平台没有记录由谁标记'}{by}）</li>;
      }
      case 'withdrawn': {
        const reason = (WITHDRAW_REASONS as Record<string, string>)[e.reason ?? ''] ?? '其他原因';
        return (
          <li>撤回：<strong>已撤回{e.at ? ` ${chinaTimeOf(e.at).slice(0, 10)}` : ''}</strong>（{e.signed ? `${signedBy(e.signed)}；` : ''}原因：{reason}{e.note ? `；说明：${e.note}` : ''}）</li>
        );
      }
    }
  };
  return <>{o.later.map(line)}</>;
}
