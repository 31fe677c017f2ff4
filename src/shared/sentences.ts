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
