import { MAX_KEYWORD_CHARS, normalizeText, type Phrase } from './tokenize.ts';

/** Word segmentation, supplied from outside the domain (src/modules/search/segmenter). */
export type Segmenter = (text: string) => string[];

const WORD = /^[\p{L}\p{N}]+$/u;

/** The words of a text, in order, for the index's word column (punctuation dropped). */
export function wordTokens(segment: Segmenter, text: string): string[] {
  return segment(normalizeText(text)).filter((w) => WORD.test(w));
}

/**
 * A keyword as whole words: its own segmentation as consecutive word tokens. `exact` finds texts
 * where the keyword is whole words; `start` (last word a prefix) also finds 房改房 for 房改.
 */
export function wordPhrasesOf(segment: Segmenter, keyword: string): { exact: Phrase; start: Phrase } | null {
  const tokens = wordTokens(segment, keyword.slice(0, MAX_KEYWORD_CHARS));
  if (!tokens.length) return null;
  return { exact: { tokens, prefixLast: false }, start: { tokens, prefixLast: true } };
}
