import { z } from '../../../shared/zod.ts';
import { isValidOrganCode, validateIndexPattern } from './index-number.ts';
import { ORGAN_KINDS, type OrganKind } from './labels.ts';

export type Organ = {
  id: number;
  code: string;
  name: string;
  shortName: string;
  kind: OrganKind;
  parentId: number | null;
  creditCode: string;
  indexPattern: string;
  consultPhone: string;
  address: string;
  officeHours: string;
  guideHtml: string;
  rulesHtml: string;
  sortOrder: number;
};

/** Organ settings as an administrator enters them. `code` is the stable short name used in URLs, the API and the CLI. */
export const organInputSchema = z
  .object({
    code: z
      .string({ message: '请填写机关代码' })
      .trim()
      .regex(/^[a-z][a-z0-9-]{1,39}$/, { message: '机关代码应为 2–40 位小写字母、数字或连字符，并以字母开头' }),
    name: z.string({ message: '请填写机关全称' }).trim().min(2, { message: '请填写机关全称' }).max(100, { message: '机关全称不能超过 100 个字符' }),
    shortName: z.string().trim().max(30, { message: '简称不能超过 30 个字符' }).optional().default(''),
    kind: z.enum(ORGAN_KINDS, { message: '机关类型应为人民政府、政府部门或二级机构' }),
    parentCode: z.string().trim().nullish().transform((v) => (v ? v : null)),
    creditCode: z
      .string({ message: '请填写统一社会信用代码' })
      .trim()
      .toUpperCase()
      .refine(isValidOrganCode, { message: '统一社会信用代码应为 18 位（或 9 位组织机构代码）' }),
    indexPattern: z
      .string()
      .trim()
      .optional()
      .transform((v) => v || '{creditCode}/{yyyy}-{seq5}')
      .superRefine((v, ctx) => {
        try {
          validateIndexPattern(v);
        } catch (e) {
          ctx.addIssue({ code: 'custom', message: (e as Error).message });
        }
      }),
    consultPhone: z.string().trim().max(40, { message: '咨询电话不能超过 40 个字符' }).optional().default(''),
    address: z.string().trim().max(200, { message: '办公地址不能超过 200 个字符' }).nullish().transform((v) => v ?? ''),
    officeHours: z.string().trim().max(200, { message: '办公时间不能超过 200 个字符' }).nullish().transform((v) => v ?? ''),
    guideHtml: z.string().max(200_000).optional().default(''),
    rulesHtml: z.string().max(200_000).optional().default(''),
    sortOrder: z.coerce.number().int().optional().default(0),
  })
  .superRefine((v, ctx) => {
    if (v.kind !== 'government' && !v.parentCode) {
      ctx.addIssue({ code: 'custom', path: ['parentCode'], message: '政府部门和二级机构须选择上级机关' });
    }
  });

export type OrganInput = z.output<typeof organInputSchema>;
