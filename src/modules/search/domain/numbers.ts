/**
 * Keys for exact look-ups of a 文号 (document number, e.g. 岚建〔2026〕63号) and an 索引号. People type
 * the year brackets as 〔〕, [], (), （）, 【】 or ［］ and digits full-width; all of these give one key.
 */
import { documentNumberKey } from '../../../shared/document-number.ts';

// The key is the catalog's as well (it refuses a 文号 another item of the organ has): one function, in shared/.
export { documentNumberKey };

/**
 * A keyword that is a 文号 as the text may write it: with and without 第 before the serial (岚建〔2026〕第58号,
 * 岚建〔2026〕58号), as typed first; typed without 号 (岚建〔2026〕58) likewise, when its year is bracketed. The exact look-up ignores 第 (documentNumberKey); a keyword matches as a
 * substring, so the other spelling is searched as an alternative phrase, like a synonym. A 文号 is the organ's
 * 代字 (or a bracketed year without it), the year, the serial and 号 — nothing before or after; a year's serial
 * (2026年第5号) or a serial alone (第58号) is not one. Brackets need no variant: punctuation typed inside a
 * keyword stands for any.
 *
 * Typed without brackets, any way the exact look-up reads as a 文号 with its 代字 (岚建2026年58号, 岚建2026年第58号,
 * 岚建202658号, 岚建2026年58: documentNumberKey), it is also searched in the standard spelling the items write
 * (岚建〔2026〕58号, and with 第), so the items citing it are found as they are for 岚建〔2026〕58号. The 代字 must be
 * one: not ending in a digit or in 第 (第202658号 and 1202658号 are serials, not 文号). Anything else: the keyword alone.
 */
export function documentNumberSpellings(keyword: string): string[] {
  const m = /^(.*?)([〔[(（【［]?)((?:19|20)\d{2})([〕\])）】］]?)(第?)(\d+号?)$/u.exec(keyword);
  const bracketed = !!m && m[2] !== '' && m[4] !== '';
  if (!bracketed) return unbracketedSpellings(keyword);
  const [, prefix, open, year, close, di, serial] = m;
  if (/[\p{N}\s]$/u.test(prefix)) return [keyword];
  return [keyword, `${prefix}${open}${year}${close}${di ? '' : '第'}${serial}`];
}

/** A 文号 the exact look-up reads without brackets (documentNumberKey), its 代字 a 代字: the keyword and the standard spellings. */
function unbracketedSpellings(keyword: string): string[] {
  const parts = documentNumberParts(documentNumberKey(keyword));
  if (!parts || /[\p{N}\s第]$/u.test(parts.prefix) || /[〔〕[\]()（）【】［］]/u.test(keyword)) return [keyword];
  const shown = documentNumberShown(parts);
  return [...new Set([keyword, shown, shown.replace('〕', '〕第')])];
}

export function indexNumberKey(raw: string | null | undefined): string {
  if (!raw) return '';
  return raw.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

/** Which of an item's numbers a query is: its 文号 or its 索引号, as the item writes it. */
export type ExactNumber = { kind: 'documentNumber' | 'indexNumber'; value: string };

/**
 * The item's number that is the query (the exact look-up's keys: any bracket spelling, with or without 第, any case), the
 * 文号 before the 索引号; null when neither is.
 */
export function exactNumberOf(query: { documentNumberKey: string; indexNumberKey: string }, item: { documentNumber: string | null; indexNumber: string | null }): ExactNumber | null {
  if (item.documentNumber && query.documentNumberKey && documentNumberKey(item.documentNumber) === query.documentNumberKey) return { kind: 'documentNumber', value: item.documentNumber };
  if (item.indexNumber && query.indexNumberKey && indexNumberKey(item.indexNumber) === query.indexNumberKey) return { kind: 'indexNumber', value: item.indexNumber };
  return null;
}

/** Whether a query looks like a number someone copied, so the exact look-up is worth showing first. */
export const looksLikeNumber = (q: string): boolean => /\d/.test(q.normalize('NFKC'));

/** How many characters sounding alike are tried for each character of a 文号's 代字 (nearDocumentNumberKeys). */
export const NEAR_NUMBER_HOMOPHONES = 20;

/**
 * 您是不是要找 for a 文号: the keys (documentNumberKey) of the 文号 with the same year and serial whose 代字 differs by one
 * character — one left out (岚建字〔2026〕58号 typed for 岚建〔2026〕58号) or one replaced by a character sounding alike
 * (`similar`, the first NEAR_NUMBER_HOMOPHONES: 蓝建 for 岚建). A character missing from what was typed is not tried (it
 * could be any). Empty when the key is not a 文号's.
 */
export function nearDocumentNumberKeys(key: string, similar: (ch: string) => readonly string[] = () => []): string[] {
  const m = /^(.+)\|(\d{4})\|(\d+)$/u.exec(key);
  if (!m) return [];
  const [, prefix, year, serial] = m;
  const chars = [...prefix];
  const out = new Set<string>();
  if (chars.length > 1) chars.forEach((_, i) => out.add(chars.toSpliced(i, 1).join('')));
  chars.forEach((c, i) => {
    for (const other of similar(c).slice(0, NEAR_NUMBER_HOMOPHONES)) out.add(chars.with(i, other).join(''));
  });
  out.delete(prefix);
  return [...out].map((p) => `${p}|${year}|${serial}`);
}

/** A 文号's parts as its key holds them (documentNumberKey: 代字|year|serial); null for a key that is no 文号's. */
export type DocumentNumberParts = { prefix: string; year: number; serial: number };

export function documentNumberParts(key: string): DocumentNumberParts | null {
  const m = /^(.+)\|(\d{4})\|(\d+)$/u.exec(key);
  return m ? { prefix: m[1], year: Number(m[2]), serial: Number(m[3]) } : null;
}

/** A 文号 written the one way the portal writes it back: 岚建〔2026〕6号 (for the key of 岚建(2026)6, 岚建2026年第6号 …). */
export const documentNumberShown = (p: DocumentNumberParts): string => `${p.prefix}〔${p.year}〕${p.serial}号`;

/**
 * Bounds of the look-ups for a 文号 no item has (docs/search.md, "A 文号 that no item has"): the serials either side of
 * the one typed, how many neighbours are shown, and the other years and first serials asked to tell whose 代字 it is.
 */
export const MISSING_NUMBER_BOUNDS = { serialsEitherSide: 20, shown: 5, yearsBefore: 6, yearsAfter: 1, firstSerials: 5 } as const;

const keyOf = (prefix: string, year: number, serial: number) => `${prefix}|${year}|${serial}`;

/**
 * The keys of the 文号 of the same 代字 and year near the one typed, each an exact key the index of 文号 keys answers
 * (a few dozen, one look-up): the serials up to MISSING_NUMBER_BOUNDS.serialsEitherSide either side, the serials of one
 * digit more (6 → 60–69: a serial typed short, 岚建〔2026〕6 for 63号) and of one digit less (631 → 63). Not the typed one.
 */
export function nearbyDocumentNumberKeys(p: DocumentNumberParts, bounds = MISSING_NUMBER_BOUNDS): string[] {
  const serials = new Set<number>();
  for (let s = Math.max(1, p.serial - bounds.serialsEitherSide); s <= p.serial + bounds.serialsEitherSide; s++) serials.add(s);
  for (let d = 0; d <= 9; d++) serials.add(p.serial * 10 + d);
  if (p.serial >= 10) serials.add(Math.floor(p.serial / 10));
  serials.delete(p.serial);
  serials.delete(0);
  return [...serials].map((s) => keyOf(p.prefix, p.year, s));
}

/**
 * How near a found serial is to the one typed, for choosing the few shown: a serial of one digit more or less (typed
 * short or long) is as near as the next number; otherwise the difference.
 */
export function serialDistance(typed: number, found: number): number {
  if (Math.floor(found / 10) === typed || Math.floor(typed / 10) === found) return 1;
  return Math.abs(found - typed);
}

/**
 * The keys asked to tell which organ writes this 代字 when no 文号 near it is found (a year with none yet, 岚建〔2031〕1号):
 * the first serials of the years around the one typed — every organ that issued documents in a year has its 1号.
 */
export function sameCodeKeys(p: DocumentNumberParts, bounds = MISSING_NUMBER_BOUNDS): string[] {
  const out: string[] = [];
  for (let y = p.year + bounds.yearsAfter; y >= p.year - bounds.yearsBefore; y--) {
    for (let s = 1; s <= bounds.firstSerials; s++) if (y !== p.year || s !== p.serial) out.push(keyOf(p.prefix, y, s));
  }
  return out;
}
