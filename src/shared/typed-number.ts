/**
 * What a Chinese input method's full-width mode types, read as half-width: full-width digits, letters and
 * signs (３４１８２５…Ｘ, １３８００１３８０００, ０５６４－５０２１２３４, ｗａｎｇ＠ｅｘａｍｐｌｅ．ｃｎ) and the ideographic space
 * as ASCII (Unicode NFKC), and the typographic hyphens a copied receipt carries (U+2011 in a PDF or Word
 * letter) as "-". The one normalisation of every number, phone, postcode and e-mail a person types
 * (docs/workflows/public-forms.md).
 */
export function halfWidth(text: string): string {
  return text.normalize('NFKC').replace(/[\u2010-\u2015\u2212\uFE58\uFE63]/g, '-');
}

/**
 * A case number, 查询码, ID number or postcode as a person types or copies it, in the form it was issued
 * in: half-width (halfWidth), spaces dropped, letters upper-case. QLX‑ZJJ‑XX2026‑00001 and ｑｌｘ－ｚｊｊ－
 * ｘｘ２０２６－００００１ are the same number as QLX-ZJJ-XX2026-00001, and 341825 19580512 301x is 34182519580512301X.
 */
export function typedNumber(text: string): string {
  return halfWidth(text).replace(/\s+/g, '').toUpperCase();
}

/** An e-mail address as typed: half-width, and the ideographic full stop (。, a dot in IDNA) as ".". */
export function typedEmail(text: string): string {
  return halfWidth(text).replace(/\u3002/g, '.');
}
