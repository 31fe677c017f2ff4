import { z } from '../../../shared/zod.ts';
import { isIsoDate } from '../../../shared/iso-date.ts';
import { hasWrittenChar, noWrittenCharMessage } from '../../../shared/written-text.ts';
import { standardDocumentNumber } from '../../../shared/document-number.ts';
import { isNoneDocumentNumber } from './document-number-none.ts';
import {
  AUDIENCES, DISCLOSURE_MODES, DISCLOSURE_PERIODS, DISCLOSURE_STAGES, DOC_TYPES, VALIDITIES, WITHHELD_REASONS, type DocType, type WithheldReason,
} from './labels.ts';
import { INTERPRETATION_FORMS, ITEM_KINDS, MAX_INTERPRETED_POLICIES } from './interpretation.ts';

/**
 * No item of a disclosure catalog was written before 1900: an earlier year is a year typed wrong (0202
 * for 2020), and the search's order (search/domain/sort-key.ts) counts days from 1900-01-01.
 */
export const EARLIEST_FORMED_ON = '1900-01-01';

const isoDate = (label: string) =>
  z.string({ message: `请填写${label}` }).trim().superRefine((v, ctx) => {
    if (!isIsoDate(v)) ctx.addIssue({ code: 'custom', message: `${label}应为有效日期（YYYY-MM-DD）` });
    else if (v < EARLIEST_FORMED_ON) ctx.addIssue({ code: 'custom', message: `${label} ${v} 早于 ${EARLIEST_FORMED_ON}，请核对年份` });
  });

// null means "not given", so a client can send back what it read.
const optionalText = (max: number, label: string) =>
  z.preprocess((v) => (v === null ? undefined : v), z.string({ message: `${label}应为文字` }).trim().max(max, { message: `${label}不能超过 ${max} 个字符` }).optional().default(''));

/** The code when 有效期至 is earlier than the 成文日期 (docs/errors.md, docs/adr/0027). */
export const VALID_THROUGH_BEFORE_FORMED = 'ERR_CATALOG_VALID_THROUGH_BEFORE_FORMED';

/** The code and message when 文件类型 is not given (docs/errors.md): it is never taken as 其他. */
export const DOC_TYPE_REQUIRED = { code: 'ERR_CATALOG_DOC_TYPE_REQUIRED', message: '请选择文件类型（规章、行政规范性文件或其他）' } as const;

/**
 * 文件类型 decides what the annual report's second part counts (规章, 行政规范性文件: 条例第五十条, the
 * 国办 report format), so it has no default: an item left at 请选择, or a client that leaves it out, is
 * refused with its own code (the issue's `params.code`, which the API answers with).
 */
const docType = z.custom<DocType>().superRefine((given, ctx) => {
  const v: unknown = given;
  if (v === undefined || v === null || v === '') ctx.addIssue({ code: 'custom', message: DOC_TYPE_REQUIRED.message, params: { code: DOC_TYPE_REQUIRED.code } });
  // The API's codes with their names: a wrong code reaches this only through the API (the form offers a list).
  else if (!(DOC_TYPES as readonly unknown[]).includes(v)) ctx.addIssue({ code: 'custom', message: '文件类型应为 regulation（规章）、normative_document（行政规范性文件）或 other（其他）' });
});

const keywords = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (Array.isArray(v) ? v : (v ?? '').split(/[\s,，;；、]+/)).map((k) => k.trim()).filter(Boolean))
  .refine((list) => list.length <= 20, { message: '关键词最多 20 个' });

/**
 * Metadata of a publication as staff enter it (forms and API share this schema).
 * 索引号 and 名称 are the mandatory core elements (国办秘函〔2009〕6号); the disclosure attribute
 * and the 五公开 stage are set when drafting (国办发〔2016〕80号), and so is the 文件类型 — none of them
 * has a default, so that none is filed unread.
 */
export const publicationInputSchema = z
  .object({
    title: z.string({ message: '请填写标题' }).trim().min(1, { message: '请填写标题' }).max(200, { message: '标题不能超过 200 个字符' }),
    // Optional, but one typed names a document: 😀 or 〔〕 alone is refused (shared/written-text.ts), as on the public forms.
    documentNumber: optionalText(60, '文号')
      // 无, —, N/A … typed for "none" (the import reads them so, document-number-none.ts): here the field is left empty.
      .refine((v) => !isNoneDocumentNumber(v), { message: '没有文号的请留空，不要填写“无”“—”之类的字样' })
      .refine((v) => v === '' || isNoneDocumentNumber(v) || hasWrittenChar(v), { message: noWrittenCharMessage('文号') })
      // Kept in the standard spelling (GB/T 9704-2012 7.2.4): 岚建[2026]56号 is stored, shown and offered as 岚建〔2026〕56号.
      .transform(standardDocumentNumber),
    publishingOrganName: optionalText(100, '发布机构'),
    formedOn: isoDate('成文日期'),
    subject: optionalText(60, '主题分类'),
    genre: optionalText(30, '体裁'),
    stage: z.enum(DISCLOSURE_STAGES, { message: '请选择五公开类别（决策、执行、管理、服务、结果）' }),
    disclosureMode: z.enum(DISCLOSURE_MODES, { message: '请选择公开方式' }).default('proactive'),
    withheldReason: z
      .string({ message: '不予公开理由应为文字' })
      .nullish()
      .transform((v) => (v ? v : null))
      .refine((v) => v === null || v in WITHHELD_REASONS, { message: '不予公开理由不在法定理由之内' }),
    disclosurePeriod: z.enum(DISCLOSURE_PERIODS, { message: '公开时限应为长期公开或限时公开' }).default('long_term'),
    audience: z.enum(AUDIENCES, { message: '公开范围应为面向社会或面向特定对象' }).default('public'),
    validity: z.enum(VALIDITIES, { message: '有效性取值有误' }).default('valid'),
    replacedById: z.preprocess(
      (v) => (v === '' || v === undefined ? null : v),
      z.coerce.number({ message: '替代文件编号应为数字' }).int().positive().nullable(),
    ),
    // 有效期至 (docs/adr/0027): the last day in force, inclusive; empty or null when the document sets no period.
    validThroughOn: z.preprocess(
      (v) => (v === '' || v === undefined || (typeof v === 'string' && v.trim() === '') ? null : v),
      z.string({ message: '有效期至应为日期（YYYY-MM-DD）' }).trim().refine(isIsoDate, { message: '有效期至应为有效日期（YYYY-MM-DD）' }).nullable(),
    ),
    keywords,
    summary: optionalText(1500, '内容概述'),
    bodyHtml: z.string().max(2_000_000, { message: '正文过长' }).optional().default(''),
    source: optionalText(100, '信息来源'),
    consultPhone: optionalText(40, '政策咨询电话').refine((v) => v === '' || /^[0-9\-－ ()（）转]+$/.test(v), {
      message: '政策咨询电话只能包含数字、连字符和括号',
    }),
    docType,
    // A form with no box ticked sends no nodeIds: that is "none chosen", not a malformed number.
    nodeIds: z.preprocess((v) => (v === undefined || v === null || v === '' ? [] : v), z
      .union([z.coerce.number().int().positive(), z.array(z.coerce.number().int().positive())], { message: '目录栏目应为栏目编号（正整数）' })
      .transform((v) => [...new Set(Array.isArray(v) ? v : [v])])
      .refine((v) => v.length > 0, { message: '请至少选择一个目录栏目' })),
    // 政策解读 (docs/rules/proactive-disclosure.md): an item of its own kind, in one of three forms,
    // naming the policies it explains.
    itemKind: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.enum(ITEM_KINDS, { message: '信息类别应为普通信息或政策解读' }).default('document')),
    interpretationForm: z.preprocess(
      (v) => (v === '' || v === null ? undefined : v),
      z.enum(INTERPRETATION_FORMS, { message: '解读形式应为文字解读、图解或视频解读' }).optional(),
    ),
    videoUrl: optionalText(500, '视频链接').refine((v) => v === '' || isWebAddress(v), { message: '视频链接应为以 http:// 或 https:// 开头的网址' }),
    graphicAttachmentId: z.preprocess(
      (v) => (v === '' || v === undefined ? null : v),
      z.coerce.number({ message: '图解图片应为附件编号' }).int({ message: '图解图片应为附件编号' }).positive({ message: '图解图片应为附件编号' }).nullable(),
    ),
    policyIds: z
      .preprocess(
        // Checkboxes and a typed list ("12 15", "12，15") arrive together; JSON sends numbers.
        (v) => (v === undefined || v === null ? [] : (Array.isArray(v) ? v : [v]).flatMap((x) => String(x).split(/[\s,，;；、]+/)).filter(Boolean)),
        z.array(z.coerce.number({ message: '所解读的政策文件编号应为正整数' }).int({ message: '所解读的政策文件编号应为正整数' }).positive({ message: '所解读的政策文件编号应为正整数' })),
      )
      .transform((v) => [...new Set(v)])
      .refine((v) => v.length <= MAX_INTERPRETED_POLICIES, { message: `一篇政策解读最多关联 ${MAX_INTERPRETED_POLICIES} 份政策文件` }),
    // The 标准目录 事项 the item fulfils: one of the 事项 of its nodes (docs/standard-directories.md).
    matterId: z.preprocess(
      (v) => (v === '' || v === undefined ? null : v),
      z.coerce.number({ message: '标准目录事项应为事项编号' }).int({ message: '标准目录事项应为事项编号' }).positive({ message: '标准目录事项应为事项编号' }).nullable(),
    ),
  })
  .superRefine((v, ctx) => {
    // A document cannot lapse before it was made: 有效期至 is on or after the 成文日期.
    if (v.validThroughOn && v.validThroughOn < v.formedOn) {
      ctx.addIssue({ code: 'custom', path: ['validThroughOn'], message: `有效期至（${v.validThroughOn}）不能早于成文日期（${v.formedOn}）`, params: { code: VALID_THROUGH_BEFORE_FORMED } });
    }
    // 不予公开 must name its legal ground (条例第十四、十五、十六条).
    if (v.disclosureMode === 'withheld' && !v.withheldReason) {
      ctx.addIssue({ code: 'custom', path: ['withheldReason'], message: '不予公开时须选择法定理由' });
    }
    // An interpretation says how it explains and what: its form and at least one policy from the start.
    if (v.itemKind === 'interpretation') {
      if (!v.interpretationForm) ctx.addIssue({ code: 'custom', path: ['interpretationForm'], message: '请选择解读形式（文字解读、图解或视频解读）' });
      if (v.policyIds.length === 0) ctx.addIssue({ code: 'custom', path: ['policyIds'], message: '请填写或勾选所解读的政策文件' });
      if (v.interpretationForm === 'video' && !v.videoUrl) ctx.addIssue({ code: 'custom', path: ['videoUrl'], message: '视频解读须填写视频链接' });
    }
  });

function isWebAddress(v: string): boolean {
  try {
    const u = new URL(v);
    return (u.protocol === 'https:' || u.protocol === 'http:') && !!u.hostname;
  } catch {
    return false;
  }
}

export type PublicationInput = z.output<typeof publicationInputSchema>;
export type PublicationInputRaw = z.input<typeof publicationInputSchema>;
export type { WithheldReason };
