/**
 * Bank card and account numbers. Cards carry 16–19 digits and a Luhn (ISO/IEC 7812) check digit;
 * corporate and passbook accounts have other lengths and no check digit, so they are recognised
 * only where a label says "账号/卡号/账户". 金融账户 is sensitive personal information
 * (个人信息保护法第二十八条) and may not be made public (第二十五条).
 */
export function passesLuhn(d: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = d.length - 1; i >= 0; i--) {
    let v = d.charCodeAt(i) - 48;
    if (v < 0 || v > 9) return false;
    if (double) {
      v *= 2;
      if (v > 9) v -= 9;
    }
    sum += v;
    double = !double;
  }
  return sum % 10 === 0;
}

/**
 * Issuer prefixes of cards in use in China: 62 UnionPay (and 60/65), 4 Visa, 5 Mastercard, 3 JCB,
 * 9 legacy domestic cards (9558…). Numbers starting with 1, 2, 7 or 8 are order and serial numbers.
 */
const ISSUER_FIRST_DIGITS = new Set(['3', '4', '5', '6', '9']);

export function isCardNumber(d: string): boolean {
  return d.length >= 16 && d.length <= 19 && ISSUER_FIRST_DIGITS.has(d[0]) && passesLuhn(d);
}

/** Cards are printed in blocks of four ("6222 0212 3456 7890 123") or as 6 + rest. */
export function isCardGrouping(lengths: readonly number[]): boolean {
  if (lengths.length === 1) return true;
  if (lengths.length === 2 && lengths[0] === 6) return true;
  if (lengths.every((l) => l === 1)) return true; // one digit per box of a form
  const last = lengths[lengths.length - 1];
  return lengths.length >= 4 && lengths.slice(0, -1).every((l) => l === 4) && last >= 1 && last <= 4;
}

/** An account number after a label: 10–25 digits, any grouping. */
export const ACCOUNT_MIN_DIGITS = 10;
export const ACCOUNT_MAX_DIGITS = 25;

/** 6222***********0123 */
export const BANK_KEEP_FIRST = 4;
export const BANK_KEEP_LAST = 4;
