import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../../platform/app-deps.ts';
import { fieldErrorsOf, pageQueryParam, setFlash } from '../../../../platform/views/admin-helpers.ts';
import { sendPage } from '../../../../platform/views/render.ts';
import { DomainError } from '../../../../shared/domain-error.ts';
import { lastDay } from '../../../applications/index.ts';
import { staffContext } from '../../../catalog/index.ts';
import { actorOf, requireStaff } from '../../../identity/index.ts';
import { ProposalErrorCode as E } from '../../domain/proposal.ts';
import { PROPOSAL_TRANSITIONS, PROPOSAL_VERBS, type ProposalVerb } from '../../domain/proposal-verbs.ts';
import {
  countProposalWork, getProposalSettings, listProposals, performProposalVerb, proposalCommandFrom, proposalDetails, registerProposal, updateProposalSettings,
} from '../../use-cases/proposals.ts';
import { proposalFilterFrom } from '../proposal-filter.ts';
import { NewProposalPage, ProposalListPage, ProposalPageView, ProposalSettingsPage, type ProposalVerbFailure } from './proposal-admin-pages.tsx';

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const valuesOf = (b: Record<string, unknown>) => Object.fromEntries(Object.entries(b).filter(([k]) => k !== '_csrf').map(([k, v]) => [k, str(v)]));

/**
 * 建议提案 in the back office (docs/workflows/proposals.md): the organ's list by year, kind and state
 * with the overdue and the nearly due marked, registering one, its page with the verbs its state
 * allows, and the organ administrator's settings. The organs are those the person handles letters for.
 */
export function proposalsAdminRoutes(deps: AppDeps) {
  const idOf = (raw: string) => {
    if (!/^\d{1,12}$/.test(raw)) throw new DomainError(E.notFound, '建议提案不存在', { httpStatus: 404 });
    return Number(raw);
  };
  const detail = async (request: FastifyRequest, reply: FastifyReply, id: number, failed: ProposalVerbFailure, status = 200) => {
    const scope = await staffContext(deps, request, reply);
    const d = await proposalDetails(deps, actorOf(request, 'web'), id);
    return sendPage(reply, <ProposalPageView scope={scope} d={d} failed={failed} />, status);
  };

  return async function plugin(app: FastifyInstance) {
    app.addHook('preHandler', requireStaff(deps));

    app.get<{ Querystring: { organ?: string; year?: string; kind?: string; state?: string; page?: string } }>('/admin/proposals', async (request, reply) => {
      const scope = await staffContext(deps, request, reply);
      // Without ?organ=, the first organ with records 待办 reminds of (the back office's one rule, staff context's `organ`); the switch names the counts.
      const waiting = scope.handles.length < 2 ? undefined
        : new Map([...await countProposalWork(deps, scope.handles.map((o) => o.id))].map(([id, c]) => [id, c.overdue + c.dueSoon + c.publishLate]));
      const organ = await scope.organ(request.query.organ || undefined, 'handle', waiting);
      const filter = proposalFilterFrom(request.query);
      const list = await listProposals(deps, actorOf(request, 'web'), organ.id, filter, pageQueryParam(request.query.page));
      return sendPage(reply, <ProposalListPage scope={scope} organ={organ} list={list} filter={filter} waiting={waiting} />);
    });

    app.get<{ Querystring: { organ?: string } }>('/admin/proposals/new', async (request, reply) => {
      const scope = await staffContext(deps, request, reply);
      const organ = await scope.organ(request.query.organ || undefined, 'handle');
      return sendPage(reply, <NewProposalPage scope={scope} organ={organ} values={{}} errors={{}} settings={await getProposalSettings(deps, organ.id)} />);
    });

    app.post<{ Querystring: { organ?: string } }>('/admin/proposals/new', async (request, reply) => {
      const scope = await staffContext(deps, request, reply);
      const organ = await scope.organ(request.query.organ || undefined, 'handle');
      const body = (request.body ?? {}) as Record<string, unknown>;
      try {
        const p = await registerProposal(deps, actorOf(request, 'web'), organ.id, valuesOf(body));
        setFlash(reply, `已登记${p.year}年${p.number}，答复期限 ${lastDay(p.dueOn)}`);
        return reply.redirect(`/admin/proposals/${p.id}`, 303);
      } catch (e) {
        const errors = fieldErrorsOf(e);
        const status = e instanceof DomainError ? e.httpStatus : 400;
        return sendPage(reply, <NewProposalPage scope={scope} organ={organ} values={valuesOf(body)} errors={errors} settings={await getProposalSettings(deps, organ.id)} />, status);
      }
    });

    app.get<{ Querystring: { organ?: string } }>('/admin/proposals/settings', async (request, reply) => {
      const scope = await staffContext(deps, request, reply);
      const organ = await scope.organ(request.query.organ || undefined, 'organ_admin');
      return sendPage(reply, <ProposalSettingsPage scope={scope} organ={organ} settings={await getProposalSettings(deps, organ.id)} errors={{}} values={null} />);
    });

    app.post<{ Querystring: { organ?: string } }>('/admin/proposals/settings', async (request, reply) => {
      const scope = await staffContext(deps, request, reply);
      const organ = await scope.organ(request.query.organ || undefined, 'organ_admin');
      const body = (request.body ?? {}) as Record<string, unknown>;
      try {
        await updateProposalSettings(deps, actorOf(request, 'web'), organ.id, body);
        setFlash(reply, '建议提案设置已保存');
        return reply.redirect(`/admin/proposals/settings?organ=${organ.code}`, 303);
      } catch (e) {
        return sendPage(reply, <ProposalSettingsPage scope={scope} organ={organ} settings={await getProposalSettings(deps, organ.id)} errors={fieldErrorsOf(e)} values={valuesOf(body)} />, 400);
      }
    });

    app.get<{ Params: { id: string } }>('/admin/proposals/:id', async (request, reply) => detail(request, reply, idOf(request.params.id), null));

    app.post<{ Params: { id: string; verb: string } }>('/admin/proposals/:id/:verb', async (request, reply) => {
      const id = idOf(request.params.id);
      const verb = request.params.verb as ProposalVerb;
      if (!PROPOSAL_VERBS.includes(verb)) throw new DomainError(E.notFound, '没有这项操作', { httpStatus: 404 });
      const body = (request.body ?? {}) as Record<string, unknown>;
      try {
        const version = Number(body.version);
        await performProposalVerb(deps, actorOf(request, 'web'), id, proposalCommandFrom(verb, body), Number.isInteger(version) && version > 0 ? version : undefined);
        setFlash(reply, `已${PROPOSAL_TRANSITIONS[verb].label}`);
        return reply.redirect(`/admin/proposals/${id}`, 303);
      } catch (e) {
        const errors = fieldErrorsOf(e);
        return detail(request, reply, id, { verb, errors, values: valuesOf(body) }, e instanceof DomainError ? e.httpStatus : 400);
      }
    });
  };
}
