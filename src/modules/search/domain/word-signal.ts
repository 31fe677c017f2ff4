import { keywordHead, normalizeText, type Phrase } from './tokenize.ts';

/** Word segmentation, supplied from outside the domain (src/modules/search/segmenter). */
export type Segmenter = (text: string) => string[];

const WORD = /^[\p{L}\p{N}]+$/u;

/** The words of a text, in order, for the index's word column (punctuation dropped). */
export function wordTokens(segment: Segmenter, text: string): string[] {
  return segment(normalizeText(text)).filter((w) => WORD.test(w));
}

/** The lengths of a last word the start-of-word signal looks for (the words index keeps these prefixes). */
export const START_WORD_CHARS = { min: 2, max: 6 };

/**
 * A keyword as whole words: its own segmentation as consecutive word tokens. `exact` finds texts
 * where the keyword is whole words; `start` (last word a prefix) also finds 房改房 for 房改. A last
 * word of one character, or of more than six, has no start-of-word signal (`start` is `exact`): a
 * one-character prefix says little, and the index keeps prefixes of 2–6 characters only, so a longer
 * one would read every word that starts with it.
 */
export function wordPhrasesOf(segment: Segmenter, keyword: string): { exact: Phrase; start: Phrase } | null {
  const tokens = wordTokens(segment, keywordHead(keyword));
  if (!tokens.length) return null;
  const last = [...tokens[tokens.length - 1]].length;
  const prefix = last >= START_WORD_CHARS.min && last <= START_WORD_CHARS.max;
  return { exact: { tokens, prefixLast: false }, start: { tokens, prefixLast: prefix } };
}
