import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../../platform/app-deps.ts';
import { pageQueryParam } from '../../../../platform/views/admin-helpers.ts';
import { organByCode } from '../../../catalog/index.ts';
import { actorOf, requireApiToken } from '../../../identity/index.ts';
import { RATINGS } from '../../domain/letter.ts';
import { HANDLING_ROLES, PROPOSAL_KINDS, PROPOSAL_RESULTS, PROPOSAL_STATES, type Proposal } from '../../domain/proposal.ts';
import { PROPOSAL_VERBS, type ProposalVerb } from '../../domain/proposal-verbs.ts';
import { PROPOSAL_VIEWS } from '../../storage/proposals-repository.ts';
import { listProposals, performProposalVerb, proposalCommandFrom, proposalDetails, registerProposal } from '../../use-cases/proposals.ts';
import { findPublishedProposal, listPublishedProposals } from '../../use-cases/published-proposals.ts';
import { proposalFilterFrom } from '../proposal-filter.ts';

const tags = ['proposals'];
const security = [{ bearerAuth: [] }];
const reason = z.object({ code: z.string(), message: z.string(), field: z.string().optional() });
const errorAnswer = z.object({ error: z.object({ code: z.string(), message: z.string(), field: z.string().optional(), reasons: z.array(reason) }) });
const errors = (...codes: number[]) => Object.fromEntries(codes.map((c) => [c, { description: `错误 ${c}，reasons 列出全部原因 / error`, content: { 'application/json': { schema: errorAnswer } } }]));
const json = <T extends z.ZodType>(description: string, schema: T) => ({ description, content: { 'application/json': { schema } } });
const page = <T extends z.ZodType>(item: T) => z.object({ total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), items: z.array(item) });

const publishedProposal = z.object({
  id: z.number().int(), kind: z.enum(PROPOSAL_KINDS).describe('suggestion 人大代表建议 / proposal 政协提案'), number: z.string().describe('编号，如 第0123号'),
  title: z.string(), submitters: z.string().describe('代表或委员 / deputies or members'), session: z.string().describe('届次会议'), year: z.number().int(),
  receivedOn: z.string(), role: z.enum(HANDLING_ROLES).describe('lead 主办 / co 协办'), repliedOn: z.string(), result: z.enum(PROPOSAL_RESULTS).describe('办理结果 / result'),
  replyText: z.string().describe('公开的答复内容，个人信息已遮盖 / the published reply, personal numbers masked'), publishedOn: z.string(),
});
const staffProposal = z.object({
  id: z.number().int(), organId: z.number().int(), kind: z.enum(PROPOSAL_KINDS), number: z.string(), title: z.string(), submitters: z.string(), session: z.string(),
  year: z.number().int(), receivedOn: z.string(), role: z.enum(HANDLING_ROLES), partnerOrgans: z.string(), dueOn: z.string(), dueExplicit: z.boolean(),
  state: z.enum(PROPOSAL_STATES), replyText: z.string().nullable(), repliedOn: z.string().nullable(), result: z.enum(PROPOSAL_RESULTS).nullable(),
  publishDueOn: z.string().nullable().describe('应决定并公开办理结果的日期 / publication decision due'), satisfaction: z.enum(RATINGS).nullable(),
  satisfactionNote: z.string().nullable(), publicText: z.string().nullable(), publishedOn: z.string().nullable(), withheldReason: z.string().nullable(),
  cancelReason: z.string().nullable(), version: z.number().int(),
});
const staffJson = (p: Proposal) => ({
  id: p.id, organId: p.organId, kind: p.kind, number: p.number, title: p.title, submitters: p.submitters, session: p.session, year: p.year, receivedOn: p.receivedOn,
  role: p.role, partnerOrgans: p.partnerOrgans, dueOn: p.dueOn, dueExplicit: p.dueExplicit, state: p.state, replyText: p.replyText, repliedOn: p.repliedOn,
  result: p.result, publishDueOn: p.publishDueOn, satisfaction: p.satisfaction, satisfactionNote: p.satisfactionNote, publicText: p.publicText,
  publishedOn: p.publishedOn, withheldReason: p.withheldReason, cancelReason: p.cancelReason, version: p.version,
});
const registration = z.object({
  kind: z.string().describe('suggestion | proposal'), number: z.string(), title: z.string(), submitters: z.string(), session: z.string(),
  year: z.union([z.number().int(), z.string()]).optional().describe('不填则取收到日期的年份'), receivedOn: z.string().describe('YYYY-MM-DD'),
  role: z.string().describe('lead | co'), partnerOrgans: z.string().optional(), dueOn: z.string().optional().describe('不填则为收到日期后本机关设置的月数（默认3个月）'),
});
const asStrings = (b: Record<string, unknown>) => Object.fromEntries(Object.entries(b).map(([k, v]) => [k, typeof v === 'number' ? String(v) : typeof v === 'string' ? v : '']));
const filterQuery = z.object({ year: z.string().optional(), kind: z.enum(PROPOSAL_KINDS).optional(), page: z.string().optional() });
const idParam = z.object({ id: z.coerce.number().int().positive() });

/**
 * 建议提案 over JSON, with the rules of the back office (docs/workflows/proposals.md): public reads of
 * the organ's published results; with an API token, the organ's records, registering one and every
 * verb, refused with every reason as the forms are.
 */
export const proposalsApi = (deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  const organOr404 = (code: string) => organByCode(deps.db, code, { unitsRefused: '下属单位不单独承办建议提案，请查询其所属机关' });
  const codeParams = z.object({ code: z.string().describe('机关代码 / organ code') });

  app.get('/organs/:code/proposals', {
    schema: { tags, summary: '建议提案办理结果（已公开的，个人信息已遮盖）', params: codeParams, querystring: filterQuery, response: { 200: json('一页 / a page', page(publishedProposal).extend({ years: z.array(z.number().int()) })), ...errors(400, 404) } },
  }, async (request) => {
    const organ = await organOr404(request.params.code);
    const { view: _view, ...filter } = proposalFilterFrom(request.query, false);
    return listPublishedProposals(deps, organ.id, filter, pageQueryParam(request.query.page));
  });

  app.get('/organs/:code/proposals/:id', {
    schema: { tags, summary: '一件公开的建议提案办理结果', params: codeParams.extend({ id: z.coerce.number().int().positive() }), response: { 200: json('办理结果 / result', publishedProposal), ...errors(404) } },
  }, async (request) => findPublishedProposal(deps, (await organOr404(request.params.code)).id, request.params.id));

  app.get('/proposals', {
    preHandler: requireApiToken(deps),
    schema: {
      tags, summary: '本机关的建议提案（工作人员）', security,
      querystring: filterQuery.extend({ organ: z.string().describe('机关代码 / organ code'), state: z.enum(PROPOSAL_VIEWS).optional() }),
      response: { 200: json('一页 / a page', page(staffProposal)), ...errors(400, 401, 403, 404) },
    },
  }, async (request) => {
    const organ = await organOr404(request.query.organ);
    const p = await listProposals(deps, actorOf(request, 'api'), organ.id, proposalFilterFrom(request.query), pageQueryParam(request.query.page));
    return { total: p.total, page: p.page, pageSize: p.pageSize, items: p.items.map(staffJson) };
  });

  app.post('/proposals', {
    preHandler: requireApiToken(deps),
    schema: {
      tags, summary: '登记一件建议或提案（工作人员）', security, body: registration.extend({ organ: z.string().describe('机关代码 / organ code') }),
      response: { 201: json('已登记 / registered', staffProposal), ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request, reply) => {
    const organ = await organOr404(request.body.organ);
    const p = await registerProposal(deps, actorOf(request, 'api'), organ.id, asStrings(request.body));
    return reply.status(201).send(staffJson(p));
  });

  app.get('/proposals/:id', {
    preHandler: requireApiToken(deps),
    schema: { tags, summary: '一件建议提案（工作人员）', security, params: idParam, response: { 200: json('建议提案 / record', staffProposal), ...errors(401, 403, 404) } },
  }, async (request) => staffJson((await proposalDetails(deps, actorOf(request, 'api'), request.params.id)).proposal));

  app.post('/proposals/:id/:verb', {
    preHandler: requireApiToken(deps),
    schema: {
      tags, summary: '办理：edit reply recordSatisfaction publish withhold cancel', security,
      description: '字段同后台表单：edit 用登记字段；reply 用 replyText、repliedOn、result；recordSatisfaction 用 satisfaction、satisfactionNote；publish 用 publicText；withhold 用 withheldReason；cancel 用 cancelReason。不允许时返回 409（权限 403），reasons 列出全部原因。/ A refused verb lists every reason.',
      params: z.object({ id: z.coerce.number().int().positive(), verb: z.enum(PROPOSAL_VERBS as [ProposalVerb, ...ProposalVerb[]]) }),
      body: registration.partial().extend({
        replyText: z.string().optional(), repliedOn: z.string().optional(), result: z.string().optional(), satisfaction: z.string().optional(), satisfactionNote: z.string().optional(),
        publicText: z.string().optional(), withheldReason: z.string().optional(), cancelReason: z.string().optional(), expectedVersion: z.number().int().positive().optional(),
      }).optional(),
      response: { 200: json('办理后的建议提案 / the record after the verb', staffProposal), ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const after = await performProposalVerb(deps, actorOf(request, 'api'), request.params.id, proposalCommandFrom(request.params.verb, body), body.expectedVersion as number | undefined);
    return staffJson(after);
  });
};
