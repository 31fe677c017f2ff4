import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../../platform/app-deps.ts';
import {
  apiValidatorCompiler, attachmentSchema, errorResponses, jsonObjectBody, jsonResponse, presentAttachment, publicationAttachmentParams, publicationDetail, publicationIdParams, publicationJson, WITHDRAW_REASONS, withoutNulls,
} from '../../catalog/index.ts';
import { actorOf, requireApiToken } from '../../identity/index.ts';
import type { ReviewVerb } from '../domain/review-workflow.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { clearReviewForm, fillReviewForm } from '../use-cases/fill-review-form.ts';
import { performReviewVerb, readPendingRevision } from '../use-cases/perform-review-verb.ts';
import { retitleAttachment } from '../use-cases/retitle-attachment.ts';
import { revisionAttachmentsApi } from './revision-attachments-api.ts';

const tags = ['review'];
const security = [{ bearerAuth: [] }];

const verbBody = z
  .object({
    comment: z.string().optional().describe('审核意见；退回修改和紧急发布时必填 / comment; required to return or force-publish'),
    scanJustification: z.string().optional().describe('审核人对扫描结果的总体说明，不能代替逐处的理由 / a remark on the scan as a whole; it passes no finding'),
    acceptFindings: z.array(z.object({
      source: z.string(), start: z.number().int().min(0), end: z.number().int().min(0), text: z.string(),
      reason: z.string().describe('这一处可以公开的理由 / why this one finding may stand'),
    })).optional().describe('审核人逐处接受的须处理扫描发现（以最新扫描结果中的 source/start/end/text 指明）；密级标志不能接受 / blocking findings of the latest scan the reviewer accepts, one reason each; never a 密级标志'),
    publishAt: z.string().optional().describe('定时发布时间（ISO 8601） / scheduled time'),
    withdrawReason: z.enum(Object.keys(WITHDRAW_REASONS) as [string, ...string[]]).optional().describe('撤回原因代码 / coded withdrawal reason'),
    withdrawNote: z.string().optional(),
    replacedById: z.number().int().positive().optional().describe('废止时的替代文件编号 / replacement of a repealed document'),
    amendingId: z.number().int().positive().optional().describe('标记已修改时，修改本文件的已发布文件的编号 / for mark-amended: the published document that amended this one'),
    changeNote: z.string().optional().describe('修订说明 / change note for an amendment'),
    amended: z.record(z.string(), z.unknown()).optional().describe('修订后的完整元数据，同新建信息 / the full new metadata, as for create'),
    expectedVersion: z.number().int().positive().optional(),
    revisionSeen: z.string().optional().describe('审核通过或退回修订时：所看到的修订（GET /publications/{id}/revision 的 revisionSeen）；此后修订人重新保存或改动附件的，返回 409 ERR_REVIEW_REVISION_CHANGED / for approve-amendment and return-amendment: the revision as read; changed since, 409 ERR_REVIEW_REVISION_CHANGED'),
  })
  .partial()
  .describe('动作参数 / verb input');

const VERBS: [string, ReviewVerb, string][] = [
  ['submit', 'submit', '报送审核（须先填写保密审查表）'],
  ['approve', 'approve', '当前环节审核通过'],
  ['return', 'return_for_changes', '退回修改（须填写意见）'],
  ['schedule', 'schedule', '定时发布'],
  ['unschedule', 'unschedule', '取消定时发布'],
  ['publish', 'publish', '发布（分配索引号）'],
  ['force-publish', 'force_publish', '紧急发布（须说明理由，事后补充审核）'],
  ['approve-retrospectively', 'approve_retrospectively', '对紧急发布的信息补充审核'],
  ['withdraw', 'withdraw', '撤回（须选择原因代码）'],
  ['repeal', 'repeal', '标记废止并链接替代文件'],
  ['mark-amended', 'mark_amended', '标记已修改并链接修改本文件的文件（amendingId；被多次修改时每次标记一份）'],
  ['amend', 'amend', '修订已发布信息（须填写修订说明；修订经发布人审核通过后才替换已发布的内容）'],
  ['approve-amendment', 'approve_amendment', '审核通过待审核的修订（不能由修订人审核）'],
  ['return-amendment', 'return_amendment', '退回修订：发布人填写意见，修订退回修订人，内容、附件和修订说明都保留，修订人修改后重新提交（修订）或撤回修订'],
  ['withdraw-amendment', 'withdraw_amendment', '撤回修订：修订人本人放弃待审核或已退回的修订，随修订上传的附件删除，已发布的版本不变'],
  ['recall', 'recall_submission', '撤回报送（审核人处理之前，由报送人撤回，改回草稿）'],
];

/**
 * The review workflow's verbs over the API; a refused verb answers 409 (403 for rights) with every
 * reason. Mount with `app.register(reviewApi(deps), { prefix: '/api/v1' })`.
 */
export function reviewApi(deps: AppDeps): FastifyPluginAsync {
  const plugin: FastifyPluginAsyncZod = async (app) => {
    app.setValidatorCompiler(apiValidatorCompiler);
    await app.register(publicationVerbsRoutes(deps));
    await app.register(revisionAttachmentsApi(deps));
  };
  return plugin as FastifyPluginAsync;
}

const publicationVerbsRoutes = (deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  for (const [path, verb, summary] of VERBS) {
    app.post(`/publications/:id/${path}`, {
      preHandler: requireApiToken(deps),
      schema: {
        tags, summary, security, params: publicationIdParams, body: verbBody.optional(),
        description: `${summary}。不允许时返回 409（缺少权限为 403），reasons 列出全部原因。/ Workflow verb \`${verb}\`; a refusal lists every reason.`,
        response: { 200: jsonResponse('动作之后的信息 / the publication after the verb', publicationDetail), ...errorResponses(400, 401, 403, 404, 409) },
      },
    }, async (request) => {
      const body = withoutNulls(jsonObjectBody(request.body ?? {})) as Record<string, unknown>;
      const result = await performReviewVerb(deps, actorOf(request, 'api'), request.params.id, verb, body);
      return publicationJson(deps, result);
    });
  }

  // The pending revision as it stands, with the revisionSeen approve-amendment and return-amendment send back.
  app.get('/publications/:id/revision', {
    preHandler: requireApiToken(deps),
    schema: {
      tags, summary: '读取待审核或已退回的修订', security, params: publicationIdParams,
      description: '本机关工作人员读取已发布信息待审核（或已退回修订人）的修订：修订后的完整元数据 amended、修订说明、提交人和时间、退回情况，以及 revisionSeen——审核通过（approve-amendment）或退回修订（return-amendment）时原样传回；此后修订人重新保存或改动附件的，这两个动作返回 409 ERR_REVIEW_REVISION_CHANGED。没有修订时 404 ERR_REVIEW_NO_REVISION。/ The pending revision, with the revisionSeen to send back with approve-amendment and return-amendment.',
      response: {
        200: jsonResponse('修订 / the revision', z.object({
          revisionSeen: z.string().describe('所看到的修订，审核时原样传回 / send back with approve-amendment or return-amendment'),
          amended: z.record(z.string(), z.unknown()).describe('修订后的完整元数据 / the revised metadata'),
          changeNote: z.string(), proposedBy: z.string().describe('提交人 / proposer'), proposedAt: z.string(),
          returned: z.object({ at: z.string(), by: z.string(), comment: z.string() }).nullable().describe('退回修订的时间、退回人和意见；审核中为 null / the return, or null while in review'),
        })),
        ...errorResponses(401, 403, 404),
      },
    },
  }, async (request) => {
    const r = await readPendingRevision(deps, actorOf(request, 'api'), request.params.id);
    return {
      revisionSeen: r.revisionSeen, amended: r.input, changeNote: r.changeNote, proposedBy: r.proposedByLabel, proposedAt: r.proposedAt,
      returned: r.returned ? { at: r.returned.at, by: r.returned.byLabel, comment: r.returned.comment } : null,
    };
  });

  // 附件名称 of a file already uploaded (ADR 0034): the back office's 保存附件名称 for one file.
  app.put('/publications/:id/attachments/:attachmentId/title', {
    preHandler: requireApiToken(deps),
    schema: {
      tags, summary: '修改附件名称', security,
      description:
        '草稿或退回修改的信息（其起草人）：立即保存。已发布的信息：须先以 amend 保存修订，附件名称随修订修改（titleWithRevision），门户仍显示原名称，修订审核通过后公开、检索按新名称；退回修订时随修订保留，撤回修订则作废。' +
        '报送审核中的信息不能修改（409 ERR_CATALOG_LOCKED_IN_REVIEW）；已发布而没有待审核的修订时 409 ERR_REVIEW_NO_REVISION；名称有换行或超过 100 个字时 400 ERR_CATALOG_ATTACHMENT_TITLE（field 为 title）。' +
        '/ Retitles one attachment: a draft\'s at once; a published item\'s with its pending revision (save one with `amend` first), public once it is approved; never an item in review.',
      params: publicationAttachmentParams,
      body: z.object({
        title: z.string().nullable().describe('附件名称，如“附件1：试点小区名单”；去掉首尾空白，一行，不超过 100 个字；null 或空字符串表示不设名称（显示文件名） / the title; null or empty: none'),
      }),
      response: {
        200: jsonResponse('修改后的附件 / the attachment after the change', attachmentSchema.extend({
          titleWithRevision: z.object({ title: z.string().nullable() }).nullable()
            .describe('已发布信息随修订修改的名称（审核通过后公开；title 为 null 表示去掉名称），没有待审核的修改时为 null / the title the pending revision gives it, null when none waits'),
          changed: z.boolean().describe('是否有改动 / whether anything changed'),
        })),
        ...errorResponses(400, 401, 403, 404, 409),
      },
    },
  }, async (request) => {
    // The body passes the validator untouched (apiValidatorCompiler): a missing title is refused here, never taken as none.
    const body = jsonObjectBody(request.body);
    if (!Object.hasOwn(body, 'title')) throw new DomainError('ERR_CATALOG_ATTACHMENT_TITLE', '缺少 title：附件名称；不设名称请传 null 或空字符串', { field: 'title' });
    const r = await retitleAttachment(deps, actorOf(request, 'api'), request.params.id, request.params.attachmentId, body.title);
    return { ...presentAttachment(r.attachment), titleWithRevision: r.titleWithRevision, changed: r.changed };
  });

  app.put('/publications/:id/review-form', {
    preHandler: requireApiToken(deps),
    schema: {
      tags, summary: '填写保密审查表（起草人部分）', security, params: publicationIdParams,
      body: z.object({
        secrecyLevel: z.enum(['non_secret', 'secret', 'confidential', 'top_secret']).describe('密级 / secrecy level'),
        involvesPersonalInfo: z.boolean().optional(),
        avoidanceNote: z.string().optional().describe('保密和个人信息处理说明 / how secrets and personal data were avoided'),
      }),
      response: { 204: z.undefined().describe('已保存 / saved'), ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (request, reply) => {
    await fillReviewForm(deps, actorOf(request, 'api'), request.params.id, request.body);
    return reply.status(204).send();
  });
  app.delete('/publications/:id/review-form', {
    preHandler: requireApiToken(deps),
    schema: {
      tags, summary: '清空保密审查表（起草人部分）', security, params: publicationIdParams,
      description: '草稿或已退回修改的信息：删除起草人填写的保密审查表，此后须重新填写才能报送审核、发布；审计日志记录清空人和原内容。报送后或已发布的信息不能清空（409）；没有保密审查表时返回 404。/ Removes the drafter\'s form of a draft or returned item; it must be filled again before submission. Locked once submitted or published (409); none to remove is 404.',
      response: { 204: z.undefined().describe('已清空 / removed'), ...errorResponses(401, 403, 404, 409) },
    },
  }, async (request, reply) => {
    if (!await clearReviewForm(deps, actorOf(request, 'api'), request.params.id)) {
      throw new DomainError('ERR_NOT_FOUND', '保密审查表不存在（尚未填写）', { httpStatus: 404 });
    }
    return reply.status(204).send();
  });
};
