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
 * What stands between the 书名号 when a title is quoted: the title itself, or, when it is already one whole 《…》, what
 * that holds; a 《》 of its own (《X》政策解读, 关于印发《Y》的通知) becomes 〈〉, as GB/T 15834-2011 (4.15) writes a title within a
 * title. For a quote whose title is a link (《<a>…</a>》); otherwise bookTitle.
 */
export function titleInQuotes(title: string): string {
  const t = title.trim();
  if (/^《[^《》]*》$/.test(t)) return t.slice(1, -1);
  return t.replace(/《/g, '〈').replace(/》/g, '〉');
}

/** A title quoted in 书名号: 《title》, once — 《〈X〉政策解读》, never 《《X》政策解读》 (titleInQuotes). */
export function bookTitle(title: string): string {
  return `《${titleInQuotes(title)}》`;
}
