import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { fieldErrorsOf, setFlash } from '../../../platform/views/admin-helpers.ts';
import { sendPage } from '../../../platform/views/render.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { organNotFound, staffContext } from '../../catalog/index.ts';
import { actorOf } from '../../identity/index.ts';
import { requestInspection } from '../use-cases/inspection-runs.ts';
import { addWordingRule, removeWordingRule, wordingRulesOf } from '../use-cases/wording-rules.ts';
import { LAST_RUN, WordingRulesPage } from './inspection-pages.tsx';


/**
 * Back-office routes of the site inspection: ask for a run now for one organ or for every organ the
 * person keeps (run in the background), and the list of serious wording errors (docs/rules/website-inspection.md). Registered inside
 * supervisionAdminRoutes, behind its staff check.
 */
export function inspectionRoutes(app: FastifyInstance, deps: AppDeps) {
  /** The organ of a page, if the person is on its staff, and whether they keep its supervision. */
  const organFor = async (request: FastifyRequest, reply: FastifyReply, code: string) => {
    const scope = await staffContext(deps, request, reply);
    // Another organ's supervision answers as if it were not there.
    const organ = scope.staffOf.find((o) => o.code === code);
    if (!organ) throw organNotFound(code);
    return { organ, scope, keeper: scope.keepsOffice(organ) };
  };

  // 立即检查 records a request and answers at once; the background job `inspection-requests` runs it
  // (an inspection of a large site takes minutes). Asked again while one over the same organs is
  // queued or running — a double click, the page sent again, another instance — the page shows that one.
  app.post<{ Params: { code: string } }>('/admin/supervision/:code/inspect', async (request, reply) => {
    const { organ, keeper } = await organFor(request, reply, request.params.code);
    if (!keeper) throw new DomainError('ERR_AUTH_FORBIDDEN', '只有政务公开办公室或机关管理员可以发起网站检查', { httpStatus: 403 });
    const { run, created } = await requestInspection(deps, actorOf(request, 'web'), [organ]);
    setFlash(reply, created ? '已发起网站检查，检查在后台进行' : '已有一次网站检查在排队或进行中，未重复发起', { at: LAST_RUN });
    return reply.redirect(`/admin/supervision/${organ.code}?run=${run.id}#${LAST_RUN}`, 303);
  });

  app.post('/admin/supervision/inspect', async (request, reply) => {
    const scope = await staffContext(deps, request, reply);
    const organs = scope.staffOf.filter((o) => o.kind !== 'unit' && scope.keepsOffice(o));
    if (organs.length === 0) throw new DomainError('ERR_AUTH_FORBIDDEN', '只有政务公开办公室或机关管理员可以发起网站检查', { httpStatus: 403 });
    const { run, created } = await requestInspection(deps, actorOf(request, 'web'), organs);
    setFlash(reply, created ? `已发起 ${organs.length} 个机关的网站检查，检查在后台进行` : '已有一次覆盖这些机关的网站检查在排队或进行中，未重复发起');
    return reply.redirect(`/admin/supervision?run=${run.id}`, 303);
  });

  const wordingPage = async (request: FastifyRequest<{ Params: { code: string } }>, reply: FastifyReply, errors: Record<string, string>, values: Record<string, string>, status = 200) => {
    const { organ, scope, keeper } = await organFor(request, reply, request.params.code);
    const { own, inherited } = await wordingRulesOf(deps, actorOf(request, 'web'), organ.code);
    const nameOf = new Map(scope.organs.map((o) => [o.id, o.name]));
    const withNames = inherited.map((r) => ({ ...r, organName: nameOf.get(r.organId) ?? '上级机关' }));
    return sendPage(reply, <WordingRulesPage user={scope.user} csrf={scope.csrf} flash={scope.flash} organ={organ} own={own} inherited={withNames} canEdit={keeper} errors={errors} values={values} />, status);
  };
  app.get<{ Params: { code: string } }>('/admin/organs/:code/supervision/wording', async (request, reply) => wordingPage(request, reply, {}, {}));
  app.post<{ Params: { code: string } }>('/admin/organs/:code/supervision/wording', async (request, reply) => {
    const { organ } = await organFor(request, reply, request.params.code);
    try {
      const rule = await addWordingRule(deps, actorOf(request, 'web'), organ.code, request.body);
      setFlash(reply, `已添加“${rule.wrongPhrase}”→“${rule.correctPhrase}”`);
      return reply.redirect(`/admin/organs/${organ.code}/supervision/wording`, 303);
    } catch (e) {
      return wordingPage(request, reply, fieldErrorsOf(e), request.body as Record<string, string>, 400);
    }
  });
  app.post<{ Params: { code: string; id: string } }>('/admin/organs/:code/supervision/wording/:id/delete', async (request, reply) => {
    const { organ } = await organFor(request, reply, request.params.code);
    await removeWordingRule(deps, actorOf(request, 'web'), organ.code, Number(request.params.id) || 0);
    setFlash(reply, '已删除');
    return reply.redirect(`/admin/organs/${organ.code}/supervision/wording`, 303);
  });
}
