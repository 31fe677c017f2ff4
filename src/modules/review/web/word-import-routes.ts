import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { docxToHtml } from '../../../platform/editor/docx-to-html.ts';
import { topFlash } from '../../../platform/views/flash.tsx';
import { DomainError } from '../../../shared/domain-error.ts';
import { addAttachment, findPublication, removeAttachment, staffContext, type StaffContext } from '../../catalog/index.ts';
import { actorOf } from '../../identity/index.ts';
import { reviewOverview } from '../use-cases/review-overview.ts';
import { rescanItem } from '../use-cases/scan-publication.ts';
import { formFieldsOf, notFound } from './item-form-fields.ts';
import type { RenderItemForm } from './item-form-render.tsx';
import { publicationFormValues, revisionFormValues, type PublicationFormValues } from './publication-form-page.tsx';

/**
 * 导入 Word 文档 (docs/adr/0017): POST /admin/documents/docx-to-html (JSON, for the editor's script),
 * /admin/publications/:id/import-docx and /admin/organs/:code/publications/new/import-docx (the item's
 * form, without JavaScript).
 */
/** The 附件名称 a Word 原件 kept by 导入 gets: what it is, not its file name. */
export const WORD_ORIGINAL_TITLE = '正文原件（Word 版）';

export function wordImportRoutes(deps: AppDeps, renderPublicationForm: RenderItemForm) {
  const { db } = deps;
  return (app: FastifyInstance) => {
    // Word → body text (docs/adr/0017): the editor's 导入 Word 文档 asks for JSON; without JavaScript the
    // item's form comes back with the converted body in it, not yet saved.
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
    /**
     * Reads the uploaded .docx and converts it. For a draft the person may edit (`publicationId`), its
     * pictures become the draft's attachments and, when asked, the .docx itself is kept as one too.
     */
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
      /** The files this import gave the draft so far (its pictures, then its original). */
      const added: number[] = [];
      try {
        const converted = await docxToHtml(bytes, intoDraft ? async ({ bytes: picture, ext, index }) => {
          const fileName = `${base}-图片${index}${ext}`;
          const id = await addAttachment(deps, actor, draft!.id, { fileName, bytes: picture });
          added.push(id);
          return `/attachments/${id}/${encodeURIComponent(fileName)}`;
        } : undefined, currentTitle === undefined ? {} : {
          currentTitle, ...(currentDocumentNumber === undefined ? {} : { currentDocumentNumber }),
          ...(currentFormedOn === undefined ? {} : { currentFormedOn, formedOnIsDefault }),
          ...(organ ? { organNames: [organ.name, organ.shortName] } : {}),
        });
        if (intoDraft && keepOriginal) {
          // Titled for what it is to a reader (the file name, often jiazhuang.docx, follows it in small type); the officer may retitle it.
          added.push(await addAttachment(deps, actor, draft!.id, { fileName, bytes, title: WORD_ORIGINAL_TITLE }));
          converted.notes.push(`Word 原件“${fileName}”已作为附件保存`);
        }
        return converted;
      } catch (e) {
        // One action, all or nothing: a document refused midway (its pictures stored, then no text found; the
        // original's save failing) takes back the files it gave the draft, so the draft is as it was.
        for (const id of added.splice(0).reverse()) {
          try {
            await removeAttachment(deps, actor, id);
          } catch {
            added.push(id); // still the draft's: the scan below follows it
          }
        }
        throw e;
      } finally {
        // The files are the draft's now, before its form is saved: a returned draft's scan follows them at once
        // (once for all of them), as it follows an upload (draft-attachments.ts) — and whatever failed, it
        // follows any the import could not take back.
        if (added.length) await rescanItem(deps, draft!.id);
      }
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
  };
}
