/**
 * Mainland mobile numbers: 11 digits in a number segment that MIIT has allocated to public mobile
 * service (13x, 145–149, 15x, 162/165–167, 170–178, 18x, 19x). A private person's mobile number is
 * personal information (条例第十五条); office landlines (0xxx-…, 400…, 12345) never match.
 */
const SEGMENTS = new Set([
  '130', '131', '132', '133', '134', '135', '136', '137', '138', '139',
  '145', '146', '147', '148', '149',
  '150', '151', '152', '153', '155', '156', '157', '158', '159',
  '162', '165', '166', '167',
  '170', '171', '172', '173', '174', '175', '176', '177', '178',
  '180', '181', '182', '183', '184', '185', '186', '187', '188', '189',
  '190', '191', '192', '193', '195', '196', '197', '198', '199',
]);

export function isMobileNumber(d: string): boolean {
  return d.length === 11 && /^\d{11}$/.test(d) && SEGMENTS.has(d.slice(0, 3));
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
