import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { attachmentSchema, errorResponses, findAttachment, jsonResponse, listAttachments, presentAttachment, publicationAttachmentParams, publicationIdParams, readUploadedFile } from '../../catalog/index.ts';
import { actorOf, requireApiToken } from '../../identity/index.ts';
import { scanFactsOf } from '../domain/item-scan.ts';
import { loadForm } from '../storage/review-repository.ts';
import { addRevisionAttachment, keepRevisionAttachment, removeRevisionAttachment } from '../use-cases/revision-attachments.ts';

const tags = ['review'];
const security = [{ bearerAuth: [] }];

const uploadBody = z
  .object({
    title: z.string().optional().describe('附件名称（可选，写在 file 之前）；一行，不超过 100 个字 / optional title, sent before file; one line, at most 100 characters'),
    file: z.file().describe('附件文件，类型和大小同上传附件 / the file, as for an upload'),
  })
  .describe('multipart/form-data');

const scanSchema = z
  .object({
    scannedAt: z.string().nullable().describe('这次扫描的时间 / when the revision was scanned'),
    findings: z.array(z.object({
      source: z.string().describe('位置：标题、正文、附件：文件名 … / where'),
      type: z.string().describe('类型代码 / finding type'),
      severity: z.enum(['block', 'warn']).describe('block 须处理，warn 提示：请核对，不阻止发布 / blocks, or only warns and stops nothing'),
      text: z.string(), start: z.number().int(), end: z.number().int(),
      suggestion: z.string().describe('建议遮盖为 / suggested mask'),
      accepted: z.object({ reason: z.string(), byLabel: z.string(), at: z.string(), carriedAt: z.string().optional() }).nullable()
        .describe('审核人的接受（理由、接受人、时间；修订沿用时 carriedAt），未接受为 null / a reviewer\'s acceptance, null when none'),
    })).describe('修订的最新扫描结果，approve-amendment 的 acceptFindings 以 source/start/end/text 指明其中一处 / the revision\'s latest scan; acceptFindings names one by source, start, end and text'),
    unresolved: z.number().int().describe('既未遮盖也未接受的须处理发现（密级标志除外）/ blocking findings neither masked nor accepted'),
    markings: z.number().int().describe('密级标志：不能遮盖或接受，修订不能审核通过 / secrecy markings, which nothing passes'),
  })
  .describe('修订随附件变化重新扫描的结果 / the revision scanned again');

const revisionFile = attachmentSchema.extend({
  revisionState: z.enum(['pending_add', 'pending_remove', 'discarded']).nullable()
    .describe('pending_add 随修订新增（审核通过后公开）；pending_remove 随修订删除（审核通过前仍公开）；discarded 修订新增的附件已删除；null 保留的已公开附件 / the file\'s place in the revision'),
  scan: scanSchema,
});

const notFound = () => new DomainError('ERR_CATALOG_ATTACHMENT_NOT_FOUND', '附件不存在', { httpStatus: 404 });
const DESCRIBED = '须先以 amend 保存修订（否则 409 ERR_REVIEW_NO_REVISION），由修订人（起草人或发布人）操作，同后台“随修订上传 / 随修订删除 / 保留”；每次变动后立即重新扫描修订（其正文和它将公开的全部附件），应答中的 scan 即修订的最新扫描结果。';

/**
 * A published item's pending revision's files over the API, as the back office's 随修订上传, 随修订删除
 * and 保留 (item-attachment-routes.ts): the same use cases, so each change is checked alike (only the
 * revision's proposer) and scans the revision at once (rescanItem). Each answer says where the file stands
 * in the revision and what the revision's scan now finds.
 */
export const revisionAttachmentsApi = (deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  /** The file as it stands with the revision, with the revision's latest scan. */
  const answer = async (publicationId: number, attachmentId: number, gone?: Awaited<ReturnType<typeof findAttachment>>) => {
    const row = (await listAttachments(deps.db, publicationId, 'all')).find((a) => a.id === attachmentId);
    const form = await loadForm(deps.db, publicationId);
    const findings = form?.scanFindings ?? [];
    const facts = scanFactsOf(findings);
    const scan = {
      scannedAt: form?.scannedAt ?? null,
      findings: findings.map((f) => ({
        source: f.source, type: f.type, severity: f.severity as 'block' | 'warn', text: f.text, start: f.start, end: f.end, suggestion: f.suggestion,
        accepted: f.accepted ? { reason: f.accepted.reason, byLabel: f.accepted.byLabel, at: f.accepted.at, ...(f.accepted.carriedAt ? { carriedAt: f.accepted.carriedAt } : {}) } : null,
      })),
      unresolved: facts.unresolved, markings: facts.markings,
    };
    if (!row) {
      // A file the revision added and removal dropped: its row is gone, answered as it was.
      const g = gone!;
      const stored = { id: g.id, publicationId: g.publication_id, title: g.title, fileName: g.file_name, mimeType: g.mime_type, sizeBytes: g.size_bytes, sha256: g.sha256, createdAt: g.created_at };
      return { ...presentAttachment(stored as Parameters<typeof presentAttachment>[0]), revisionState: 'discarded' as const, scan };
    }
    // The title the revision would publish: its pending one where it changes it ('' takes it away).
    const title = row.pendingTitle !== undefined ? row.pendingTitle || null : row.title;
    return { ...presentAttachment({ ...row, title }), revisionState: (row.revisionState ?? null) as 'pending_add' | 'pending_remove' | null, scan };
  };
  /** The attachment named in the address, of the item named there (404 otherwise). */
  const ofItem = async (publicationId: number, attachmentId: number) => {
    const a = await findAttachment(deps.db, attachmentId);
    if (!a || a.publication_id !== publicationId) throw notFound();
    return a;
  };

  app.post('/publications/:id/revision/attachments', {
    preHandler: requireApiToken(deps),
    schema: {
      tags, security, summary: '随修订上传附件',
      description: `已发布信息的待审核修订新增一个附件：修订审核通过后公开，撤回修订则删除（退回修订时随修订保留）。multipart/form-data，字段 file，可在其前加字段 title（附件名称）。${DESCRIBED} / Adds a file to a published item's pending revision (public once it is approved); the revision is scanned at once.`,
      consumes: ['multipart/form-data'], params: publicationIdParams, body: uploadBody,
      response: { 201: jsonResponse('随修订新增的附件和修订的扫描结果 / the added file and the revision\'s scan', revisionFile), ...errorResponses(400, 401, 403, 404, 409, 413) },
    },
  }, async (request, reply) => {
    const id = await addRevisionAttachment(deps, actorOf(request, 'api'), request.params.id, await readUploadedFile(request));
    return reply.status(201).send(await answer(request.params.id, id));
  });

  app.delete('/publications/:id/revision/attachments/:attachmentId', {
    preHandler: requireApiToken(deps),
    schema: {
      tags, security, summary: '随修订删除附件',
      description: `已公开的附件标记为随修订删除（修订审核通过前仍公开，可用 keep 保留）；修订自己新增的附件立即删除（revisionState 为 discarded）。${DESCRIBED} / Marks a live file to go with the revision, or drops a file the revision added; the revision is scanned at once.`,
      params: publicationAttachmentParams,
      response: { 200: jsonResponse('附件在修订中的状态和修订的扫描结果 / the file\'s place in the revision and the revision\'s scan', revisionFile), ...errorResponses(401, 403, 404, 409) },
    },
  }, async (request) => {
    const a = await ofItem(request.params.id, request.params.attachmentId);
    await removeRevisionAttachment(deps, actorOf(request, 'api'), a.id);
    return answer(request.params.id, a.id, a);
  });

  app.post('/publications/:id/revision/attachments/:attachmentId/keep', {
    preHandler: requireApiToken(deps),
    schema: {
      tags, security, summary: '保留随修订删除的附件',
      description: `撤销对已公开附件的“随修订删除”。${DESCRIBED} / Keeps a live file the revision was to remove; the revision is scanned at once.`,
      params: publicationAttachmentParams,
      response: { 200: jsonResponse('附件在修订中的状态和修订的扫描结果 / the file\'s place in the revision and the revision\'s scan', revisionFile), ...errorResponses(401, 403, 404, 409) },
    },
  }, async (request) => {
    const a = await ofItem(request.params.id, request.params.attachmentId);
    await keepRevisionAttachment(deps, actorOf(request, 'api'), a.id);
    return answer(request.params.id, a.id);
  });
};
