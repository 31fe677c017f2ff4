/** Marks that end a sentence or clause by themselves: a part ending with one needs no separator after it. */
const ENDS = /[。！？；：…!?;:.]$/;

/**
 * Parts said one after another (a comment, a note, a justification) as one line: `；` between them,
 * except after a part that already ends with its own mark, so a line never reads 「同意。；…」. Blank
 * parts are left out.
 */
export function joinSentences(parts: readonly (string | null | undefined)[]): string {
  let out = '';
  for (const raw of parts) {
    const part = raw?.trim();
    if (!part) continue;
    out = out === '' ? part : ENDS.test(out) ? `${out}${part}` : `${out}；${part}`;
  }
  return out;
}

/** Marks that end a whole sentence: 。！？… (and their half-width forms). */
const SENTENCE_ENDS = /[。！？…!?]$/;

/** A sentence as said: 。 after it, unless it already ends with its own mark (never 「…发布。。」). */
export function endSentence(text: string): string {
  const t = text.trim();
  return t === '' || SENTENCE_ENDS.test(t) ? t : `${t}。`;
}

/** A note said inside our brackets before our own 。: its final 。 (or .) dropped, so it never reads 「…发布。）。」. */
export function withoutFinalStop(text: string): string {
  return text.trim().replace(/[。.]+$/, '');
}

/**
 * A title quoted in 书名号: 《title》, once. A title that is already one whole 《…》 is kept; one that holds 《》 of its own
 * (《X》政策解读, 关于印发《Y》的通知) gets its inner pair as 〈〉, as GB/T 15834-2011 (4.15) writes a title within a title:
 * 《〈X〉政策解读》, never 《《X》政策解读》.
 */
export function bookTitle(title: string): string {
  const t = title.trim();
  if (/^《[^《》]*》$/.test(t)) return t;
  return `《${t.replace(/《/g, '〈').replace(/》/g, '〉')}》`;
}
