import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Lexicon } from '../domain/typo-suggestion.ts';

/**
 * The words a typed-wrong keyword may be corrected to, and the characters that sound alike
 * (docs/adr/0029-homophone-typos-with-pinyin-pro.md). The vocabulary is jieba's shipped dictionary, the one
 * the segmenter cuts with: kept as its file's bytes (about 5 MB, outside the JS heap) with, per line, where its
 * word starts and ends and its frequency (typed arrays, about 4 MB); a word is found by binary search (the
 * file is sorted by byte: checked at load, and put in order here if a later release is not), and its words in
 * the order of their last two characters (a Float64Array, 2.7 MB, about 0.1–0.25 s to sort), so the words one
 * character off a text are found from either end (oneCharOff; ADR 0033). No word is kept
 * as a JS string and no word's pinyin is worked out: the homophone table is per character — the dictionary's
 * one-character words (about 11,600), read by pinyin-pro with every reading (重 zhong/chong), tone ignored,
 * each syllable's characters the commonest first. Made on first use (about a second on a loaded machine), which
 * is a search that found nothing, and kept for the life of the process.
 */
let made: Promise<Lexicon> | null = null;

export function jiebaLexicon(): Promise<Lexicon> {
  made ??= load();
  return made;
}

async function load(): Promise<Lexicon> {
  // pinyin-pro is imported here, not at the top: its tables take about 0.25 s to load, which a server that
  // never meets a search without results need not pay at start.
  const { polyphonic } = await import('pinyin-pro');
  const require = createRequire(import.meta.url);
  const bytes = fs.readFileSync(require.resolve('@node-rs/jieba/dict.txt'));
  const { starts, ends, frequencies } = linesOf(bytes);
  /** Two lines' words, byte by byte. */
  const compareAt = (a: number, b: number) => {
    const la = ends[a] - starts[a];
    const lb = ends[b] - starts[b];
    for (let k = 0; k < la && k < lb; k++) if (bytes[starts[a] + k] !== bytes[starts[b] + k]) return bytes[starts[a] + k] - bytes[starts[b] + k];
    return la - lb;
  };
  let order: Uint32Array | null = null;
  for (let i = 1; i < starts.length && !order; i++) {
    if (compareAt(i - 1, i) > 0) order = Uint32Array.from(starts.keys()).sort(compareAt);
  }
  const line = (i: number) => (order ? order[i] : i);
  /** A line's word against `key`, byte by byte: < 0, 0 or > 0. */
  const compareWord = (i: number, key: Buffer) => {
    const from = starts[i];
    const length = ends[i] - from;
    for (let k = 0; k < length && k < key.length; k++) if (bytes[from + k] !== key[k]) return bytes[from + k] - key[k];
    return length - key.length;
  };
  /** The first line (in word order) whose word is not before `key`. */
  const lowerBound = (key: Buffer) => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareWord(line(mid), key) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const frequency = (word: string): number | undefined => {
    const key = Buffer.from(word, 'utf8');
    const at = lowerBound(key);
    return at < starts.length && compareWord(line(at), key) === 0 ? frequencies[line(at)] : undefined;
  };
  const hasPrefix = (prefix: string): boolean => {
    const key = Buffer.from(prefix, 'utf8');
    const at = lowerBound(key);
    if (at >= starts.length) return false;
    const i = line(at);
    return ends[i] - starts[i] >= key.length && bytes.subarray(starts[i], starts[i] + key.length).equals(key);
  };

  // How common each character is: the frequencies of the dictionary's words that hold it, added up (积 is rare
  // alone but common in 积极, 面积, 公积金), keyed by its three UTF-8 bytes (the Han characters of the basic plane).
  const inWords = new Map<number, number>();
  let total = 0;
  for (let i = 0; i < starts.length; i++) {
    total += frequencies[i];
    for (let at = starts[i]; at + 2 < ends[i];) {
      const lead = bytes[at];
      if (lead >= 0xe0 && lead < 0xf0) {
        const key = (lead << 16) | (bytes[at + 1] << 8) | bytes[at + 2];
        inWords.set(key, (inWords.get(key) ?? 0) + frequencies[i]);
        at += 3;
      } else at += lead < 0x80 ? 1 : lead < 0xe0 ? 2 : 4;
    }
  }
  // The characters a reader types: the dictionary's one-character words (of the basic plane), the commonest first.
  const chars: { ch: string; freq: number }[] = [];
  for (let i = 0; i < starts.length; i++) {
    const at = starts[i];
    if (ends[i] - at !== 3 || bytes[at] < 0xe0 || bytes[at] >= 0xf0) continue;
    const ch = bytes.toString('utf8', at, at + 3);
    if (/^\p{Script=Han}$/u.test(ch)) chars.push({ ch, freq: inWords.get((bytes[at] << 16) | (bytes[at + 1] << 8) | bytes[at + 2]) ?? 0 });
  }
  chars.sort((a, b) => b.freq - a.freq);
  const charFrequency = new Map(chars.map((c) => [c.ch, c.freq]));
  const readings = polyphonic(chars.map((c) => c.ch).join(''), { toneType: 'none', type: 'array' });
  const bySound = new Map<string, string[]>();
  chars.forEach((c, i) => {
    for (const sound of new Set(readings[i] ?? [])) {
      if (!/^[a-zü]+$/.test(sound)) continue;
      const list = bySound.get(sound);
      if (list) list.push(c.ch);
      else bySound.set(sound, [c.ch]);
    }
  });
  const homophones = (ch: string): string[] => {
    const sounds = new Set((polyphonic(ch, { toneType: 'none', type: 'array' })[0] ?? []).filter((s) => /^[a-zü]+$/.test(s)));
    const out = new Set<string>();
    for (const s of sounds) for (const other of bySound.get(s) ?? []) if (other !== ch) out.add(other);
    // A character of several readings: its homophones of every reading, the most common first.
    return [...out].sort((a, b) => charFrequency.get(b)! - charFrequency.get(a)!);
  };

  // The words by their last two characters (code points of the basic plane; a word of one character, or holding
  // others, is left out): each entry is (last × 2^16 + the one before) × 2^19 + its line, so one numeric sort of a
  // Float64Array (2.8 MB) puts them in order and a word that ends as a text does is found by binary search, for a
  // wrong character at the start of a word (祖赁 for 租赁). 2^19 lines at most: a larger dictionary keeps the
  // look-up from the start only.
  const LINES = 2 ** 19;
  const PAIR = 2 ** 16;
  const byEnd = new Float64Array(starts.length <= LINES ? starts.length : 0);
  let ending = 0;
  for (let i = 0; i < byEnd.length; i++) {
    const last = charStart(bytes, ends[i], starts[i]);
    const before = last > starts[i] ? charStart(bytes, last, starts[i]) : -1;
    if (before >= starts[i]) byEnd[ending++] = (codePointAt(bytes, last) * PAIR + codePointAt(bytes, before)) * LINES + i;
  }
  const endings = byEnd.subarray(0, ending).sort();
  /** The first entry of `endings` not below `value`. */
  const firstAtLeast = (value: number) => {
    let lo = 0;
    let hi = endings.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (endings[mid] < value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const AFTER_ANY = Buffer.from([0xff]);
  const oneCharOff = (word: string, at: number, most: number): { words: [string, number][]; read: number } => {
    const chars = [...word];
    const none = { words: [] as [string, number][], read: 0 };
    if (at < 0 || at >= chars.length || chars.length < 2) return none;
    const key = Buffer.from(word, 'utf8');
    const from = Buffer.byteLength(chars.slice(0, at).join(''), 'utf8');
    const width = Buffer.byteLength(chars[at], 'utf8');
    // The words that start as the text does up to `at` (a range of the sorted lines) …
    let prefix: { lo: number; hi: number } | null = null;
    if (at > 0) {
      const head = key.subarray(0, from);
      prefix = { lo: lowerBound(head), hi: lowerBound(Buffer.concat([head, AFTER_ANY])) };
    }
    // … or those that end as it does after `at` (its last character, and the one before when that is not `at`).
    let suffix: { lo: number; hi: number } | null = null;
    const lastCode = chars[chars.length - 1].codePointAt(0)!;
    const beforeCode = chars.length - 2 > at ? chars[chars.length - 2].codePointAt(0)! : null;
    if (at < chars.length - 1 && endings.length && lastCode < PAIR && (beforeCode === null || beforeCode < PAIR)) {
      const low = beforeCode === null ? lastCode * PAIR * LINES : (lastCode * PAIR + beforeCode) * LINES;
      const high = beforeCode === null ? (lastCode + 1) * PAIR * LINES : (lastCode * PAIR + beforeCode + 1) * LINES;
      suffix = { lo: firstAtLeast(low), hi: firstAtLeast(high) };
    }
    const useSuffix = suffix !== null && (prefix === null || suffix.hi - suffix.lo < prefix.hi - prefix.lo);
    const range = useSuffix ? suffix! : prefix;
    if (!range || range.hi - range.lo > most) return none;
    const words: [string, number][] = [];
    for (let k = range.lo; k < range.hi; k++) {
      const i = useSuffix ? endings[k] % LINES : line(k);
      const s = starts[i];
      if (ends[i] - s !== key.length) continue;
      let same = true;
      for (let b = 0; b < key.length && same; b++) if ((b < from || b >= from + width) && bytes[s + b] !== key[b]) same = false;
      if (!same || bytes.subarray(s + from, s + from + width).equals(key.subarray(from, from + width))) continue;
      words.push([bytes.toString('utf8', s, ends[i]), frequencies[i]]);
    }
    return { words, read: range.hi - range.lo };
  };
  return { frequency, hasPrefix, homophones, oneCharOff, total };
}

/**
 * Where the character that ends at byte `end` starts (not before `start`; -1 when `end` is `start`). Numbers only, no
 * object and no closure per call: the first version returned { code, at } and decoded through a closure over `at`,
 * which V8 did not optimize — 1.5–3.4 s of the lexicon's first load for its 700,000 calls (docs/performance.md).
 */
function charStart(bytes: Buffer, end: number, start: number): number {
  let at = end - 1;
  while (at > start && (bytes[at] & 0xc0) === 0x80) at--;
  return at < start ? -1 : at;
}

/** The code point of the UTF-8 character that starts at byte `at`. */
function codePointAt(bytes: Buffer, at: number): number {
  const lead = bytes[at];
  return lead < 0x80 ? lead
    : lead < 0xe0 ? ((lead & 0x1f) << 6) | (bytes[at + 1] & 0x3f)
    : lead < 0xf0 ? ((lead & 0x0f) << 12) | ((bytes[at + 1] & 0x3f) << 6) | (bytes[at + 2] & 0x3f)
    : ((lead & 0x07) << 18) | ((bytes[at + 1] & 0x3f) << 12) | ((bytes[at + 2] & 0x3f) << 6) | (bytes[at + 3] & 0x3f);
}

/** Each line of the dictionary file (`word frequency tag`): where it starts, where its word ends, its frequency. */
function linesOf(bytes: Buffer) {
  let count = 0;
  for (let at = 0; at < bytes.length; at++) if (bytes[at] === 0x0a) count++;
  const starts = new Uint32Array(count + 1);
  const ends = new Uint32Array(count + 1);
  const frequencies = new Uint32Array(count + 1);
  let n = 0;
  for (let at = 0; at < bytes.length;) {
    let space = at;
    while (space < bytes.length && bytes[space] !== 0x20 && bytes[space] !== 0x0a) space++;
    let f = 0;
    let end = space;
    if (bytes[space] === 0x20) for (end = space + 1; bytes[end] >= 0x30 && bytes[end] <= 0x39; end++) f = f * 10 + bytes[end] - 0x30;
    if (space > at && bytes[space] === 0x20) {
      starts[n] = at;
      ends[n] = space;
      frequencies[n] = f;
      n++;
    }
    while (end < bytes.length && bytes[end] !== 0x0a) end++;
    at = end + 1;
  }
  return { starts: starts.subarray(0, n), ends: ends.subarray(0, n), frequencies: frequencies.subarray(0, n) };
}
