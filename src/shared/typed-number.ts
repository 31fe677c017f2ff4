/**
 * A case number or 查询码 as a person types or copies it, in the form it was issued in: full-width
 * letters, digits and hyphens (a Chinese input method's －１２) as ASCII, the typographic hyphens
 * letters print to keep a number on one line (U+2011 in a PDF or Word receipt, which a copy carries
 * along) as "-", spaces dropped, letters upper-case. QLX‑ZJJ‑XX2026‑00001 and ｑｌｘ－ｚｊｊ－ｘｘ２０２６－
 * ００００１ are the same number as QLX-ZJJ-XX2026-00001.
 */
export function typedNumber(text: string): string {
  return text.normalize('NFKC').replace(/[\u2010-\u2015\u2212\uFE58\uFE63]/g, '-').replace(/\s+/g, '').toUpperCase();
}
