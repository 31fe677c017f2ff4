import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { asString, fieldErrorsOf, pageQueryParam, setFlash } from '../../../platform/views/admin-helpers.ts';
import { topFlash } from '../../../platform/views/flash.tsx';
import { sendPage } from '../../../platform/views/render.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { chinaDateOf } from '../../../shared/iso-date.ts';
import {
  addAttachment, createPublication, findAttachment, findPublication, interpretationLinks, interpretationPublishRefusals, interpretationTitleFor, latestDocumentNumber, listAttachments,
  listCatalogNodes, listDirectoryMatters, pageForStaff, policyCandidatesFor, PUBLICATION_STATUS_LABELS, removeAttachment, sendAttachmentFile, staffContext, updatePublication, type StaffContext,
} from '../../catalog/index.ts';
import { actorOf, requireStaff } from '../../identity/index.ts';
import { docxToHtml } from '../../../platform/editor/docx-to-html.ts';
import { findSubmissionTask } from '../storage/submission-tasks-repository.ts';
import { loadForm } from '../storage/review-repository.ts';
import { checkReviewForm, clearReviewForm, fillReviewForm, saveReviewForm } from '../use-cases/fill-review-form.ts';
import { performReviewVerb } from '../use-cases/perform-review-verb.ts';
import { reviewOverview } from '../use-cases/review-overview.ts';
import { linkToTask } from '../use-cases/submission-tasks.ts';
import { addRevisionAttachment, keepRevisionAttachment, removeRevisionAttachment } from '../use-cases/revision-attachments.ts';
import { ATTACHMENTS, REVIEW_PANEL } from './item-page-places.ts';
import { PublicationFormPage, policyIdsOf, publicationFormValues, revisionFormValues, typedReviewForm, type PublicationFormValues } from './publication-form-page.tsx';
import { submittedMessage } from './review-admin-routes.tsx';
import { PublicationsListPage, submittingUnitsOf } from './publications-list-page.tsx';

type Body = Record<string, unknown>;
/**
 * What saving the item's form did: saved (a revision, or the text; its 保密审查表 written, or removed when
 * emptied), or refused — with whether its 保密审查表 was written before the refusal.
 */
type ItemFormOutcome = { saved: true; amended: boolean; tableSaved: boolean; tableCleared: boolean } | { saved: false; error: unknown; tableSaved: boolean };

/** A multipart form's fields (not its files nor its token) as the form page reads them: a repeated name (栏目) as a list. */
function formFieldsOf(fields: Record<string, unknown>): PublicationFormValues {
  const values: PublicationFormValues = {};
  for (const [name, entry] of Object.entries(fields)) {
    if (name === '_csrf' || name === 'file' || name === 'attachment') continue;
    const list = (Array.isArray(entry) ? entry : [entry]).filter((f): f is { type: 'field'; value: unknown } => !!f && (f as { type?: string }).type === 'field').map((f) => String(f.value));
    if (list.length > 0) values[name] = Array.isArray(entry) ? list : list[0];
  }
  return values;
}
/** An emptied 保密审查表 saved: the stored one is removed (clearReviewForm), and the item needs it again. */
const TABLE_CLEARED = '保密审查表已清空，报送审核前须重新填写';
const notFound = (what: string) => new DomainError('ERR_NOT_FOUND', `${what}不存在`, { httpStatus: 404 });

/**
 * The editor's back office for items: the staff list, the item form (content, attachments and the
 * review panel), a published item's amendment. Review owns every change of an item's status, so
 * these routes live here; the catalog owns organs, the tree and the portal. Post/redirect/get;
 * failed forms re-render with what was typed.
 */
export function publicationEditorRoutes(deps: AppDeps) {
  const { db } = deps;

  async function renderPublicationForm(request: FastifyRequest, reply: FastifyReply, scope: StaffContext, publicationId: number | null, organCode: string, initialValues: PublicationFormValues | null, errors: Record<string, string>, status = 200, conflict = false) {
    let values = initialValues;
    const publication = publicationId ? await findPublication(db, publicationId) : null;
    // Every path that re-renders the form (a refused upload, a failed save) shows only an item the
    // person may edit: another organ's draft is "not found", never shown (test/security/).
    if (publicationId && (!publication || !scope.staffOf.some((o) => o.id === publication.organId))) throw notFound('信息');
    const organ = publication ? scope.organs.find((o) => o.id === publication.organId)! : await scope.organ(organCode);
    const nodes = await listCatalogNodes(db, organ.id);
    const matters = await listDirectoryMatters(db, organ.id);
    const attachments = publication ? await listAttachments(db, publication.id, 'all') : [];
    const review = publication ? await reviewOverview(deps, actorOf(request, 'web'), publication.id) : null;
    const taskId = Number((request.query as { task?: string }).task ?? (values as Record<string, unknown> | null)?.taskId) || null;
    if (!publication && taskId && !values) {
      const task = await findSubmissionTask(db, taskId);
      if (task?.node_id) values = { formedOn: chinaDateOf(deps.clock.now()), formedOnDefault: chinaDateOf(deps.clock.now()), disclosureMode: 'proactive', disclosurePeriod: 'long_term', audience: 'public', validity: 'valid', nodeIds: [String(task.node_id)] };
    }
    // From the supervision views: a new item for a node that is stale or empty (?node=), or for a
    // standard-directory 事项 with nothing published yet (?matter=: its node, 事项 and 五公开 stage).
    // No 五公开 stage is chosen for the officer (a preselected one was filed unread), unless the 事项 gives it;
    // nor a 文件类型 (a preselected 其他 kept a 规范性文件 out of the 年报's second part).
    const today = chinaDateOf(deps.clock.now());
    const fresh: PublicationFormValues = { formedOn: today, formedOnDefault: today, disclosureMode: 'proactive', disclosurePeriod: 'long_term', audience: 'public', validity: 'valid' };
    const wantedMatter = matters.find((m) => m.id === Number((request.query as { matter?: string }).matter));
    const wantedNode = nodes.find((n) => n.id === Number((request.query as { node?: string }).node));
    if (!publication && !values && wantedMatter) values = { ...fresh, stage: wantedMatter.stage, nodeIds: [String(wantedMatter.nodeId)], matterId: String(wantedMatter.id) };
    else if (!publication && !values && wantedNode) values = { ...fresh, nodeIds: [String(wantedNode.id)] };
    // 为本文件撰写政策解读 (from a policy's page or the list of policies waiting for one): a new
    // interpretation of that policy, placed in the organ's 政策解读 node, with a title to start from.
    const interpretsId = Number((request.query as { interprets?: string }).interprets) || null;
    if (!publication && interpretsId && !values) {
      const policy = await findPublication(db, interpretsId);
      const visible = !!policy && policy.status !== 'withdrawn' && (policy.status === 'published' || scope.staffOf.some((o) => o.id === policy.organId));
      if (policy && visible) {
        values = {
          formedOn: chinaDateOf(deps.clock.now()), formedOnDefault: chinaDateOf(deps.clock.now()), stage: 'decision', disclosureMode: 'proactive', disclosurePeriod: 'long_term', audience: 'public', validity: 'valid',
          // A 政策解读 explains a policy; it is not itself a 规章 or 规范性文件.
          docType: 'other',
          itemKind: 'interpretation', interpretationForm: 'text', policyIds: [String(policy.id)], title: interpretationTitleFor(policy.title), genre: '解读',
          subject: policy.subject, keywords: [...policy.keywords.slice(0, 2), '政策解读'].join(' '), consultPhone: policy.consultPhone ?? '',
          nodeIds: nodes.filter((n) => n.name.trim() === '政策解读').map((n) => String(n.id)),
        };
      }
    }
    // A published item with an amendment under review shows the amendment (the published text is on the portal).
    const formValues = values ?? (review?.revision ? revisionFormValues(review.revision.input, review.revision.changeNote, publication!) : publication ? publicationFormValues(publication) : fresh);
    const [candidates, links, missing, documentNumberExample] = await Promise.all([
      // The policies the form names are listed (ticked, with their titles) even when older than the newest few.
      policyCandidatesFor(db, organ, scope.mayDraft(organ), policyIdsOf(formValues.policyIds)),
      publication ? interpretationLinks(db, publication.id, scope.staffOf.map((o) => o.id)) : Promise.resolve(null),
      publication && publication.itemKind === 'interpretation' && publication.status !== 'published' ? interpretationPublishRefusals(db, publication) : Promise.resolve([]),
      // The 文号 hint's example is the organ's own latest 文号, not another county's.
      latestDocumentNumber(db, organ.id),
    ]);
    return sendPage(reply, (
      <PublicationFormPage
        scope={scope} organ={organ} nodes={nodes} values={formValues} errors={errors} publication={publication} attachments={attachments} review={review} taskId={taskId}
        interpretation={{ candidates, links, missing }} matters={matters} conflict={conflict} documentNumberExample={documentNumberExample}
      />
    ), status);
  }

  return async function plugin(app: FastifyInstance) {
    app.addHook('preHandler', requireStaff(deps));

    // Word → body text (docs/adr/0017): the editor's 导入 Word 文档 asks for JSON; without JavaScript the
    // item's form comes back with the converted body in it, not yet saved.
    /**
     * Reads the uploaded .docx and converts it. For a draft the person may edit (`publicationId`), its
     * pictures become the draft's attachments and, when asked, the .docx itself is kept as one too.
     */
    /**
     * The upload: the .docx and the fields sent with it. The item's form sends all its fields (the
     * no-JavaScript 导入 button is in the form, under the 正文); those after the file are read too (the
     * token came first, request-auth.ts), so a refused file still gives the form back as typed.
     */
    const readUpload = async (request: FastifyRequest) => {
      const file = request.isMultipart() ? await request.file() : undefined;
      const bytes = file ? await file.toBuffer() : Buffer.alloc(0);
      if (file?.fields._csrf) await request.file();
      return { fileName: file?.filename ?? '', bytes, typed: file ? formFieldsOf(file.fields) : {} };
    };
    const readDocx = async (
      request: FastifyRequest, upload: Awaited<ReturnType<typeof readUpload>>, publicationId: number | null, keepOriginal: boolean,
      stored: { title?: string; documentNumber?: string; formedOn?: string; formedOnDefault?: string } = {},
      /** The organ the item is for: a 版头 or 落款 of another organ is told (a soft warning in the notes). */
      organ: Pick<StaffContext['organs'][number], 'name' | 'shortName'> | null = null,
    ) => {
      const { fileName, bytes, typed } = upload;
      if (!fileName) throw new DomainError('ERR_EDITOR_DOCX_EMPTY', '请选择要导入的 Word 文档', { field: 'file' });
      const typedField = (name: string) => (typeof typed[name] === 'string' ? typed[name] as string : undefined);
      // The form's 标题 as typed (the editor sends it before the file), else the item's stored one: the
      // document's own title line then fills or matches it (docx-to-html.ts, leadingTitleOf).
      // So is the 文号, which a 版头's 文号 line fills when it is empty, and the 成文日期, which the
      // 落款's date fills while it is the date the form gave (formedOnDefault), never one the officer set;
      // a draft saved with that date still holds it as the form's (formed_on_set), so a later import fills it too.
      const currentTitle = typedField('title') ?? stored.title;
      const currentDocumentNumber = typedField('documentNumber') ?? stored.documentNumber;
      const currentFormedOn = typedField('formedOn') ?? stored.formedOn;
      const formedOnIsDefault = !!currentFormedOn && (typedField('formedOnDefault') ?? stored.formedOnDefault) === currentFormedOn;
      const draft = publicationId ? await findPublication(db, publicationId) : null;
      const intoDraft = !!draft && ['draft', 'returned'].includes(draft.status);
      const actor = actorOf(request, 'web');
      const base = fileName.replace(/\.docx$/i, '').slice(0, 60) || 'Word文档';
      const converted = await docxToHtml(bytes, intoDraft ? async ({ bytes: picture, ext, index }) => {
        const fileName = `${base}-图片${index}${ext}`;
        const id = await addAttachment(deps, actor, draft!.id, { fileName, bytes: picture });
        return `/attachments/${id}/${encodeURIComponent(fileName)}`;
      } : undefined, currentTitle === undefined ? {} : {
        currentTitle, ...(currentDocumentNumber === undefined ? {} : { currentDocumentNumber }),
        ...(currentFormedOn === undefined ? {} : { currentFormedOn, formedOnIsDefault }),
        ...(organ ? { organNames: [organ.name, organ.shortName] } : {}),
      });
      if (intoDraft && keepOriginal) {
        await addAttachment(deps, actor, draft!.id, { fileName, bytes });
        converted.notes.push(`Word 原件“${fileName}”已作为附件保存`);
      }
      return converted;
    };
    /** The form as it came back with an import: what the document gave filled in, for the officer to check and save. */
    const importedForm = (current: PublicationFormValues, r: Awaited<ReturnType<typeof readDocx>>): PublicationFormValues => ({
      ...current, bodyHtml: r.html, ...(r.title ? { title: r.title } : {}), ...(r.documentNumber ? { documentNumber: r.documentNumber } : {}),
      // A 成文日期 the import filled is still not the officer's: a later import may fill it again.
      ...(r.formedOn ? { formedOn: r.formedOn, formedOnDefault: r.formedOn } : {}),
    });
    const importFlash = (notes: string[], saved: string) => topFlash(`已从 Word 文档导入正文${notes.length ? `（${notes.join('；')}）` : ''}，请核对后点“${saved}”。`);
    /** The draft a conversion is for, if the person may see it (its organ is theirs). */
    const draftFor = async (request: FastifyRequest, reply: FastifyReply, raw: unknown) => {
      const id = Number(raw) || 0;
      if (!id) return null;
      const scope = await staffContext(deps, request, reply);
      const p = await findPublication(db, id);
      if (!p || !scope.staffOf.some((o) => o.id === p.organId)) throw notFound('信息');
      return p.id;
    };
    app.post<{ Querystring: { publication?: string; organ?: string; keepOriginal?: string } }>('/admin/documents/docx-to-html', async (request, reply) => {
      try {
        // The item's organ: the draft's, or the new item's (its form names it in the address).
        const scope = await staffContext(deps, request, reply);
        const draftId = await draftFor(request, reply, request.query.publication);
        const draftOrgan = draftId ? (await findPublication(db, draftId))!.organId : null;
        const organ = draftOrgan ? scope.organs.find((o) => o.id === draftOrgan) ?? null : request.query.organ ? await scope.organ(request.query.organ) : null;
        const { html, notes, title, documentNumber, formedOn } = await readDocx(request, await readUpload(request), draftId, request.query.keepOriginal === '1', {}, organ);
        return { html, notes, ...(title ? { title } : {}), ...(documentNumber ? { documentNumber } : {}), ...(formedOn ? { formedOn } : {}) };
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        return reply.status(e.httpStatus).send({ error: { code: e.code, message: e.message, reasons: e.reasons } });
      }
    });
    app.post<{ Params: { id: string }; Querystring: { keepOriginal?: string } }>('/admin/publications/:id/import-docx', async (request, reply) => {
      const scope = await staffContext(deps, request, reply);
      const id = Number(request.params.id) || 0;
      const p = await findPublication(db, id);
      if (!p || !scope.staffOf.some((o) => o.id === p.organId)) throw notFound('信息');
      const review = await reviewOverview(deps, actorOf(request, 'web'), p.id);
      const stored = review.revision ? revisionFormValues(review.revision.input, review.revision.changeNote, p) : publicationFormValues(p);
      const text = (k: string) => (typeof stored[k] === 'string' ? stored[k] as string : '');
      const upload = await readUpload(request);
      // Sent from the item's form (its 导入 button): what was typed there stays; else (an older page) the item as stored.
      const current = typeof upload.typed.title === 'string' ? { expectedVersion: text('expectedVersion'), ...upload.typed } : stored;
      try {
        const r = await readDocx(request, upload, p.id, request.query.keepOriginal === '1', {
          title: text('title'), documentNumber: text('documentNumber'), formedOn: text('formedOn'), formedOnDefault: text('formedOnDefault'),
        }, scope.organs.find((o) => o.id === p.organId) ?? null);
        reply.header('Cache-Control', 'no-store');
        return renderPublicationForm(request, reply, { ...scope, flash: importFlash(r.notes, '保存') }, p.id, '', importedForm(current, r), {});
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        return renderPublicationForm(request, reply, scope, p.id, '', current, { docx: e.message }, e.httpStatus);
      }
    });
    // Without JavaScript, a new item's form imports a .docx too (its 导入 button is in the form): the form
    // comes back with what was typed, the converted body and the 标题, 文号 and 成文日期 the document gave,
    // not yet saved. Its pictures are left out (counted): they become attachments once a draft is saved.
    app.post<{ Params: { code: string } }>('/admin/organs/:code/publications/new/import-docx', async (request, reply) => {
      const scope = await staffContext(deps, request, reply);
      const organ = await scope.organ(request.params.code);
      const upload = await readUpload(request);
      try {
        const r = await readDocx(request, upload, null, false, { title: '', documentNumber: '', formedOn: '' }, organ);
        reply.header('Cache-Control', 'no-store');
        return renderPublicationForm(request, reply, { ...scope, flash: importFlash(r.notes, '保存草稿') }, null, organ.code, importedForm(upload.typed, r), {});
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        return renderPublicationForm(request, reply, scope, null, organ.code, typeof upload.typed.title === 'string' ? upload.typed : null, { docx: e.message }, e.httpStatus);
      }
    });

    // Publications
    app.get<{ Querystring: { organ?: string; unit?: string; status?: string; q?: string; page?: string } }>('/admin/publications', async (request, reply) => {
      const scope = await staffContext(deps, request, reply);
      const hasCatalog = await scope.hasCatalog();
      const organCode = request.query.organ ?? '';
      // Any state the 状态 box offers (审核中、已退回修改、审核通过待发布、定时发布 too, not only 草稿/已发布/已撤回).
      const status = Object.keys(PUBLICATION_STATUS_LABELS).includes(request.query.status ?? '') ? request.query.status! : '';
      const q = (request.query.q ?? '').trim().slice(0, 100);
      // A unit without catalog picked as 机关 has no items of its own: they are its organ's, with it as 报送单位
      // (found by an outside tester: always 0), so the list is the organ's filtered by the unit.
      const asOrgan = scope.staffOf.find((o) => o.code === organCode);
      const parent = asOrgan && asOrgan.kind === 'unit' && !hasCatalog(asOrgan) ? scope.organs.find((o) => o.id === asOrgan.parentId) : undefined;
      if (asOrgan && parent) {
        return reply.redirect(`/admin/publications?organ=${encodeURIComponent(parent.code)}&unit=${encodeURIComponent(asOrgan.code)}&status=${status}&q=${encodeURIComponent(q)}`, 303);
      }
      // 报送单位: one of the units (股室) of the organs listed; another code filters nothing.
      const unit = request.query.unit ? submittingUnitsOf(scope).find((u) => u.code === request.query.unit) : undefined;
      const organIds = organCode ? scope.staffOf.filter((o) => o.code === organCode).map((o) => o.id) : scope.staffOf.map((o) => o.id);
      const page = pageQueryParam(request.query.page);
      // Staff of every organ (a system administrator) list the whole catalog: asked without an organ filter.
      const everyOrgan = !organCode && organIds.length === scope.organs.length;
      const { items, total } = await pageForStaff(db, { organIds: everyOrgan ? null : organIds, status: (status || undefined) as never, q: q || undefined, submittingUnitId: unit?.id, page, pageSize: 30 });
      return sendPage(reply, <PublicationsListPage scope={scope} hasCatalog={hasCatalog} organCode={organCode} unitCode={unit?.code ?? ''} status={status} q={q} items={items} total={total} page={page} pageSize={30} today={chinaDateOf(deps.clock.now())} />);
    });
    app.get<{ Querystring: { organ?: string } }>('/admin/publications/new', async (request, reply) => {
      const organ = await (await staffContext(deps, request, reply)).organ(String(request.query.organ ?? ''));
      return reply.redirect(`/admin/organs/${encodeURIComponent(organ.code)}/publications/new`, 303);
    });
    app.get<{ Params: { code: string } }>('/admin/organs/:code/publications/new', async (request, reply) =>
      renderPublicationForm(request, reply, await staffContext(deps, request, reply), null, request.params.code, null, {}),
    );
    app.post<{ Params: { code: string } }>('/admin/organs/:code/publications/new', async (request, reply) => {
      const scope = await staffContext(deps, request, reply);
      const organ = await scope.organ(request.params.code);
      try {
        // The 成文日期 the form gave (formedOnDefault): saved unchanged, it is still not the officer's (docs/adr/0017).
        const p = await createPublication(deps, actorOf(request, 'web'), organ.id, request.body, { formedOnDefault: asString((request.body as Body).formedOnDefault) });
        const taskId = Number(asString((request.body as Body).taskId)) || null;
        if (taskId) await linkToTask(deps, actorOf(request, 'web'), p.id, taskId);
        setFlash(reply, '草稿已保存。请填写下方的保密审查表后报送审核');
        return reply.redirect(`/admin/publications/${p.id}`, 303);
      } catch (e) {
        return renderPublicationForm(request, reply, scope, null, organ.code, request.body as PublicationFormValues, fieldErrorsOf(e), 400);
      }
    });
    app.get<{ Params: { id: string } }>('/admin/publications/:id', async (request, reply) => {
      const scope = await staffContext(deps, request, reply);
      const p = await findPublication(db, Number(request.params.id) || 0);
      if (!p || !scope.staffOf.some((o) => o.id === p.organId)) throw notFound('信息');
      return renderPublicationForm(request, reply, scope, p.id, '', null, {});
    });
    /**
     * Saves what the item's form sent: its text (a draft's or returned item's, or a published item's
     * revision, 修订) and the 保密审查表 whose fields belong to it while it can be filled. The table is
     * checked first, so a wrong one refuses both before either is written; a revision's table is
     * written before the revision, whose gate needs its 密级. Returns what was saved.
     */
    async function saveItemForm(request: FastifyRequest, id: number, body: Body): Promise<ItemFormOutcome> {
      const actor = actorOf(request, 'web');
      const current = await findPublication(db, id);
      const stored = current ? await loadForm(db, id) : null;
      const typed = typedReviewForm(body);
      // The table is on the page (and so sent) only while it can be filled: a draft's or returned item's, or a published item's that has none.
      const fillable = !!current && (['draft', 'returned'].includes(current.status) || (current.status === 'published' && !stored));
      const saysSomething = !!typed && (typed.secrecyLevel !== '' || typed.involvesPersonalInfo || typed.avoidanceNote.trim() !== '');
      const changed = !!typed && (!stored || stored.secrecyLevel !== typed.secrecyLevel || stored.involvesPersonalInfo !== typed.involvesPersonalInfo || stored.avoidanceNote !== typed.avoidanceNote.trim());
      const table = fillable && saysSomething && changed ? body : null;
      // Every field emptied takes back a stored table (a draft's or returned item's: a published item's is
      // locked once it has one, and then not on the page): the item needs it filled again before 报送审核.
      const clearing = fillable && !!typed && !saysSomething && !!stored;
      const expectedVersion = Number(asString(body.expectedVersion)) || undefined;
      let tableSaved = false;
      try {
        if (table) checkReviewForm(table);
        if (current?.status === 'published') {
          if (table) tableSaved = (await fillReviewForm(deps, actor, id, table), true);
          await performReviewVerb(deps, actor, id, 'amend', { amended: body, changeNote: asString(body.changeNote), expectedVersion });
          return { saved: true, amended: true, tableSaved, tableCleared: false };
        }
        await updatePublication(deps, actor, id, body, expectedVersion, { formedOnDefault: asString(body.formedOnDefault) });
        if (table) tableSaved = (await fillReviewForm(deps, actor, id, table), true);
        const tableCleared = clearing && await clearReviewForm(deps, actor, id);
        return { saved: true, amended: false, tableSaved, tableCleared };
      } catch (error) {
        return { saved: false, error, tableSaved };
      }
    }
    /** The item's form refused: the page again with everything typed, and why (a 保密审查表 already written is said to be). */
    const refusedItemForm = (request: FastifyRequest, reply: FastifyReply, scope: StaffContext, id: number, body: Body, e: unknown, tableSaved: boolean) => {
      const told = tableSaved ? { ...scope, flash: topFlash('保密审查表已保存；修订还没有保存（仍在下面的表单中）') } : scope;
      // Saved by someone else meanwhile: the work typed here is in the form this page sends back.
      if (e instanceof DomainError && e.code === 'ERR_CATALOG_VERSION_CONFLICT') {
        return renderPublicationForm(request, reply, told, id, '', body as PublicationFormValues, { _form: '该信息已被他人修改，您的修改还没有保存（仍在下面的表单中）' }, 409, true);
      }
      return renderPublicationForm(request, reply, told, id, '', body as PublicationFormValues, fieldErrorsOf(e), 400);
    };
    app.post<{ Params: { id: string } }>('/admin/publications/:id', async (request, reply) => {
      const scope = await staffContext(deps, request, reply);
      const id = Number(request.params.id) || 0;
      const body = request.body as Body;
      const saved = await saveItemForm(request, id, body);
      if (!saved.saved) return refusedItemForm(request, reply, scope, id, body, saved.error, saved.tableSaved);
      setFlash(reply, saved.amended
        ? '修订已保存并报送审核：经发布人审核通过后替换已发布的内容，此前门户仍显示现行版本'
        : saved.tableSaved ? '已保存（连同保密审查表）' : saved.tableCleared ? `已保存。${TABLE_CLEARED}` : '已保存');
      return reply.redirect(`/admin/publications/${id}`, 303);
    });
    // 保存并报送审核 (the review panel's button of the item's form): what is typed is saved first, then submitted;
    // a refused 报送 leaves it saved and says so, with every reason.
    app.post<{ Params: { id: string } }>('/admin/publications/:id/save-and-submit', async (request, reply) => {
      const scope = await staffContext(deps, request, reply);
      const id = Number(request.params.id) || 0;
      const body = request.body as Body;
      const saved = await saveItemForm(request, id, body);
      if (!saved.saved) return refusedItemForm(request, reply, scope, id, body, saved.error, saved.tableSaved);
      if (saved.amended) {
        setFlash(reply, '修订已保存并报送审核：经发布人审核通过后替换已发布的内容，此前门户仍显示现行版本');
        return reply.redirect(`/admin/publications/${id}`, 303);
      }
      try {
        await performReviewVerb(deps, actorOf(request, 'web'), id, 'submit');
        setFlash(reply, `已保存。${await submittedMessage(db, id)}`, { at: REVIEW_PANEL });
      } catch (e) {
        if (!(e instanceof DomainError) || e.httpStatus === 404) throw e;
        setFlash(reply, saved.tableCleared ? '已保存（保密审查表已清空），尚未报送：' : '已保存，尚未报送：', { at: REVIEW_PANEL, refused: true, reasons: e.reasons.length ? e.reasons.map((r) => r.message) : [e.message] });
      }
      return reply.redirect(`/admin/publications/${id}#${REVIEW_PANEL}`, 303);
    });
    // 保存审查表. Sent with the item's form (its fields belong to it while the text can be edited), only the
    // table is saved, and the page answers with the text as typed, not as stored: an unsaved revision or
    // edit is never thrown away by it. Sent alone (an older page, a script), the page is shown again as stored.
    app.post<{ Params: { id: string } }>('/admin/publications/:id/review-form', async (request, reply) => {
      const id = Number(request.params.id) || 0;
      const body = (request.body ?? {}) as Body;
      if (typeof body.title !== 'string') {
        try {
          const done = await saveReviewForm(deps, actorOf(request, 'web'), id, body);
          setFlash(reply, done === 'cleared' ? TABLE_CLEARED : '保密审查表已保存', { at: REVIEW_PANEL });
        } catch (e) {
          setFlash(reply, '保密审查表未保存：', { at: REVIEW_PANEL, refused: true, reasons: Object.values(fieldErrorsOf(e)) });
        }
        return reply.redirect(`/admin/publications/${id}#${REVIEW_PANEL}`, 303);
      }
      const scope = await staffContext(deps, request, reply);
      reply.header('Cache-Control', 'no-store');
      let done: Awaited<ReturnType<typeof saveReviewForm>>;
      try {
        done = await saveReviewForm(deps, actorOf(request, 'web'), id, body);
      } catch (e) {
        return renderPublicationForm(request, reply, scope, id, '', body as PublicationFormValues, fieldErrorsOf(e), 400);
      }
      const amending = (await findPublication(db, id))?.status === 'published';
      const told = topFlash(`${done === 'cleared' ? TABLE_CLEARED : '保密审查表已保存'}。上面表单中的${amending ? '修订' : '修改'}还没有保存（仍在表单中），核对后请点“${amending ? '保存修订并报送审核' : '保存'}”。`);
      return renderPublicationForm(request, reply, { ...scope, flash: told }, id, '', body as PublicationFormValues, {});
    });
    /**
     * An attachment's upload. Its 上传 button is one of the item's form (ITEM_FORM), so the request holds
     * the file (`attachment`; `file` from a script or an older page) and every field typed in that form,
     * read to the end (the token came first, request-auth.ts). `seen` keeps the fields read so far, for a
     * file refused as too large midway.
     */
    const readAttachmentUpload = async (request: FastifyRequest, seen: { fields: Record<string, unknown> }) => {
      const files: { fieldName: string; fileName: string; bytes: Buffer }[] = [];
      let part = request.isMultipart() ? await request.file() : undefined;
      // Past the token, request.file() answers each next file of the stream (request-auth.ts); without it, only the first is read.
      const streamed = !!part?.fields._csrf;
      while (part) {
        seen.fields = part.fields;
        files.push({ fieldName: part.fieldname, fileName: part.filename, bytes: await part.toBuffer() });
        part = streamed ? await request.file() : undefined;
      }
      // The item form's own file box (从 Word 文档导入正文, `file`) is not the attachment.
      const file = files.find((f) => f.fieldName === 'attachment') ?? (files.some((f) => f.fieldName === 'attachment') ? undefined : files.find((f) => f.fieldName === 'file'));
      if (!file || !file.fileName) throw new DomainError('ERR_CATALOG_ATTACHMENT_EMPTY', '请选择要上传的文件', { field: 'file' });
      return file;
    };
    /** The item's form as a button of it sent it (its 标题 is there), or null: sent alone, by a script or an older page. */
    const carriedForm = (fields: Record<string, unknown>): PublicationFormValues | null => {
      const values = Object.values(fields).some((f) => !!f && typeof f === 'object' && (f as { type?: string }).type === 'field') ? formFieldsOf(fields) : fields as PublicationFormValues;
      return typeof values.title === 'string' ? values : null;
    };
    /**
     * What a button of the item's form did, told at the top of the page that comes back with the form as
     * typed: nothing typed there is lost by it (an outside tester lost a revision to a second form's reload).
     */
    const answerCarried = async (request: FastifyRequest, reply: FastifyReply, scope: StaffContext, id: number, typed: PublicationFormValues, done: string) => {
      const amending = (await findPublication(db, id))?.status === 'published';
      reply.header('Cache-Control', 'no-store');
      const told = topFlash(`${done}。上面表单中的${amending ? '修订' : '修改'}还没有保存（仍在表单中），核对后请点“${amending ? '保存修订并报送审核' : '保存'}”。`);
      return renderPublicationForm(request, reply, { ...scope, flash: told }, id, '', typed, {});
    };
    /** A draft's attachment (draft, returned) or a published item's with its pending revision (public once it is approved, issue 9). */
    for (const [path, add, done] of [
      ['/admin/publications/:id/attachments', addAttachment, (name: string) => `已上传附件“${name}”`],
      ['/admin/publications/:id/revision/attachments', addRevisionAttachment, (name: string) => `已随修订上传附件“${name}”，修订审核通过后公开`],
    ] as const) {
      const revision = path.includes('/revision/');
      app.post<{ Params: { id: string } }>(path, async (request, reply) => {
        const scope = await staffContext(deps, request, reply);
        const id = Number(request.params.id) || 0;
        const p = await findPublication(db, id);
        if (!p || !scope.staffOf.some((o) => o.id === p.organId)) throw notFound('信息');
        const seen = { fields: {} as Record<string, unknown> };
        try {
          const file = await readAttachmentUpload(request, seen);
          await add(deps, actorOf(request, 'web'), id, { fileName: file.fileName, bytes: file.bytes });
          const typed = carriedForm(seen.fields);
          if (typed) return answerCarried(request, reply, scope, id, typed, done(file.fileName));
          setFlash(reply, done(file.fileName), revision ? { at: ATTACHMENTS } : undefined);
          return reply.redirect(`/admin/publications/${id}${revision ? `#${ATTACHMENTS}` : ''}`, 303);
        } catch (e) {
          const typed = carriedForm(seen.fields);
          const tooLarge = (e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE';
          const errors = tooLarge ? { file: '附件不能超过 50 MB' } : fieldErrorsOf(e);
          if (revision && !typed) {
            setFlash(reply, '附件未上传：', { at: ATTACHMENTS, refused: true, reasons: Object.values(errors) });
            return reply.redirect(`/admin/publications/${id}#${ATTACHMENTS}`, 303);
          }
          return renderPublicationForm(request, reply, scope, id, '', typed, errors, tooLarge ? 413 : 400);
        }
      });
    }
    // Staff read an attachment before it is public (a draft's, or one a pending revision adds).
    app.get<{ Params: { id: string } }>('/admin/attachments/:id', async (request, reply) => {
      const scope = await staffContext(deps, request, reply);
      const row = await findAttachment(db, Number(request.params.id) || 0);
      const owner = row ? await findPublication(db, row.publication_id) : null;
      if (!row || !owner || !scope.staffOf.some((o) => o.id === owner.organId)) throw notFound('附件');
      return sendAttachmentFile(reply, deps.dataDir, row);
    });
    app.post<{ Params: { id: string } }>('/admin/attachments/:id/delete', async (request, reply) => {
      const row = await findAttachment(db, Number(request.params.id) || 0);
      if (!row) throw notFound('附件');
      await removeAttachment(deps, actorOf(request, 'web'), Number(request.params.id));
      const typed = carriedForm((request.body ?? {}) as Body);
      if (typed) return answerCarried(request, reply, await staffContext(deps, request, reply), row.publication_id, typed, `附件“${row.file_name}”已删除`);
      setFlash(reply, '附件已删除');
      return reply.redirect(`/admin/publications/${row.publication_id}`, 303);
    });
    // A pending revision's attachments: marked for removal with it, or kept (issue 9).
    for (const [action, run, done] of [
      ['remove', removeRevisionAttachment, '修订审核通过后将删除附件'], ['keep', keepRevisionAttachment, '已保留附件'],
    ] as const) {
      app.post<{ Params: { id: string } }>(`/admin/revision-attachments/:id/${action}`, async (request, reply) => {
        const scope = await staffContext(deps, request, reply);
        const a = await findAttachment(db, Number(request.params.id) || 0);
        const p = a ? await findPublication(db, a.publication_id) : null;
        if (!a || !p || !scope.staffOf.some((o) => o.id === p.organId)) throw notFound(a ? '信息' : '附件');
        const typed = carriedForm((request.body ?? {}) as Body);
        try {
          await run(deps, actorOf(request, 'web'), a.id);
          if (typed) return answerCarried(request, reply, scope, p.id, typed, `${done}“${a.file_name}”`);
          setFlash(reply, `${done}“${a.file_name}”`, { at: ATTACHMENTS });
        } catch (e) {
          const reasons = Object.values(fieldErrorsOf(e));
          if (typed) return renderPublicationForm(request, reply, scope, p.id, '', typed, { file: reasons.join('；') }, 400);
          setFlash(reply, '未能处理附件：', { at: ATTACHMENTS, refused: true, reasons });
        }
        return reply.redirect(`/admin/publications/${p.id}#${ATTACHMENTS}`, 303);
      });
    }
  };
}
