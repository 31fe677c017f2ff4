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
    const patterns = needles.map(patternOf);
    // Each needle its own group, in order, so a match tells which it is (placing the window, `windowStart`); a needle
    // without letters or digits is a group that never matches.
    find = patterns.some((p) => p !== null) ? new RegExp(patterns.map((p) => `(${p ?? '(?!)'})`).join('|'), 'gu') : null;
    if (finders.size >= 256) finders.delete(finders.keys().next().value!);
    finders.set(key, find);
  }
  if (find) find.lastIndex = 0;
  return find;
}

/** How many matches are read to place the window of several keywords: a long attachment is not read to its end. */
const MATCHES_READ = 200;

/**
 * Where the window starts, a third of it before the match that places it: for one keyword its first match; for
 * several, the first match from which the window holds the most different keywords (公租房 申请条件: where 申请条件
 * is written beside 公共租赁住房, not the first 公共租赁住房 of the text, an outside tester), among the first
 * MATCHES_READ matches. -1 when nothing matches.
 */
function windowStart(hay: string, find: RegExp, keywordOf: number[], maxChars: number): number {
  const keywords = new Set(keywordOf).size;
  const first = find.exec(hay);
  if (!first || keywords < 2) return first ? first.index : -1;
  const matches: { at: number; which: number }[] = [];
  for (let m: RegExpExecArray | null = first; m && matches.length < MATCHES_READ; m = find.exec(hay)) {
    if (!m[0].length) { find.lastIndex++; continue; }
    matches.push({ at: m.index, which: keywordOf[m.slice(1).findIndex((g) => g !== undefined)] });
  }
  const reach = maxChars - Math.floor(maxChars / 3);
  let best = matches[0].at;
  let most = 0;
  for (let i = 0; i < matches.length && most < keywords; i++) {
    const seen = new Set<number>();
    for (let j = i; j < matches.length && matches[j].at < matches[i].at + reach; j++) seen.add(matches[j].which);
    if (seen.size > most) { most = seen.size; best = matches[i].at; }
  }
  find.lastIndex = 0;
  return best;
}

/**
 * A short piece of text around the keywords (`windowStart`), with every keyword occurrence marked. `words` are the
 * keywords, each a word or its alternatives (a synonym is the same keyword: 公租房 and 公共租赁住房).
 * NFKC keeps most characters one-to-one; where it does not, matching falls back to the raw text.
 */
export function snippetOf(text: string, words: (string | string[])[], maxChars = 120): SnippetPart[] {
  const flat = text.replace(/\s+/g, ' ').trim();
  const norm = normalizeText(flat);
  const sameLength = norm.length === flat.length;
  const hay = sameLength ? norm : flat;
  const keywordOfNeedle = new Map<string, number>();
  words.forEach((w, k) => (Array.isArray(w) ? w : [w]).forEach((x) => {
    const needle = sameLength ? normalizeText(x) : x;
    if (needle && !keywordOfNeedle.has(needle)) keywordOfNeedle.set(needle, k);
  }));
  const needles = [...keywordOfNeedle.keys()].sort((a, b) => b.length - a.length);
  const find = finderOf(needles);
  // A match places the window; the matches are then read up to the window's end only.
  const found: { at: number; end: number }[] = [];
  const first = find ? windowStart(hay, find, needles.map((n) => keywordOfNeedle.get(n)!), maxChars) : -1;
  if (find) find.lastIndex = 0;
  let m = find?.exec(hay) ?? null;
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
