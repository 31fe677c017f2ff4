import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../../platform/app-deps.ts';
import { pageQueryParam } from '../../../../platform/views/admin-helpers.ts';
import { DomainError } from '../../../../shared/domain-error.ts';
import { addressLimit } from '../../../applications/index.ts';
import { organByCode } from '../../../catalog/index.ts';
import { actorOf, requireApiToken } from '../../../identity/index.ts';
import { ConsultationErrorCode, type Consultation, type ConsultationPhase } from '../../domain/consultation.ts';
import {
  consultationDetails, findPublicConsultation, listPublicConsultations, listStaffConsultations, moderateComment, openConsultation, publishFeedback, submitComment,
} from '../../use-cases/consultations.ts';

const tags = ['consultations'];
const security = [{ bearerAuth: [] }];
const reason = z.object({ code: z.string(), message: z.string(), field: z.string().optional() });
const errorAnswer = z.object({ error: z.object({ code: z.string(), message: z.string(), field: z.string().optional(), reasons: z.array(reason) }) });
const errors = (...codes: number[]) => Object.fromEntries(codes.map((c) => [c, { description: `错误 ${c}，reasons 列出全部原因 / error`, content: { 'application/json': { schema: errorAnswer } } }]));
const json = <T extends z.ZodType>(description: string, schema: T) => ({ description, content: { 'application/json': { schema } } });
const PHASES = ['upcoming', 'open', 'closed', 'feedback_late', 'feedback_published'] as const satisfies readonly ConsultationPhase[];

const consultation = z.object({
  id: z.number().int(), title: z.string(), body: z.string(), howToComment: z.string(), startOn: z.string(), endOn: z.string(),
  feedbackDueOn: z.string().describe('反馈情况应公布日期：截止后15个工作日 / feedback due'), phase: z.enum(PHASES),
  feedback: z.object({ publishedOn: z.string(), received: z.number().int(), adopted: z.string(), notAdopted: z.string() }).nullable(),
  version: z.number().int(),
});
const asJson = (c: Consultation & { phase: ConsultationPhase }) => ({
  id: c.id, title: c.title, body: c.body, howToComment: c.howToComment, startOn: c.startOn, endOn: c.endOn, feedbackDueOn: c.feedbackDueOn, phase: c.phase,
  feedback: c.feedbackPublishedOn ? { publishedOn: c.feedbackPublishedOn, received: c.feedbackReceived ?? 0, adopted: c.feedbackAdopted ?? '', notAdopted: c.feedbackNotAdopted ?? '' } : null,
  version: c.version,
});
const page = <T extends z.ZodType>(item: T) => z.object({ total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), items: z.array(item) });
const publicComment = z.object({ id: z.number().int(), authorName: z.string().describe('署名，显示为“张**” / masked'), content: z.string(), submittedOn: z.string() });
const staffComment = z.object({
  id: z.number().int(), authorName: z.string(), content: z.string(), state: z.enum(['pending', 'approved', 'rejected']), flagged: z.boolean().describe('扫描发现个人信息等 / the scanner found something'),
  findings: z.array(z.unknown()), submittedOn: z.string(), rejectReason: z.string().nullable(),
});
const staffCommentJson = (m: z.infer<typeof staffComment> & Record<string, unknown>) => ({
  id: m.id, authorName: m.authorName, content: m.content, state: m.state, flagged: m.flagged, findings: m.findings, submittedOn: m.submittedOn, rejectReason: m.rejectReason,
});
const idParam = z.object({ id: z.coerce.number().int().positive() });

/**
 * Public consultation over JSON, with the rules of docs/workflows/consultation.md: public reads of
 * opened consultations with their approved (masked) comments and feedback report; commenting without
 * an account (one Idempotency-Key → one comment; only accepted comments count toward the per-address
 * limit); and the staff list, opening, moderation and feedback with an API token.
 */
export const consultationsApi = (deps: AppDeps, opts: { commentsPerHour?: number } = {}): FastifyPluginAsyncZod => async (app) => {
  const max = opts.commentsPerHour ?? 10;
  const limit = addressLimit({ max, windowMs: 3600_000, refusal: (when, window) => new DomainError(ConsultationErrorCode.submitLimited, `同一网络地址${window}内最多提交${max}条意见。请于${when}后再提交`, { httpStatus: 429 }) });
  const codeParams = z.object({ code: z.string().describe('机关代码 / organ code') });

  app.get('/organs/:code/consultations', {
    schema: { tags, summary: '意见征集列表（已开始的）', params: codeParams, querystring: z.object({ page: z.string().optional() }), response: { 200: json('一页 / a page', page(consultation)), ...errors(404) } },
  }, async (request) => {
    const p = await listPublicConsultations(deps, request.params.code, pageQueryParam(request.query.page));
    return { total: p.total, page: p.page, pageSize: p.pageSize, items: p.items.map(asJson) };
  });

  app.get('/organs/:code/consultations/:id', {
    schema: { tags, summary: '一项意见征集，含已审核公开的意见和反馈情况', params: codeParams.extend({ id: z.coerce.number().int().positive() }), response: { 200: json('意见征集 / consultation', consultation.extend({ comments: z.array(publicComment) })), ...errors(404) } },
  }, async (request) => {
    const c = await findPublicConsultation(deps, request.params.code, request.params.id);
    return { ...asJson(c), comments: c.comments };
  });

  app.post('/consultations/:id/comments', {
    schema: {
      tags, summary: '提交意见（无需账号；审核后公开）',
      description: '须带 Idempotency-Key 头（8–200 个字符）：同一键重复提交只产生一条意见（200）。/ One Idempotency-Key makes at most one comment.',
      params: idParam, headers: z.object({ 'idempotency-key': z.string().min(8).max(200) }).passthrough(),
      body: z.object({ authorName: z.string(), content: z.string() }).partial(),
      response: { 201: json('已收到，待审核 / received', z.object({ commentId: z.number().int() })), 200: json('同一幂等键的意见 / the comment this key made', z.object({ commentId: z.number().int() })), ...errors(400, 404, 409, 429) },
    },
  }, async (request, reply) => {
    const now = deps.clock.now();
    const r = await limit.countAccepted(request.ip, now, (admit) => submitComment(deps, request.params.id, request.body ?? {}, { formToken: `api:${request.headers['idempotency-key']}`, admit }));
    return reply.status(r.created ? 201 : 200).send({ commentId: r.commentId });
  });

  app.get('/consultations', {
    preHandler: requireApiToken(deps),
    schema: { tags, summary: '本机关的意见征集（工作人员）', security, querystring: z.object({ organ: z.string(), page: z.string().optional() }), response: { 200: json('一页 / a page', page(consultation)), ...errors(401, 403, 404) } },
  }, async (request) => {
    const organ = await organByCode(deps.db, request.query.organ);
    const p = await listStaffConsultations(deps, actorOf(request, 'api'), organ.id, pageQueryParam(request.query.page));
    return { ...p, items: p.items.map(asJson) };
  });

  app.post('/consultations', {
    preHandler: requireApiToken(deps),
    schema: {
      tags, summary: '发布征求意见稿（工作人员）', security,
      body: z.object({ organ: z.string(), title: z.string(), body: z.string(), howToComment: z.string(), startOn: z.string(), endOn: z.string() }),
      response: { 201: json('已发布 / opened', consultation), ...errors(400, 401, 403, 404) },
    },
  }, async (request, reply) => {
    const organ = await organByCode(deps.db, request.body.organ);
    const c = await openConsultation(deps, actorOf(request, 'api'), organ.id, request.body);
    return reply.status(201).send(asJson(await consultationDetails(deps, actorOf(request, 'api'), c.id)));
  });

  app.get('/consultations/:id', {
    preHandler: requireApiToken(deps),
    schema: { tags, summary: '一项意见征集及全部意见（工作人员）', security, params: idParam, response: { 200: json('意见征集 / consultation', consultation.extend({ comments: z.array(staffComment) })), ...errors(401, 403, 404) } },
  }, async (request) => {
    const c = await consultationDetails(deps, actorOf(request, 'api'), request.params.id);
    return { ...asJson(c), comments: c.comments.map((m) => staffCommentJson(m as never)) };
  });

  app.post('/comments/:id/moderate', {
    preHandler: requireApiToken(deps),
    schema: {
      tags, summary: '审核意见：approve 公开 / reject 不予公开（须写理由）', security, params: idParam,
      body: z.object({ decision: z.enum(['approve', 'reject']), reason: z.string().optional() }),
      response: { 200: json('审核后的意见 / the comment', staffComment), ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request) => staffCommentJson((await moderateComment(deps, actorOf(request, 'api'), request.params.id, request.body.decision, request.body.reason ?? '')) as never));

  app.post('/consultations/:id/feedback', {
    preHandler: requireApiToken(deps),
    schema: {
      tags, summary: '公布反馈情况（截止后）：收到意见条数、采纳情况、未采纳理由', security, params: idParam,
      body: z.object({ received: z.number().int(), adopted: z.string(), notAdopted: z.string(), expectedVersion: z.number().int().positive().optional() }),
      response: { 200: json('公布后的意见征集 / consultation', consultation), ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request) => {
    const actor = actorOf(request, 'api');
    await publishFeedback(deps, actor, request.params.id, request.body, request.body.expectedVersion);
    return asJson(await consultationDetails(deps, actor, request.params.id));
  });
};
