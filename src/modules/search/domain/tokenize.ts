/**
 * The one tokenizer both databases index (docs/search.md, "Matching"). Text is normalised (NFKC:
 * full-width digits and letters become ASCII; lower case), then cut into runs: a run of Chinese
 * characters yields its overlapping two-character pieces and, last, its final character alone;
 * a run of letters and digits yields itself. A keyword then matches exactly the texts that contain
 * it as a substring, as a phrase of consecutive pieces, on FTS5 and on tsvector alike.
 *
 * Change anything here (or how the index stores the tokens) and raise TOKENIZER_VERSION: the index remembers the version it was built
 * with and `gongkai reindex` rebuilds it.
 */
import { ideographsForRadicals } from './radicals.ts';

export const TOKENIZER_VERSION = 3;
// Version 2 (migration 035): items carry a newest-first sort key and SQLite keeps one FTS5 row per item.
// Version 3: an attachment's 附件名称 (attachments.title, ADR 0034) is indexed with its file name and text; entries written
// before had no title, so the start after the upgrade rebuilds the index (docs/operations.md).

/**
 * The longest keyword the index answers; longer ones are cut (a chunk overlap covers it). Characters are code
 * points, as the pieces count them: 𠀀 is one, and a cut never splits its surrogate pair (keywordHead).
 */
export const MAX_KEYWORD_CHARS = 40;

/** A keyword's first MAX_KEYWORD_CHARS characters (code points), never half of a character outside the BMP. */
export const keywordHead = (keyword: string): string => (keyword.length <= MAX_KEYWORD_CHARS ? keyword : [...keyword].slice(0, MAX_KEYWORD_CHARS).join(''));

const HAN = /\p{Script=Han}/u;
// A Chinese run holds Han letters and numbers only: the radicals left after normalising (U+2E80) are
// Han symbols, not characters of a word, and end a run like punctuation.
const RUN = /((?:(?=\p{Script=Han})[\p{L}\p{N}])+)|((?:(?!\p{Script=Han})[\p{L}\p{N}])+)/gu;

/**
 * Radicals become the ideographs they stand for (domain/radicals.ts; NFKC does the Kangxi ones),
 * then NFKC, lower case. Texts that held Supplement radicals could never be indexed before (their
 * tokens were refused), so every indexed text tokenizes as it did and the version stays.
 */
export const normalizeText = (s: string): string => ideographsForRadicals(s).normalize('NFKC').toLowerCase();

export type Run = { text: string; han: boolean; start: number };

/** The runs of a normalised text, with their offsets (used by the snippet and the word signal too). */
export function runsOf(normalized: string): Run[] {
  const out: Run[] = [];
  for (const m of normalized.matchAll(RUN)) out.push({ text: m[0], han: m[1] !== undefined, start: m.index! });
  return out;
}

/** The tokens of a text, in order; their positions are their indexes (a phrase is consecutive positions). */
export function indexTokens(text: string): string[] {
  const out: string[] = [];
  for (const run of runsOf(normalizeText(text))) {
    if (!run.han) {
      out.push(run.text);
      continue;
    }
    const chars = [...run.text];
    for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
    out.push(chars[chars.length - 1]);
  }
  return out;
}

/** A keyword as the index sees it: consecutive tokens, the last one possibly a prefix. Null when nothing searchable. */
export type Phrase = { tokens: string[]; prefixLast: boolean };

/**
 * The phrase that finds a keyword as a substring. Inside the keyword a run that is followed by
 * another run ends where the text's run ends, so it keeps its final single character; the last
 * run may go on in the text, so it keeps only its pieces, and a last run of one Chinese character
 * becomes a prefix (any piece starting with it).
 */
export function phraseOf(keyword: string): Phrase | null {
  const runs = runsOf(keywordHead(normalizeText(keyword)));
  if (!runs.length) return null;
  const tokens: string[] = [];
  let prefixLast = false;
  runs.forEach((run, i) => {
    const last = i === runs.length - 1;
    if (!run.han) {
      tokens.push(run.text);
      return;
    }
    const chars = [...run.text];
    for (let k = 0; k + 1 < chars.length; k++) tokens.push(chars[k] + chars[k + 1]);
    if (!last) tokens.push(chars[chars.length - 1]);
    else if (chars.length === 1) {
      tokens.push(chars[0]);
      prefixLast = true;
    }
  });
  return { tokens, prefixLast };
}

export const isHan = (ch: string) => HAN.test(ch);
