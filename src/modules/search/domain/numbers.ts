/**
 * Keys for exact look-ups of a 文号 (document number, e.g. 岚建〔2026〕63号) and an 索引号. People type
 * the year brackets as 〔〕, [], (), （）, 【】 or ［］ and digits full-width; all of these give one key.
 */
const BRACKETS = /[〔〕[\]()（）【】［］]/g;

export function documentNumberKey(raw: string | null | undefined): string {
  if (!raw) return '';
  const s = raw.normalize('NFKC').replace(/\s+/g, '');
  // 字〔年〕号: the bracket spelling differs, so the key keeps only which part is which.
  const m = /^(.*?)[〔[(（【［]?((?:19|20)\d{2})[〕\])）】］]?第?(\d+)号$/.exec(s);
  if (m && m[1]) return `${m[1]}|${m[2]}|${Number(m[3])}`;
  return s.replace(BRACKETS, '').toLowerCase();
}

export function indexNumberKey(raw: string | null | undefined): string {
  if (!raw) return '';
  return raw.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

/** Whether a query looks like a number someone copied, so the exact look-up is worth showing first. */
export const looksLikeNumber = (q: string): boolean => /\d/.test(q.normalize('NFKC'));
