import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { fieldErrorsOf, setFlash } from '../../../platform/views/admin-helpers.ts';
import { topFlash } from '../../../platform/views/flash.tsx';
import { findPublication, staffContext } from '../../catalog/index.ts';
import { actorOf } from '../../identity/index.ts';
import { retitleRevisionAttachments } from '../use-cases/revision-attachments.ts';
import { retitleDraftAttachments } from '../use-cases/draft-attachments.ts';
import { carriedForm, notFound, type Body } from './item-form-fields.ts';
import type { RenderItemForm } from './item-form-render.tsx';
import { ATTACHMENTS } from './item-page-places.ts';

/** The 附件名称 boxes of an item's page, by attachment: `attachmentTitle-<id>`. */
export function typedAttachmentTitles(body: Body): Map<number, unknown> {
  const titles = new Map<number, unknown>();
  for (const [name, value] of Object.entries(body)) {
    const m = /^attachmentTitle-(\d+)$/.exec(name);
    if (m) titles.set(Number(m[1]), Array.isArray(value) ? value[0] : value);
  }
  return titles;
}

/**
 * 保存附件名称: the titles typed beside an item's attachments. The button is one of the item's form, so
 * the page comes back with everything typed there (docs/workflows/review-states.md). A draft's titles are
 * stored at once; a published item's change with its pending revision, public once it is approved.
 */
export function itemAttachmentTitleRoutes(deps: AppDeps, renderPublicationForm: RenderItemForm) {
  return (app: FastifyInstance) => {
    app.post<{ Params: { id: string } }>('/admin/publications/:id/attachment-titles', async (request, reply) => {
      const scope = await staffContext(deps, request, reply);
      const id = Number(request.params.id) || 0;
      const p = await findPublication(deps.db, id);
      if (!p || !scope.staffOf.some((o) => o.id === p.organId)) throw notFound('信息');
      const body = (request.body ?? {}) as Body;
      const typed = carriedForm(body);
      const amending = p.status === 'published';
      try {
        const changed = amending
          ? await retitleRevisionAttachments(deps, actorOf(request, 'web'), id, typedAttachmentTitles(body))
          : await retitleDraftAttachments(deps, actorOf(request, 'web'), id, typedAttachmentTitles(body));
        const done = changed === 0 ? '附件名称没有改动' : amending ? `已随修订修改 ${changed} 个附件名称，修订审核通过后公开` : `已保存 ${changed} 个附件名称`;
        if (typed) {
          reply.header('Cache-Control', 'no-store');
          const told = topFlash(`${done}。上面表单中的${amending ? '修订' : '修改'}还没有保存（仍在表单中），核对后请点“${amending ? '保存修订并报送审核' : '保存'}”。`);
          return renderPublicationForm(request, reply, { ...scope, flash: told }, id, '', typed, {});
        }
        setFlash(reply, done, { at: ATTACHMENTS });
      } catch (e) {
        const errors = fieldErrorsOf(e);
        if (typed) return renderPublicationForm(request, reply, scope, id, '', typed, errors, (e as { httpStatus?: number }).httpStatus ?? 400);
        setFlash(reply, '附件名称未保存：', { at: ATTACHMENTS, refused: true, reasons: Object.values(errors) });
      }
      return reply.redirect(`/admin/publications/${id}#${ATTACHMENTS}`, 303);
    });
  };
}
