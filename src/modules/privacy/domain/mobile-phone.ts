import { ALLOCATED_MOBILE_SEGMENTS } from './mobile-segments.ts';

/**
 * Mainland mobile numbers: 11 digits. A private person's mobile number is personal information
 * (条例第十五条, 个人信息保护法第二十五条; docs/privacy-scanner.md); office landlines (0xxx-…, 400…,
 * 12345) never match.
 */
const SEGMENTS = new Set(ALLOCATED_MOBILE_SEGMENTS);

/** Without a label: 11 digits in a segment allocated to mobile service (mobile-segments.ts). */
export function isMobileNumber(d: string): boolean {
  return d.length === 11 && /^\d{11}$/.test(d) && SEGMENTS.has(d.slice(0, 3));
}

/**
 * After a label that says it is a phone number (联系电话, 手机, 联系方式 …) or under such a column header:
 * any 11 digits that begin with 1, whatever the segment — segments keep being allocated, and what the
 * label says decides.
 */
export function isLabelledMobileNumber(d: string): boolean {
  return d.length === 11 && /^1\d{10}$/.test(d);
}

/** The ways people split a mobile number: 13812345678, 138 1234 5678, 138-12345678, 1381234 5678, one per box. */
export function isMobileGrouping(lengths: readonly number[]): boolean {
  const key = lengths.join(',');
  if (key === '11' || key === '3,4,4' || key === '3,8' || key === '7,4') return true;
  return lengths.length === 11 && lengths.every((l) => l === 1); // one digit per box of a form
}

/** A country prefix written before the number: "+86 ", "+86-", "(+86)", "（86）", "0086 ". */
const PREFIX_BEFORE = /(?:[+＋]\s?86|0086|[(（]\s?[+＋]?86\s?[)）])[\s\-]?$/;

/** How many characters before `start` belong to a +86 prefix (0 if none). */
export function countryPrefixLength(text: string, start: number): number {
  const before = text.slice(Math.max(0, start - 8), start);
  const m = PREFIX_BEFORE.exec(before);
  if (!m) return 0;
  const at = start - m[0].length;
  // "…12 0086 138…" would make 0086 part of a longer number; a prefix starts a token.
  const prev = at > 0 ? text.charCodeAt(at - 1) : 32;
  return (prev >= 48 && prev <= 57) ? 0 : m[0].length;
}

/** 138****5678 */
export const MOBILE_KEEP_FIRST = 3;
export const MOBILE_KEEP_LAST = 4;
