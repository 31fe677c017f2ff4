/**
 * A phone number as a citizen writes it in a public form (依申请公开, 政务信箱): a mobile (11 digits starting
 * with 1, optionally after +86) or a landline with its area code (0 and two or three digits, then a local
 * number of 7 or 8 digits), optionally with an extension (转123, 分机123, ext 123 or -123). Spaces, hyphens
 * and brackets are allowed, e.g. 139 1234 5678, (0564)5022106, 010-12345678转8. A bare local number
 * (5022106) or a short number (1391234) cannot be dialled from elsewhere and is refused.
 */
export function isPhoneNumber(value: string): boolean {
  const v = value.trim().replace(/[\s()（）]/g, '').replace(/[－—\u2010\u2011]/g, '-');
  return MOBILE.test(v.replace(/-/g, '')) || LANDLINE.test(v);
}

const MOBILE = /^(?:(?:\+|00)?86)?1\d{10}$/;
const LANDLINE = /^0\d{2,3}-?[1-9]\d{6,7}(?:(?:-|转|分机|ext\.?|x)\d{1,6})?$/i;

/**
 * What a form says when isPhoneNumber refuses a number, and what every public form's 联系电话 hint says
 * (the one source: a hint worded apart, 「固定电话（可带区号）」, promised what the check refuses). The example's hyphen is the non-breaking one
 * (U+2011), so a narrow screen never breaks it as 0564- / 5022106; a number typed with it is accepted.
 */
export const PHONE_NUMBER_RULE = '11位手机号码，或带区号的固定电话（如0564\u20115022106，分机写在后面，如转123）';
