import { z } from '../../../shared/zod.ts';
import { isPhoneNumber, PHONE_NUMBER_RULE } from '../../../shared/phone-number.ts';
import { LETTER_TYPES } from './letter.ts';
import { halfWidth, typedEmail } from '../../../shared/typed-number.ts';
import { hasWrittenChar, noWrittenCharMessage, saysEnough, tooShortMessage } from '../../../shared/written-text.ts';

const required = (label: string, max: number) =>
  z.string({ message: `请填写${label}` }).trim().min(1, { message: `请填写${label}` }).max(max, { message: `${label}不能超过${max}字` });
/** A required short field (标题, 姓名): at least one written character, not emoji or punctuation only (shared/written-text.ts). */
const named = (label: string, max: number) => required(label, max).refine((v) => v === '' || hasWrittenChar(v), { message: noWrittenCharMessage(label) });

/** The most a letter's 标题 and 来信内容 take; the form's hints state them (a browser never cuts a pasted text silently). */
export const MAX_LETTER_SUBJECT_CHARS = 100;
export const MAX_LETTER_CHARS = 5000;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** A phone number (the public forms' one rule: a mobile, or a landline with its area code) or an e-mail address. */
export const isPhoneOrEmail = (v: string) => EMAIL.test(v) || isPhoneNumber(v);

/** An optional field; `typed` reads what a full-width keyboard typed as half-width (shared/typed-number.ts). */
const optional = (label: string, max: number, typed: (v: string) => string = (v) => v) =>
  z.preprocess((v) => (v === undefined || v === null ? '' : v), z.string({ message: `${label}应为文字` }).overwrite(typed).trim().max(max, { message: `${label}不能超过${max}字` }));

/** What the form says when neither a phone number nor an e-mail address is given. */
export const CONTACT_REQUIRED = '请填写联系电话或电子邮箱（至少填写一项），以便答复时联系您';

/**
 * The public mailbox form: no account, so a name and some way to reach the writer are required. The
 * form asks for 联系电话 and 电子邮箱 in two fields (a phone keypad for the one, an e-mail keyboard for
 * the other), at least one of them; the API also still takes the older single `contact` (a phone number
 * or an e-mail address). Staff read one `contact`: the phone, the address, or both joined by “，”.
 */
export const letterInputSchema = z.object({
  type: z.enum(LETTER_TYPES, { message: '请选择来信类型（咨询、建议、投诉或其他）' }),
  subject: named('标题', MAX_LETTER_SUBJECT_CHARS),
  content: required('来信内容', MAX_LETTER_CHARS)
    // A letter says something: the public forms' one minimum of written characters (shared/written-text.ts).
    .refine((v) => v === '' || saysEnough(v), { message: `${tooShortMessage('来信内容')}，请写明您要咨询、建议或投诉的具体事项` }),
  writerName: named('姓名', 50),
  phone: optional('联系电话', 40, halfWidth)
    .refine((v) => v === '' || isPhoneNumber(v), { message: `请填写正确的联系电话：${PHONE_NUMBER_RULE}` }),
  email: optional('电子邮箱', 100, typedEmail)
    .refine((v) => v === '' || EMAIL.test(v), { message: '请填写正确的电子邮箱，如 name@example.cn' }),
  contact: optional('联系电话或电子邮箱', 100, typedEmail)
    .refine((v) => v === '' || isPhoneOrEmail(v), { message: `请填写正确的手机号码、固定电话或电子邮箱，以便答复时联系您。电话应为${PHONE_NUMBER_RULE}` }),
  publishConsent: z.preprocess((v) => v === true || v === 'yes' || v === 'on' || v === '1', z.boolean()),
}).refine((v) => [v.phone, v.email, v.contact].some((x) => typeof x === 'string' && x.trim() !== ''), {
  // Said also when other fields are wrong (`when`), so the form lists every missing field at once. The
  // API's field is `contact`; the form shows it at 联系电话.
  path: ['contact'], message: CONTACT_REQUIRED, when: () => true,
}).transform(({ phone, email, contact, ...rest }) => ({ ...rest, contact: [phone.replace(/[\u2010\u2011]/g, '-'), email].filter(Boolean).join('，') || contact }));
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
