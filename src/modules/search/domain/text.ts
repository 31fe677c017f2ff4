/** Plain text of the sanitised rich text the catalog stores (block ends become line breaks). */
export const htmlToPlainText = (html: string): string =>
  html
    .replace(/<(br|\/p|\/div|\/tr|\/h\d|\/li)[^>]*>/gi, '\n').replace(/<\/t[dh]>/gi, '\t').replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
    .replace(/[ \t]*\n[\s]*/g, '\n').trim();

export const CHUNK_CHARS = 2000;
/** Longer than the longest keyword, so a keyword across a cut is whole in one chunk. */
export const CHUNK_OVERLAP = 60;
/** PostgreSQL keeps at most 256 positions of one token in a tsvector; a chunk never needs more. */
export const MAX_POSITIONS_PER_TOKEN = 256;

const maxRepeat = (tokens: string[]) => {
  const n = new Map<string, number>();
  let max = 0;
  for (const t of tokens) {
    const c = (n.get(t) ?? 0) + 1;
    n.set(t, c);
    if (c > max) max = c;
  }
  return max;
};

/**
 * Long texts are indexed in overlapping chunks: PostgreSQL keeps word positions only up to 16,383
 * and at most 256 positions per token, and phrase matching needs every position, so a chunk is cut
 * short enough (and halved while a token repeats too often) that both engines see the same positions.
 */
export function chunksOf(text: string, tokenize: (s: string) => string[], maxChars = CHUNK_CHARS): string[] {
  if (!text) return [];
  if (text.length <= maxChars) {
    if (text.length > CHUNK_OVERLAP * 2 && maxRepeat(tokenize(text)) > MAX_POSITIONS_PER_TOKEN) return chunksOf(text, tokenize, Math.ceil(text.length / 2) + CHUNK_OVERLAP);
    return [text];
  }
  const out: string[] = [];
  for (let start = 0; ; start += maxChars - CHUNK_OVERLAP) {
    out.push(...chunksOf(text.slice(start, start + maxChars), tokenize, maxChars));
    if (start + maxChars >= text.length) break;
  }
  return out;
}
