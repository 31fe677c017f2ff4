import { normalizeText } from './tokenize.ts';

export type SnippetPart = { text: string; hit: boolean };

/**
 * A short piece of text around the first keyword found, with every keyword occurrence marked.
 * NFKC keeps most characters one-to-one; where it does not, matching falls back to the raw text.
 */
export function snippetOf(text: string, words: string[], maxChars = 120): SnippetPart[] {
  const flat = text.replace(/\s+/g, ' ').trim();
  const norm = normalizeText(flat);
  const sameLength = norm.length === flat.length;
  const hay = sameLength ? norm : flat;
  const needles = [...new Set(words.map((w) => (sameLength ? normalizeText(w) : w)).filter(Boolean))].sort((a, b) => b.length - a.length);
  let first = -1;
  for (const n of needles) {
    const i = hay.indexOf(n);
    if (i >= 0 && (first < 0 || i < first)) first = i;
  }
  const start = first < 0 ? 0 : Math.max(0, first - Math.floor(maxChars / 3));
  const end = Math.min(flat.length, start + maxChars);
  const parts: SnippetPart[] = [];
  if (start > 0) parts.push({ text: '…', hit: false });
  let i = start;
  let plain = start;
  while (i < end) {
    const n = needles.find((w) => hay.startsWith(w, i));
    if (n) {
      if (plain < i) parts.push({ text: flat.slice(plain, i), hit: false });
      parts.push({ text: flat.slice(i, i + n.length), hit: true });
      i += n.length;
      plain = i;
    } else i++;
  }
  if (plain < Math.min(i, flat.length)) parts.push({ text: flat.slice(plain, Math.min(i, flat.length)), hit: false });
  if (end < flat.length) parts.push({ text: '…', hit: false });
  return parts;
}
