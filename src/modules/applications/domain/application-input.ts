import { isIsoDate } from '../../../shared/iso-date.ts';
import { z } from '../../../shared/zod.ts';
import { APPLICANT_TYPES, ID_KINDS, isOrganisation } from './applicant-types.ts';
import { DELIVERY_METHODS, PROVISION_FORMS, STAFF_CHANNELS } from './channels.ts';
import { creditCodeMistake, isCreditCode, isResidentIdNumber, LIKE_RESIDENT_ID_NUMBER_MISTAKE, residentIdNumberMistake } from './identity-number.ts';
import { isPhoneNumber, PHONE_NUMBER_RULE } from '../../../shared/phone-number.ts';
import { halfWidth, typedEmail, typedNumber } from '../../../shared/typed-number.ts';
import { hasWrittenChar, MIN_WRITTEN_CHARS, noWrittenCharMessage, saysEnough, tooShortMessage } from '../../../shared/written-text.ts';

/** A required text: empty asks for it (请填写…). */
export const text = (label: string, max: number) =>
  z
    .string({ message: `请填写${label}` })
    .trim()
    .min(1, { message: `请填写${label}` })
    .max(max, { message: `${label}不能超过${max}个字` });
/**
 * A required text that must say something: as `text`, and a text with fewer written characters than the public forms'
 * minimum (emoji, punctuation and spaces not counted; shared/written-text.ts) is told the minimum and what counts.
 */
export const describingText = (label: string, max: number) =>
  text(label, max).refine((v) => v.length === 0 || saysEnough(v), { message: tooShortMessage(label, MIN_WRITTEN_CHARS) });
/**
 * A required short text that names or reaches someone (申请人姓名或名称): as `text`, and one of emoji, punctuation or
 * spaces only is refused — at least one written character (shared/written-text.ts; an outside tester applied as 😀).
 */
export const namingText = (label: string, max: number) =>
  text(label, max).refine((v) => v.length === 0 || hasWrittenChar(v), { message: noWrittenCharMessage(label) });
/** The same for an optional one (联系人, 通信地址: required only in some cases): empty is fine, 👍👍 is not. */
export const optionalNamingText = (label: string, max: number) =>
  z.string().trim().max(max, { message: `${label}不能超过${max}个字` }).refine((v) => v.length === 0 || hasWrittenChar(v), { message: noWrittenCharMessage(label) })
    .nullish().transform((v) => v ?? '');
/** The most 所需信息的内容描述 takes; the form's hint states it (a browser never cuts a pasted text silently). */
export const MAX_SUBJECT_CHARS = 2000;
export const optionalText = (label: string, max: number) =>
  z.string().trim().max(max, { message: `${label}不能超过${max}个字` }).nullish().transform((v) => v ?? '');

/**
 * Who the applicant is and how to reach them (条例第二十九条): shared by applications and 第四十一条 correction
 * requests. A number typed in a Chinese keyboard's full-width mode is read and stored half-width, and
 * spaces inside an ID number or postcode are dropped (shared/typed-number.ts; an outside tester).
 */
export const applicantIdentityShape = {
  applicantType: z.enum(APPLICANT_TYPES, { message: '请选择申请人类型' }),
  applicantName: namingText('申请人姓名或名称', 100),
  applicantIdKind: z.enum(ID_KINDS, { message: '请选择身份证明类型' }),
  applicantIdNumber: z.string({ message: '请填写证件号码' }).overwrite(typedNumber).min(1, { message: '请填写证件号码' }).max(40, { message: '证件号码不能超过40个字符' })
    .refine((v) => v.length === 0 || hasWrittenChar(v), { message: noWrittenCharMessage('证件号码') }),
  contactPerson: optionalNamingText('联系人', 50),
  contactPhone: z
    .string({ message: '请填写联系电话' })
    .overwrite(halfWidth)
    .trim()
    .min(1, { message: '请填写联系电话' })
    .max(20, { message: '联系电话不能超过20个字符' })
    .refine((v) => v === '' || isPhoneNumber(v), { message: `联系电话应为${PHONE_NUMBER_RULE}` }),
  contactEmail: z
    .string()
    .overwrite(typedEmail)
    .trim()
    .max(100, { message: '电子邮箱不能超过100个字符' })
    .refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), { message: '电子邮箱格式不正确' })
    .nullish()
    .transform((v) => v ?? ''),
  contactAddress: optionalNamingText('通信地址', 200),
  postalCode: z
    .string()
    .overwrite(typedNumber)
    .refine((v) => v === '' || /^\d{6}$/.test(v), { message: '邮政编码应为6位数字' })
    .nullish()
    .transform((v) => v ?? ''),
  deliveryMethod: z.enum(DELIVERY_METHODS, { message: '请选择获取信息的方式' }),
};

type IdentityValues = {
  applicantType: (typeof APPLICANT_TYPES)[number]; applicantIdKind: (typeof ID_KINDS)[number]; applicantIdNumber: string;
  contactPerson: string; contactEmail: string; contactAddress: string; deliveryMethod: (typeof DELIVERY_METHODS)[number];
};

/**
 * The checks across the identity fields: the ID number's length and check digit (told in plain words), the ID kind that fits the applicant,
 * the contact a delivery needs. Each check runs only when the fields it reads passed their own rules
 * (`valid`), so it can run in the same round as those rules (one round of errors, not two).
 */
export function checkApplicantIdentity(v: IdentityValues, issue: (path: string, message: string) => void, valid: (field: keyof IdentityValues) => boolean = () => true): void {
  const ok = (...fields: (keyof IdentityValues)[]) => fields.every(valid);
  if (ok('applicantIdKind', 'applicantIdNumber')) {
    const mistake = v.applicantIdKind === 'resident_id' ? residentIdNumberMistake(v.applicantIdNumber)
      : v.applicantIdKind === 'credit_code' ? creditCodeMistake(v.applicantIdNumber) : null;
    if (mistake) issue('applicantIdNumber', mistake);
  }
  // 身份证明类型 not chosen yet: a number shaped as an 18-digit 居民身份证号码 whose check digit is wrong
  // (and that is no valid 统一社会信用代码 either) is told in the same round, not after the select is
  // chosen (found by an outside tester). Another kind of number is never refused for it.
  if (!valid('applicantIdKind') && valid('applicantIdNumber') && /^\d{17}[\dX]$/i.test(v.applicantIdNumber)
    && !isResidentIdNumber(v.applicantIdNumber) && !isCreditCode(v.applicantIdNumber)) {
    issue('applicantIdNumber', LIKE_RESIDENT_ID_NUMBER_MISTAKE);
  }
  if (ok('applicantType', 'applicantIdKind')) {
    const personal = ['resident_id', 'passport', 'other_personal_id'].includes(v.applicantIdKind);
    if (isOrganisation(v.applicantType) && personal) issue('applicantIdKind', '法人或其他组织请提供统一社会信用代码或其他组织证明');
    if (!isOrganisation(v.applicantType) && !personal) issue('applicantIdKind', '自然人请提供居民身份证、护照或其他个人证件');
  }
  if (ok('applicantType', 'contactPerson') && isOrganisation(v.applicantType) && v.contactPerson === '') issue('contactPerson', '法人或其他组织请填写联系人');
  if (ok('deliveryMethod', 'contactEmail') && v.deliveryMethod === 'email' && v.contactEmail === '') issue('contactEmail', '选择以电子邮件获取信息时，请填写电子邮箱');
  if (ok('deliveryMethod', 'contactAddress') && v.deliveryMethod === 'post' && v.contactAddress === '') issue('contactAddress', '选择邮寄获取信息时，请填写通信地址');
}

/**
 * checkApplicantIdentity as a refinement of an object schema that runs even when other fields failed
 * (zod skips a refinement after an aborting issue, e.g. an unchosen 提供形式, by default), reading only
 * the fields that passed.
 */
export const applicantIdentityRefinement = [
  (v: IdentityValues, ctx: { issues: readonly { path?: readonly PropertyKey[] }[]; addIssue(issue: { code: 'custom'; path: string[]; message: string }): void }) => {
    const failed = new Set(ctx.issues.map((i) => String(i.path?.[0] ?? '')));
    checkApplicantIdentity(v, (path, message) => ctx.addIssue({ code: 'custom', path: [path], message }), (field) => !failed.has(field));
  },
  { when: (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null },
] as const;

/**
 * What an applicant gives (条例第二十九条): who they are and how to reach them; the information wanted
 * (description, 文号 if known); the form of provision and the way to obtain it.
 */
export const applicantFields = z
  .object({
    ...applicantIdentityShape,
    subject: describingText('所需信息的内容描述', MAX_SUBJECT_CHARS),
    documentNumber: optionalNamingText('文号', 100),
    provisionForm: z.enum(PROVISION_FORMS, { message: '请选择信息的提供形式' }),
  })
  .superRefine(...applicantIdentityRefinement);

export type ApplicantFields = z.infer<typeof applicantFields>;

export const date = (label: string) =>
  z.string({ message: `请填写${label}` }).trim().refine(isIsoDate, { message: `${label}不是有效日期，应为YYYY-MM-DD格式的真实日期` });

/** Staff registering a written application received by post, fax, e-mail or in person (条例第三十一条). */
export const staffRegistrationFields = z.object({
  channel: z.enum(STAFF_CHANNELS, { message: '请选择提交方式' }),
  arrivedOn: date('到达日期（当面提交日、签收日或收到日）'),
  confirmedOn: z
    .string()
    .trim()
    .refine((v) => v === '' || isIsoDate(v), { message: '确认日期不是有效日期，应为YYYY-MM-DD格式的真实日期' })
    .nullish()
    .transform((v) => v || null),
  receiptEvidence: optionalText('签收或确认记录', 200),
  /** 条例第二十九条第一款、第四十三条: who filled in the application for an applicant who could not. */
  assistedBy: optionalText('代为填写人', 100),
  /** 仍然登记: the officer checked the earlier cases shown and registers this one as a new application. */
  duplicateConfirmed: z.preprocess((v) => v === 'on' || v === 'true' || v === '1' || v === true, z.boolean()),
});
