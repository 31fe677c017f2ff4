/**
 * A query longer than the search takes — a whole title or a sentence pasted into the box — is searched by its first
 * MAX_QUERY_CHARS characters, and the reader is told (docs/search.md, "Limits"). Characters are code points (𠀀 is one,
 * as 危 is), and a cut never falls inside one a reader sees as one: a surrogate pair, an emoji joined of several, a
 * letter with its accent (grapheme clusters). Near the limit a space or punctuation is preferred, so no word is cut in half.
 */
export const MAX_QUERY_CHARS = 100;

/** How far before the limit a space or punctuation is looked for: a break further back would leave out too much. */
export const CUT_BREAK_WINDOW = 20;

export type QueryCut = { text: string; cut: { typedChars: number; searchedChars: number } | null };

const graphemes = new Intl.Segmenter('zh', { granularity: 'grapheme' });
const codePoints = (s: string) => [...s].length;
const isBreak = (g: string) => /^[\s\p{P}]/u.test(g);

/** The query as searched: unchanged within the limit; else its start, cut as above, with how many characters were typed and kept. */
export function cutQuery(q: string, max = MAX_QUERY_CHARS): QueryCut {
  const typedChars = codePoints(q);
  if (typedChars <= max) return { text: q, cut: null };
  const parts = [...graphemes.segment(q)].map((s) => s.segment);
  const head: string[] = [];
  let used = 0;
  for (const g of parts) {
    const n = codePoints(g);
    if (used + n > max) break;
    head.push(g);
    used += n;
  }
  // A break right after the head ends a word there; otherwise the last break within the window before the limit.
  let end = head.length;
  if (!isBreak(parts[head.length] ?? ' ')) {
    let seen = 0;
    for (let i = head.length - 1; i > 0 && seen < CUT_BREAK_WINDOW; i--) {
      seen += codePoints(head[i]);
      if (isBreak(head[i])) {
        end = i;
        break;
      }
    }
  }
  const text = head.slice(0, end).join('').trimEnd();
  return { text, cut: { typedChars, searchedChars: codePoints(text) } };
}
