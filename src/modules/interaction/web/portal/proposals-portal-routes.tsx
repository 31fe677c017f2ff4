import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../../platform/app-deps.ts';
import { pageQueryParam } from '../../../../platform/views/admin-helpers.ts';
import { prefsFromCookies } from '../../../../platform/views/prefs.ts';
import { sendPage } from '../../../../platform/views/render.ts';
import { organByCode, unitHandledBy, UnitGuidancePage } from '../../../catalog/index.ts';
import { findPublishedProposal, listPublishedProposals } from '../../use-cases/published-proposals.ts';
import { proposalFilterFrom } from '../proposal-filter.ts';
import type { PortalInfo } from './letter-pages.tsx';
import { ProposalResultPage, ProposalResultsPage } from './proposal-pages.tsx';
import { addressId } from '../../../../shared/address-number.ts';

const info = (request: FastifyRequest): PortalInfo => ({ prefs: prefsFromCookies(request.cookies), currentPath: request.url });

/**
 * 建议提案办理结果 on the portal (docs/workflows/proposals.md, "Portal"): the organ's published
 * results, paginated, by year and kind, and one result's page. A catalog node named 建议提案办理
 * links here; units handle none and answer 404.
 */
export function proposalsPortalRoutes(deps: AppDeps) {
  const organOr404 = (code: string) => organByCode(deps.db, code, { unitsRefused: '下属单位不单独承办建议提案，请到其所属机关的网站查看' });
  return async function plugin(app: FastifyInstance) {
    app.get<{ Params: { code: string }; Querystring: { year?: string; kind?: string; page?: string } }>('/organs/:code/proposals', async (request, reply) => {
      const handled = await unitHandledBy(deps.db, request.params.code);
      if (handled) return sendPage(reply, <UnitGuidancePage info={info(request)} {...handled} service="proposals" />);
      const organ = await organOr404(request.params.code);
      const { view: _view, ...filter } = proposalFilterFrom(request.query, false);
      const list = await listPublishedProposals(deps, organ.id, filter, pageQueryParam(request.query.page));
      return sendPage(reply, <ProposalResultsPage info={info(request)} organ={organ} list={list} filter={filter} />);
    });
    app.get<{ Params: { code: string; id: string } }>('/organs/:code/proposals/:id', async (request, reply) => {
      const organ = await organOr404(request.params.code);
      const id = addressId(request.params.id);
      return sendPage(reply, <ProposalResultPage info={info(request)} organ={organ} p={await findPublishedProposal(deps, organ.id, id)} />);
    });
  };
}
