import { htmlPieces, htmlToText } from './body-text.ts';

/**
 * Where a reviewer may put a finding's suggested mask in place (应用建议遮盖): the fields of the item
 * the scanner reads as they are stored. The keywords are scanned joined, the body's links from
 * their addresses and attachments from their files, so none of them can be masked by offset here.
 */
export const MASKABLE_FIELDS = { 标题: 'title', 内容概述: 'summary', 正文: 'bodyHtml', 信息来源: 'source' } as const;
export type MaskableField = (typeof MASKABLE_FIELDS)[keyof typeof MASKABLE_FIELDS];

/** What the use case found when it looked for the finding a reviewer asked to mask. */
export type MaskCheck = 'in_place' | 'text_changed' | 'not_found' | 'not_maskable';

export const maskableField = (source: string): MaskableField | null => (MASKABLE_FIELDS as Record<string, MaskableField>)[source] ?? null;

/** A 密级标志: never masked, never accepted — declassified first, or taken out by its drafter when wrong. */
export const isSecrecyMarking = (f: { type: string }): boolean => f.type === 'classified_marking';

/** Why a finding cannot be masked on the review page (shown on the finding instead of the button), or null when it can. */
export function whyNotMaskable(f: { source: string; type: string }): string | null {
  if (f.type === 'unreadable_attachment') return '附件无法读取，不能在此遮盖；请人工审查，或退回起草人上传可读取的版本';
  // An attachment's file name and its 附件名称 are changed by their drafter: renamed and uploaded again, or retitled.
  if (f.source.startsWith('附件“') && !isSecrecyMarking(f)) {
    if (f.source.endsWith('”的文件名')) return '文件名中的内容不能在此遮盖：请退回起草人（修订人）将文件改名后重新上传，或记录可以公开的理由';
    if (f.source.endsWith('”的附件名称')) return '附件名称中的内容不能在此遮盖：请退回起草人（修订人）修改附件名称，或记录可以公开的理由';
  }
  if (f.source.startsWith('附件：')) return '附件中的内容不能在此直接遮盖：请退回起草人在原文件中遮盖后重新上传，或记录可以保留的理由';
  // 保守国家秘密法: a marked document is declassified, or the marking found to be wrong — never starred out.
  if (isSecrecyMarking(f)) return '密级标志不能以遮盖处理：须先依法解密，或确认标志有误后由起草人修改';
  if (!maskableField(f.source)) return `“${f.source}”中的内容不能在此直接遮盖，请退回起草人修改`;
  return null;
}

type Occurrence = { start: number; end: number; text: string; suggestion: string };
export type MaskResult = { ok: true; value: string } | { ok: false; check: 'text_changed' | 'not_maskable' };

/**
 * The field with one finding replaced by its suggestion, at the offsets the scan gave — or why not:
 * the text there is no longer what was found (`text_changed`), or the HTML cannot take it without
 * losing structure (`not_maskable`). Nothing else of the field changes. A same-length mask goes in
 * character by character, so tags inside the number (a bold part) stay; a 错词's correction of
 * another length takes the place of the word's first character and the rest of it goes.
 */
export function maskOccurrence(value: string, kind: 'plain' | 'html', f: Occurrence): MaskResult {
  if (kind === 'plain') {
    if (value.slice(f.start, f.end) !== f.text || f.end - f.start !== f.text.length) return { ok: false, check: 'text_changed' };
    return { ok: true, value: value.slice(0, f.start) + f.suggestion + value.slice(f.end) };
  }
  const pieces = htmlPieces(value);
  if (!pieces) return { ok: false, check: 'not_maskable' };
  const chars = pieces.filter((p) => p.text !== '');
  const text = chars.map((p) => p.text).join('');
  if (text.slice(f.start, f.end) !== f.text || f.end - f.start !== f.text.length) return { ok: false, check: 'text_changed' };
  const span = chars.slice(f.start, f.end);
  const put = new Map<(typeof pieces)[number], string>();
  const sameLength = f.suggestion.length === f.text.length;
  for (const [k, p] of span.entries()) {
    const wanted = sameLength ? f.suggestion[k] : k === 0 ? f.suggestion : '';
    if (wanted === p.text) continue;
    // A line break or a cell's end is a tag: masking never removes one.
    if (p.tag) return { ok: false, check: 'not_maskable' };
    put.set(p, escapeText(wanted));
  }
  const out = pieces.map((p) => put.get(p) ?? value.slice(p.from, p.to)).join('');
  return htmlToText(out) === text.slice(0, f.start) + f.suggestion + text.slice(f.end) ? { ok: true, value: out } : { ok: false, check: 'not_maskable' };
}

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
