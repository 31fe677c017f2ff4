import { z } from '../../../shared/zod.ts';
import { LETTER_TYPES } from './letter.ts';

const required = (label: string, max: number) =>
  z.string({ message: `请填写${label}` }).trim().min(1, { message: `请填写${label}` }).max(max, { message: `${label}不能超过${max}字` });

/** The public mailbox form: no account, so a name and some way to reach the writer are required. */
export const letterInputSchema = z.object({
  type: z.enum(LETTER_TYPES, { message: '请选择来信类型（咨询、建议、投诉或其他）' }),
  subject: required('标题', 100),
  content: required('来信内容', 5000),
  writerName: required('姓名', 50),
  contact: required('联系电话或电子邮箱', 100),
  publishConsent: z.preprocess((v) => v === true || v === 'yes' || v === 'on' || v === '1', z.boolean()),
});
export type LetterInput = z.infer<typeof letterInputSchema>;

/** 张三 → 张**, 张小明 → 张**, 欧阳小明 → 欧***: the family name's first character stays. */
export function maskPersonName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '匿名';
  return chars[0] + '*'.repeat(Math.max(chars.length - 1, 2));
}
