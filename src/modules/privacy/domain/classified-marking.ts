import type { Finding } from './finding.ts';
import { maskAll } from './mask.ts';
import { resolveOverlaps } from './resolve-overlaps.ts';

/**
 * Secrecy markings as they stand on documents. 保守国家秘密法第十四条: the levels 绝密、机密、秘密;
 * 第二十二条: a secret carrier bears the 国家秘密标志 "密级★保密期限" (e.g. 秘密★1年; the period may
 * also be a date or 启用前), top left of a 公文 (GB/T 9704-2012); 第六十四条: 工作秘密 and
 * internal material are protected too. Sentences that merely talk about secrecy (保密审查, 涉密信息,
 * 国家秘密不予公开) and markings quoted as examples (“秘密★”) are not markings.
 */
const SP = '[ \\u3000]';
const STAR = '[★☆*＊]';
const DIGIT = '[0-9０-９]';
const PERIOD =
  `(?:${DIGIT}{1,2}${SP}?(?:年|个月)|[一二三四五六七八九十]{1,3}(?:年|个月)|长期|启用前|` +
  `(?:${DIGIT}{4}|[〇零一二三四五六七八九]{4})年${DIGIT}{1,2}月(?:${DIGIT}{1,2}日)?(?:前|解密)?|解密条件[:：]?[^\\n，。；]{1,20})`;
const LEVEL = `(?:[绝机秘]${SP}?密)`;

const LEVEL_BEFORE_STAR = new RegExp(`(?:工作秘密|${LEVEL}|内${SP}?部)${SP}?$`);
const PERIOD_AFTER_STAR = new RegExp(`${SP}?${PERIOD}`, 'y');
const STAR_CHARS = /[★☆*＊]/g;
const LEVEL_FIELD = new RegExp(`密级${SP}*[:：\\t]${SP}*(${LEVEL}(?:${SP}?${STAR}(?:${SP}?${PERIOD})?)?)`, 'y');
const INTERNAL_MATERIAL = new RegExp(
  `内部(?:资料|文件|材料|刊物|读物|参考)[ \\u3000\\t,，、·:：]*` +
    '(?:注意保存|注意保管|妥善保管|注意保密|请勿外传|不得外传|严禁外传|不得翻印|请勿翻印|严禁翻印|' +
    '不得扩散|请勿扩散|严禁扩散|不得公开|请勿公开|不得转载|严禁复制|不得复制)',
  'y',
);
/** A whole line at the head of a document: [份号] 密级[★期限] [紧急程度], or a bare 内部 / 工作秘密. */
const HEAD_LINE = new RegExp(
  `^(?:(?:份号[:：]?${SP}*)?${DIGIT}{6}[ \\u3000\\t]*)?` +
    `((?:${LEVEL}|工作秘密|内${SP}?部(?:资料)?)(?:${SP}*${STAR}${SP}*(?:${PERIOD})?)?)` +
    `(?:[ \\u3000\\t]+(?:特急|加急|特提|平急))?$`,
);
/** How many non-empty lines count as the head of a document (份号, 密级, 紧急程度, 发文机关标志 …). */
const HEAD_LINES = 8;

/** A marking right after an opening quote is cited, not carried (also Markdown's `code`). */
const OPENING_QUOTES = new Set(['“', '"', '‘', "'", '「', '『', '《', '〈', '`']);

export function detectClassifiedMarkings(text: string): Finding[] {
  const out: Finding[] = [];
  starMarkings(text, out);
  levelFields(text, out);
  internalMaterial(text, out);
  headLines(text, out);
  return resolveOverlaps(out); // a 密级 field or a head line also holds a star marking

}

function push(out: Finding[], text: string, start: number, end: number, rule: string): void {
  if (OPENING_QUOTES.has(text[start - 1] ?? '')) return; // “秘密★” quoted as an example
  const t = text.slice(start, end);
  out.push({ type: 'classified_marking', text: t, start, end, severity: 'block', suggestion: maskAll(t), rule });
}

function starMarkings(text: string, out: Finding[]): void {
  STAR_CHARS.lastIndex = 0;
  for (let m = STAR_CHARS.exec(text); m; m = STAR_CHARS.exec(text)) {
    const star = m.index;
    const before = LEVEL_BEFORE_STAR.exec(text.slice(Math.max(0, star - 6), star));
    if (!before) continue;
    PERIOD_AFTER_STAR.lastIndex = star + 1;
    const period = PERIOD_AFTER_STAR.exec(text);
    const end = period ? star + 1 + period[0].length : star + 1;
    push(out, text, star - before[0].length, end, 'star-marking');
  }
}

function levelFields(text: string, out: Finding[]): void {
  for (let at = text.indexOf('密级'); at !== -1; at = text.indexOf('密级', at + 2)) {
    LEVEL_FIELD.lastIndex = at;
    const m = LEVEL_FIELD.exec(text);
    if (m) push(out, text, LEVEL_FIELD.lastIndex - m[1].length, LEVEL_FIELD.lastIndex, 'level-field');
  }
}

function internalMaterial(text: string, out: Finding[]): void {
  for (let at = text.indexOf('内部'); at !== -1; at = text.indexOf('内部', at + 2)) {
    INTERNAL_MATERIAL.lastIndex = at;
    if (INTERNAL_MATERIAL.exec(text)) push(out, text, at, INTERNAL_MATERIAL.lastIndex, 'internal-material');
  }
}

function headLines(text: string, out: Finding[]): void {
  let lineStart = 0;
  for (let seen = 0; seen < HEAD_LINES && lineStart < text.length; ) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    const trimmed = line.trim();
    if (trimmed) {
      seen++;
      const m = HEAD_LINE.exec(trimmed);
      if (m) {
        const start = lineStart + line.indexOf(trimmed) + trimmed.indexOf(m[1]);
        push(out, text, start, start + m[1].length, 'head-marking');
      }
    }
    lineStart = lineEnd + 1;
  }
}
