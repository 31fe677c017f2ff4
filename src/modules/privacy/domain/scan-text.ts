import type { Finding } from './finding.ts';
import { detectNumbers } from './detect-numbers.ts';
import { detectEmails } from './email.ts';
import { detectClassifiedMarkings } from './classified-marking.ts';
import { detectResidentialAddresses } from './residential-address.ts';
import { compileWordLists, findWords, type WordList, type WordMatcher } from './word-list.ts';
import { resolveOverlaps } from './resolve-overlaps.ts';

export type ScanOptions = { wordLists?: readonly WordList[] };

/** Compiled automata by list array: callers that keep their lists pay for compiling once. */
const compiled = new WeakMap<readonly WordList[], WordMatcher>();

function matcherFor(lists: readonly WordList[]): WordMatcher {
  let m = compiled.get(lists);
  if (!m) {
    m = compileWordLists(lists);
    compiled.set(lists, m);
  }
  return m;
}

/**
 * Everything in `text` that must not be published as it is: personal data (条例第十五条,
 * 个人信息保护法第二十五条; a home address's house detail as a `warn`, 第四条), secrecy markings (保守国家秘密法第二十二条、第三十五条) and words from
 * the administrators' lists. Sorted by start, non-overlapping.
 */
export function scanText(text: string, options: ScanOptions = {}): Finding[] {
  const findings = [...detectNumbers(text), ...detectEmails(text), ...detectResidentialAddresses(text), ...detectClassifiedMarkings(text)];
  if (options.wordLists && options.wordLists.length > 0) findings.push(...findWords(text, matcherFor(options.wordLists)));
  return resolveOverlaps(findings);
}
