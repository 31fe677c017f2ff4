import type { ParsedQuery } from './parse-query.ts';
import { isNumbered } from './split-suggestion.ts';

/**
 * The vocabulary a typed-wrong keyword is corrected against, supplied from outside the domain
 * (segmenter/jieba-lexicon.ts): jieba's dictionary and the characters that sound alike.
 */
export type Lexicon = {
  /** The dictionary's frequency of a word; undefined when it is not one of its words. */
  frequency(word: string): number | undefined;
  /** The dictionary's frequencies added up (a word's probability is its frequency over this). */
  total: number;
  /** Whether some dictionary word starts with this text. */
  hasPrefix(prefix: string): boolean;
  /** The characters read as `ch` is (same pinyin, tone ignored; every reading of a 多音字), the most common first, `ch` left out. */
  homophones(ch: string): readonly string[];
  /**
   * The dictionary's words as long as `word` that differ from it only in the character at `at`, with their frequencies:
   * read from the words that start as `word` does before `at`, or from those that end as it does after `at`, whichever
   * are fewer — none when those are more than `most`. `read`: how many dictionary lines that was.
   */
  oneCharOff(word: string, at: number, most: number): { words: [string, number][]; read: number };
};

/**
 * How much one query's corrections may cost (docs/search.md, 您是不是要找). A query that found nothing
 * pays at most `maxLookups` dictionary look-ups (a binary search each, about a microsecond), whatever it holds.
 */
export const TYPO_BOUNDS = {
  /** A keyword longer than this is not corrected (a sentence pasted, not a word mistyped). */
  maxKeywordChars: 12,
  /** The longest dictionary word looked for around a replaced character. */
  maxWordChars: 6,
  /** The homophones tried for one character, the most common first. */
  homophonesPerChar: 60,
  /** The same where two characters are replaced (each pair of them is tried). */
  homophonesPerCharOfTwo: 20,
  /** Dictionary look-ups for the whole query; past it no more candidates are made. */
  maxLookups: 10_000,
  /** Corrected queries handed back, best first (each is then counted by one bounded search). */
  maxCandidates: 3,
  /** The most dictionary words sharing a word's known characters that are read to find those one character off (一's 3,310 fit). */
  wordsSharing: 4_000,
  /** Dictionary lines read for the whole query while looking for words one character off (a few bytes compared each). */
  maxLinesRead: 100_000,
  /** Dictionary look-ups for characters of any shape, after the homophones' (each search of `oneCharOff` counts as four). */
  maxOtherLookups: 5_000,
  /** Corrected queries by a character of any shape, handed back after the homophone ones (each counted too). */
  maxOtherCandidates: 8,
};

type Fix = { text: string; replaced: number; score: number; at: number };

/**
 * A listed word (a synonym, an organ's name) counts as a word this frequent when the dictionary lacks it or has it
 * rarer: about 公积金's, so 公租房 outweighs 公 / 阻 / 房 and any split of it.
 */
const LISTED_FREQUENCY = 500;

const HAN = /^\p{Script=Han}$/u;

/**
 * How much likelier than as typed a keyword with a character of another shape must be (its best cut's log probability
 * higher by this: 50 times as likely). A homophone is a likely slip, any character is not: 资金 → 资源 is likelier
 * too, but 危房改造 资金 was typed as meant; 租凭 (a rare word of the dictionary, 3) → 租赁 (361) passes.
 */
export const TYPO_OTHER_GAIN = Math.log(50);

/**
 * A keyword cut into words of the dictionary (or listed words) at least this frequent, none left alone, is taken as
 * typed on purpose: it is corrected only into fewer, longer words. The dictionary holds many rare entries — 危方 (2),
 * 租凭 (3), two thirds of its words are under 6 — that are typos more often than words; 物业 (239), 补助 (373) are not.
 */
export const TYPO_KNOWN_FREQUENCY = 10;

/** Corrections of another shape at one place of a keyword offered before those of the other places are (see otherFixes). */
const OTHER_PER_PLACE = 3;

/**
 * 您是不是要找: a search that found nothing may hold a keyword typed with a wrong character — a homophone
 * picked in a pinyin IME (公阻房 for 公租房, 危方改造 for 危房改造, 住房公基金 for 住房公积金). Each keyword not
 * already made of known words gets the same keyword with one character replaced by a homophone (two, inside
 * one word of three or more characters, only when one finds no word), kept when the replaced characters then lie
 * in known words — the dictionary's, or `listed` (the synonym groups, the organs' names) — and more of the
 * keyword is known words than before. Best first: one character replaced before two, then the most of the
 * keyword in known words, then a listed word before a dictionary word, then the commoner word. The queries
 * handed back keep the other keywords; the r-th takes each corrected keyword's r-th correction (or its last).
 *
 * Then, after at most maxCandidates of those, up to maxOtherCandidates with one character of any shape replaced (公共租凭住房
 * for 公共租赁住房, 棚户区改递 for 棚户区改造): each character replaced by the one a dictionary word needs that is as typed
 * but there (Lexicon.oneCharOff), kept as above when the keyword is also TYPO_OTHER_GAIN likelier than as typed and leaves
 * no more characters out of words; the likeliest first, OTHER_PER_PLACE of one place a round; the other keywords as typed.
 * A keyword that is a number (文号, 索引号) is left as typed. Bounded by TYPO_BOUNDS. Empty when nothing fits.
 */
export function typoCandidates(query: ParsedQuery, lexicon: Lexicon, listed: ReadonlySet<string>, bounds = TYPO_BOUNDS): string[] {
  return typoOffers(query, lexicon, listed, bounds).map((o) => o.q);
}

/** Which kind of slip a correction mends: a character read alike ('homophone'), or one of another shape ('shape'). */
export type TypoKind = 'homophone' | 'shape';

/**
 * typoCandidates with the kind of each: the homophones' candidates first, then those of another shape — what the page's
 * reason line says (读音相同的字, or 字形相近等), never one for the other. A keyword of two Han characters gets no
 * correction of another shape (half of it would be changed: 违建 → 重建).
 */
export function typoOffers(query: ParsedQuery, lexicon: Lexicon, listed: ReadonlySet<string>, bounds = TYPO_BOUNDS): { q: string; kind: TypoKind }[] {
  const known = new Map<string, number | undefined>();
  let lookups = 0;
  /** Room for one more candidate: scoring one costs at most this many look-ups, so the budget is never passed. */
  let reserve = 0;
  /** The look-ups allowed so far: maxLookups for the homophones, maxOtherLookups more for characters of any shape. */
  let limit = bounds.maxLookups;
  const budgetLeft = () => lookups + reserve <= limit;
  const listedPrefixes = new Set([...listed].flatMap((w) => [...w].map((_, i) => w.slice(0, i + 1))));
  /** A word's frequency (a listed word at least LISTED_FREQUENCY), undefined when the text is not a known word. */
  const frequencyOf = (w: string): number | undefined => {
    const extra = listed.has(w) ? LISTED_FREQUENCY : undefined;
    if ([...w].length > bounds.maxWordChars) return extra;
    if (!known.has(w)) {
      lookups++;
      known.set(w, lexicon.frequency(w));
    }
    const f = known.get(w);
    return f === undefined ? extra : Math.max(f, extra ?? 0);
  };
  const prefixes = new Map<string, boolean>();
  const startsWord = (prefix: string) => {
    if (listedPrefixes.has(prefix)) return true;
    if (!prefixes.has(prefix)) {
      lookups++;
      prefixes.set(prefix, lexicon.hasPrefix(prefix));
    }
    return prefixes.get(prefix)!;
  };
  const longest = Math.max(bounds.maxWordChars, ...[...listed].map((w) => [...w].length));
  const logTotal = Math.log(lexicon.total);

  /**
   * How likely a keyword's characters are as words: the best cut into known words and single characters, each
   * word as likely as the dictionary says (its frequency over the total; a character it lacks, once), as jieba
   * cuts. Other characters (digits, letters) count nothing: a candidate changes only Han characters.
   */
  const cutOf = (chars: string[]) => {
    const best = new Array<number>(chars.length + 1).fill(0);
    /** The Han characters the best cut from here leaves alone (in no word of two or more). */
    const alone = new Array<number>(chars.length + 1).fill(0);
    /** The pieces (words and characters alone) of the best cut from here, and the frequency of its rarest word of two or more. */
    const pieces = new Array<number>(chars.length + 1).fill(0);
    const rarest = new Array<number>(chars.length + 1).fill(Infinity);
    for (let i = chars.length - 1; i >= 0; i--) {
      if (!HAN.test(chars[i])) {
        best[i] = best[i + 1];
        alone[i] = alone[i + 1];
        pieces[i] = pieces[i + 1];
        rarest[i] = rarest[i + 1];
        continue;
      }
      best[i] = Math.log(frequencyOf(chars[i]) ?? 1) - logTotal + best[i + 1];
      alone[i] = 1 + alone[i + 1];
      pieces[i] = 1 + pieces[i + 1];
      rarest[i] = rarest[i + 1];
      for (let j = i + 2; j <= Math.min(chars.length, i + longest) && HAN.test(chars[j - 1]); j++) {
        const f = frequencyOf(chars.slice(i, j).join(''));
        if (f !== undefined && Math.log(f) - logTotal + best[j] > best[i]) {
          best[i] = Math.log(f) - logTotal + best[j];
          alone[i] = alone[j];
          pieces[i] = 1 + pieces[j];
          rarest[i] = Math.min(f, rarest[j]);
        }
      }
    }
    return { score: best[0], alone: alone[0], pieces: pieces[0], rarest: rarest[0] };
  };
  const scoreOf = (chars: string[]) => cutOf(chars).score;
  /** Whether a known word of two or more characters holds every replaced position. */
  const held = (chars: string[], positions: number[]) => {
    const lo = Math.min(...positions);
    const hi = Math.max(...positions);
    for (let len = Math.max(2, hi - lo + 1); len <= Math.min(longest, chars.length); len++) {
      for (let i = Math.max(0, hi - len + 1); i <= lo && i + len <= chars.length; i++) {
        const part = chars.slice(i, i + len);
        if (part.every((c) => HAN.test(c)) && frequencyOf(part.join('')) !== undefined) return true;
      }
    }
    return false;
  };

  let linesRead = 0;
  /** Corrections of one keyword: by homophones, or (`other`, after every keyword's homophones) by a character of any shape, not those in `taken`. */
  const fixesOf = (text: string, other: false | ReadonlySet<string>): Fix[] => {
    const chars = [...text];
    if (chars.length < 2 || chars.length > bounds.maxKeywordChars || isNumbered(text)) return [];
    // A character of another shape in a keyword of two Han characters is half of it: 违建 → 重建, 加梯 → 加强, 公摊 → 公司
    // are other words, not slips (issue 13). Such a keyword is corrected by sound only (申情 → 申请, 杨尘 → 扬尘).
    if (other && chars.filter((c) => HAN.test(c)).length <= 2) return [];
    reserve = chars.length * (bounds.maxWordChars + 1) + bounds.maxWordChars * bounds.maxWordChars;
    if (!budgetLeft()) return [];
    const typed = cutOf(chars);
    const before = typed.score;
    /** No character alone and no rare word of the dictionary (危方, 2; 租凭, 3: those are corrected as before). */
    const madeOfWords = !typed.alone && typed.rarest >= TYPO_KNOWN_FREQUENCY;
    // One such word (补助, 加装电梯) cannot be cut into fewer: nothing to try, no look-up spent.
    if (madeOfWords && typed.pieces === 1) return [];
    const fixes = new Map<string, Fix>();
    /** The least a candidate's score must pass the typed one's by: 0 for a homophone, TYPO_OTHER_GAIN for any other character. */
    const margin = other ? TYPO_OTHER_GAIN : 0;
    const consider = (changed: string[], positions: number[]) => {
      const candidate = changed.join('');
      if (fixes.has(candidate) || !held(changed, positions)) return;
      const { score, alone, pieces } = cutOf(changed);
      // A keyword made of known words as typed (补助, 提取, 物业服务, 电梯加装补贴) is changed only into fewer, longer
      // words, never into other words as many just because they are commoner (不住, 地区, 呜咽服务, 电梯假装补贴).
      if (madeOfWords && pieces >= typed.pieces) return;
      // Another character: the keyword also must not leave more characters out of words than as typed.
      if (score > before + margin && (!margin || alone <= typed.alone)) fixes.set(candidate, { text: candidate, replaced: positions.length, score, at: positions[0] });
    };
    const best = (a: Fix, b: Fix) => a.replaced - b.replaced || b.score - a.score || (a.text < b.text ? -1 : 1);
    if (other) return otherFixes(chars, other, consider, () => [...fixes.values()].sort(best));
    const homophones = (p: number, most = bounds.homophonesPerChar) => (HAN.test(chars[p]) ? lexicon.homophones(chars[p]).slice(0, most) : []);
    for (let p = 0; p < chars.length && budgetLeft(); p++) {
      for (const h of homophones(p)) {
        if (!budgetLeft()) break;
        consider(chars.with(p, h), [p]);
      }
    }
    // Two characters wrong in one word (住房工基金): the first replaced only where a word can start so.
    if (!fixes.size) {
      for (let p = 0; p < chars.length && budgetLeft(); p++) {
        for (let q = p + 1; q < Math.min(chars.length, p + longest) && budgetLeft(); q++) {
          if (!HAN.test(chars[q])) break;
          const first = homophones(p, bounds.homophonesPerCharOfTwo);
          const second = homophones(q, bounds.homophonesPerCharOfTwo);
          for (const h1 of first) {
            if (!budgetLeft()) break;
            const once = chars.with(p, h1);
            // A known word holding p and q starts at or before p: some such start must begin a word with the text up to q, then through q.
            // A word of three characters or more: one of its characters at least is as typed.
            const starts = [...Array(p + 1).keys()].filter((i) => i > q - longest && once.slice(i, p + 1).every((c) => HAN.test(c)));
            const begins = (text: string[], to: number) => starts.filter((i) => budgetLeft() && startsWord(text.slice(i, to).join('')));
            const open = q - p > 1 ? begins(once, q) : starts;
            if (!open.length) continue;
            for (const h2 of second) {
              if (!budgetLeft()) break;
              const twice = once.with(q, h2);
              if (open.some((i) => budgetLeft() && startsWord(twice.slice(i, q + 1).join('')))) consider(twice, [p, q]);
            }
          }
        }
      }
    }
    return [...fixes.values()].sort(best);
  };
  const otherFixes = (chars: string[], taken: ReadonlySet<string>, consider: (changed: string[], positions: number[]) => void, sorted: () => Fix[]) => {
    // One character of any shape (凭 for 赁, 递 for 造): the dictionary's words one character off each stretch of the
    // keyword, the longest stretches first (more of the word is as typed), each word's characters in place of the
    // keyword's; kept as the homophones are. No table of shapes: the commonest words come first, and the offer counts
    // the candidates in order, so the catalog picks among them.
    const n = chars.length;
    search: for (let len = Math.min(bounds.maxWordChars, n); len >= 2; len--) {
      for (let i = 0; i + len <= n; i++) {
        const stretch = chars.slice(i, i + len);
        if (!stretch.every((c) => HAN.test(c))) continue;
        for (let at = 0; at < len; at++) {
          if (linesRead + bounds.wordsSharing > bounds.maxLinesRead || lookups + reserve + 4 > limit) break search;
          // At most four binary searches: where the words starting and the words ending as the stretch does begin and end.
          lookups += 4;
          const off = lexicon.oneCharOff(stretch.join(''), at, bounds.wordsSharing);
          linesRead += off.read;
          for (const [word, frequency] of off.words) {
            const ch = [...word][at];
            if (!HAN.test(ch) || !budgetLeft()) continue;
            known.set(word, frequency);
            const changed = chars.with(i + at, ch);
            if (!taken.has(changed.join(''))) consider(changed, [i + at]);
          }
        }
      }
    }
    // The likeliest first, at most OTHER_PER_PLACE of one place in each round: the commonest words around one character
    // (扬政治埋, 扬统治埋, 扬州治埋 for 扬尘治埋) do not push the other places' out of the few counted (扬尘治理).
    const rank = new Map<Fix, number>();
    const seen = new Map<number, number>();
    for (const f of sorted()) {
      const k = seen.get(f.at) ?? 0;
      seen.set(f.at, k + 1);
      rank.set(f, Math.floor(k / OTHER_PER_PLACE));
    }
    return sorted().sort((a, b) => rank.get(a)! - rank.get(b)! || b.score - a.score || (a.text < b.text ? -1 : 1));
  };

  const sounds = query.keywords.map((k) => ({ text: k.text, sound: fixesOf(k.text, false) }));
  limit = bounds.maxLookups + bounds.maxOtherLookups;
  const perKeyword = sounds.map((k) => ({ ...k, other: fixesOf(k.text, new Set(k.sound.map((f) => f.text))) }));
  const out = new Set<string>();
  const nth = (fixes: Fix[], r: number) => fixes[Math.min(r, fixes.length - 1)].text;
  const soundMost = Math.min(bounds.maxCandidates, Math.max(0, ...perKeyword.map((k) => k.sound.length)));
  for (let r = 0; r < soundMost; r++) out.add(perKeyword.map((k) => (k.sound.length ? nth(k.sound, r) : k.text)).join(' '));
  const sounded = out.size;
  const otherMost = Math.max(0, ...perKeyword.map((k) => k.other.length));
  // The homophones' candidates were counted already: a keyword with no correction of another shape is as typed.
  for (let r = 0; r < otherMost && out.size < sounded + bounds.maxOtherCandidates; r++) {
    out.add(perKeyword.map((k) => (k.other.length ? nth(k.other, r) : k.text)).join(' '));
  }
  return [...out].map((q, i) => ({ q, kind: i < sounded ? 'homophone' : 'shape' }));
}
