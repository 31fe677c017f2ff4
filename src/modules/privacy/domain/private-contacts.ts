import { maskAll, maskDigits } from './mask.ts';

/**
 * Who wrote a text the portal publishes: a citizen (a letter, a comment) or the organ (its reply).
 * Every landline a citizen gives is theirs or another private person's — an organ's hotline is
 * published by the organ itself — so it is masked; in the organ's text only a landline it labels as
 * private (家里座机, 您的电话 …) is, and its own hotlines (政策咨询电话0564-1234567) stay readable.
 */
export type TextAuthor = 'citizen' | 'organ';

/** A span to mask and its masked form (same length), as applyMasks takes it. */
export type MaskSpan = { start: number; end: number; suggestion: string };

/** 0564-5123456, (0564)5123456, 0564 5123456, 010-62345678, with an extension 转123 or -123. */
const AREA_LANDLINE = '(?:[(（]0[1-9][0-9]{1,2}[)）][ \\u3000]?|0[1-9][0-9]{1,2}[-－—‐ \\u3000]?)[2-9][0-9]{6,7}(?:(?:转|-|－)[0-9]{1,5})?';
/** 5123456: a local number without the area code, only after a label that says it is a phone. */
const LOCAL_LANDLINE = '[2-9][0-9]{6,7}';
const NUMBER_AFTER_LABEL = `(?:号码|号)?[ \\u3000]?[:：]?(?:是|为)?[ \\u3000]?`;
const NOT_DIGIT_BEFORE = '(?<![0-9０-９])';
const NOT_DIGIT_AFTER = '(?![0-9０-９])';

/** A label that says the phone is a private person's: the writer's home, the writer, the person replied to. */
const PRIVATE_PHONE_LABEL = '(?:(?:家里|家中|家庭|住宅|住家|本人|我的|我家|您的|您家|来信人)的?(?:座机|固话|固定电话|电话|联系电话)|宅电)';
const PHONE_LABEL = '(?:座机|固话|固定电话|电话|联系电话|联系方式|Tel|TEL|tel)';

const ANY_AREA_LANDLINE = new RegExp(`${NOT_DIGIT_BEFORE}${AREA_LANDLINE}${NOT_DIGIT_AFTER}`, 'g');
const LABELLED_LOCAL = new RegExp(`${PHONE_LABEL}${NUMBER_AFTER_LABEL}(${LOCAL_LANDLINE})${NOT_DIGIT_AFTER}`, 'g');
const PRIVATE_LABELLED = new RegExp(`${PRIVATE_PHONE_LABEL}${NUMBER_AFTER_LABEL}(${AREA_LANDLINE}|${LOCAL_LANDLINE})${NOT_DIGIT_AFTER}`, 'g');

/** QQ 12345678, QQ号：12345678, 扣扣 12345678 — not a QQ群 (a group, often the organ's). */
const QQ = new RegExp(`(?:QQ|qq|Qq|ＱＱ|扣扣)${NUMBER_AFTER_LABEL}([1-9][0-9]{4,11})${NOT_DIGIT_AFTER}`, 'g');
/**
 * 微信 wangjg_88, 微信号：13912345678, v信 wjg1985, 加我V wjg1985, V：wjg1985 (a bare V only with a colon
 * or after 加我, so 型号V123456 stays) — not a 微信公众号 (an organ's account).
 */
const WECHAT = new RegExp(`(?:微信|[Vv]信|weixin|WeChat|wechat|VX|vx|Vx|加我[Vv]|(?<![A-Za-z0-9])[Vv](?=[ \\u3000]?[:：]))(?:账号|ID|id)?${NUMBER_AFTER_LABEL}([A-Za-z][-_A-Za-z0-9]{5,19}|[1-9][0-9]{4,11})(?![-_A-Za-z0-9])`, 'g');

/** The span of the captured number (group 1) in a match, or of the whole match. */
function numberSpan(m: RegExpExecArray): { start: number; end: number } {
  if (m[1] === undefined) return { start: m.index, end: m.index + m[0].length };
  const start = m.index + m[0].lastIndexOf(m[1]);
  return { start, end: start + m[1].length };
}

function spans(text: string, re: RegExp, mask: (s: string) => string): MaskSpan[] {
  const out: MaskSpan[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const { start, end } = numberSpan(m);
    out.push({ start, end, suggestion: mask(text.slice(start, end)) });
  }
  return out;
}

/** 010, 021 … 029 have three digits; every other area code four. */
const AREA_CODE = /^[(（]?(0(?:10|2[0-9])|0[3-9][0-9]{2})/;
/** A landline keeps its area code (a county, not a person) and last two digits: 0564-*****56. */
/** How many leading characters of a landline (digits, or digits after an opening bracket) are its area code; 0 when none. */
export const areaCodeLength = (s: string) => AREA_CODE.exec(s)?.[1].length ?? 0;
const maskLandline = (s: string) => maskDigits(s, areaCodeLength(s), 2);

/**
 * The private contacts in a text the portal publishes that the scanner does not report (its types
 * are for every text an organ publishes, where landlines are mostly offices'): landlines — every one
 * in a citizen's text, those labelled private in the organ's — and QQ and 微信 numbers after their
 * label. 个人信息保护法第四条、第二十五条; 条例第十五条. Sorted by start; they may overlap.
 */
export function detectPrivateContacts(text: string, author: TextAuthor): MaskSpan[] {
  const landlines = author === 'citizen'
    ? [...spans(text, ANY_AREA_LANDLINE, maskLandline), ...spans(text, LABELLED_LOCAL, maskLandline)]
    : spans(text, PRIVATE_LABELLED, maskLandline);
  return [...landlines, ...spans(text, QQ, maskAll), ...spans(text, WECHAT, maskAll)].sort((a, b) => a.start - b.start);
}
