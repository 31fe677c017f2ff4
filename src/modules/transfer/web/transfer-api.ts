import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { actorOf, requireApiToken } from '../../identity/index.ts';
import { TransferErrorCode as E } from '../domain/error-codes.ts';
import { EXPORT_FORMATS } from '../domain/export-document.ts';
import { ITEM_COLUMNS, LIST_COLUMNS } from '../domain/item-columns.ts';
import { attachmentsZip, collectExport, renderExport } from '../use-cases/export-items.ts';
import { importItems } from '../use-cases/import-items.ts';
import { readItemFile } from '../use-cases/read-item-file.ts';
import { contentDisposition } from '../../../platform/http/content-disposition.ts';

const tags = ['transfer'];
const security = [{ bearerAuth: [] }];
const reason = z.object({ code: z.string(), message: z.string(), field: z.string().optional() });
const errorAnswer = z.object({ error: z.object({ code: z.string(), message: z.string(), field: z.string().optional(), reasons: z.array(reason) }) });
const errors = (...codes: number[]) => Object.fromEntries(codes.map((c) => [c, { description: `错误 ${c}，reasons 列出全部原因 / error`, content: { 'application/json': { schema: errorAnswer } } }]));
const codeParams = z.object({ code: z.string().describe('机关代码 / organ code') });

// 附件名称: one per file in attachments' order (an export gives each in its attachment object, { file, title }).
const columnSchema = (key: string) => (LIST_COLUMNS.includes(key as never) ? z.array(z.any()) : key === 'attachmentTitles' ? z.union([z.string(), z.array(z.string().nullable())]) : z.string());
const item = z.object(Object.fromEntries(ITEM_COLUMNS.map((c) => [c.key, columnSchema(c.key).optional().describe(c.header)]))).passthrough();
const itemDocument = z.object({
  catalog: z.array(z.object({
    path: z.string().describe('栏目路径，如 政策文件/规范性文件'), description: z.string().optional(), standardArea: z.string().optional(),
    matters: z.array(z.record(z.string(), z.any())).optional().describe('该栏目的标准目录事项（模板中的字段加 templateId）'),
  }).passthrough()).optional(),
  items: z.array(item),
}).passthrough().describe('docs/import-export.md 所述的 JSON 格式（导出的文件即可导入）/ the export’s JSON');
/** Where a line of the report is: the row of the JSON list the API takes (第N条); a file's row as its spreadsheet shows it (第N行) elsewhere. */
const at = z.string().describe('位置：第N条（请求体 items 中的第 N 条；表格文件为第N行，即 Excel、WPS 显示的行号，表头为第1行）/ where: the Nth item of the list');
const report = z.object({
  ok: z.boolean(), dryRun: z.boolean(), mode: z.enum(['published', 'draft']), records: z.number().int(), items: z.number().int(), attachments: z.number().int(),
  nodesCreated: z.number().int(), redirects: z.number().int(), problems: z.array(z.object({ at, message: z.string().describe('原因；所填的值不对的，附上所填内容（过长的截取前 30 字并注明字数）/ why; a wrong value is quoted, a long one cut') })),
  warnings: z.array(z.object({ at, code: z.string().describe('稳定的提示代码，如 WARN_CATALOG_DOC_TYPE_NORMATIVE_NUMBER（docs/errors.md）'), message: z.string() }))
    .describe('各行的文件类型提示，与信息编辑表单相同；只提示，不拒绝该行 / each row\'s 文件类型 warnings; never a refusal'),
  written: z.array(z.object({ at, id: z.number().int().describe('信息编号，即 /api/v1/publications/{id} 的 id'), title: z.string() }))
    .describe('已导入的信息，按文件顺序；试导入时为空 / the items written, in the file\'s order; empty on a dry run'),
  findings: z.array(z.object({
    at, title: z.string(), field: z.string().describe('标题、正文、正文链接、附件：文件名 …'),
    type: z.string().describe('id_card、mobile_phone、bank_card、email、residential_address、classified_marking、sensitive_word、unreadable_attachment'),
    kind: z.string().describe('身份证号、手机号码、密级标志 …'), severity: z.enum(['block', 'warn']).describe('block：阻止发布；warn：提示，请核对，不阻止发布'),
    excerpt: z.string().describe('遮盖后的内容（从不给出个人信息原文）；密级标志原样；无法读取的附件为原因'),
  })).describe('隐私与保密扫描（与审核流程相同）逐条逐处的发现；试导入同样列出 / what the review scan found, row by row; a dry run lists them too'),
  heldBack: z.array(z.object({
    at, id: z.number().int().nullable().describe('信息编号；试导入时为 null'), title: z.string(),
    code: z.literal('WARN_TRANSFER_HELD_FOR_REVIEW'), message: z.string(),
  })).describe('作为已发布信息导入、但因扫描发现须处理的内容而未发布的信息：已作为草稿导入，待报送审核 / published history held back as drafts for review'),
  published: z.number().int().describe('已发布的条数（written 中除 heldBack 以外的已发布历史信息）/ how many were published'),
  duplicates: z.array(z.object({ at, title: z.string(), code: z.literal('WARN_TRANSFER_POSSIBLE_DUPLICATE'), message: z.string() }))
    .describe('疑似重复的行（allowDuplicates=true 时仍导入）/ rows taken for duplicates, imported when allowDuplicates=true'),
  notKept: z.array(z.object({ at, title: z.string(), code: z.literal('WARN_TRANSFER_PUBLISHED_ON_NOT_KEPT'), message: z.string() }))
    .describe('作为草稿导入时未导入的发布日期（草稿不带发布日期，发布时按实际日期记）；只提示，不拒绝该行 / the 发布日期 a draft does not take; never a refusal'),
  noDocumentNumber: z.array(z.object({ at, title: z.string(), code: z.literal('WARN_TRANSFER_DOCUMENT_NUMBER_NONE'), message: z.string() }))
    .describe('文号只填“—”“/”“无”“暂无”等表示无文号的行，按无文号导入；只提示，不拒绝该行 / rows whose 文号 only said none, imported without one; never a refusal'),
});

/**
 * Content import and export over JSON (docs/import-export.md): an organ's catalog and published items
 * in JSON, CSV or .xlsx (public, like the portal), its attachments as a ZIP, and an import of a JSON
 * item document by the organ's administrator (attachments are imported from the CLI or the back office).
 */
export const transferApi = (deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  app.get('/organs/:code/export', {
    schema: {
      tags, summary: '导出机关的公开目录和已发布信息（JSON、CSV 或 Excel，格式与导入相同）', params: codeParams,
      querystring: z.object({ format: z.enum(EXPORT_FORMATS).default('json').describe('json（含目录）、csv（仅信息）或 xlsx（信息表和目录表）') }),
      response: {
        200: {
          description: '导出文件 / the export file',
          content: {
            'application/json': { schema: z.any().describe('与导入请求体相同的 JSON / the import body’s JSON') },
            'text/csv': { schema: z.any() }, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.any() },
          },
        },
        ...errors(400, 404),
      },
    },
  }, async (request, reply) => {
    const out = renderExport(await collectExport(deps, request.params.code), request.query.format);
    return reply.type(out.contentType).header('Content-Disposition', contentDisposition(out.fileName)).send(out.bytes);
  });

  app.get('/organs/:code/export/attachments.zip', {
    schema: {
      tags, summary: '导出已发布信息的全部附件（ZIP，文件名与导出文件“附件”列一致）', params: codeParams,
      response: { 200: { description: 'ZIP 文件 / the attachments', content: { 'application/zip': { schema: z.any() } } }, ...errors(404) },
    },
  }, async (request, reply) => {
    const doc = await collectExport(deps, request.params.code);
    return reply.type('application/zip').header('Content-Disposition', contentDisposition(`${doc.organ.code}-attachments.zip`)).send(await attachmentsZip(deps, doc));
  });

  app.post('/organs/:code/import', {
    preHandler: requireApiToken(deps),
    schema: {
      tags, summary: '导入信息（JSON；全部成功或全部不导入）', security, params: codeParams,
      querystring: z.object({
        as: z.enum(['published', 'draft']).default('draft').describe('published：作为已发布的历史信息；draft：作为草稿'),
        dryRun: z.enum(['true', 'false']).default('false').describe('true：只检查，列出全部错误'),
        allowDuplicates: z.enum(['true', 'false']).default('false')
          .describe('true：仍导入疑似重复的行（与本机关已有信息或文件中其他行的标题、文号、成文日期和发布日期相同），并在 duplicates 中列出；默认拒绝 / import suspected duplicates all the same'),
      }),
      body: itemDocument,
      response: {
        200: { description: '检查通过（试导入）/ a clean dry run', content: { 'application/json': { schema: report } } },
        201: { description: '已导入 / imported', content: { 'application/json': { schema: report } } },
        ...errors(400, 401, 403, 404, 422),
      },
    },
  }, async (request, reply) => {
    const file = readItemFile('items.json', Buffer.from(JSON.stringify(request.body)), { jsonLines: false });
    const r = await importItems(deps, actorOf(request, 'api'), request.params.code, file, {
      mode: request.query.as, dryRun: request.query.dryRun === 'true', attachments: null, from: 'API', allowDuplicates: request.query.allowDuplicates === 'true',
    });
    if (!r.ok) {
      throw new DomainError(E.importInvalid, `${r.problems.length} 处错误，未导入任何内容`, {
        httpStatus: 422, reasons: r.problems.map((p) => ({ code: E.importInvalid, message: `${p.at}：${p.message}` })),
      });
    }
    return reply.code(r.dryRun ? 200 : 201).send(r);
  });
};
