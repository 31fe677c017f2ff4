import { z } from '../../../shared/zod.ts';
import { isPhoneNumber, PHONE_NUMBER_RULE } from '../../../shared/phone-number.ts';
import { LETTER_TYPES } from './letter.ts';

const required = (label: string, max: number) =>
  z.string({ message: `请填写${label}` }).trim().min(1, { message: `请填写${label}` }).max(max, { message: `${label}不能超过${max}字` });

/** A letter says something: at least this many characters (not counting spaces). */
export const MIN_LETTER_CHARS = 5;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** A phone number (the public forms' one rule: a mobile, or a landline with its area code) or an e-mail address. */
export const isPhoneOrEmail = (v: string) => EMAIL.test(v) || isPhoneNumber(v);

/** The public mailbox form: no account, so a name and some way to reach the writer are required. */
export const letterInputSchema = z.object({
  type: z.enum(LETTER_TYPES, { message: '请选择来信类型（咨询、建议、投诉或其他）' }),
  subject: required('标题', 100),
  content: required('来信内容', 5000)
    .refine((v) => v === '' || [...v.replace(/\s/g, '')].length >= MIN_LETTER_CHARS, { message: `来信内容至少${MIN_LETTER_CHARS}个字，请写明您要咨询、建议或投诉的具体事项` }),
  writerName: required('姓名', 50),
  contact: required('联系电话或电子邮箱', 100)
    .refine((v) => v === '' || isPhoneOrEmail(v), { message: `请填写正确的手机号码、固定电话或电子邮箱，以便答复时联系您。电话应为${PHONE_NUMBER_RULE}` }),
  publishConsent: z.preprocess((v) => v === true || v === 'yes' || v === 'on' || v === '1', z.boolean()),
});
export type LetterInput = z.infer<typeof letterInputSchema>;

/** What may stand between the characters of a name as typed (赵 小 明, 王·建国): spaces and dots. */
const NAME_SEPARATORS = /[\s\u00a0\u3000·•・‧.．_\-－]/gu;

/**
 * 张三 → 张**, 张小明 → 张**, 欧阳小明 → 欧**, 赵 小 明 → 赵**: the first character and two stars
 * whatever the length, so the 来信人 line and the name in the text (maskWriterName) read alike and the
 * stars do not tell the name's length. Spaces and dots typed between the characters are not part of it.
 */
export function maskPersonName(name: string): string {
  const chars = [...name.replace(NAME_SEPARATORS, '')];
  if (chars.length === 0) return '匿名';
  return `${chars[0]}**`;
}
