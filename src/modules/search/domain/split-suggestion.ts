import type { ParsedQuery } from './parse-query.ts';
import type { Segmenter } from './word-signal.ts';

/**
 * Words that only join others (的, 和 …): left out of a split query, where they would be keywords that
 * every item holds.
 */
const JOINING = new Set(['的', '地', '得', '了', '和', '与', '及', '或', '之', '以及', '或者']);

/**
 * A search that found nothing may have been several words typed without spaces (危房改造资金, where the
 * items say 危房改造补助资金): a keyword is one unbroken phrase (docs/search.md), so a reader is offered
 * the same words apart, each of which must then occur. Each keyword is cut into jieba's words; a word of
 * one character never stands alone (扬 / 尘 / 治理 gives 扬尘 治理, 公 / 租房 stays 公租房), joining words
 * are dropped, and a keyword holding a digit (a 文号, a year) is kept as typed. Null when no keyword
 * splits.
 */
export function splitSuggestion(query: ParsedQuery, segment: Segmenter): string | null {
  let changed = false;
  const words = query.keywords.flatMap((k) => {
    const split = /\d/.test(k.text) ? [k.text] : wordsOf(segment(k.text));
    if (split.length > 1) changed = true;
    return split.length ? split : [k.text];
  });
  return changed ? words.join(' ') : null;
}

function wordsOf(cut: string[]): string[] {
  const out: string[] = [];
  let singles = '';
  let pending = ''; // a lone character waiting for the next word
  const flushSingles = () => {
    if (singles.length > 1) out.push(singles);
    else pending += singles;
    singles = '';
  };
  for (const raw of cut) {
    const w = raw.trim();
    if (!w) continue;
    if (JOINING.has(w)) {
      flushSingles();
      if (pending) out.push(pending);
      pending = '';
      continue;
    }
    if ([...w].length === 1) {
      singles += w;
      continue;
    }
    flushSingles();
    out.push(pending + w);
    pending = '';
  }
  flushSingles();
  // A lone character at the end belongs to the word before it.
  if (pending) {
    if (out.length) out[out.length - 1] += pending;
    else out.push(pending);
  }
  return out;
}
