import { z } from '../../../shared/zod.ts';
import { isIsoDate } from '../../../shared/iso-date.ts';
import {
  AUDIENCES, DISCLOSURE_MODES, DISCLOSURE_PERIODS, DISCLOSURE_STAGES, DOC_TYPES, VALIDITIES, WITHHELD_REASONS, type WithheldReason,
} from './labels.ts';

const isoDate = (label: string) =>
  z.string({ message: `请填写${label}` }).trim().refine(isIsoDate, { message: `${label}应为有效日期（YYYY-MM-DD）` });

// null means "not given", so a client can send back what it read.
const optionalText = (max: number, label: string) =>
  z.preprocess((v) => (v === null ? undefined : v), z.string({ message: `${label}应为文字` }).trim().max(max, { message: `${label}不能超过 ${max} 个字符` }).optional().default(''));

const keywords = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (Array.isArray(v) ? v : (v ?? '').split(/[\s,，;；、]+/)).map((k) => k.trim()).filter(Boolean))
  .refine((list) => list.length <= 20, { message: '关键词最多 20 个' });

/**
 * Metadata of a publication as staff enter it (forms and API share this schema).
 * 索引号 and 名称 are the mandatory core elements (国办秘函〔2009〕6号); the disclosure attribute
 * and the 五公开 stage are set when drafting (国办发〔2016〕80号).
 */
export const publicationInputSchema = z
  .object({
    title: z.string({ message: '请填写标题' }).trim().min(1, { message: '请填写标题' }).max(200, { message: '标题不能超过 200 个字符' }),
    documentNumber: optionalText(60, '文号'),
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
    keywords,
    summary: optionalText(1500, '内容概述'),
    bodyHtml: z.string().max(2_000_000, { message: '正文过长' }).optional().default(''),
    source: optionalText(100, '信息来源'),
    consultPhone: optionalText(40, '政策咨询电话').refine((v) => v === '' || /^[0-9\-－ ()（）转]+$/.test(v), {
      message: '政策咨询电话只能包含数字、连字符和括号',
    }),
    docType: z.enum(DOC_TYPES, { message: '文件类型取值有误' }).default('other'),
    nodeIds: z
      .union([z.coerce.number().int().positive(), z.array(z.coerce.number().int().positive())], { message: '目录栏目应为栏目编号（正整数）' })
      .transform((v) => [...new Set(Array.isArray(v) ? v : [v])])
      .refine((v) => v.length > 0, { message: '请至少选择一个目录栏目' }),
  })
  .superRefine((v, ctx) => {
    // 不予公开 must name its legal ground (条例第十四、十五、十六条).
    if (v.disclosureMode === 'withheld' && !v.withheldReason) {
      ctx.addIssue({ code: 'custom', path: ['withheldReason'], message: '不予公开时须选择法定理由' });
    }
  });

export type PublicationInput = z.output<typeof publicationInputSchema>;
export type PublicationInputRaw = z.input<typeof publicationInputSchema>;
export type { WithheldReason };
