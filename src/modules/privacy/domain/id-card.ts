/**
 * 公民身份号码 (GB 11643-1999): 6-digit address code, 8-digit birth date, 3-digit sequence,
 * 1 check character (ISO 7064:1983 MOD 11-2). Legacy numbers (before 1999) have 15 digits:
 * address code, YYMMDD of a 19xx birth date, sequence, no check character.
 * A published ID number is personal information: 条例第十五条, 个人信息保护法第二十五条.
 */

/** Province-level prefixes of the address code; 81/82/83 are the residence permits of HK, Macao, Taiwan residents. */
const PROVINCES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44',
  '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82', '83',
]);

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** `digits` holds ASCII digits only (full-width digits already folded); the 18th may be X or x. */
export function idCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

export function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= days;
}

// A province-level code alone (xx0000) is never a person's address, except on the residence permits.
const hasAreaShape = (d: string): boolean =>
  (PROVINCES.has(d.slice(0, 2)) && d.slice(2, 6) !== '0000') || /^8[123]0000/.test(d);

/** 18 characters with an address code and a real birth date, whatever the check character. */
export function hasIdShape(d: string): boolean {
  if (d.length !== 18 || !/^\d{17}[\dXx]$/.test(d)) return false;
  if (!hasAreaShape(d)) return false;
  const year = Number(d.slice(6, 10));
  if (year < 1900 || year > 2099) return false;
  return isRealDate(year, Number(d.slice(10, 12)), Number(d.slice(12, 14)));
}

export function isValidId18(d: string): boolean {
  return hasIdShape(d) && idCheckCharacter(d).toUpperCase() === d[17].toUpperCase();
}

export function isValidId15(d: string): boolean {
  if (d.length !== 15 || !/^\d{15}$/.test(d)) return false;
  if (!hasAreaShape(d) || d.startsWith('8')) return false;
  return isRealDate(1900 + Number(d.slice(6, 8)), Number(d.slice(8, 10)), Number(d.slice(10, 12)));
}

/**
 * How an ID number may be split: as one block, one digit per table cell, or in a few groups of
 * 2–8 digits ("341525 19900307 1234"). Anything else is more likely several numbers side by side.
 */
export function isIdGrouping(lengths: readonly number[]): boolean {
  if (lengths.length === 1) return true;
  if (lengths.every((l) => l === 1)) return true;
  return lengths.length <= 6 && lengths.every((l) => l >= 2 && l <= 8);
}

/** 341525********1234: keeps the address code and the last four, hides the birth date. */
export const ID_KEEP_FIRST = 6;
export const ID18_KEEP_LAST = 4;
export const ID15_KEEP_LAST = 3;
