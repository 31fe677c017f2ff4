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
import { performReviewVerb } from '../use-cases/perform-review-verb.ts';
import { reviewOverview } from '../use-cases/review-overview.ts';
import { linkToTask } from '../use-cases/submission-tasks.ts';
import { PublicationFormPage, policyIdsOf, publicationFormValues, revisionFormValues, type PublicationFormValues } from './publication-form-page.tsx';
import { PublicationsListPage, submittingUnitsOf } from './publications-list-page.tsx';

type Body = Record<string, unknown>;

/** A multipart form's fields (not its files nor its token) as the form page reads them: a repeated name (栏目) as a list. */
function formFieldsOf(fields: Record<string, unknown>): PublicationFormValues {
  const values: PublicationFormValues = {};
  for (const [name, entry] of Object.entries(fields)) {
    if (name === '_csrf' || name === 'file') continue;
    const list = (Array.isArray(entry) ? entry : [entry]).filter((f): f is { type: 'field'; value: unknown } => !!f && (f as { type?: string }).type === 'field').map((f) => String(f.value));
    if (list.length > 0) values[name] = Array.isArray(entry) ? list : list[0];
  }
  return values;
}
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
    app.post<{ Params: { id: string } }>('/admin/publications/:id', async (request, reply) => {
      const scope = await staffContext(deps, request, reply);
      const id = Number(request.params.id) || 0;
      const body = request.body as Body;
      try {
        const current = await findPublication(db, id);
        if (current?.status === 'published') {
          await performReviewVerb(deps, actorOf(request, 'web'), id, 'amend', { amended: body, changeNote: asString(body.changeNote), expectedVersion: Number(asString(body.expectedVersion)) || undefined });
          setFlash(reply, '修订已保存并报送审核：经发布人审核通过后替换已发布的内容，此前门户仍显示现行版本');
        } else {
          await updatePublication(deps, actorOf(request, 'web'), id, body, Number(asString(body.expectedVersion)) || undefined, { formedOnDefault: asString(body.formedOnDefault) });
          setFlash(reply, '已保存');
        }
        return reply.redirect(`/admin/publications/${id}`, 303);
      } catch (e) {
        // Saved by someone else meanwhile: the work typed here is in the form this page sends back.
        if (e instanceof DomainError && e.code === 'ERR_CATALOG_VERSION_CONFLICT') {
          return renderPublicationForm(request, reply, scope, id, '', body as PublicationFormValues, { _form: '该信息已被他人修改，您的修改还没有保存（仍在下面的表单中）' }, 409, true);
        }
        return renderPublicationForm(request, reply, scope, id, '', body as PublicationFormValues, fieldErrorsOf(e), 400);
      }
    });
    app.post<{ Params: { id: string } }>('/admin/publications/:id/attachments', async (request, reply) => {
      const scope = await staffContext(deps, request, reply);
      const id = Number(request.params.id) || 0;
      try {
        const file = request.isMultipart() ? await request.file() : undefined;
        if (!file || !file.filename) throw new DomainError('ERR_CATALOG_ATTACHMENT_EMPTY', '请选择要上传的文件', { field: 'file' });
        const bytes = await file.toBuffer();
        await addAttachment(deps, actorOf(request, 'web'), id, { fileName: file.filename, bytes });
        setFlash(reply, `已上传附件“${file.filename}”`);
        return reply.redirect(`/admin/publications/${id}`, 303);
      } catch (e) {
        if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') return renderPublicationForm(request, reply, scope, id, '', null, { file: '附件不能超过 50 MB' }, 413);
        return renderPublicationForm(request, reply, scope, id, '', null, fieldErrorsOf(e), 400);
      }
    });
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
      setFlash(reply, '附件已删除');
      return reply.redirect(`/admin/publications/${row.publication_id}`, 303);
    });
  };
}
