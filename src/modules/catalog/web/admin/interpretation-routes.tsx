import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../../platform/app-deps.ts';
import { asStrings, fieldErrorsOf, pageQueryParam, setFlash } from '../../../../platform/views/admin-helpers.ts';
import { sendPage } from '../../../../platform/views/render.ts';
import { actorOf } from '../../../identity/index.ts';
import { policyRootIds } from '../../domain/interpretation.ts';
import type { Organ } from '../../domain/organ.ts';
import { listCatalogNodes } from '../../storage/catalog-nodes-repository.ts';
import { policiesAwaitingInterpretation, policyRulesOf, saveInterpretationSetting } from '../../use-cases/interpretations.ts';
import { staffContext } from '../staff-context.ts';
import { AwaitingInterpretationPage, InterpretationSettingsPage } from './interpretation-pages.tsx';

const PAGE_SIZE = 30;

/**
 * 政策解读 in the back office: an organ's published policies still waiting for an interpretation
 * (where 待办's line leads; its staff), and the organ's setting of which nodes need one within how
 * many working days (its administrator). Mounted inside the catalog's admin routes (staff only).
 */
export function interpretationAdminRoutes(deps: AppDeps) {
  const { db } = deps;
  return async function plugin(app: FastifyInstance) {
    app.get<{ Params: { code: string }; Querystring: { page?: string } }>('/admin/organs/:code/interpretations', async (request, reply) => {
      const scope = await staffContext(deps, request, reply);
      const organ = await scope.organ(request.params.code);
      const page = pageQueryParam(request.query.page);
      // Oldest first: the overdue ones, the longest overdue at the top, then those still within their days.
      const [nodes, rules, awaiting] = await Promise.all([
        listCatalogNodes(db, organ.id), policyRulesOf(db, [organ.id]), policiesAwaitingInterpretation(deps, [organ.id], { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }),
      ]);
      const rule = rules.get(organ.id)!;
      return sendPage(reply, (
        <AwaitingInterpretationPage
          scope={scope} organ={organ} nodes={nodes} roots={policyRootIds(nodes, rule.chosenNodeIds)} workingDays={rule.workingDays} chosen={rule.chosenNodeIds !== null}
          items={awaiting.items} total={awaiting.total} page={page} pageSize={PAGE_SIZE}
        />
      ));
    });

    const settingsPage = async (request: FastifyRequest, reply: FastifyReply, organ: Organ, typed: { nodeIds: string[]; workingDays: string } | null, errors: Record<string, string>, status = 200) => {
      const scope = await staffContext(deps, request, reply);
      const [nodes, rules] = await Promise.all([listCatalogNodes(db, organ.id), policyRulesOf(db, [organ.id])]);
      const rule = rules.get(organ.id)!;
      const checked = new Set(typed ? typed.nodeIds.map(Number) : policyRootIds(nodes, rule.chosenNodeIds));
      return sendPage(reply, (
        <InterpretationSettingsPage
          scope={scope} organ={organ} nodes={nodes} checked={checked} workingDays={typed?.workingDays ?? String(rule.workingDays)} chosen={rule.chosenNodeIds !== null} errors={errors}
        />
      ), status);
    };
    app.get<{ Params: { code: string } }>('/admin/organs/:code/interpretation-settings', async (request, reply) => {
      const organ = await (await staffContext(deps, request, reply)).organ(request.params.code, 'organ_admin');
      return settingsPage(request, reply, organ, null, {});
    });
    app.post<{ Params: { code: string } }>('/admin/organs/:code/interpretation-settings', async (request, reply) => {
      const organ = await (await staffContext(deps, request, reply)).organ(request.params.code, 'organ_admin');
      const body = (request.body ?? {}) as Record<string, unknown>;
      try {
        await saveInterpretationSetting(deps, actorOf(request, 'web'), organ.id, body);
        setFlash(reply, '政策解读设置已保存');
        return reply.redirect(`/admin/organs/${organ.code}/interpretations`, 303);
      } catch (e) {
        return settingsPage(request, reply, organ, { nodeIds: asStrings(body.nodeIds), workingDays: String(body.workingDays ?? '') }, fieldErrorsOf(e), 400);
      }
    });
  };
}
