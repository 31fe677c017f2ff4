/** GB 11643-1999: 17 digits and a check character (0–9 or X) computed with weights mod 11. */
export function isResidentIdNumber(v: string): boolean {
  if (!/^\d{17}[\dX]$/.test(v)) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((s, w, i) => s + w * Number(v[i]), 0);
  return '10X98765432'[sum % 11] === v[17];
}

/** GB 32100-2015 unified social credit code: 18 characters from the code set, last one a check character. */
export function isCreditCode(v: string): boolean {
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(v)) return false;
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = weights.reduce((s, w, i) => s + w * chars.indexOf(v[i]), 0);
  return chars[(31 - (sum % 31)) % 31] === v[17];
}

/**
 * What is wrong with a 居民身份证号码, in words a resident follows (no 校验位: found by an outside tester), or null
 * when it is right: a wrong length (with the count typed), a letter where a digit belongs, or 18 digits that do not add
 * up — a digit miscopied or two swapped, which the check character catches (GB 11643-1999).
 */
export function residentIdNumberMistake(v: string): string | null {
  if (v.length !== 18) return `身份证号码有误：应为18位，您填了${v.length}位；最后一位可以是数字或X，请逐位核对`;
  if (!/^\d{17}[\dX]$/.test(v)) return '身份证号码有误：前17位应为数字，最后一位可以是数字或X，请逐位核对';
  return isResidentIdNumber(v) ? null : `身份证号码有误：${DIGIT_WRONG}，请逐位核对`;
}
const DIGIT_WRONG = '号码中有数字不对（常见的是抄错一位或相邻两位颠倒）';

/**
 * The same for an 18-digit number typed with no 身份证明类型 chosen, that is no 统一社会信用代码 either: it reads as a
 * 居民身份证号码 whose digits do not add up.
 */
export const LIKE_RESIDENT_ID_NUMBER_MISTAKE = `证件号码像是18位身份证号码，但${DIGIT_WRONG}，请逐位核对`;

/** What is wrong with a 统一社会信用代码 (GB 32100-2015), or null: its length, a character outside the code set, or one miscopied. */
export function creditCodeMistake(v: string): string | null {
  const check = '请对照营业执照或登记证书逐位核对';
  if (v.length !== 18) return `统一社会信用代码有误：应为18位，您填了${v.length}位；${check}`;
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(v)) return `统一社会信用代码有误：由数字和大写字母组成，不含字母I、O、Z、S、V，${check}`;
  return isCreditCode(v) ? null : `统一社会信用代码有误：有字符不对（常见的是抄错一位、相邻两位颠倒，或把字母O、I当成数字0、1），${check}`;
}

/** The key that counts one applicant's applications in a month (fees 按件): their document, else name and phone. */
export function applicantKeyOf(idKind: string, idNumber: string, name: string, phone: string): string {
  const id = idNumber.trim().toUpperCase();
  return id ? `${idKind}:${id}` : `name:${name.trim()}|${phone.replace(/\D/g, '')}`;
}
