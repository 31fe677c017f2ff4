import { z } from 'zod';
import { ORGAN_KINDS } from '../../domain/labels.ts';

/**
 * Zod schemas of the catalog API's parameters and answers; their `.describe()` text (中文 / English)
 * becomes the OpenAPI document. Request *bodies* are documented here but validated by the use cases'
 * own schemas (see api-validator-compiler.ts), so the API and the staff forms refuse the same input
 * with the same Chinese, field-named message. A JSON null means "none" (api-access.ts adapts it).
 */

const positiveId = (label: string) =>
  z.coerce
    .number({ error: `${label}应为正整数` })
    .int({ error: `${label}应为正整数` })
    .positive({ error: `${label}应为正整数` });

export const organCodeParams = z.object({
  code: z.string().describe('机关代码（如 zjj） / organ code used in URLs'),
});
export const nodeIdParams = z.object({ id: positiveId('栏目编号').describe('目录栏目编号 / catalog node id') });
export const publicationIdParams = z.object({ id: positiveId('信息编号').describe('信息编号 / publication id') });
export const publicationAttachmentParams = z.object({ id: positiveId('信息编号').describe('信息编号 / publication id'), attachmentId: positiveId('附件编号').describe('附件编号 / attachment id') });

export const pageQuery = z.object({
  page: z.coerce
    .number({ error: '页码应为整数' })
    .int({ error: '页码应为整数' })
    .min(1, { error: '页码应不小于 1' })
    .default(1)
    .describe('页码，从 1 开始 / page number, starting at 1'),
  pageSize: z.coerce
    .number({ error: '每页条数应为整数' })
    .int({ error: '每页条数应为整数' })
    .min(1, { error: '每页条数应在 1–100 之间' })
    .max(100, { error: '每页条数应在 1–100 之间' })
    .default(20)
    .describe('每页条数，1–100，默认 20 / items per page, 1–100, default 20'),
});

const reason = z.object({
  code: z.string().describe('错误代码 / error code'),
  message: z.string().describe('中文说明 / message in Chinese'),
  field: z.string().optional().describe('出错的字段 / offending field'),
  itemId: z.number().int().optional().describe('该原因所指的另一条信息的编号（如文号已被占用时占用它的信息） / the other item the reason names, e.g. the item holding the 文号'),
});

export const errorBody = z
  .object({
    error: z.object({
      code: z.string().describe('稳定的错误代码，如 ERR_VALIDATION / stable error code'),
      message: z.string().describe('中文错误说明 / message in Chinese'),
      field: z.string().optional().describe('出错的字段（如 formedOn） / the offending field'),
      itemId: z.number().int().optional().describe('错误所指的另一条信息的编号：ERR_CATALOG_DOCUMENT_NUMBER_TAKEN 时为已使用该文号的信息 / the other item the error names: for ERR_CATALOG_DOCUMENT_NUMBER_TAKEN, the item holding the 文号'),
      reasons: z.array(reason).describe('全部原因（发布被拒时逐条列出） / every reason, e.g. why a publish was refused'),
    }),
  })
  .meta({ id: 'ApiError', description: '错误响应 / error response' });

/** A JSON answer with its own description (a bare schema would show as "Default Response" in the reference). */
export const jsonResponse = <T extends z.ZodType>(description: string, schema: T) => ({ description, content: { 'application/json': { schema } } });

const ERROR_DESCRIPTIONS = {
  400: '请求参数或请求体有误（error.field 指出字段） / invalid input, error.field names the field',
  401: '缺少 API 令牌或令牌无效 / missing or invalid bearer token',
  403: '无权进行此操作 / the token holder may not do this',
  404: '机关、栏目或信息不存在 / not found',
  409: '与当前状态冲突，reasons 列出全部原因 / conflicts with the current state; reasons lists every reason',
  410: '信息已撤回，message 说明撤回日期和原因 / withdrawn; the message gives the date and reason',
  413: '上传内容过大 / upload too large',
} as const;

/** The error answers a route can give, for its `response` map. */
export const errorResponses = <S extends keyof typeof ERROR_DESCRIPTIONS>(...statuses: S[]) =>
  Object.fromEntries(statuses.map((s) => [s, jsonResponse(ERROR_DESCRIPTIONS[s], errorBody)])) as Record<S, ReturnType<typeof jsonResponse<typeof errorBody>>>;

const organKind = z.enum(ORGAN_KINDS).describe('机关类型：government 人民政府、department 政府部门、unit 二级机构 / organ kind');

export const organSummary = z
  .object({
    code: z.string().describe('机关代码 / organ code'),
    name: z.string().describe('机关全称 / full name'),
    shortName: z.string().describe('简称 / short name'),
    kind: organKind,
    parentCode: z.string().nullable().describe('上级机关代码，顶级机关为 null / parent organ code'),
    consultPhone: z.string().describe('政府信息公开咨询电话 / enquiry phone'),
  })
  .meta({ id: 'OrganSummary', description: '机关 / organ' });

export const organDetail = organSummary
  .extend({
    creditCode: z.string().describe('统一社会信用代码 / unified social credit code'),
    indexPattern: z.string().describe('索引号格式，如 {creditCode}/{yyyy}-{seq5} / index number pattern'),
    address: z.string().describe('办公地址 / office address'),
    officeHours: z.string().describe('办公时间 / office hours'),
  })
  .meta({ id: 'Organ', description: '机关详情 / organ with its contact details' });

export const organListResponse = z.object({ items: z.array(organSummary) });

/** Body of POST /organs; mirrors organInputSchema (domain/organ.ts), which validates it. */
export const organBody = z
  .object({
    code: z.string().describe('机关代码：2–40 位小写字母、数字或连字符，字母开头，创建后不能修改 / permanent organ code'),
    name: z.string().describe('机关全称 / full name'),
    shortName: z.string().optional().describe('简称，默认同全称 / short name'),
    kind: organKind,
    parentCode: z.string().nullable().optional().describe('上级机关代码，顶级机关省略或为 null；政府部门和二级机构必填 / parent organ code'),
    creditCode: z.string().describe('统一社会信用代码（18 位）或组织机构代码（9 位） / credit code'),
    indexPattern: z.string().optional().describe('索引号格式，默认 {creditCode}/{yyyy}-{seq5} / index number pattern'),
    consultPhone: z.string().optional().describe('咨询电话 / enquiry phone'),
    address: z.string().optional().describe('办公地址 / office address'),
    officeHours: z.string().optional().describe('办公时间 / office hours'),
    guideHtml: z.string().optional().describe('政府信息公开指南（富文本） / disclosure guide, HTML'),
    rulesHtml: z.string().optional().describe('政府信息公开制度（富文本） / disclosure rules, HTML'),
    sortOrder: z.number().int().optional().describe('排序号 / sort order'),
  })
  .describe('机关设置 / organ settings');

/** Body of PATCH /organs/:code: any subset; the rest keeps its current value. */
export const organPatchBody = organBody
  .partial()
  .describe('要修改的机关设置：未给出的字段保持不变，null 表示清空 / the settings to change; absent keeps, null clears');

export const catalogNode = z
  .object({
    id: z.number().int().describe('栏目编号 / node id'),
    organCode: z.string().describe('所属机关代码 / organ code'),
    parentId: z.number().int().nullable().describe('上级栏目编号，顶级为 null / parent node id'),
    name: z.string().describe('栏目名称 / node name'),
    sortOrder: z.number().int().describe('同级排序 / order among siblings'),
    isStandardDirectory: z.boolean().describe('是否基层政务公开标准目录 / part of a standard directory'),
    standardArea: z.string().nullable().describe('标准目录所属领域 / standard area'),
    description: z.string().describe('栏目说明 / description'),
  })
  .meta({ id: 'CatalogNode', description: '目录栏目 / catalog node' });

export type CatalogTreeItem = {
  id: number;
  name: string;
  isStandardDirectory: boolean;
  standardArea: string | null;
  publishedCount: number;
  children: CatalogTreeItem[];
};

export const catalogTreeItem: z.ZodType<CatalogTreeItem> = z
  .object({
    id: z.number().int().describe('栏目编号 / node id'),
    name: z.string().describe('栏目名称 / node name'),
    isStandardDirectory: z.boolean().describe('是否标准目录 / part of a standard directory'),
    standardArea: z.string().nullable().describe('标准目录所属领域 / standard area'),
    publishedCount: z.number().int().describe('直接放在本栏目的已发布信息数（不含下级栏目） / published items placed directly in this node'),
    get children() {
      return z.array(catalogTreeItem).describe('下级栏目 / sub-nodes');
    },
  })
  .meta({ id: 'CatalogTreeItem', description: '目录树中的栏目 / a node of the catalog tree' });

export const catalogTreeResponse = z.object({ items: z.array(catalogTreeItem).describe('顶级栏目 / top-level nodes') });

/** Body of POST /organs/:code/catalog-nodes; mirrors nodeInputSchema (use-cases/manage-catalog-nodes.ts). */
export const nodeBody = z
  .object({
    name: z.string().describe('栏目名称，最多 60 字 / node name'),
    parentId: z.number().int().nullable().optional().describe('上级栏目编号，省略或 null 为顶级栏目 / parent node id'),
    isStandardDirectory: z.boolean().optional().describe('是否标准目录，默认 false / part of a standard directory'),
    standardArea: z.string().nullable().optional().describe('标准目录领域，默认同栏目名称 / standard area'),
    description: z.string().optional().describe('栏目说明 / description'),
  })
  .describe('目录栏目 / catalog node');

/** Body of PATCH /catalog-nodes/:id: rename, move (parentId) or change the standard mark; the rest is kept. */
export const nodePatchBody = nodeBody
  .partial()
  .describe('要修改的栏目属性：未给出的保持不变，null 表示清空（parentId 为 null 即移到顶级） / the fields to change; null clears');
