import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { fieldErrorsOf, setFlash } from '../../../platform/views/admin-helpers.ts';
import { topFlash } from '../../../platform/views/flash.tsx';
import { DomainError } from '../../../shared/domain-error.ts';
import { findAttachment, findPublication, sendAttachmentFile, staffContext, type StaffContext } from '../../catalog/index.ts';
import { actorOf } from '../../identity/index.ts';
import { addRevisionAttachment, keepRevisionAttachment, removeRevisionAttachment } from '../use-cases/revision-attachments.ts';
import { addDraftAttachment, removeDraftAttachment } from '../use-cases/draft-attachments.ts';
import { carriedForm, notFound, type Body } from './item-form-fields.ts';
import type { RenderItemForm } from './item-form-render.tsx';
import { ATTACHMENTS } from './item-page-places.ts';
import type { PublicationFormValues } from './publication-form-page.tsx';

/**
 * An item's attachments in the back office: a draft's uploaded and deleted, a pending revision's added,
 * marked for removal or kept (issue 9), and read by staff before they are public. The upload and delete
 * buttons are the item's form's: the page comes back with what was typed there.
 */
export function itemAttachmentRoutes(deps: AppDeps, renderPublicationForm: RenderItemForm) {
  const { db } = deps;
  return (app: FastifyInstance) => {
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
      ['/admin/publications/:id/attachments', addDraftAttachment, (name: string) => `已上传附件“${name}”`],
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
          // The 附件名称 typed beside the file box comes before it in the form (`attachmentTitle`; none from a script).
          const titleField = seen.fields.attachmentTitle as { type?: string; value?: unknown } | undefined;
          await add(deps, actorOf(request, 'web'), id, { fileName: file.fileName, bytes: file.bytes, title: titleField?.type === 'field' ? titleField.value : undefined });
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
      await removeDraftAttachment(deps, actorOf(request, 'web'), Number(request.params.id));
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
