import fs from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Lexicon } from '../domain/typo-suggestion.ts';

/**
 * The words a typed-wrong keyword may be corrected to, and the characters that sound alike
 * (docs/adr/0029-homophone-typos-with-pinyin-pro.md). The vocabulary is jieba's shipped dictionary, the one
 * the segmenter cuts with: kept as its file's bytes (about 5 MB, outside the JS heap) with, per line, where its
 * word starts and ends and its frequency (typed arrays, about 4 MB); a word is found by binary search (the
 * file is sorted by byte: checked, and put in order here if a later release is not), and its words in
 * the order of their last two characters (a Float64Array, 2.7 MB), so the words one character off a text are
 * found from either end (oneCharOff; ADR 0033). No word is kept as a JS string and no word's pinyin is worked
 * out: the homophone table is per character — the dictionary's one-character words (about 11,600), read by
 * pinyin-pro with every reading (重 zhong/chong), tone ignored, each syllable's characters the commonest first.
 *
 * Made on first use, which is a search that found nothing, and kept for the life of the process. Worked out from
 * the dictionary and pinyin-pro it takes about 0.6 s of CPU (1.8–8 s of waiting on a loaded 2-core machine; loading
 * pinyin-pro's tables alone 0.26–0.45 s), so `npm run build` writes it beside the compiled module in a compact
 * form (LEXICON_FILE, writeLexiconFile: the arrays as they are, the homophone table, and each reading of every
 * character pinyin-pro knows), which the compiled server reads with about 50 ms of CPU, without loading pinyin-pro
 * (ADR 0035, docs/performance.md). A file of other package versions, another dictionary or another format is not
 * used: the lexicon is then worked out as without it.
 */
const require = createRequire(import.meta.url);

/**
 * Where `npm run build` writes the lexicon's compact form (scripts/build.mjs): beside this module, so the compiled
 * server (dist/) has one and the sources run through tsx (tests, benchmarks, `gongkai` from a changed tree) work it out.
 */
export const LEXICON_FILE = fileURLToPath(new URL('./jieba-lexicon.bin', import.meta.url));

let made: Promise<Lexicon> | null = null;

/** The lexicon, made once per process; the searches that ask while it is being made wait for the same one. */
export function jiebaLexicon(): Promise<Lexicon> {
  made ??= Promise.resolve().then(() => readLexiconFile(LEXICON_FILE) ?? computeLexicon());
  return made;
}

/** The lexicon worked out from jieba's dictionary and pinyin-pro, as without a file (about 0.6 s of CPU: see above). */
export function computeLexicon(): Lexicon {
  return lexiconOf(computeParts());
}

/** What the lexicon is made of: the dictionary's bytes, typed arrays, and the homophone table. */
type Parts = {
  bytes: Buffer;
  /** Per line of the dictionary: where its word starts and ends, its frequency. */
  starts: Uint32Array;
  ends: Uint32Array;
  frequencies: Uint32Array;
  /** The lines in word order, when the file's are not (null: they are). */
  order: Uint32Array | null;
  /** The words by their last two characters (endingsOf). */
  endings: Float64Array;
  /** The dictionary's frequencies added up. */
  total: number;
  /** The dictionary's one-character words, the commonest first, and how common each is (the words holding it, added up). */
  chars: string[];
  charFrequencies: Float64Array;
  /** Each syllable's characters (of `chars`), the commonest first. */
  bySound: Map<string, string[]>;
  /** A character's readings (readingsOf). */
  readingsOf: (ch: string) => readonly string[];
};

const dictionaryBytes = () => fs.readFileSync(require.resolve('@node-rs/jieba/dict.txt'));

let pinyin: typeof import('pinyin-pro') | null = null;
/**
 * pinyin-pro, loaded on first need, not at the top: its tables take 0.3–0.45 s to load, which a server that never meets
 * a search without results need not pay at start — nor one that reads the lexicon's file, unless asked for a character
 * the file does not list.
 */
const pinyinPro = () => (pinyin ??= require('pinyin-pro') as typeof import('pinyin-pro'));
const SOUND = /^[a-zü]+$/;
/** Each character's readings as pinyin-pro gives them (every reading, tone ignored): those of letters only, each once, in its order. */
const readingsIn = (text: string): string[][] =>
  pinyinPro().polyphonic(text, { toneType: 'none', type: 'array' }).map((r) => [...new Set((r ?? []).filter((s) => SOUND.test(s)))]);
/** One character's readings, asked of pinyin-pro. */
const readingsOf = (ch: string): readonly string[] => readingsIn(ch)[0] ?? [];

function computeParts(): Parts {
  const bytes = dictionaryBytes();
  const { starts, ends, frequencies } = linesOf(bytes);
  const order = wordOrder(bytes, starts, ends);
  // How common each character is: the frequencies of the dictionary's words that hold it, added up (积 is rare
  // alone but common in 积极, 面积, 公积金), by code point (the Han characters of the basic plane: three UTF-8 bytes).
  const inWords = new Float64Array(0x10000);
  let total = 0;
  for (let i = 0; i < starts.length; i++) {
    total += frequencies[i];
    for (let at = starts[i]; at + 2 < ends[i];) {
      const lead = bytes[at];
      if (lead >= 0xe0 && lead < 0xf0) {
        inWords[codePointAt(bytes, at)] += frequencies[i];
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
    if (/^\p{Script=Han}$/u.test(ch)) chars.push({ ch, freq: inWords[codePointAt(bytes, at)] });
  }
  chars.sort((a, b) => b.freq - a.freq);
  const readings = readingsIn(chars.map((c) => c.ch).join(''));
  const bySound = new Map<string, string[]>();
  chars.forEach((c, i) => {
    for (const sound of readings[i] ?? []) {
      const list = bySound.get(sound);
      if (list) list.push(c.ch);
      else bySound.set(sound, [c.ch]);
    }
  });
  return {
    bytes, starts, ends, frequencies, order, endings: endingsOf(bytes, starts, ends), total,
    chars: chars.map((c) => c.ch), charFrequencies: Float64Array.from(chars, (c) => c.freq), bySound, readingsOf,
  };
}

/** Two lines' words, byte by byte. */
function compareLines(bytes: Buffer, starts: Uint32Array, ends: Uint32Array, a: number, b: number): number {
  const la = ends[a] - starts[a];
  const lb = ends[b] - starts[b];
  for (let k = 0; k < la && k < lb; k++) if (bytes[starts[a] + k] !== bytes[starts[b] + k]) return bytes[starts[a] + k] - bytes[starts[b] + k];
  return la - lb;
}

/** The lines in word order (byte by byte), or null when the file has them so (jieba's does). */
function wordOrder(bytes: Buffer, starts: Uint32Array, ends: Uint32Array): Uint32Array | null {
  for (let i = 1; i < starts.length; i++) {
    if (compareLines(bytes, starts, ends, i - 1, i) > 0) return Uint32Array.from(starts.keys()).sort((a, b) => compareLines(bytes, starts, ends, a, b));
  }
  return null;
}

/**
 * The words by their last two characters (code points of the basic plane; a word of one character, or holding
 * others, is left out): each entry is (last × 2^16 + the one before) × 2^19 + its line, so one numeric sort of a
 * Float64Array (2.8 MB) puts them in order and a word that ends as a text does is found by binary search, for a
 * wrong character at the start of a word (祖赁 for 租赁). 2^19 lines at most: a larger dictionary keeps the
 * look-up from the start only.
 */
const LINES = 2 ** 19;
const PAIR = 2 ** 16;

function endingsOf(bytes: Buffer, starts: Uint32Array, ends: Uint32Array): Float64Array {
  const byEnd = new Float64Array(starts.length <= LINES ? starts.length : 0);
  let ending = 0;
  for (let i = 0; i < byEnd.length; i++) {
    const last = charStart(bytes, ends[i], starts[i]);
    const before = last > starts[i] ? charStart(bytes, last, starts[i]) : -1;
    if (before >= starts[i]) byEnd[ending++] = (codePointAt(bytes, last) * PAIR + codePointAt(bytes, before)) * LINES + i;
  }
  return byEnd.subarray(0, ending).sort();
}

/** The look-ups the typo suggestions make (domain/typo-suggestion.ts, Lexicon), over the parts however they were made. */
function lexiconOf(p: Parts): Lexicon {
  const { bytes, starts, ends, frequencies, order, endings, total, bySound } = p;
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

  const charFrequency = new Map(p.chars.map((ch, i) => [ch, p.charFrequencies[i]]));
  const homophones = (ch: string): string[] => {
    const out = new Set<string>();
    for (const s of p.readingsOf(ch)) for (const other of bySound.get(s) ?? []) if (other !== ch) out.add(other);
    // A character of several readings: its homophones of every reading, the most common first.
    return [...out].sort((a, b) => charFrequency.get(b)! - charFrequency.get(a)!);
  };

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
 * The compact form (LEXICON_FILE). A little-endian u32, the header's length; the header (JSON: what it was made of, the
 * homophone table, the sections' lengths); then the sections, each at a multiple of 8 bytes, read in place as typed
 * arrays. A character's readings: every character pinyin-pro knows and printable ASCII, by code point (readingCodes,
 * sorted) and reading set (readingSetIds into readingSets); a character not listed is asked of pinyin-pro, loaded then.
 */
const FORMAT = 1;
type Header = {
  format: number;
  /** The versions and the dictionary it was made from: another is not read. */
  jieba: string;
  pinyinPro: string;
  dictBytes: number;
  total: number;
  chars: string;
  bySound: [sound: string, chars: string][];
  readingSets: string[];
  sections: { [K in SectionName]: number };
};
const SECTIONS = {
  starts: Uint32Array, ends: Uint32Array, frequencies: Uint32Array, order: Uint32Array, endings: Float64Array,
  charFrequencies: Float64Array, readingCodes: Uint32Array, readingSetIds: Uint16Array,
};
type SectionName = keyof typeof SECTIONS;
const padded = (n: number) => Math.ceil(n / 8) * 8;
const versionOf = (pkg: string) => (JSON.parse(fs.readFileSync(require.resolve(`${pkg}/package.json`), 'utf8')) as { version: string }).version;

/**
 * Writes the compact form to `file` (scripts/build.mjs, at `npm run build`; about 0.9 s of CPU): worked out as computeLexicon
 * does, with the readings of every character pinyin-pro knows. Written beside and renamed into place.
 */
export async function writeLexiconFile(file: string): Promise<{ bytes: number; characters: number }> {
  const p = computeParts();
  const listed = new Set<number>();
  for (let c = 0x20; c < 0x7f; c++) listed.add(c);
  for (const ch of await pinyinProCharacters()) listed.add(ch.codePointAt(0)!);
  const codes = Uint32Array.from(listed).sort();
  const setIds = new Uint16Array(codes.length);
  const sets = new Map<string, number>();
  codes.forEach((code, i) => {
    const key = readingsOf(String.fromCodePoint(code)).join(' ');
    if (!sets.has(key)) sets.set(key, sets.size);
    setIds[i] = sets.get(key)!;
  });
  if (sets.size > 0xffff) throw new Error(`too many reading sets for a u16: ${sets.size}`);
  const sections: Record<SectionName, Uint32Array | Float64Array | Uint16Array> = {
    starts: p.starts, ends: p.ends, frequencies: p.frequencies, order: p.order ?? new Uint32Array(0), endings: p.endings,
    charFrequencies: p.charFrequencies, readingCodes: codes, readingSetIds: setIds,
  };
  const header: Header = {
    format: FORMAT, jieba: versionOf('@node-rs/jieba'), pinyinPro: versionOf('pinyin-pro'), dictBytes: p.bytes.length, total: p.total,
    chars: p.chars.join(''), bySound: [...p.bySound].map(([s, chars]) => [s, chars.join('')]), readingSets: [...sets.keys()],
    sections: Object.fromEntries(Object.entries(sections).map(([name, a]) => [name, a.length])) as Header['sections'],
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  // In SECTIONS' order, as partsOf reads them.
  const arrays = (Object.keys(SECTIONS) as SectionName[]).map((name) => sections[name]);
  let size = padded(4 + json.length);
  for (const a of arrays) size += padded(a.byteLength);
  const out = Buffer.alloc(size);
  out.writeUInt32LE(json.length, 0);
  json.copy(out, 4);
  let at = padded(4 + json.length);
  for (const a of arrays) {
    Buffer.from(a.buffer, a.byteOffset, a.byteLength).copy(out, at);
    at += padded(a.byteLength);
  }
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, out);
  fs.renameSync(tmp, file);
  return { bytes: out.length, characters: codes.length };
}

/**
 * The characters pinyin-pro has a reading for: the keys of its character table (its single-character dictionary, read
 * from its ES module's data). Should a later release keep it elsewhere, none: each character is then asked of
 * pinyin-pro when a search needs it — the same readings, only pinyin-pro loaded on first need.
 */
async function pinyinProCharacters(): Promise<string[]> {
  const data = 'pinyin-pro/dist/esm/data/dict1.mjs';
  try {
    const dict = (await import(data)).default as { NumberDICT?: unknown; StringDICT?: unknown };
    const single = Array.isArray(dict.NumberDICT) ? Object.keys(dict.NumberDICT).map((k) => String.fromCharCode(Number(k))) : [];
    const paired = dict.StringDICT instanceof Map ? [...dict.StringDICT.keys()].filter((k): k is string => typeof k === 'string' && [...k].length === 1) : [];
    return [...single, ...paired];
  } catch {
    return [];
  }
}

/** The lexicon from the compact form in `file`; null when there is none, or it was made of other versions or is damaged. */
export function readLexiconFile(file: string): Lexicon | null {
  let stored: Buffer;
  try {
    stored = fs.readFileSync(file);
  } catch {
    return null;
  }
  try {
    const parts = partsOf(stored);
    return parts && lexiconOf(parts);
  } catch {
    return null;
  }
}

function partsOf(stored: Buffer): Parts | null {
  // The typed arrays are views on the file's bytes: those must start at a multiple of 8.
  const data = stored.byteOffset % 8 ? Buffer.from(new Uint8Array(stored).buffer) : stored;
  const length = data.readUInt32LE(0);
  const header = JSON.parse(data.toString('utf8', 4, 4 + length)) as Header;
  if (header.format !== FORMAT || header.jieba !== versionOf('@node-rs/jieba') || header.pinyinPro !== versionOf('pinyin-pro')) return null;
  const bytes = dictionaryBytes();
  if (bytes.length !== header.dictBytes) return null;
  // The sections in SECTIONS' order, as writeLexiconFile wrote them.
  let at = data.byteOffset + padded(4 + length);
  const section = <K extends SectionName>(name: K): InstanceType<(typeof SECTIONS)[K]> => {
    const Kind = SECTIONS[name];
    const n = header.sections[name];
    if (at - data.byteOffset + n * Kind.BYTES_PER_ELEMENT > data.length) throw new Error(`lexicon file cut short at ${name}`);
    const a = new Kind(data.buffer as ArrayBuffer, at, n) as InstanceType<(typeof SECTIONS)[K]>;
    at += padded(n * Kind.BYTES_PER_ELEMENT);
    return a;
  };
  const starts = section('starts');
  const ends = section('ends');
  const frequencies = section('frequencies');
  const order = section('order');
  const endings = section('endings');
  const charFrequencies = section('charFrequencies');
  const codes = section('readingCodes');
  const setIds = section('readingSetIds');
  const sets = header.readingSets.map((s) => (s ? s.split(' ') : []));
  const chars = [...header.chars];
  if (starts.length !== ends.length || starts.length !== frequencies.length || chars.length !== charFrequencies.length || codes.length !== setIds.length) return null;
  return {
    bytes, starts, ends, frequencies, order: order.length ? order : null, endings, total: header.total,
    chars, charFrequencies, bySound: new Map(header.bySound.map(([s, list]) => [s, [...list]])),
    readingsOf: (ch) => {
      const code = ch.codePointAt(0);
      if (code !== undefined && ch.length === (code > 0xffff ? 2 : 1)) {
        let lo = 0;
        let hi = codes.length;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (codes[mid] < code) lo = mid + 1;
          else hi = mid;
        }
        if (codes[lo] === code) return sets[setIds[lo]];
      }
      return readingsOf(ch);
    },
  };
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
