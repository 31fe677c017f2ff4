import type { Finding, Severity } from './finding.ts';
import { maskAll } from './mask.ts';

/** A word list (敏感词 / 错敏词) maintained by an administrator. */
export type WordListEntry = {
  word: string;
  severity: Severity;
  note?: string;
  /** The correct form for a 错词 (e.g. 中华人民共合国 → 中华人民共和国); otherwise the word is masked. */
  replacement?: string;
};
export type WordList = { name: string; words: WordListEntry[] };

/** `wholeStart`/`wholeEnd`: the word begins/ends with a Latin letter or digit, so it must not sit inside a longer Latin word. */
type CompiledWord = { length: number; entry: WordListEntry; list: string; wholeStart: boolean; wholeEnd: boolean };

/**
 * Aho–Corasick automaton over all lists: one pass over the text whatever the number of words.
 * Matching ignores ASCII case and full-width/half-width forms; Latin words match whole words only.
 */
export type WordMatcher = {
  readonly wordCount: number;
  /** Transitions from the root, indexed by UTF-16 code unit: most characters leave the root at once. */
  readonly root: Int32Array;
  readonly next: Map<number, number>[];
  readonly fail: Int32Array;
  /** Index into `words` of the longest word ending at a node, or -1. */
  readonly output: Int32Array;
  /** The nearest node along the fail links that ends a word, or -1. */
  readonly outputLink: Int32Array;
  readonly words: CompiledWord[];
};

/** Case and width folding, char by char so offsets into the original text stay valid. */
export function foldChar(c: number): number {
  if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
  else if (c === 0x3000) c = 32;
  if (c >= 65 && c <= 90) c += 32;
  return c;
}

const isAsciiAlnum = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 97 && c <= 122);

/** Longer entries are not words but sentences; they are skipped so a hit's sort key stays small. */
export const MAX_WORD_LENGTH = 255;

export function compileWordLists(lists: readonly WordList[]): WordMatcher {
  const next: Map<number, number>[] = [new Map()];
  const outputs: number[] = [-1];
  const words: CompiledWord[] = [];
  const severityAt = new Map<number, Severity>();
  for (const list of lists) {
    for (const entry of list.words) {
      const word = entry.word.trim();
      if (!word || word.length > MAX_WORD_LENGTH) continue;
      let node = 0;
      for (let i = 0; i < word.length; i++) {
        const c = foldChar(word.charCodeAt(i));
        let to = next[node].get(c);
        if (to === undefined) {
          to = next.length;
          next.push(new Map());
          outputs.push(-1);
          next[node].set(c, to);
        }
        node = to;
      }
      // The same word in two lists: the stricter severity wins.
      if (outputs[node] !== -1 && !(entry.severity === 'block' && severityAt.get(node) === 'warn')) continue;
      words.push({
        length: word.length,
        entry: { ...entry, word },
        list: list.name,
        wholeStart: isAsciiAlnum(foldChar(word.charCodeAt(0))),
        wholeEnd: isAsciiAlnum(foldChar(word.charCodeAt(word.length - 1))),
      });
      outputs[node] = words.length - 1;
      severityAt.set(node, entry.severity);
    }
  }
  const fail = new Int32Array(next.length);
  const outputLink = new Int32Array(next.length).fill(-1);
  const queue: number[] = [];
  for (const child of next[0].values()) queue.push(child);
  for (let qi = 0; qi < queue.length; qi++) {
    const node = queue[qi];
    for (const [c, child] of next[node]) {
      let f = fail[node];
      while (f !== 0 && !next[f].has(c)) f = fail[f];
      const target = next[f].get(c);
      fail[child] = target !== undefined && target !== child ? target : 0;
      outputLink[child] = outputs[fail[child]] !== -1 ? fail[child] : outputLink[fail[child]];
      queue.push(child);
    }
  }
  const root = new Int32Array(65536);
  for (const [c, child] of next[0]) root[c] = child;
  return { wordCount: words.length, root, next, fail, output: Int32Array.from(outputs), outputLink, words };
}

/** Leftmost-longest, non-overlapping word hits. */
export function findWords(text: string, matcher: WordMatcher): Finding[] {
  if (matcher.wordCount === 0) return [];
  const { root, next, fail, output, outputLink, words } = matcher;
  // Hits go into typed arrays, not objects: a list that matches millions of times stays cheap.
  let keys = new Float64Array(1024);
  let count = 0;
  let node = 0;
  for (let i = 0; i < text.length; i++) {
    const c = foldChar(text.charCodeAt(i));
    if (node === 0) {
      node = root[c];
      if (node === 0) continue;
    } else {
      let to = next[node].get(c);
      while (to === undefined && node !== 0) {
        node = fail[node];
        to = node === 0 ? (root[c] || undefined) : next[node].get(c);
      }
      node = to ?? 0;
      if (node === 0) continue;
    }
    for (let n = output[node] !== -1 ? node : outputLink[node]; n !== -1; n = outputLink[n]) {
      const word = words[output[n]];
      const start = i + 1 - word.length;
      if (word.wholeStart && start > 0 && isAsciiAlnum(foldChar(text.charCodeAt(start - 1)))) continue;
      if (word.wholeEnd && i + 1 < text.length && isAsciiAlnum(foldChar(text.charCodeAt(i + 1)))) continue;
      if (count === keys.length) {
        const grown = new Float64Array(keys.length * 2);
        grown.set(keys);
        keys = grown;
      }
      // Sorted ascending, the key orders hits by start, then longest first.
      keys[count++] = start * 256 + (MAX_WORD_LENGTH - word.length);
    }
  }
  const sorted = keys.subarray(0, count).sort();
  const out: Finding[] = [];
  let covered = 0;
  for (let k = 0; k < count; k++) {
    const key = sorted[k];
    const start = Math.floor(key / 256);
    if (start < covered) continue;
    const end = start + MAX_WORD_LENGTH - (key % 256);
    const word = wordAt(matcher, text, start, end);
    const t = text.slice(start, end);
    out.push({
      type: 'sensitive_word',
      text: t,
      start,
      end,
      severity: word.entry.severity,
      suggestion: word.entry.replacement ?? maskAll(t),
      rule: word.list,
    });
    covered = end;
  }
  return out;
}

/** The word spelled by text[start, end): one folded spelling is one trie node, and so one word. */
function wordAt(matcher: WordMatcher, text: string, start: number, end: number): CompiledWord {
  let node = 0;
  for (let i = start; i < end; i++) node = node === 0 ? matcher.root[foldChar(text.charCodeAt(i))] : matcher.next[node].get(foldChar(text.charCodeAt(i)))!;
  return matcher.words[matcher.output[node]];
}
