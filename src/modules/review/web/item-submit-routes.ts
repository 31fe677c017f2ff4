import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { setFlash } from '../../../platform/views/admin-helpers.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { staffContext } from '../../catalog/index.ts';
import { actorOf } from '../../identity/index.ts';
import { performReviewVerb } from '../use-cases/perform-review-verb.ts';
import type { Body } from './item-form-fields.ts';
import type { RenderItemForm } from './item-form-render.tsx';
import { itemFormSaver } from './item-form-save.ts';
import { REVIEW_PANEL } from './item-page-places.ts';
import { submittedMessage } from './submitted-message.ts';

/** 保存并报送审核 (POST /admin/publications/:id/save-and-submit): the item's form saved, then submitted. */
export function itemSubmitRoutes(deps: AppDeps, renderPublicationForm: RenderItemForm) {
  const { db } = deps;
  const { saveItemForm, refusedItemForm } = itemFormSaver(deps, renderPublicationForm);
  return (app: FastifyInstance) => {
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
  };
}
