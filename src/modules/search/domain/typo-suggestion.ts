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
};

type Fix = { text: string; replaced: number; score: number };

/**
 * A listed word (a synonym, an organ's name) counts as a word this frequent when the dictionary lacks it or has it
 * rarer: about 公积金's, so 公租房 outweighs 公 / 阻 / 房 and any split of it.
 */
const LISTED_FREQUENCY = 500;

const HAN = /^\p{Script=Han}$/u;

/**
 * 您是不是要找: a search that found nothing may hold a keyword typed with a wrong character — a homophone
 * picked in a pinyin IME (公阻房 for 公租房, 危方改造 for 危房改造, 住房公基金 for 住房公积金). Each keyword not
 * already made of known words gets the same keyword with one character replaced by a homophone (two, inside
 * one word of three or more characters, only when one finds no word), kept when the replaced characters then lie
 * in known words — the dictionary's, or `listed` (the synonym groups, the organs' names) — and more of the
 * keyword is known words than before. Best first: one character replaced before two, then the most of the
 * keyword in known words, then a listed word before a dictionary word, then the commoner word. The queries
 * handed back keep the other keywords; the r-th takes each corrected keyword's r-th correction (or its last).
 * A keyword that is a number (文号, 索引号) is left as typed. Bounded by TYPO_BOUNDS. Empty when nothing fits.
 */
export function typoCandidates(query: ParsedQuery, lexicon: Lexicon, listed: ReadonlySet<string>, bounds = TYPO_BOUNDS): string[] {
  const known = new Map<string, number | undefined>();
  let lookups = 0;
  /** Room for one more candidate: scoring one costs at most this many look-ups, so the budget is never passed. */
  let reserve = 0;
  const budgetLeft = () => lookups + reserve <= bounds.maxLookups;
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
  const scoreOf = (chars: string[]) => {
    const best = new Array<number>(chars.length + 1).fill(0);
    for (let i = chars.length - 1; i >= 0; i--) {
      if (!HAN.test(chars[i])) {
        best[i] = best[i + 1];
        continue;
      }
      best[i] = Math.log(frequencyOf(chars[i]) ?? 1) - logTotal + best[i + 1];
      for (let j = i + 2; j <= Math.min(chars.length, i + longest) && HAN.test(chars[j - 1]); j++) {
        const f = frequencyOf(chars.slice(i, j).join(''));
        if (f !== undefined) best[i] = Math.max(best[i], Math.log(f) - logTotal + best[j]);
      }
    }
    return best[0];
  };
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

  const fixesOf = (text: string): Fix[] => {
    const chars = [...text];
    if (chars.length < 2 || chars.length > bounds.maxKeywordChars || isNumbered(text)) return [];
    reserve = chars.length * (bounds.maxWordChars + 1) + bounds.maxWordChars * bounds.maxWordChars;
    if (!budgetLeft()) return [];
    const before = scoreOf(chars);
    const fixes = new Map<string, Fix>();
    const consider = (changed: string[], positions: number[]) => {
      const candidate = changed.join('');
      if (fixes.has(candidate) || !held(changed, positions)) return;
      const score = scoreOf(changed);
      if (score > before) fixes.set(candidate, { text: candidate, replaced: positions.length, score });
    };
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
    return [...fixes.values()].sort((a, b) => a.replaced - b.replaced || b.score - a.score || (a.text < b.text ? -1 : 1));
  };

  const perKeyword = query.keywords.map((k) => ({ text: k.text, fixes: fixesOf(k.text) }));
  if (!perKeyword.some((k) => k.fixes.length)) return [];
  const most = Math.min(bounds.maxCandidates, Math.max(...perKeyword.map((k) => k.fixes.length)));
  const out = new Set<string>();
  for (let r = 0; r < most; r++) {
    out.add(perKeyword.map((k) => (k.fixes.length ? k.fixes[Math.min(r, k.fixes.length - 1)].text : k.text)).join(' '));
  }
  return [...out];
}
