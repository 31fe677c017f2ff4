import { AdminLayout } from '../../../platform/views/admin-layout.tsx';
import { ErrorSummary, Field, formatBytes, treeDepthClass, type FieldErrors } from '../../../platform/views/components.tsx';
import { FlashAt, placeFlash } from '../../../platform/views/flash.tsx';
import { itemNamedBy } from '../../../platform/views/admin-helpers.ts';
import {
  AUDIENCES, AUDIENCE_LABELS, DISCLOSURE_MODES, DISCLOSURE_MODE_LABELS, DISCLOSURE_PERIODS, DISCLOSURE_PERIOD_LABELS, DISCLOSURE_STAGES,
  DOC_TYPES, DOC_TYPE_LABELS, DOC_TYPE_WARNING_CODES, docTypeWarnings, GENRES, inTreeOrder, INTERPRETATION_FORM_LABELS, INTERPRETATION_FORMS, pathTo, PUBLICATION_STATUS_LABELS, STAGE_LABELS, SUBJECTS,
  VALIDITIES, VALIDITY_LABELS, WITHHELD_REASONS, MAX_ATTACHMENT_TITLE,
  type Attachment, type CatalogNode, type DirectoryMatter, type LinkedItem, type Organ, type PolicyCandidate, type Publication, type PublicationStatus, type StaffContext,
} from '../../catalog/index.ts';
import type { Reason } from '../../../shared/workflow.ts';
import type { ReviewOverview } from '../use-cases/review-overview.ts';
import { chinaTimeOf } from '../../../shared/iso-date.ts';
import { sanitizeRichText } from '../../../platform/views/sanitize-rich-text.ts';
import { ImportedNotice } from './import-record-view.tsx';
import { ATTACHMENTS, ITEM_PAGE_PLACES } from './item-page-places.ts';
import { ReturnNote } from './return-note.tsx';
import { ReviewPanel } from './review-panel.tsx';

export type PublicationFormValues = Record<string, string | string[]>;

/**
 * The id of an item's form. While its text can be edited, the 保密审查表's fields and buttons on the same
 * page belong to it (the `form` attribute), so each of them sends what is typed above with its own
 * fields: a page with two forms threw away the one not sent (an officer's revision, found by an outside tester).
 */
export const ITEM_FORM = 'publication-form';

/** The 保密审查表 as the item's form sent it, or null when the page had none (its fields are sent only while it can be filled). */
export function typedReviewForm(values: Record<string, unknown>): { secrecyLevel: string; involvesPersonalInfo: boolean; avoidanceNote: string } | null {
  if (!('secrecyLevel' in values)) return null;
  const text = (v: unknown) => (typeof v === 'string' ? v : Array.isArray(v) ? String(v[0] ?? '') : '');
  return { secrecyLevel: text(values.secrecyLevel), involvesPersonalInfo: ['on', 'true', '1'].includes(text(values.involvesPersonalInfo)), avoidanceNote: text(values.avoidanceNote) };
}

export const publicationFormValues = (p: Publication): PublicationFormValues => ({
  title: p.title, documentNumber: p.documentNumber ?? '', publishingOrganName: p.publishingOrganName, formedOn: p.formedOn,
  // A 成文日期 the officer has not set stays the form's across a save (docs/adr/0017): a Word import may still fill it.
  formedOnDefault: p.formedOnSet ? '' : p.formedOn, subject: p.subject,
  genre: p.genre, stage: p.stage, disclosureMode: p.disclosureMode, withheldReason: p.withheldReason ?? '', disclosurePeriod: p.disclosurePeriod,
  audience: p.audience, validity: p.validity, validThroughOn: p.validThroughOn ?? '', replacedById: p.replacedById ? String(p.replacedById) : '', keywords: p.keywords.join(' '),
  summary: p.summary, bodyHtml: p.bodyHtml, source: p.source, consultPhone: p.consultPhone ?? '', docType: p.docType,
  nodeIds: p.nodeIds.map(String), expectedVersion: String(p.version), matterId: p.matterId ? String(p.matterId) : '',
  itemKind: p.itemKind, interpretationForm: p.interpretationForm ?? '', videoUrl: p.videoUrl ?? '',
  graphicAttachmentId: p.graphicAttachmentId ? String(p.graphicAttachmentId) : '', policyIds: p.policyIds.map(String),
});

/** The form as the pending revision of a published item left it (its input as stored), with its note. */
export function revisionFormValues(input: Record<string, unknown>, changeNote: string, p: Publication): PublicationFormValues {
  const text = (k: string) => (input[k] === null || input[k] === undefined ? '' : String(input[k]));
  return {
    ...publicationFormValues(p),
    title: text('title'), documentNumber: text('documentNumber'), publishingOrganName: text('publishingOrganName'), formedOn: text('formedOn'), subject: text('subject'),
    genre: text('genre'), stage: text('stage'), disclosureMode: text('disclosureMode'), withheldReason: text('withheldReason'), disclosurePeriod: text('disclosurePeriod'),
    audience: text('audience'), validThroughOn: text('validThroughOn'), keywords: Array.isArray(input.keywords) ? input.keywords.join(' ') : text('keywords'), summary: text('summary'), bodyHtml: text('bodyHtml'),
    source: text('source'), consultPhone: text('consultPhone'), docType: text('docType'), matterId: text('matterId'),
    nodeIds: (Array.isArray(input.nodeIds) ? input.nodeIds : [input.nodeIds]).filter((n) => n !== undefined && n !== null).map(String), changeNote,
    itemKind: text('itemKind') || 'document', interpretationForm: text('interpretationForm'), videoUrl: text('videoUrl'), graphicAttachmentId: text('graphicAttachmentId'),
    policyIds: (Array.isArray(input.policyIds) ? input.policyIds : [input.policyIds]).filter((n) => n !== undefined && n !== null).map(String),
  };
}

/**
 * Whether a form comes back holding work not yet stored: refused, or answered as typed (保存审查表, 上传, 删除) with
 * fields that differ from the item's stored text (or its pending revision). The editor's script then asks before the
 * page is left, though the page shows exactly what it was sent (`data-unsaved`, src/platform/editor/unsaved-changes.ts).
 */
export function holdsUnsavedWork(values: PublicationFormValues, stored: PublicationFormValues | null, errors: FieldErrors): boolean {
  if (Object.keys(errors).length > 0) return true;
  if (!stored) return false;
  const norm = (k: string, v: string | string[] | undefined) => k === 'policyIds' ? policyIdsOf(v).sort((a, b) => a - b).join(' ')
    : (Array.isArray(v) ? v.filter((x) => x !== '').sort().join('\n') : (v ?? '')).replace(/\r\n?/g, '\n').trim();
  return [...Object.keys(stored), 'changeNote'].some((k) => !['expectedVersion', 'formedOnDefault'].includes(k) && norm(k, values[k]) !== norm(k, stored[k]));
}

/** The policy ids a form holds: ticked boxes and a typed list ("12 15") alike. */
export const policyIdsOf = (v: string | string[] | undefined) =>
  [...new Set((Array.isArray(v) ? v : v ? [v] : []).flatMap((x) => x.split(/[\s,，;；、]+/)).map(Number).filter((n) => Number.isInteger(n) && n > 0))];

/** What the editor shows about 政策解读 beyond the form's values. */
export type InterpretationView = {
  /** Policies the interpretation could name (the organ's and related organs' policy nodes). */
  candidates: PolicyCandidate[];
  /** For an existing item: the policies it names and the interpretations of it, as far as the person may see them. */
  links: { policies: LinkedItem[]; interpretations: LinkedItem[] } | null;
  /** For an unpublished interpretation: what it still needs before it can be published. */
  missing: Reason[];
};

function Select({ name, values, options, labels }: { name: string; values: PublicationFormValues; options: readonly string[]; labels?: Record<string, string> }) {
  const current = String(values[name] ?? '');
  return (
    <select id={`f-${name}`} name={name}>
      {options.map((o) => <option value={o} selected={o === current}>{labels ? labels[o] : o}</option>)}
    </select>
  );
}

/** Create or edit a publication with all its metadata; for an existing one also attachments and publishing. */
export function PublicationFormPage({ scope, organ, nodes, values, errors, publication, attachments, review, taskId, interpretation, matters = [], conflict = false, documentNumberExample = null }: {
  scope: StaffContext; organ: Organ; nodes: CatalogNode[]; values: PublicationFormValues; errors: FieldErrors;
  /** Saved by someone else meanwhile: say how to keep this form's work (a refresh would throw it away). */
  conflict?: boolean;
  publication: Publication | null; attachments: Attachment[]; review: ReviewOverview | null; taskId?: number | null; interpretation: InterpretationView;
  /** The organ's 标准目录 事项 (docs/standard-directories.md), offered by node. */
  matters?: DirectoryMatter[];
  /** The organ's latest 文号, the 文号 hint's example (another organ's would mislead); without one the hint gives the form only. */
  documentNumberExample?: string | null;
}) {
  // 信息报送: an item drafted by a unit is submitted from it, and its unit head approves the first stage.
  const units = scope.organs.filter((o) => o.kind === 'unit' && o.parentId === organ.id && scope.mayDraft(o));
  const ownStaff = scope.mayDraft(organ);
  const v = (k: string) => String(values[k] ?? '');
  const selectedNodes = new Set((Array.isArray(values.nodeIds) ? values.nodeIds : values.nodeIds ? [values.nodeIds] : []).map(String));
  const action = publication ? `/admin/publications/${publication.id}` : `/admin/organs/${organ.code}/publications/new`;
  const title = publication ? `编辑信息` : `新建信息：${organ.name}`;
  // Content is edited while the author holds the item; a published item is amended with a change note.
  // A publisher may amend; the amendment is refused with its reasons if the review form is missing.
  const mayAmend = !!review && (review.allowed.includes('amend') || (!!review.blocked.amend && !review.blocked.amend.some((r) => r.code === 'ERR_REVIEW_REVISION_PENDING')));
  const editable = !publication || ['draft', 'returned'].includes(publication.status) || (publication.status === 'published' && mayAmend);
  const amending = publication?.status === 'published';
  // Attachments change with the text, while the author holds the item — or with the pending revision
  // of a published item, by whoever may rework it (they go public when it is approved).
  const attachmentsEditable = !!publication && ['draft', 'returned'].includes(publication.status) && editable;
  const revision = review?.revision ?? null;
  const revisionAttachments = !!publication && amending && !!revision && !!review?.allowed.includes('amend');
  // 政策解读: an item of its own kind naming the policies it explains (docs/rules/proactive-disclosure.md).
  const isInterpretation = v('itemKind') === 'interpretation';
  const docTypeNotes = docTypeWarnings({
    docType: (DOC_TYPES as readonly string[]).includes(v('docType')) ? (v('docType') as (typeof DOC_TYPES)[number]) : '',
    documentNumber: v('documentNumber'), organKind: organ.kind,
    nodeNames: nodes.filter((n) => selectedNodes.has(String(n.id))).map((n) => pathTo(nodes, n.id).map((p) => p.name).join(' > ')),
  });
  const selectedPolicies = policyIdsOf(values.policyIds);
  const candidateIds = new Set(interpretation.candidates.map((c) => c.id));
  // What a review verb, 应用建议遮盖 or a revision's attachment did is told where its redirect lands, not
  // at the top of the page, thousands of pixels above on a phone (item-page-places.ts, platform/views/flash.tsx).
  const flash = placeFlash(scope.flash, publication && review ? ITEM_PAGE_PLACES : publication ? [ATTACHMENTS] : []);
  const pictures = attachments.filter((a) => a.revisionState !== 'pending_remove' && /^image\/(png|jpeg|gif)$/.test(a.mimeType));
  // The item that holds the 文号 (ERR_CATALOG_DOCUMENT_NUMBER_TAKEN) is linked where its page opens for this person — the
  // rule of /admin/publications/:id, staff of its organ, which is this form's (the refusal names only the organ's items);
  // elsewhere the message names it without a link.
  const stored = !publication ? null : review?.revision ? revisionFormValues(review.revision.input, review.revision.changeNote, publication) : publicationFormValues(publication);
  const unsaved = holdsUnsavedWork(values, stored, errors) || conflict;
  const holder = itemNamedBy(errors, 'documentNumber');
  const holderLink = holder !== null && scope.staffOf.some((o) => o.id === organ.id) ? <a href={`/admin/publications/${holder}`}>查看编号 {holder} 的信息</a> : null;
  return (
    <AdminLayout title={title} user={scope.user} csrfToken={scope.csrf} flash={flash.top} scripts={editable ? ['/assets/editor.js'] : []}>
      <h1>{title}</h1>
      {publication && (
        <p>
          状态：<strong class={`status-${publication.status}`}>{PUBLICATION_STATUS_LABELS[publication.status]}</strong>
          {publication.indexNumber && <> · 索引号：<code>{publication.indexNumber}</code></>}
          {publication.status === 'published' && <> · <a href={`/organs/${organ.code}/items/${publication.id}`} target="_blank">在门户查看</a></>}
        </p>
      )}
      {review && <ReturnNote ret={review.lastReturn} toAuthor={[review.submittedBy, publication?.createdBy].includes(scope.principal.userId)} />}
      {publication && review && <ReviewShortcut review={review} />}
      {publication && review?.imported && <ImportedNotice record={review.imported} publication={publication} />}
      <ErrorSummary errors={errors} />
      {conflict && publication && (
        <p class="notice">
          请先复制您要保留的修改，再<a href={`/admin/publications/${publication.id}`} target="_blank" rel="noopener">在新标签页打开最新版本</a>，
          看过他人的修改后在最新版本上修改并保存。直接刷新本页会丢失您的修改。
        </p>
      )}
      {publication && !editable && <LockedNotice publication={publication} review={review} />}
      {amending && revision && !revision.returned && <p class="notice notice-info">下方表单显示的是 {revision.proposedByLabel} 提交、正在等待审核的修订；门户仍显示现行版本，修订经发布人审核通过后才替换。</p>}
      {amending && revision?.returned && (
        <p class="notice notice-info">
          下方表单显示的是退回给修订人修改的修订（{revision.proposedByLabel} 提交，{revision.returned.byLabel} 于 {chinaTimeOf(revision.returned.at)} 退回，意见见下方“退回修改的修订”）；
          {editable ? '修改后保存即重新提交审核，不再需要时可撤回修订。' : '由修订人修改后重新提交审核，或撤回修订。'}门户仍显示现行版本。
        </p>
      )}
      {amending && !revision && editable && <p class="notice notice-info">修订已发布的信息：修改下方表单并填写修订说明后保存。修订须经发布人（修订人以外的人）审核通过后才替换已发布的内容，此前门户仍显示现行版本。</p>}
      <form id={ITEM_FORM} method="post" action={action} novalidate data-unsaved={editable && unsaved ? '' : undefined}>
        <input type="hidden" name="_csrf" value={scope.csrf} />
        {publication && <input type="hidden" name="expectedVersion" value={v('expectedVersion')} />}
        {taskId && <input type="hidden" name="taskId" value={String(taskId)} />}
        <fieldset disabled={!editable} class="plain">
        {!publication && units.length > 0 && (
          <Field name="submittingUnitCode" label="报送单位" errors={errors} hint="由下属股室、单位报送的信息，第一环节由该单位负责人审核">
            <select id="f-submittingUnitCode" name="submittingUnitCode">
              {ownStaff && <option value="">（本机关）</option>}
              {units.map((u) => <option value={u.code} selected={v('submittingUnitCode') === u.code}>{u.name}</option>)}
            </select>
          </Field>
        )}
        {publication?.submittingUnitId && <p>报送单位：{scope.organs.find((o) => o.id === publication.submittingUnitId)?.name}</p>}
        <Field name="title" label="标题（名称）" errors={errors} required>
          <input id="f-title" name="title" value={v('title')} />
        </Field>
        <fieldset id="f-itemKind" class={errors.itemKind ? 'field-error' : ''}>
          <legend>信息类别</legend>
          {errors.itemKind && <p class="error-message">{errors.itemKind}</p>}
          <label><input type="radio" name="itemKind" value="document" checked={!isInterpretation} /> 普通信息</label>{' '}
          <label><input type="radio" name="itemKind" value="interpretation" checked={isInterpretation} /> 政策解读</label>
        </fieldset>
        <details class="panel" open={isInterpretation || ['interpretationForm', 'policyIds', 'videoUrl', 'graphicAttachmentId'].some((k) => errors[k])}>
          <summary>政策解读：解读形式和所解读的政策文件（信息类别为“政策解读”时填写）</summary>
          <Field name="interpretationForm" label="解读形式" errors={errors} hint="图解：上传图片附件后在下方选择，并在正文中写出图解的完整文字版；视频解读：填写视频链接，并在正文中写出视频内容的文字说明">
            <Select name="interpretationForm" values={values} options={['', ...INTERPRETATION_FORMS]} labels={{ '': '（未选择）', ...INTERPRETATION_FORM_LABELS }} />
          </Field>
          <Field name="videoUrl" label="视频链接" errors={errors} hint="视频解读时填写：以 https:// 或 http:// 开头的网址（有 https:// 地址的，请用 https://）">
            <input id="f-videoUrl" name="videoUrl" value={v('videoUrl')} />
          </Field>
          {publication ? (
            <Field name="graphicAttachmentId" label="图解图片" errors={errors} hint={pictures.length ? '从本信息的图片附件中选择' : '图解时请先在下方“附件”中上传 JPG、PNG 或 GIF 图片，再回到这里选择'}>
              <select id="f-graphicAttachmentId" name="graphicAttachmentId">
                <option value="">（未选择）</option>
                {pictures.map((a) => <option value={String(a.id)} selected={v('graphicAttachmentId') === String(a.id)}>{a.fileName}</option>)}
              </select>
            </Field>
          ) : <p class="hint">图解图片：保存草稿后上传图片附件，再在这里选择。</p>}
          <fieldset id="f-policyIds-list">
            <legend>所解读的政策文件（可多选）<span class="required" aria-hidden="true">＊</span></legend>
            {interpretation.candidates.length === 0 && <p>本机关及上下级机关的政策文件栏目中暂无可选的文件，请在下方填写编号。</p>}
            {interpretation.candidates.map((c) => (
              <div key={c.id}>
                <label>
                  <input type="checkbox" name="policyIds" value={String(c.id)} checked={selectedPolicies.includes(c.id)} /> {c.title}
                  <span class="count">（编号 {c.id}{c.documentNumber ? `，${c.documentNumber}` : ''}{c.organId !== organ.id ? `，${c.organName}` : ''}，{c.status === 'published' ? `${c.publishedOn} 发布` : PUBLICATION_STATUS_LABELS[c.status as PublicationStatus]}{c.interpreted ? '，已有解读' : ''}）</span>
                </label>
              </div>
            ))}
          </fieldset>
          <Field name="policyIds" label="其他政策文件编号" errors={errors} hint="不在上面列表中的文件，填写其在本平台的编号，多个以空格或逗号分隔；可关联本机关及上下级机关已发布的文件，或本机关尚未发布的文件（与解读一同报送审核）">
            <input id="f-policyIds" name="policyIds" value={selectedPolicies.filter((id) => !candidateIds.has(id)).join(' ')} />
          </Field>
        </details>
        <div class="columns-2">
          <Field name="documentNumber" label="文号" errors={errors} errorLink={holderLink} hint={documentNumberExample ? `如 ${documentNumberExample}（本机关最近的文号）；无文号可不填` : '格式为 发文机关代字〔年份〕序号号；无文号可不填'}>
            <input id="f-documentNumber" name="documentNumber" value={v('documentNumber')} />
          </Field>
          <Field name="publishingOrganName" label="发布机构" errors={errors} hint={`不填则为 ${organ.name}`}>
            <input id="f-publishingOrganName" name="publishingOrganName" value={v('publishingOrganName')} />
          </Field>
          <Field name="formedOn" label="成文日期" errors={errors} required hint="信息形成或变更的日期，格式 2026-03-02；从 Word 文档导入时，未改动的日期按落款日期填写">
            <input id="f-formedOn" name="formedOn" type="date" value={v('formedOn')} />
          </Field>
          {/* The date the form gave a new item (today) or an import filled — kept by a draft saved with it: while 成文日期 still holds it, the officer has not set one (docs/adr/0017). */}
          {(!publication || (editable && v('formedOnDefault') !== '')) && <input type="hidden" id="f-formedOnDefault" name="formedOnDefault" value={v('formedOnDefault')} />}
          {/* No stage is chosen for the officer: a preselected one was filed unread and skewed the 五公开 statistics. */}
          <Field name="stage" label="五公开类别" errors={errors} required>
            <Select name="stage" values={values} options={['', ...DISCLOSURE_STAGES]} labels={{ '': '请选择', ...STAGE_LABELS }} />
          </Field>
          <Field name="subject" label="主题分类" errors={errors}>
            <Select name="subject" values={values} options={['', ...SUBJECTS]} labels={{ '': '（未分类）', ...Object.fromEntries(SUBJECTS.map((s) => [s, s])) }} />
          </Field>
          <Field name="genre" label="体裁" errors={errors}>
            <Select name="genre" values={values} options={['', ...GENRES]} labels={{ '': '（未选择）', ...Object.fromEntries(GENRES.map((s) => [s, s])) }} />
          </Field>
          <Field name="disclosureMode" label="公开方式" errors={errors} required>
            <Select name="disclosureMode" values={values} options={DISCLOSURE_MODES} labels={DISCLOSURE_MODE_LABELS} />
          </Field>
          <Field name="withheldReason" label="不予公开理由" errors={errors} hint="仅当公开方式为不予公开时填写">
            <Select name="withheldReason" values={values} options={['', ...Object.keys(WITHHELD_REASONS)]} labels={{ '': '（不适用）', ...WITHHELD_REASONS }} />
          </Field>
          <Field name="disclosurePeriod" label="公开时限" errors={errors}>
            <Select name="disclosurePeriod" values={values} options={DISCLOSURE_PERIODS} labels={DISCLOSURE_PERIOD_LABELS} />
          </Field>
          <Field name="audience" label="公开范围" errors={errors}>
            <Select name="audience" values={values} options={AUDIENCES} labels={AUDIENCE_LABELS} />
          </Field>
          {/* No type is chosen for the officer either: a preselected 其他 filed a 规范性文件 unread and it went uncounted in the 年报. */}
          <Field name="docType" label="文件类型" errors={errors} required hint="规章、行政规范性文件计入年报第二部分；其余信息选“其他”">
            <Select name="docType" values={values} options={['', ...DOC_TYPES]} labels={{ '': '请选择', ...DOC_TYPE_LABELS }} />
          </Field>
          {/* An unlikely 文件类型 is told here, never refused: the officer may know better (docs/workflows/annual-report.md). */}
          {editable ? <DocTypeNotes values={values} nodes={nodes} organ={organ} shown={docTypeNotes} /> : docTypeNotes.length > 0 && (
            <div class="notice" role="note" id="w-docType">
              {docTypeNotes.map((w) => <p key={w.code}>{w.message}</p>)}
            </div>
          )}
          <Field name="validity" label="有效性" errors={errors} hint="政策解读本身没有效力，只能为“有效”：所解读的文件废止、修改或失效时，在该文件上标记，解读页面随之注明">
            <Select name="validity" values={values} options={VALIDITIES} labels={VALIDITY_LABELS} />
          </Field>
          <Field name="validThroughOn" label="有效期至" errors={errors} hint="文件规定了有效期的（行政规范性文件一般不超过五年），填写有效期的最后一天（含当日），不早于成文日期；次日起本平台自动标为已失效。已修改、已废止的不受影响；未规定有效期的和政策解读不填">
            <input id="f-validThroughOn" name="validThroughOn" type="date" value={v('validThroughOn')} />
          </Field>
          <Field name="replacedById" label="替代文件编号" errors={errors} hint="已废止或已失效时，填写现行文件在本平台的编号；已修改时，填写修改本文件的决定或文件的编号（发布后又被修改的，由发布人在“审核与发布”中标记已修改，每份修改文件一次）">
            <input id="f-replacedById" name="replacedById" value={v('replacedById')} inputMode="numeric" />
          </Field>
          <Field name="keywords" label="关键词" errors={errors} hint="以空格或逗号分隔">
            <input id="f-keywords" name="keywords" value={v('keywords')} />
          </Field>
          <Field name="source" label="信息来源" errors={errors}>
            <input id="f-source" name="source" value={v('source')} />
          </Field>
          <Field name="consultPhone" label="政策咨询电话" errors={errors} hint={`不填则显示机关电话 ${organ.consultPhone}`}>
            <input id="f-consultPhone" name="consultPhone" value={v('consultPhone')} />
          </Field>
        </div>
        <Field name="summary" label="内容概述" errors={errors}>
          <textarea id="f-summary" name="summary">{v('summary')}</textarea>
        </Field>
        {/* Without JavaScript the hint says what is there (the HTML and the import under it); the editor puts its own (data-hint) in its place.
            A phone's toolbar is one row with 更多 (docs/adr/0017), and 导入 Word 文档 and 源代码 are behind it: the hint says so. */}
        {/* Read-only, the text is shown as it reads (an outside tester, as the publisher, read <p>…</p><p><strong>… in a
            greyed-out box: the editor is loaded only where the text can be edited). Sanitized again: what is shown here is
            what the portal would show. */}
        {!editable ? (
          <div class="field">
            <p class="label" id="l-bodyHtml">正文</p>
            <div id="f-bodyHtml" class="article-body body-read" role="region" aria-labelledby="l-bodyHtml" tabindex={0} dangerouslySetInnerHTML={{ __html: sanitizeRichText(v('bodyHtml')) }} />
          </div>
        ) : (
        <Field name="bodyHtml" label="正文" errors={errors} hint="在此填写正文的 HTML，或用下方的“从 Word 文档导入正文”导入 .docx 文档。脚本和样式会被自动清除">
          <textarea
            id="f-bodyHtml" name="bodyHtml" class="body" data-rich-text data-docx-import={`/admin/documents/docx-to-html?organ=${organ.code}`}
            data-hint="用编辑框上方的工具栏排版；“导入 Word 文档”从 Word 文档导入正文，“源代码”直接编辑 HTML（手机上这两项在工具栏的“更多”里）。脚本和样式会被自动清除"
            data-publication-id={attachmentsEditable ? String(publication!.id) : undefined}
            data-images={JSON.stringify(attachments.filter((a) => a.revisionState !== 'pending_remove' && /^image\/(png|jpeg|gif)$/.test(a.mimeType)).map((a) => ({ src: `/attachments/${a.id}/${encodeURIComponent(a.fileName)}`, name: a.fileName })))}
          >{v('bodyHtml')}</textarea>
        </Field>
        )}
        {editable && <DocxImportFallback organ={organ} publication={publication} attachmentsEditable={attachmentsEditable} errors={errors} />}
        <fieldset id="f-nodeIds" class={errors.nodeIds ? 'field-error' : ''}>
          <legend>目录栏目（组配，可多选）<span class="required" aria-hidden="true">＊</span></legend>
          {errors.nodeIds && <p class="error-message">{errors.nodeIds}</p>}
          {nodes.length === 0 && (
            // An item goes in at least one node: without any, saving could only fail.
            <p class="notice">{organ.name}还没有目录栏目，信息须放入至少一个栏目才能保存。{scope.canAdmin(organ)
              ? <>请先在<a href={`/admin/organs/${organ.code}/catalog`}>管理目录</a>中建立目录。</>
              : '请联系机关管理员，机关管理员建立目录后才能新建信息。'}</p>
          )}
          {inTreeOrder(nodes).map((n) => (
            <div key={n.id} class={`tree-item ${treeDepthClass(n.depth)}`}>
              <label><input type="checkbox" name="nodeIds" value={String(n.id)} checked={selectedNodes.has(String(n.id))} /> {n.depth === 0 ? n.name : pathTo(nodes, n.id).map((p) => p.name).join(' > ')}</label>
            </div>
          ))}
        </fieldset>
        {matters.length > 0 && (
          <Field name="matterId" label="对应的标准目录事项" errors={errors} hint="只能选所勾选栏目中的事项；发布后，信息页列出该事项的公开依据和公开时限">
            <select id="f-matterId" name="matterId">
              <option value="">（不对应标准目录事项）</option>
              {inTreeOrder(nodes).filter((n) => matters.some((m) => m.nodeId === n.id)).map((n) => (
                <optgroup label={pathTo(nodes, n.id).map((p) => p.name).join(' > ')}>
                  {matters.filter((m) => m.nodeId === n.id).map((m) => <option value={String(m.id)} selected={v('matterId') === String(m.id)}>{m.name}</option>)}
                </optgroup>
              ))}
            </select>
          </Field>
        )}
        {amending && (
          <Field name="changeNote" label="修订说明" errors={errors} required hint="说明修订了什么、为什么修订；修订前的版本会保留">
            <textarea id="f-changeNote" name="changeNote">{v('changeNote')}</textarea>
          </Field>
        )}
        {editable && <div class="actions"><button class="btn" type="submit">{amending ? '保存修订并报送审核' : publication ? '保存' : '保存草稿'}</button><a href="/admin/publications">返回列表</a></div>}
        </fieldset>
      </form>
      {publication && (
        <>
          <section aria-labelledby={ATTACHMENTS} class="panel">
            <h2 id={ATTACHMENTS}>附件</h2>
            <FlashAt flash={flash.at(ATTACHMENTS)} />
            {attachments.length === 0 ? <p>暂无附件。</p> : (
              <ul>
                {attachments.map((a) => (
                  <li key={a.id}>
                    <a href={`/admin/attachments/${a.id}`}>{a.fileName}</a>（{formatBytes(a.sizeBytes)}）
                    {a.revisionState === 'pending_add' && <strong class="status-draft">（随修订新增，审核通过后公开）</strong>}
                    {a.revisionState === 'pending_remove' && <strong class="status-draft">（随修订删除，审核通过后删除）</strong>}
                    {a.pendingTitle !== undefined && <strong class="status-draft">（附件名称随修订改为“{a.pendingTitle || '（无，显示文件名）'}”，审核通过后公开）</strong>}
                    {(attachmentsEditable || revisionAttachments) && a.revisionState !== 'pending_remove' ? (
                      <Field name={`attachmentTitle-${a.id}`} label="附件名称" errors={errors} hint="如“附件1：试点小区名单”；门户以此为附件链接的文字，不填则显示文件名">
                        <input id={`f-attachmentTitle-${a.id}`} name={`attachmentTitle-${a.id}`} form={ITEM_FORM} maxlength={MAX_ATTACHMENT_TITLE}
                          value={String(values[`attachmentTitle-${a.id}`] ?? a.pendingTitle ?? a.title ?? '')} />
                      </Field>
                    ) : a.title && <span>附件名称：{a.title}</span>}
                    {/* Buttons of the item's form (ITEM_FORM): they send what is typed above too, and the page comes back with it. */}
                    {attachmentsEditable && (
                      <button class="btn btn-small btn-secondary" type="submit" form={ITEM_FORM} formaction={`/admin/attachments/${a.id}/delete`} aria-label={`删除附件 ${a.fileName}`}>删除</button>
                    )}
                    {revisionAttachments && (
                      <button class="btn btn-small btn-secondary" type="submit" form={ITEM_FORM} formaction={`/admin/revision-attachments/${a.id}/${a.revisionState === 'pending_remove' ? 'keep' : 'remove'}`} aria-label={`${a.revisionState === 'pending_remove' ? '保留' : '随修订删除'}附件 ${a.fileName}`}>
                        {a.revisionState === 'pending_remove' ? '保留' : '随修订删除'}
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            )}
            {(attachmentsEditable || revisionAttachments) && (
              <div class="attachment-upload">
                <Field name="attachmentTitle" label="附件名称（可不填）" errors={errors} hint="如“附件1：试点小区名单”，不超过 100 个字；不填则门户显示文件名">
                  <input id="f-attachmentTitle" name="attachmentTitle" form={ITEM_FORM} maxlength={MAX_ATTACHMENT_TITLE} value={Object.keys(errors).length > 0 ? v('attachmentTitle') : ''} />
                </Field>
                <Field name="file" label={revisionAttachments ? '随修订上传附件' : '上传附件'} errors={errors} hint="PDF、Word、Excel、WPS、OFD、图片、压缩包等，单个不超过 50 MB">
                  <input id="f-file" name="attachment" type="file" form={ITEM_FORM} />
                </Field>
                <button class="btn btn-secondary" type="submit" form={ITEM_FORM} formenctype="multipart/form-data"
                  formaction={revisionAttachments ? `/admin/publications/${publication.id}/revision/attachments` : `/admin/publications/${publication.id}/attachments`}>上传</button>
              </div>
            )}
            {(attachmentsEditable || revisionAttachments) && attachments.some((a) => a.revisionState !== 'pending_remove') && (
              <button class="btn btn-secondary" type="submit" form={ITEM_FORM} formaction={`/admin/publications/${publication.id}/attachment-titles`}>
                {revisionAttachments ? '随修订保存附件名称' : '保存附件名称'}
              </button>
            )}
            {amending && !revision && editable && <p>如需增删附件，请先保存修订（填写修订说明），再随修订上传或删除。</p>}
          </section>
          <InterpretationLinks publication={publication} organ={organ} view={interpretation} />
          {/* A published item keeps the 保密审查表 its reviewers signed; one that has none (imported) gets one to be amended. */}
          {/* While the text can be edited, the 保密审查表's fields and 保存并报送审核 belong to its form (ITEM_FORM): no button there throws away what is typed above. */}
          {review && (
            <ReviewPanel
              o={review} csrf={scope.csrf} errors={errors} flashAt={flash.at} itemForm={editable ? ITEM_FORM : undefined} typedForm={typedReviewForm(values)} documentNumberExample={documentNumberExample}
              canEditForm={['draft', 'returned'].includes(publication.status) || (publication.status === 'published' && mayAmend && !review.form)}
            />
          )}
        </>
      )}
    </AdminLayout>
  );
}

/**
 * The 文件类型 warnings, for a form that can be changed: each the server's rule (docTypeWarnings) gives for some 文件类型
 * and the 栏目 or 文号 it depends on, marked with them (data-when), those that hold now shown, the rest hidden. The
 * editor's script shows and hides them as the 文件类型 and the 栏目 change (src/platform/editor/live-notes.ts): the
 * 规范性文件 warning stayed after its 栏目 was unticked until the next save (an outside tester). A 文号's warning is
 * the one for the 文号 as loaded; another 文号 typed is judged at the save. Without JavaScript, as before.
 */
function DocTypeNotes({ values, nodes, organ, shown }: { values: PublicationFormValues; nodes: CatalogNode[]; organ: Organ; shown: { code: string; message: string }[] }) {
  const number = String(values.documentNumber ?? '').trim();
  const columns = nodes.map((n) => ({ id: String(n.id), path: pathTo(nodes, n.id).map((p) => p.name).join(' > ') }))
    .filter((c) => docTypeWarnings({ docType: 'other', documentNumber: '', nodeNames: [c.path], organKind: organ.kind }).length > 0);
  const shownMessages = new Set(shown.map((w) => w.message));
  const notes = DOC_TYPES.flatMap((docType) => [
    ...docTypeWarnings({ docType, documentNumber: number, nodeNames: [], organKind: organ.kind }).filter((w) => w.code === DOC_TYPE_WARNING_CODES.normativeNumber)
      .map((w) => ({ ...w, when: { docType, documentNumber: number } })),
    ...columns.flatMap((c) => docTypeWarnings({ docType, documentNumber: '', nodeNames: [c.path], organKind: organ.kind }).filter((w) => w.code === DOC_TYPE_WARNING_CODES.normativeColumn)
      .map((w) => ({ ...w, when: { docType, nodeIds: c.id } }))),
    ...docTypeWarnings({ docType, documentNumber: '', nodeNames: [], organKind: organ.kind }).map((w) => ({ ...w, when: { docType } })),
  ]);
  const docType = String(values.docType ?? '');
  // Shown now: exactly what the rule says for the form as it is (a note may read alike for two 栏目; the first holds).
  const holds = (n: (typeof notes)[number]) => n.when.docType === docType && shownMessages.has(n.message);
  const shownNotes = new Set<string>();
  return (
    <div class="notice" role="note" id="w-docType" data-live-notes data-first-of={JSON.stringify({ nodeIds: columns.map((c) => c.id) })} hidden={shown.length === 0}>
      {notes.map((n) => {
        const show = holds(n) && !shownNotes.has(n.message);
        if (show) shownNotes.add(n.message);
        return <p key={`${n.code}-${JSON.stringify(n.when)}`} data-when={JSON.stringify(n.when)} hidden={!show}>{n.message}</p>;
      })}
    </div>
  );
}

/**
 * 从 Word 文档导入正文 without JavaScript (docs/adr/0017): a file box and 导入 buttons in the item's own form,
 * under the 正文, that send the whole form with the .docx — on a new item too — and bring it back with the
 * converted body, 标题, 文号 and 成文日期 filled in, not yet saved. With JavaScript the editor's toolbar
 * imports instead and hides this (data-docx-fallback).
 */
function DocxImportFallback({ organ, publication, attachmentsEditable, errors }: { organ: Organ; publication: Publication | null; attachmentsEditable: boolean; errors: FieldErrors }) {
  const action = publication ? `/admin/publications/${publication.id}/import-docx` : `/admin/organs/${organ.code}/publications/new/import-docx`;
  const hint = !publication
    ? '导入的内容替换上面的正文，文档的标题、文号和落款日期填入表单，核对并选好五公开类别和目录栏目后请点“保存草稿”；文档中的图片在保存草稿后再导入才会一并保存'
    : attachmentsEditable ? '导入的内容替换上面的正文，核对后请点“保存”；文档中的图片作为附件保存并插入正文' : '导入的内容替换上面的正文，核对后请点“保存”；图片请另行上传';
  return (
    <div class="panel" data-docx-fallback>
      <Field name="docx" label="从 Word 文档导入正文（.docx）" errors={errors} hint={hint}>
        <input id="f-docx" name="file" type="file" accept=".docx" />
      </Field>
      <div class="actions">
        <button class="btn btn-secondary" type="submit" formaction={action} formenctype="multipart/form-data">导入</button>
        {attachmentsEditable && <button class="btn btn-secondary" type="submit" formaction={`${action}?keepOriginal=1`} formenctype="multipart/form-data">导入并把原件保存为附件</button>}
      </div>
    </div>
  );
}

/**
 * Where the review stands, at the top of the page: the review panel comes after the item's long form
 * (5,000 px down on a phone), so the scan's count and links to the findings and the verbs come first.
 */
function ReviewShortcut({ review }: { review: ReviewOverview }) {
  const findings = review.form?.scannedAt ? review.form.scanFindings : null;
  const blocking = (findings ?? []).filter((f) => f.severity === 'block').length;
  const anyVerb = review.allowed.length > 0 || Object.keys(review.blocked).length > 0;
  if (!findings && !anyVerb) return null;
  return (
    <p id="review-shortcut">
      {findings && <a href="#scan-h">{findings.length ? `敏感信息扫描发现 ${findings.length} 处，其中须处理 ${blocking} 处` : '敏感信息扫描未发现问题'}</a>}
      {findings && anyVerb && ' · '}
      {anyVerb && <a href="#verbs-h">审核与发布操作</a>}
    </p>
  );
}

/**
 * Why the form cannot be changed now, and what to do, as the item's state actually is: in review or
 * approved it is returned by its reviewer; a published item is amended — unless a revision by someone
 * else is already under review (the refusal `decide` gives for 修订), which is then named and linked.
 */
function LockedNotice({ publication, review }: { publication: Publication; review: ReviewOverview | null }) {
  const pending = review?.blocked.amend?.find((r) => r.code === 'ERR_REVIEW_REVISION_PENDING');
  const revision = review?.revision ?? null;
  // Returned, it waits on its proposer (only they rework it): nobody reviews it until they submit it again (ADR 0051).
  if (publication.status === 'published' && pending && revision?.returned) {
    return <p class="notice notice-info">{pending.message}。该修订由 {revision.proposedByLabel} 于 {chinaTimeOf(revision.proposedAt)} 提交，{revision.returned.byLabel} 于 {chinaTimeOf(revision.returned.at)} 退回，<a href="#revision-h">查看退回修改的修订</a>。</p>;
  }
  if (publication.status === 'published' && pending) {
    return (
      <p class="notice notice-info">
        {pending.message}。{revision && <>该修订由 {revision.proposedByLabel} 于 {chinaTimeOf(revision.proposedAt)} 提交，<a href="#revision-h">{revision.returned ? '查看退回修改的修订' : '查看待审核的修订'}</a>{review?.allowed.includes('approve_amendment') || review?.blocked.approve_amendment ? '，可在下方审核' : ''}。</>}
      </p>
    );
  }
  if (publication.status === 'published') return <p class="notice notice-info">已发布的信息只能由本机关的起草人或发布人修订，您可以查看内容。</p>;
  if (publication.status === 'withdrawn') return <p class="notice notice-info">该信息已撤回，内容不能修改。</p>;
  return <p class="notice notice-info">该信息处于“{PUBLICATION_STATUS_LABELS[publication.status]}”状态，内容不能修改；如需修改，请由审核人退回。</p>;
}

/**
 * On an item's page in the back office: an interpretation's policies and what it still needs before
 * publication, or a document's interpretations with a link to write one.
 */
function InterpretationLinks({ publication, organ, view }: { publication: Publication; organ: Organ; view: InterpretationView }) {
  const links = view.links ?? { policies: [], interpretations: [] };
  const item = (l: LinkedItem) => (
    <li key={l.id}>
      <a href={`/admin/publications/${l.id}`}>{l.title}</a>
      <span class="count">（{[l.interpretationForm ? INTERPRETATION_FORM_LABELS[l.interpretationForm] : l.documentNumber, l.organId !== organ.id ? l.organName : null, PUBLICATION_STATUS_LABELS[l.status as PublicationStatus], l.publishedOn].filter(Boolean).join('，')}）</span>
    </li>
  );
  if (publication.itemKind === 'interpretation') {
    return (
      <section aria-labelledby="interp-h" class="panel">
        <h2 id="interp-h">所解读的政策文件</h2>
        {links.policies.length === 0 ? <p>尚未关联政策文件。</p> : <ul>{links.policies.map(item)}</ul>}
        {view.missing.length > 0 && (
          <div class="notice notice-info">
            <p>发布前还需要：</p>
            <ul>{view.missing.map((r) => <li key={r.message}>{r.message}</li>)}</ul>
          </div>
        )}
      </section>
    );
  }
  return (
    <section aria-labelledby="interp-h" class="panel">
      <h2 id="interp-h">政策解读</h2>
      {links.interpretations.length === 0 ? <p>本文件还没有政策解读。</p> : <ul>{links.interpretations.map(item)}</ul>}
      {publication.status !== 'withdrawn' && <p><a class="btn btn-secondary" href={`/admin/organs/${organ.code}/publications/new?interprets=${publication.id}`}>为本文件撰写政策解读</a></p>}
    </section>
  );
}
