/**
 * A 文号 (发文字号: the organ's 代字, the year, the serial — 岚建〔2026〕63号, GB/T 9704-2012 7.2.4) as people type it
 * and as it is kept. Pure, and in shared/ because two areas need it and one builds on the other: the catalog stores
 * the standard spelling and refuses a 文号 another item of the organ has (docs/rules/proactive-disclosure.md, "文号"),
 * the search looks items up by the key (docs/search.md).
 */

/** The brackets people type around the year of a 文号 instead of 〔〕. */
const BRACKETS = /[〔〕[\]()（）【】［］]/g;

/**
 * The key of a 文号 for exact look-ups: 岚建〔2026〕63号, 岚建[2026]63号, 岚建（２０２６）６３号, 岚建【2026】第63号, 岚建〔2026〕063号
 * and 岚建2026年63号 give one key (代字|year|serial); a 文号 of another form its characters without brackets or spaces.
 */
export function documentNumberKey(raw: string | null | undefined): string {
  if (!raw) return '';
  const s = raw.normalize('NFKC').replace(/\s+/g, '');
  // 字〔年〕号: the bracket spelling differs, so the key keeps only which part is which.
  // The year's closing bracket may be typed as 年 (岚建2026年63号: no brackets on a phone's keyboard). 号 may be
  // left out when the year's closing mark is there to tell the serial from the year (岚建〔2026〕63, 岚建2026年63):
  // the serial is then the whole of the digits, so 岚建〔2026〕6 is never 63号.
  const m = /^(.*?)[〔[(（【［]?((?:19|20)\d{2})([〕\])）】］年]?)第?(\d+)(号?)$/.exec(s);
  if (m && m[1] && (m[3] || m[5])) return `${m[1]}|${m[2]}|${Number(m[4])}`;
  return s.replace(BRACKETS, '').toLowerCase();
}

const FULL_WIDTH_DIGITS = /[０-９]/g;
const halfWidthDigits = (s: string) => s.replace(FULL_WIDTH_DIGITS, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

/**
 * A 文号 in the standard spelling GB/T 9704-2012 7.2.4 gives it: 发文机关代字、年份、发文顺序号, the year in 六角括号〔〕,
 * the serial without 第 and without leading zeros (不加“第”字，不编虚位), no spaces — when it is written with the year
 * between brackets of any kind: 岚建[2026]56号, 岚建（２０２６）５６号, 岚建【2026】第056号 and 岚建 〔2026〕 56 are all 岚建〔2026〕56号.
 * Any other 文号 (a 公告's 2026年第5号, a joint notice's two organ names) keeps its words: only its digits are made
 * half-width, its ends trimmed and runs of spaces made one. Empty stays empty.
 */
export function standardDocumentNumber(raw: string): string {
  const typed = raw.trim();
  if (!typed) return '';
  const m = /^(.*?)\s*[〔[(（【［]\s*((?:19|20)\d{2}|(?:１９|２０)[０-９]{2})\s*[〕\])）】］]\s*第?\s*([0-9０-９]+)\s*号?$/u.exec(typed);
  if (m) {
    const prefix = m[1].normalize('NFKC').replace(/\s+/g, '');
    // A 代字 is there and does not end in a digit (2026(2026)5 is no 文号 to rewrite).
    if (prefix && !/[\p{N}]$/u.test(prefix)) return `${prefix}〔${halfWidthDigits(m[2])}〕${Number(halfWidthDigits(m[3]))}号`;
  }
  return halfWidthDigits(typed).replace(/\s+/g, ' ');
}
