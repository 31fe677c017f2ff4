import { z } from 'zod';
import {
  AUDIENCES, DISCLOSURE_MODES, DISCLOSURE_PERIODS, DISCLOSURE_STAGES, DOC_TYPES, PUBLICATION_STATUSES, VALIDITIES, WITHHELD_REASONS,
} from '../../domain/labels.ts';
import { INTERPRETATION_FORMS, ITEM_KINDS } from '../../domain/interpretation.ts';
import { DOC_TYPE_WARNING_CODES } from '../../domain/doc-type-warnings.ts';
import { POLICY_UNPUBLISHED } from '../../domain/policy-unpublished-warning.ts';
import { MAX_REPLACEMENT_STEPS } from '../../domain/replacement-chain.ts';
import { pageQuery } from './schemas.ts';

const withheldReasonCodes = Object.keys(WITHHELD_REASONS) as [keyof typeof WITHHELD_REASONS, ...(keyof typeof WITHHELD_REASONS)[]];

const stage = z.enum(DISCLOSURE_STAGES).describe('五公开类别：decision 决策、execution 执行、management 管理、service 服务、result 结果 / disclosure stage');
const disclosureMode = z.enum(DISCLOSURE_MODES).describe('公开方式：proactive 主动公开、on_application 依申请公开、withheld 不予公开 / disclosure mode');
const withheldReason = z.enum(withheldReasonCodes).describe('不予公开的法定理由（条例第十四、十五、十六条） / legal ground for withholding');
const disclosurePeriod = z.enum(DISCLOSURE_PERIODS).describe('公开时限：long_term 长期、time_limited 限时 / disclosure period');
const audience = z.enum(AUDIENCES).describe('公开范围：public 面向社会、specific 面向特定对象 / audience');
const validity = z.enum(VALIDITIES).describe('有效性：valid 有效、amended 已修改、repealed 已废止、expired 已失效 / validity');
const docType = z.enum(DOC_TYPES).describe('文件类型：regulation 规章、normative_document 行政规范性文件、other 其他 / document type');
const status = z.enum(PUBLICATION_STATUSES).describe('状态：draft 草稿、published 已发布、withdrawn 已撤回 / status');
const isoDate = (what: string) => z.string().describe(`${what}（YYYY-MM-DD）`);
const itemKind = z.enum(ITEM_KINDS).describe('信息类别：document 普通信息、interpretation 政策解读 / kind of item');
const interpretationForm = z.enum(INTERPRETATION_FORMS).describe('解读形式：text 文字解读、graphic 图解（图片 + 正文为完整文字版）、video 视频解读（链接 + 正文为文字说明） / form of an interpretation');

/** Body of POST /organs/:code/publications; mirrors publicationInputSchema (domain/publication-input.ts), which validates it. */
export const publicationBody = z
  .object({
    title: z.string().describe('标题，最多 200 字 / title'),
    documentNumber: z.string().nullable().optional().describe('文号 / document number'),
    publishingOrganName: z.string().optional().describe('发布机构，默认本机关全称 / publishing organ'),
    formedOn: isoDate('成文日期 / date the document was formed'),
    subject: z.string().optional().describe('主题分类 / subject'),
    genre: z.string().optional().describe('体裁（通知、公告……） / genre'),
    stage,
    disclosureMode: disclosureMode.optional(),
    withheldReason: withheldReason.nullable().optional(),
    disclosurePeriod: disclosurePeriod.optional(),
    audience: audience.optional(),
    validity: validity.optional().describe('有效性：valid 有效、amended 已修改、repealed 已废止、expired 已失效；政策解读（itemKind interpretation）本身没有效力，只能为 valid，否则 400 ERR_REVIEW_INTERPRETATION_NO_VALIDITY / validity; an interpretation has none of its own and is always valid'),
    validThroughOn: z.string().nullable().optional().describe('有效期至（YYYY-MM-DD，含当日，不早于成文日期；次日起为已失效；不填为未规定有效期；政策解读不填，否则 400 ERR_REVIEW_INTERPRETATION_NO_VALIDITY） / last day in force, inclusive; the item is expired from the next China day; none on an interpretation'),
    replacedById: z.number().int().nullable().optional().describe(
      '替代本文件的信息编号（已修改时为修改本文件的文件）；不能是政策解读，也不能是早于本文件制发的文件，否则 400 ERR_REVIEW_REPLACEMENT_INTERPRETATION、ERR_REVIEW_REPLACEMENT_EARLIER' +
      '（已修改时 ERR_REVIEW_AMENDING_…） / id of the publication replacing this one (of an amended one: its amender); never a 政策解读 nor a document made before this one',
    ),
    keywords: z.union([z.array(z.string()), z.string()]).optional().describe('关键词，数组或以空格、逗号分隔的字符串，最多 20 个 / keywords'),
    summary: z.string().optional().describe('内容概述 / summary'),
    bodyHtml: z.string().optional().describe('正文（富文本，保存前按白名单清理） / body, sanitised HTML'),
    source: z.string().optional().describe('信息来源 / source'),
    consultPhone: z.string().nullable().optional().describe('政策咨询电话 / enquiry phone for the policy'),
    docType: docType.describe(
      '文件类型，必填、无默认值（决定年报第二部分统计的规章、行政规范性文件）；缺少时返回 400 ERR_CATALOG_DOC_TYPE_REQUIRED：regulation 规章、normative_document 行政规范性文件、other 其他'
      + ' / document type, required with no default (the annual report counts regulations and normative documents by it); missing: 400 ERR_CATALOG_DOC_TYPE_REQUIRED',
    ),
    nodeIds: z.array(z.number().int()).describe('所在目录栏目编号，至少一个 / catalog nodes to place it in'),
    itemKind: itemKind.optional().describe('信息类别，默认 document；interpretation 须同时给出 interpretationForm 和 policyIds / kind, default document'),
    interpretationForm: interpretationForm.nullable().optional(),
    videoUrl: z.string().nullable().optional().describe('视频解读的视频链接（http:// 或 https://） / video link of a video interpretation'),
    graphicAttachmentId: z.number().int().nullable().optional().describe('图解所用的图片附件编号（须先上传为本信息的附件） / the image attachment a graphic interpretation shows'),
    policyIds: z.array(z.number().int()).optional().describe(
      '政策解读所解读的政策文件编号，1–20 个：本机关及上下级机关已发布的文件，或本机关自己可编辑的未发布文件 / ids of the policies an interpretation explains',
    ),
    matterId: z.number().int().nullable().optional().describe('本信息对应的标准目录事项编号，须是所在栏目的事项 / the standard-directory 事项 it fulfils, one of its nodes\' 事项'),
  })
  .describe('信息元数据 / publication metadata');

export const publicationPutBody = publicationBody
  .extend({ expectedVersion: z.number().int().optional().describe('编辑所依据的版本号；已被他人修改时返回 409 / version the edit is based on') })
  .describe('信息元数据（整体替换） / publication metadata, replaced as a whole');

export const attachmentUploadBody = z
  .object({
    title: z.string().optional().describe('附件名称（可选，写在 file 之前），如“附件1：试点小区名单”；一行，不超过 100 个字；不填则门户显示文件名 / optional title shown instead of the file name, sent before file; one line, at most 100 characters'),
    file: z.file().describe('附件文件（pdf、doc、docx、xls、xlsx、wps、et、ofd、txt、zip、rar、jpg、png、gif），最大 50 MB / the file'),
  })
  .describe('multipart/form-data');

export const attachment = z
  .object({
    id: z.number().int().describe('附件编号 / attachment id'),
    title: z.string().nullable().describe('附件名称，门户以它为链接文字；null 时显示文件名 / the title shown as the link text; null: the file name is shown'),
    fileName: z.string().describe('文件名 / file name'),
    mimeType: z.string().describe('MIME 类型 / media type'),
    sizeBytes: z.number().int().describe('字节数 / size in bytes'),
    url: z.string().describe('下载地址 /attachments/{id}/{fileName} / download URL'),
  })
  .meta({ id: 'Attachment', description: '附件 / attachment' });

const linkedEnd = z
  .object({
    id: z.number().int().describe('信息编号 / publication id'),
    title: z.string().describe('标题 / title'),
    organCode: z.string().describe('机关代码 / organ code'),
    organName: z.string().describe('机关名称 / organ name'),
    documentNumber: z.string().nullable().describe('文号 / document number'),
    interpretationForm: interpretationForm.nullable(),
    status,
    publishedOn: isoDate('发布日期 / published on').nullable(),
    validity,
    url: z.string().describe('门户页面地址 / portal page URL'),
  });

export const replacingPolicy = linkedEnd
  .extend({
    interpretations: z.array(linkedEnd).describe('替代文件的已发布政策解读，新的在前 / its published interpretations, newest first'),
    via: z.array(linkedEnd).describe('途经的替代文件：替代文件本身又已废止或失效并被替代时，从原替代文件起依次列出，一次替代为空 / the replacements passed on the way, each repealed or lapsed and replaced in its turn, the policy’s own replacement first; empty for one step'),
  })
  .meta({
    id: 'ReplacingPolicy',
    description: `替代已废止或已失效政策文件的已发布文件；替代文件又被替代的，沿替代关系找到现行文件（至多${MAX_REPLACEMENT_STEPS}步） / the published document that replaced a repealed or lapsed policy, followed on (at most ${MAX_REPLACEMENT_STEPS} steps) to the one in force now when it was replaced in its turn`,
  });

export const linkedPublication = linkedEnd
  .extend({
    replacedBy: replacingPolicy.nullable()
      .describe('已废止或已失效的所解读政策文件的替代文件（已发布的），其余为 null / for a repealed or lapsed policy an interpretation explains: its published replacement; otherwise null'),
  })
  .meta({ id: 'LinkedPublication', description: '政策文件与其政策解读之间的关联项 / a policy or an interpretation at the other end of a link' });

/** A document at the other end of a 效力 link (docs/adr/0026): published documents only. */
export const validityLink = z
  .object({
    id: z.number().int().describe('信息编号 / publication id'),
    title: z.string().describe('标题 / title'),
    organCode: z.string().describe('机关代码 / organ code'),
    documentNumber: z.string().nullable().describe('文号 / document number'),
    publishedOn: isoDate('发布日期 / published on').nullable(),
    url: z.string().describe('门户页面地址 / portal page URL'),
  })
  .meta({ id: 'ValidityLink', description: '修改或废止关系另一端的已发布文件 / the published document at the other end of an amendment or repeal' });

export const publicationListItem = z
  .object({
    id: z.number().int().describe('信息编号 / publication id'),
    organCode: z.string().describe('机关代码 / organ code'),
    organName: z.string().describe('机关名称 / organ name'),
    indexNumber: z.string().nullable().describe('索引号，发布时分配，草稿为 null / index number'),
    title: z.string().describe('标题 / title'),
    documentNumber: z.string().nullable().describe('文号 / document number'),
    formedOn: isoDate('成文日期 / formed on'),
    publishedOn: isoDate('发布日期 / published on').nullable(),
    stage,
    status,
    validity,
    url: z.string().describe('门户页面地址 / portal page URL'),
  })
  .meta({ id: 'PublicationListItem', description: '信息列表项 / publication in a list' });

export const publicationPage = z.object({
  items: z.array(publicationListItem),
  total: z.number().int().describe('总条数 / total items'),
  page: z.number().int().describe('页码 / page'),
  pageSize: z.number().int().describe('每页条数 / page size'),
});

/** A 标准目录 事项 as the API shows it (docs/standard-directories.md). */
export const directoryMatter = z
  .object({
    id: z.number().int().describe('事项编号 / id'),
    key: z.string().describe('模板中的事项编码 / key in its template'),
    templateId: z.string().describe('标准目录模板编号 / template id'),
    nodeId: z.number().int().describe('事项所在栏目 / catalog node'),
    name: z.string().describe('公开事项 / name'),
    stage,
    elements: z.string().describe('公开内容（要素） / content elements'),
    legalBasis: z.string().describe('公开依据 / legal basis'),
    timeLimit: z.string().describe('公开时限 / time limit'),
    subject: z.string().describe('公开主体 / who publishes'),
    channels: z.array(z.string()).describe('公开渠道和载体 / channels'),
    audience: z.string().describe('公开对象：全社会 或 特定群体 / audience'),
    mode: z.string().describe('公开方式：主动 或 依申请 / mode'),
  })
  .meta({ id: 'DirectoryMatter', description: '标准目录事项 / a standard-directory 事项' });

export const publicationDetail = z
  .object({
    id: z.number().int().describe('信息编号 / publication id'),
    organCode: z.string().describe('机关代码 / organ code'),
    organName: z.string().describe('机关名称 / organ name'),
    indexNumber: z.string().nullable().describe('索引号 / index number'),
    title: z.string().describe('标题 / title'),
    documentNumber: z.string().nullable().describe('文号 / document number'),
    publishingOrganName: z.string().describe('发布机构 / publishing organ'),
    formedOn: isoDate('成文日期 / formed on'),
    publishedOn: isoDate('发布日期 / published on').nullable(),
    publishedAt: z.string().nullable().describe('发布时刻（UTC） / published at'),
    subject: z.string().describe('主题分类 / subject'),
    genre: z.string().describe('体裁 / genre'),
    stage,
    disclosureMode,
    withheldReason: withheldReason.nullable(),
    disclosurePeriod,
    audience,
    validity,
    validThroughOn: z.string().nullable().describe('有效期至（含当日），未规定有效期时为 null；次日起 validity 为 expired / last day in force, inclusive, or null'),
    replacedById: z.number().int().nullable().describe('替代本文件的信息编号 / replaced by'),
    inForceReplacement: validityLink.nullable().describe(
      '替代本文件的现行有效文件：沿替代文件向后，替代文件本身也已废止或失效时继续找它的替代文件（与页面效力提示同一规则，只经已发布文件），' +
      '止于有效或已修改的文件；止于不再有效的文件（其后没有已发布的替代文件，或替代关系成环）或本文件仍有效时为 null。' +
      '/ the document in force that replaces this one, at the end of the line of replacements (replacedById, then its own replacement while ' +
      'that one is repealed or expired, published documents only); null when this one is in force or the line ends at a document no longer in force',
    ),
    keywords: z.array(z.string()).describe('关键词 / keywords'),
    summary: z.string().describe('内容概述 / summary'),
    bodyHtml: z.string().describe('正文 HTML / body'),
    source: z.string().describe('信息来源 / source'),
    consultPhone: z.string().nullable().describe('政策咨询电话 / enquiry phone'),
    docType,
    status,
    version: z.number().int().describe('版本号，修改时作为 expectedVersion 提交 / version, send back as expectedVersion'),
    nodeIds: z.array(z.number().int()).describe('所在目录栏目 / catalog nodes'),
    createdAt: z.string().describe('创建时刻 / created at'),
    updatedAt: z.string().describe('修改时刻 / updated at'),
    url: z.string().describe('门户页面地址 /organs/{code}/items/{id} / portal page URL'),
    attachments: z.array(attachment).describe('附件 / attachments'),
    itemKind,
    interpretationForm: interpretationForm.nullable(),
    videoUrl: z.string().nullable().describe('视频解读的视频链接 / video link'),
    graphicAttachmentId: z.number().int().nullable().describe('图解图片在 attachments 中的编号 / the attachment a graphic interpretation shows'),
    policyIds: z.array(z.number().int()).describe('政策解读所解读的政策文件编号（匿名调用只含已发布的） / ids of the policies explained; published ones only for anonymous callers'),
    interprets: z.array(linkedPublication).describe('本解读所解读的已发布政策文件 / the published policies this interpretation explains'),
    interpretations: z.array(linkedPublication).describe('解读本文件的已发布政策解读 / the published interpretations of this policy'),
    amendedBy: z.array(validityLink).describe(
      '修改本文件的已发布文件（效力为已修改时），先发布的在前；效力为已修改而为空：本站没有记载修改它的文件（如导入的信息），或记载的已撤回 ' +
      '/ the published documents that amended this one, oldest first; empty for an amended item whose amender the site does not record (an imported item) or has withdrawn',
    ),
    amends: z.array(validityLink).describe('本文件修改的已发布文件 / the published documents this one amended'),
    repeals: z.array(validityLink).describe('以本文件为替代文件而废止的已发布文件 / the published documents repealed with this one as their replacement'),
    matter: directoryMatter.nullable().describe('本信息对应的基层政务公开标准目录事项 / the standard-directory 事项 it fulfils'),
  })
  .meta({ id: 'Publication', description: '信息全部元数据 / publication with all its metadata' });

/**
 * What a POST or PUT answers: the saved item and the warnings the item form would show — its 文件类型's
 * (domain/doc-type-warnings.ts) and a 政策解读's unpublished policies (domain/policy-unpublished-warning.ts) — told,
 * never refused; docs/errors.md "Warnings".
 */
export const publicationWriteAnswer = publicationDetail
  .extend({
    warnings: z
      .array(z.object({ code: z.enum([...Object.values(DOC_TYPE_WARNING_CODES), POLICY_UNPUBLISHED]).describe('稳定的提示代码 / stable warning code'), message: z.string().describe('中文提示 / the warning in Chinese') }))
      .describe(
        '文件类型提示（不影响保存；空数组表示没有）：WARN_CATALOG_DOC_TYPE_NORMATIVE_NUMBER 文号带“规”字而类型不是行政规范性文件；' +
        'WARN_CATALOG_DOC_TYPE_NORMATIVE_COLUMN 放入名称含“规范性文件”的栏目而类型不是行政规范性文件；WARN_CATALOG_DOC_TYPE_REGULATION_UNIT 下属单位选了规章；' +
        'WARN_CATALOG_DOC_TYPE_REGULATION_UNCHECKED 选了规章，请确认本机关能制定规章；' +
        'WARN_CATALOG_POLICY_UNPUBLISHED 政策解读所解读的政策文件尚未发布（都未发布时，解读在其发布前不能发布）。/ 文件类型 and 政策解读 warnings; the item was saved all the same',
      ),
  })
  .meta({ id: 'PublicationWriteAnswer', description: '保存后的信息及提示 / the saved publication with its warnings' });

export const publicationsQuery = pageQuery.extend({
  organ: z.string({ error: '请用 organ 参数指定机关代码' }).trim().min(1, { error: '请用 organ 参数指定机关代码' }).describe('机关代码 / organ code'),
  status: z
    .enum(PUBLICATION_STATUSES, { error: '状态应为 draft、published 或 withdrawn' })
    .optional()
    .describe('状态筛选，默认 published；draft、withdrawn 需要对该机关有角色的 API 令牌 / status; other than published needs a token with a role on the organ'),
});
