import { normalizeText, runsOf } from './tokenize.ts';

export type SnippetPart = { text: string; hit: boolean };

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A keyword as the text shows it where the index found it: its runs of letters and digits in order, with what the
 * index does not see between them — punctuation typed inside the keyword stands for any, and between a Chinese run and
 * a run of Latin letters or digits the text may hold spaces or punctuation or nothing (共2页 is found in 共 2 页, as a
 * PDF's text layer often spaces it). Two runs of one kind need a break between them, as in the index.
 */
function patternOf(keyword: string): string | null {
  const runs = runsOf(keyword);
  if (!runs.length) return null;
  return runs.map((r, i) => (i === 0 ? '' : runs[i - 1].han === r.han ? '[^\\p{L}\\p{N}]+' : '[^\\p{L}\\p{N}]*') + escape(r.text)).join('');
}

const finders = new Map<string, RegExp | null>();

/** One expression finding any of the keywords, longer ones first (where two start at one place the longer is marked); kept, as a page's hits share their keywords. */
function finderOf(needles: string[]): RegExp | null {
  const key = needles.join('\u0000');
  let find = finders.get(key);
  if (find === undefined) {
    const patterns = needles.map(patternOf).filter((p): p is string => p !== null);
    find = patterns.length ? new RegExp(patterns.join('|'), 'gu') : null;
    if (finders.size >= 256) finders.delete(finders.keys().next().value!);
    finders.set(key, find);
  }
  if (find) find.lastIndex = 0;
  return find;
}

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
  const find = finderOf(needles);
  // The first match places the window; the matches are then read up to the window's end only.
  const found: { at: number; end: number }[] = [];
  let m = find?.exec(hay) ?? null;
  const first = m ? m.index : -1;
  const start = first < 0 ? 0 : Math.max(0, first - Math.floor(maxChars / 3));
  const end = Math.min(flat.length, start + maxChars);
  for (; m && m.index < end; m = find!.exec(hay)) {
    if (!m[0].length) find!.lastIndex++;
    else found.push({ at: m.index, end: m.index + m[0].length });
  }
  const parts: SnippetPart[] = [];
  if (start > 0) parts.push({ text: '…', hit: false });
  let plain = start;
  let i = start;
  for (const f of found) {
    if (f.at < start) continue;
    if (f.at >= end) break;
    if (plain < f.at) parts.push({ text: flat.slice(plain, f.at), hit: false });
    parts.push({ text: flat.slice(f.at, f.end), hit: true });
    plain = i = f.end;
  }
  i = Math.max(i, end);
  if (plain < Math.min(i, flat.length)) parts.push({ text: flat.slice(plain, Math.min(i, flat.length)), hit: false });
  if (end < flat.length && i < flat.length) parts.push({ text: '…', hit: false });
  return parts;
}
