import { documentNumberKey, documentNumberSpellings, indexNumberKey } from './numbers.ts';
import { alternativesOf } from './synonyms.ts';
import { MAX_KEYWORD_CHARS, phraseOf, type Phrase } from './tokenize.ts';

export const MAX_QUERY_CHARS = 100;
export const MAX_KEYWORDS = 6;

export type Keyword = {
  text: string;
  /**
   * The keyword and its synonyms, or a 文号's other spelling (with or without 第), each a substring phrase; a
   * document matches when any one does.
   */
  alternatives: { text: string; phrase: Phrase }[];
  /** The synonyms among the alternatives (domain/synonyms.ts), which the reader is told were searched too. */
  synonyms: string[];
};

export type ParsedQuery = {
  /** The query as logged and shown: trimmed, spaces collapsed, cut at MAX_QUERY_CHARS. */
  display: string;
  keywords: Keyword[];
  documentNumberKey: string;
  indexNumberKey: string;
};

/**
 * The label of a number copied with it from an item's properties on a phone (索引号：…, 文号：…): the
 * number is what is searched. Only before a colon or a space and something with a digit, so 文号管理
 * or 文号 规范 stay keywords.
 */
const NUMBER_LABEL = /^(?:索引号|文号|发文字号|发文文号)\s*(?::|\s)\s*(?=\S*\d)/;

/**
 * A query is keywords separated by spaces (or commas), all of which must occur. The whole query is
 * also tried as a 文号 and as an 索引号, so a pasted number finds its item first.
 */
export function parseQuery(raw: string): ParsedQuery {
  const display = raw.normalize('NFKC').replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_CHARS);
  const searched = display.replace(NUMBER_LABEL, '');
  const parts = searched.split(/[\s,，、;；]+/).filter(Boolean);
  const keywords: Keyword[] = [];
  for (const part of parts) {
    const text = part.slice(0, MAX_KEYWORD_CHARS);
    if (keywords.some((k) => k.text === text)) continue;
    const spellings = documentNumberSpellings(text);
    const alternatives = (spellings.length > 1 ? spellings : alternativesOf(text)).flatMap((t) => {
      const phrase = phraseOf(t);
      return phrase ? [{ text: t, phrase }] : [];
    });
    const synonyms = spellings.length > 1 ? [] : alternatives.slice(1).map((a) => a.text);
    if (alternatives.length) keywords.push({ text, alternatives, synonyms });
    if (keywords.length === MAX_KEYWORDS) break;
  }
  const compact = searched.replace(/\s+/g, '');
  return { display, keywords, documentNumberKey: documentNumberKey(compact), indexNumberKey: indexNumberKey(compact) };
}
