import { documentNumberKey, documentNumberSpellings, indexNumberKey } from './numbers.ts';
import { alternativesOf } from './synonyms.ts';
import { cutQuery } from './query-cut.ts';
import { keywordHead, normalizeText, phraseOf, type Phrase } from './tokenize.ts';
import { isServiceQuestion } from './service-question.ts';

export { MAX_QUERY_CHARS } from './query-cut.ts';
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
  /** The query as logged and shown: trimmed, spaces collapsed, cut at MAX_QUERY_CHARS characters (cutQuery: never inside one). */
  display: string;
  keywords: Keyword[];
  documentNumberKey: string;
  indexNumberKey: string;
  /**
   * A keyword asking how or where to do something (怎么申请, 去哪里办理; domain/service-question.ts), not among `keywords`:
   * no item must hold it, and a service guide about the other keywords ranks first (ADR 0053). Several such keywords are
   * one, their texts joined by a space. Null when there is none, or when nothing else was typed (怎么申请 alone is searched
   * as typed).
   */
  serviceQuestion: { text: string } | null;
};

/**
 * The label of a number copied with it from an item's properties on a phone (索引号：…, 文号：…): the
 * number is what is searched. Only before a colon or a space and something with a digit, so 文号管理
 * or 文号 规范 stay keywords.
 */
const NUMBER_LABEL = /^(?:索引号|文号|发文字号|发文文号)\s*(?::|\s)\s*(?=\S*\d)/;

/** Whether a character is part of a word: a letter or digit once radicals and full-width forms are read as the tokenizer reads them. */
const isWordChar = (ch: string) => /^[\p{L}\p{N}]+$/u.test(normalizeText(ch));

/** Brackets and quotes that may enclose a part of a keyword (岚建〔2026〕…, “三公”经费) or the whole of it. */
const CLOSING = new Map([['〔', '〕'], ['[', ']'], ['(', ')'], ['（', '）'], ['【', '】'], ['［', '］'], ['《', '》'], ['〈', '〉'], ['“', '”'], ['‘', '’'], ['「', '」'], ['『', '』'], ['〖', '〗']]);
const OPENING = new Map([...CLOSING].map(([open, close]) => [close, open]));

/**
 * A keyword without the punctuation and symbols typed around it (“公租房”, 棚改！, 《…》, an emoji): they
 * end a phrase anyway, so the index finds the same items, but the keyword's synonyms, its place in the
 * split suggestion and its wording on the page are those of the word. Punctuation inside a keyword stays:
 * it stands for punctuation in the text (docs/search.md).
 */
function withoutEdgePunctuation(part: string): string {
  const chars = [...part];
  let start = 0;
  let end = chars.length;
  // A closing mark whose opening one is inside the keyword ends a part of it (岚建(2026)), and an
  // opening mark whose closing one is inside begins one (〔2026〕58号): both stay. A pair around the
  // whole keyword (《棚改》) goes.
  while (end > start && !isWordChar(chars[end - 1])) {
    const open = OPENING.get(chars[end - 1]);
    if (open && chars.slice(start + 1, end - 1).includes(open)) break;
    end--;
  }
  while (start < end && !isWordChar(chars[start])) {
    const close = CLOSING.get(chars[start]);
    if (close && chars.slice(start + 1, end).includes(close)) break;
    start++;
  }
  return chars.slice(start, end).join('');
}

/**
 * A query is keywords separated by spaces (or commas), all of which must occur. The whole query is
 * also tried as a 文号 and as an 索引号, so a pasted number finds its item first.
 */
export function parseQuery(raw: string): ParsedQuery {
  const display = cutQuery(raw.normalize('NFKC').replace(/\s+/g, ' ').trim()).text;
  const searched = display.replace(NUMBER_LABEL, '');
  const parts = searched.split(/[\s,，、;；]+/).filter(Boolean);
  const keywords: Keyword[] = [];
  const asking: string[] = [];
  const searchedParts = parts.filter((part) => {
    const text = keywordHead(withoutEdgePunctuation(part));
    const asks = !!text && isServiceQuestion(text);
    if (asks && !asking.includes(text)) asking.push(text);
    return !asks;
  });
  // Only the asking typed: searched as typed, as before (nothing else says what it is about).
  const about = searchedParts.some((part) => keywordHead(withoutEdgePunctuation(part)));
  for (const part of about ? searchedParts : parts) {
    const text = keywordHead(withoutEdgePunctuation(part));
    if (!text || keywords.some((k) => k.text === text)) continue;
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
  const serviceQuestion = about && asking.length ? { text: asking.join(' ') } : null;
  return { display, keywords, documentNumberKey: documentNumberKey(compact), indexNumberKey: indexNumberKey(compact), serviceQuestion };
}
