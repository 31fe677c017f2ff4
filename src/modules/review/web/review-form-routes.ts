import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { fieldErrorsOf, setFlash } from '../../../platform/views/admin-helpers.ts';
import { topFlash } from '../../../platform/views/flash.tsx';
import { findPublication, staffContext } from '../../catalog/index.ts';
import { actorOf } from '../../identity/index.ts';
import { saveReviewForm } from '../use-cases/fill-review-form.ts';
import type { Body } from './item-form-fields.ts';
import type { RenderItemForm } from './item-form-render.tsx';
import { TABLE_CLEARED } from './item-form-save.ts';
import { REVIEW_PANEL } from './item-page-places.ts';
import type { PublicationFormValues } from './publication-form-page.tsx';

/** 保存审查表 (POST /admin/publications/:id/review-form): the drafter's 保密审查表, saved or, emptied, cleared. */
export function reviewFormRoutes(deps: AppDeps, renderPublicationForm: RenderItemForm) {
  const { db } = deps;
  return (app: FastifyInstance) => {
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
  };
}
