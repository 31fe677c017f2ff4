import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../../platform/app-deps.ts';
import { pageQueryParam } from '../../../../platform/views/admin-helpers.ts';
import { DomainError } from '../../../../shared/domain-error.ts';
import { PHONE_NUMBER_RULE } from '../../../../shared/phone-number.ts';
import { addressLimit } from '../../../applications/index.ts';
import { organByCode, organChain } from '../../../catalog/index.ts';
import { actorOf, requireApiToken, mayWorkOn } from '../../../identity/index.ts';
import { InteractionErrorCode as E } from '../../domain/error-codes.ts';
import { LETTER_STATES, LETTER_TYPES, RATINGS, type Letter } from '../../domain/letter.ts';
import { STAFF_LETTER_VERBS, type LetterVerb } from '../../domain/letter-verbs.ts';
import { LETTER_VIEWS } from '../../storage/letters-repository.ts';
import { checkLetter, rateLetter } from '../../use-cases/check-letter.ts';
import { letterDetails } from '../../use-cases/letter-details.ts';
import { listLetters } from '../../use-cases/list-letters.ts';
import { performLetterVerb } from '../../use-cases/perform-letter-verb.ts';
import { findPublishedLetter, listPublishedLetters } from '../../use-cases/published-letters.ts';
import { submitLetter } from '../../use-cases/submit-letter.ts';
import { letterCommandFrom } from '../admin/letters-admin-routes.tsx';

const tags = ['letters'];
const security = [{ bearerAuth: [] }];
const reason = z.object({ code: z.string(), message: z.string(), field: z.string().optional() });
const errorAnswer = z.object({ error: z.object({ code: z.string(), message: z.string(), field: z.string().optional(), reasons: z.array(reason) }) });
const errors = (...codes: number[]) => Object.fromEntries(codes.map((c) => [c, { description: `错误 ${c}，reasons 列出全部原因 / error`, content: { 'application/json': { schema: errorAnswer } } }]));
const json = <T extends z.ZodType>(description: string, schema: T) => ({ description, content: { 'application/json': { schema } } });

const publishedLetter = z.object({
  id: z.number().int(), trackingNo: z.string(), type: z.enum(LETTER_TYPES), subject: z.string(), content: z.string(),
  writer: z.string().describe('来信人，显示为“张**” / writer, masked'), submittedOn: z.string(), replyText: z.string(), repliedOn: z.string(),
});
const page = <T extends z.ZodType>(item: T) => z.object({ total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), items: z.array(item) });
const publicLetter = z.object({
  trackingNo: z.string(), organName: z.string(), type: z.enum(LETTER_TYPES), subject: z.string(), content: z.string().describe('来信内容 / the text the writer sent'), submittedOn: z.string(), state: z.enum(LETTER_STATES), dueOn: z.string(),
  transfers: z.array(z.object({ on: z.string(), fromOrgan: z.string(), toOrgan: z.string(), reason: z.string() })),
  replyText: z.string().nullable(), repliedOn: z.string().nullable(), notAcceptedReason: z.string().nullable(),
  rating: z.enum(RATINGS).nullable(), ratingDeemed: z.boolean().describe('期限内未评价，视为满意 / no rating in time, counted as 满意'), mayRate: z.boolean(), rateByOn: z.string().nullable(),
});
const staffLetter = z.object({
  id: z.number().int(), organId: z.number().int(), trackingNo: z.string(), type: z.enum(LETTER_TYPES), subject: z.string(), content: z.string(), writerName: z.string(), contact: z.string(),
  publishConsent: z.boolean(), state: z.enum(LETTER_STATES), unitId: z.number().int().nullable(),
  unitOpinionOn: z.string().nullable().describe('承办单位最近报送办理意见的日期；null 表示尚未报送或未交办 / the day the unit it is handed to last wrote its note'),
  unitInstructions: z.string().nullable().describe('交办意见 / what the organ asks the unit to do'), unitReportByOn: z.string().nullable().describe('报送期限：承办单位报送办理意见的最后一天 / the day the unit must send its note by'), submittedOn: z.string(), receivedOn: z.string(), dueWorkingDays: z.number().int(),
  dueOn: z.string(), threeMonthOn: z.string(), replyText: z.string().nullable(), repliedOn: z.string().nullable(), rating: z.enum(RATINGS).nullable(),
  ratingComment: z.string().nullable(), notAcceptedReason: z.string().nullable(),
  publicSubject: z.string().nullable().describe('工作人员修改的公开标题；null 表示按原文 / public title as staff edited it, null: as written'),
  publicContent: z.string().nullable().describe('工作人员修改的公开内容；null 表示按原文（原文保留在 content） / public text as staff edited it'),
  publicReplyText: z.string().nullable().describe('工作人员修改的公开答复；null 表示按答复原文（保留在 replyText） / public reply as staff edited it'),
  publicationWithdrawnReason: z.string().nullable().describe('撤下公开的理由；null 表示未撤下 / why staff took it off the portal, null when not'),
  transferCount: z.number().int(), version: z.number().int(),
});
const staffJson = (l: Letter) => ({
  id: l.id, organId: l.organId, trackingNo: l.trackingNo, type: l.type, subject: l.subject, content: l.content, writerName: l.writerName, contact: l.contact,
  publishConsent: l.publishConsent, state: l.state, unitId: l.unitId, unitOpinionOn: l.unitOpinionOn, unitInstructions: l.unitInstructions, unitReportByOn: l.unitReportByOn, submittedOn: l.submittedOn, receivedOn: l.receivedOn, dueWorkingDays: l.dueWorkingDays,
  dueOn: l.dueOn, threeMonthOn: l.threeMonthOn, replyText: l.replyText, repliedOn: l.repliedOn, rating: l.rating, ratingComment: l.ratingComment,
  notAcceptedReason: l.notAcceptedReason, publicSubject: l.publicSubject, publicContent: l.publicContent, publicReplyText: l.publicReplyText, publicationWithdrawnReason: l.publicationWithdrawnReason, transferCount: l.transferCount, version: l.version,
});
const credentials = z.object({ trackingNo: z.string().describe('信件编号 / tracking number'), queryCode: z.string().describe('查询码 / query code') });
/**
 * The department mailbox over JSON, with the rules of the portal and the back office
 * (docs/workflows/mailbox.md): public reads of published letters, writing a letter (one
 * Idempotency-Key → one letter; only accepted letters count toward the per-address limit), the
 * writer's status and rating with tracking number and query code; and the staff list and verbs with
 * an API token, scoped to the organs the token's user works for.
 */
export const lettersApi = (deps: AppDeps, opts: { submitPerHour?: number; queriesPer10Minutes?: number } = {}): FastifyPluginAsyncZod => async (app) => {
  const max = opts.submitPerHour ?? 10;
  const submitLimit = addressLimit({ max, windowMs: 3600_000, refusal: (when, window) => new DomainError(E.submitLimited, `同一网络地址${window}内最多提交${max}封来信。请于${when}后再提交`, { httpStatus: 429 }) });
  const qmax = opts.queriesPer10Minutes ?? 30;
  /** A look-up sent with a box empty asked nothing: not counted toward the look-up limit (as on the portal). */
  const askedNothing = (e: unknown) => e instanceof DomainError && e.code === E.invalidInput;
  const queryLimit = addressLimit({ max: qmax, windowMs: 600_000, refusal: (when, window) => new DomainError('ERR_RATE_LIMITED', `查询过于频繁：同一网络地址${window}内最多查询${qmax}次。请于${when}后再查询`, { httpStatus: 429 }) });
  const organOr404 = (code: string) => organByCode(deps.db, code, { unitsRefused: '下属单位不单独设信箱，请写信给其所属机关' });
  const codeParams = z.object({ code: z.string().describe('机关代码 / organ code') });

  app.get('/organs/:code/letters', {
    schema: { tags, summary: '来信选登（已答复且来信人同意公开，个人信息已遮盖）', params: codeParams, querystring: z.object({ page: z.string().optional() }), response: { 200: json('一页来信 / a page', page(publishedLetter)), ...errors(400, 404) } },
  }, async (request) => {
    const organ = await organOr404(request.params.code);
    return listPublishedLetters(deps, organ.id, pageQueryParam(request.query.page));
  });

  app.get('/organs/:code/letters/:id', {
    schema: { tags, summary: '一封公开的来信', params: codeParams.extend({ id: z.coerce.number().int().positive() }), response: { 200: json('来信 / letter', publishedLetter), ...errors(404) } },
  }, async (request) => findPublishedLetter(deps, (await organOr404(request.params.code)).id, request.params.id));

  app.post('/organs/:code/letters', {
    schema: {
      tags, summary: '写信（无需账号）',
      description: '须带 Idempotency-Key 头（8–200 个字符）：同一键重复提交只产生一封来信，并返回同一编号和查询码（200）。只有受理的来信计入每个网络地址每小时的上限。/ One Idempotency-Key makes at most one letter.',
      params: codeParams, headers: z.object({ 'idempotency-key': z.string().min(8).max(200).describe('幂等键 / idempotency key') }).passthrough(),
      body: z.object({
        type: z.enum(LETTER_TYPES), subject: z.string(), content: z.string(), writerName: z.string(),
        phone: z.string().describe(`联系电话：${PHONE_NUMBER_RULE} / phone: a mobile, or a landline with its area code`), email: z.string().describe('电子邮箱 / e-mail'),
        contact: z.string().describe('联系电话或电子邮箱（旧字段，仍可用）/ phone or e-mail, the older single field'),
        publishConsent: z.boolean(),
      }).partial().describe('phone、email、contact 至少填写一项 / at least one of phone, email, contact'),
      response: { 201: json('已受理 / accepted', z.object({ trackingNo: z.string(), queryCode: z.string() })), 200: json('同一幂等键的已受理来信 / the letter this key made', z.object({ trackingNo: z.string(), queryCode: z.string() })), ...errors(400, 404, 429) },
    },
  }, async (request, reply) => {
    const organ = await organOr404(request.params.code);
    const key = `api:${request.headers['idempotency-key']}`;
    const now = deps.clock.now();
    const r = await submitLimit.countAccepted(request.ip, now, (admit) => submitLetter(deps, organ.code, request.body ?? {}, { formToken: key, admit }));
    return reply.status(r.created ? 201 : 200).send({ trackingNo: r.trackingNo, queryCode: r.queryCode });
  });

  app.post('/letters/status', {
    schema: { tags, summary: '来信人凭编号和查询码查询办理情况和答复', body: credentials, response: { 200: json('办理情况 / status', publicLetter), ...errors(400, 404, 429) } },
  }, async (request) => {
    const { id: _id, ...rest } = await queryLimit.countLookUp(request.ip, deps.clock.now(), () => checkLetter(deps, request.body.trackingNo, request.body.queryCode), askedNothing);
    return rest;
  });

  app.post('/letters/rate', {
    schema: {
      tags, summary: '来信人评价答复（答复后7日内，未评价视为满意）',
      body: credentials.extend({ rating: z.enum(RATINGS), comment: z.string().max(2000).optional() }), response: { 200: json('评价后的办理情况 / status', publicLetter), ...errors(400, 404, 409, 429) },
    },
  }, async (request) => {
    const { id: _id, ...rest } = await queryLimit.countLookUp(request.ip, deps.clock.now(), () => rateLetter(deps, request.body.trackingNo, request.body.queryCode, request.body.rating, request.body.comment ?? ''), askedNothing);
    return rest;
  });

  app.get('/letters', {
    preHandler: requireApiToken(deps),
    schema: {
      tags, summary: '本人所办机关的来信（工作人员）', security,
      querystring: z.object({ organ: z.string().describe('机关代码 / organ code'), view: z.enum(LETTER_VIEWS).optional(), page: z.string().optional() }),
      response: { 200: json('一页来信 / a page', page(staffLetter)), ...errors(400, 401, 403, 404) },
    },
  }, async (request) => {
    const organ = await organOr404(request.query.organ);
    if (!mayWorkOn(request.principal!, await organChain(deps.db, organ.id))) throw new DomainError('ERR_AUTH_FORBIDDEN', '您没有办理该机关部门信箱来信的权限', { httpStatus: 403 });
    const p = await listLetters(deps, [organ.id], request.query.view ?? 'open', pageQueryParam(request.query.page));
    return { ...p, items: p.items.map(staffJson) };
  });

  app.get('/letters/:id', {
    preHandler: requireApiToken(deps),
    schema: { tags, summary: '一封来信（工作人员）', security, params: z.object({ id: z.coerce.number().int().positive() }), response: { 200: json('来信 / letter', staffLetter), ...errors(401, 403, 404) } },
  }, async (request) => staffJson((await letterDetails(deps, actorOf(request, 'api'), request.params.id)).letter));

  app.post('/letters/:id/:verb', {
    preHandler: requireApiToken(deps),
    schema: {
      tags, summary: '办理来信：assign transfer reply approveReply returnReply notAccept recordUnitOpinion（承办单位）recordFollowUp withdrawPublication republish editPublicText', security,
      description: '不允许时返回 409（权限 403），reasons 列出全部原因。/ A refused verb lists every reason.',
      params: z.object({ id: z.coerce.number().int().positive(), verb: z.enum(STAFF_LETTER_VERBS as [LetterVerb, ...LetterVerb[]]) }),
      body: z.object({
        unitId: z.number().int().optional(), instructions: z.string().optional().describe('交办意见'), reportByOn: z.string().optional().describe('报送期限 YYYY-MM-DD，不晚于答复期限'), targetOrganId: z.number().int().optional(), reason: z.string().optional(), replyText: z.string().optional(),
        publicSubject: z.string().optional(), publicContent: z.string().optional(), publicReplyText: z.string().optional(),
        opinion: z.string().optional(), kind: z.string().optional(), on: z.string().optional(), participants: z.string().optional(), notes: z.string().optional(), expectedVersion: z.number().int().positive().optional(),
      }).optional(),
      response: { 200: json('办理后的来信 / the letter after the verb', staffLetter), ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const after = await performLetterVerb(deps, actorOf(request, 'api'), request.params.id, letterCommandFrom(request.params.verb, body), body.expectedVersion as number | undefined);
    return staffJson(after);
  });
};
