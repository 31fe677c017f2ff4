import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { asString, fieldErrorsOf, setFlash } from '../../../platform/views/admin-helpers.ts';
import { createPublication, policyUnpublishedSaid, policyUnpublishedWarningsOf, staffContext } from '../../catalog/index.ts';
import { actorOf } from '../../identity/index.ts';
import { linkToTask } from '../use-cases/submission-tasks.ts';
import type { Body } from './item-form-fields.ts';
import type { RenderItemForm } from './item-form-render.tsx';
import type { PublicationFormValues } from './publication-form-page.tsx';

/** 新建信息: the new item's form (GET /admin/organs/:code/publications/new) and its draft saved (POST). */
export function newItemRoutes(deps: AppDeps, renderPublicationForm: RenderItemForm) {
  return (app: FastifyInstance) => {
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
        // A 政策解读 naming a policy not yet published is told so now, not first at 发布 (ADR 0054).
        const told = policyUnpublishedSaid(await policyUnpublishedWarningsOf(deps.db, p));
        setFlash(reply, `草稿已保存。请填写下方的保密审查表后报送审核${told.length ? `。请注意：${told.join('；')}` : ''}`);
        return reply.redirect(`/admin/publications/${p.id}`, 303);
      } catch (e) {
        return renderPublicationForm(request, reply, scope, null, organ.code, request.body as PublicationFormValues, fieldErrorsOf(e), 400);
      }
    });
  };
}
