import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { setFlash } from '../../../platform/views/admin-helpers.ts';
import { findPublication, policyUnpublishedSaid, policyUnpublishedWarningsOf, staffContext } from '../../catalog/index.ts';
import { notFound, type Body } from './item-form-fields.ts';
import type { RenderItemForm } from './item-form-render.tsx';
import { itemFormSaver, TABLE_CLEARED } from './item-form-save.ts';

/** An item's page (GET /admin/publications/:id) and its form's 保存 (POST the same address). */
export function itemEditRoutes(deps: AppDeps, renderPublicationForm: RenderItemForm) {
  const { db } = deps;
  const { saveItemForm, refusedItemForm } = itemFormSaver(deps, renderPublicationForm);
  return (app: FastifyInstance) => {
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
      const saved = await saveItemForm(request, id, body);
      if (!saved.saved) return refusedItemForm(request, reply, scope, id, body, saved.error, saved.tableSaved);
      // A draft 政策解读 naming a policy not yet published is told so at its save (ADR 0054).
      const told = saved.amended ? [] : policyUnpublishedSaid(await policyUnpublishedWarningsOf(db, (await findPublication(db, id))!));
      setFlash(reply, (saved.amended
        ? '修订已保存并报送审核：经发布人审核通过后替换已发布的内容，此前门户仍显示现行版本'
        : saved.tableSaved ? '已保存（连同保密审查表）' : saved.tableCleared ? `已保存。${TABLE_CLEARED}` : '已保存') + (told.length ? `。请注意：${told.join('；')}` : ''));
      return reply.redirect(`/admin/publications/${id}`, 303);
    });
  };
}
