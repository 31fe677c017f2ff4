import type { ParsedQuery } from './parse-query.ts';
import { indexTokens, type Phrase } from './tokenize.ts';

/**
 * Whether a text's tokens hold a phrase as the index finds it (FTS5's phrase, the tsvector's <->): its tokens one after
 * the other, the last one a prefix when the phrase says so (a keyword ending in one Chinese character).
 */
export function holdsPhrase(tokens: readonly string[], phrase: Phrase): boolean {
  const n = phrase.tokens.length;
  if (n === 0) return false;
  const last = n - 1;
  outer: for (let i = 0; i + n <= tokens.length; i++) {
    for (let k = 0; k < n; k++) {
      const t = tokens[i + k];
      const p = phrase.tokens[k];
      if (k === last && phrase.prefixLast ? !t.startsWith(p) : t !== p) continue outer;
    }
    return true;
  }
  return false;
}

/**
 * Whether a few short texts (a title, a summary) hold every keyword of the query — one of its alternatives (the typed
 * form, a synonym, a 文号's other spelling) in one of the texts — by the rule that finds items (docs/search.md, "What is
 * found"): the same tokens of the same normalised text (full-width and half-width alike, case not counted), a keyword a
 * substring that does not run across punctuation. For the few records the index does not hold (意见征集, 建议提案: a
 * county's tens a year), matched in memory (use-cases/interaction-matches.ts). A query without keywords matches nothing.
 */
export function holdsEveryKeyword(query: Pick<ParsedQuery, 'keywords'>, texts: readonly string[]): boolean {
  if (query.keywords.length === 0) return false;
  const tokenLists = texts.filter(Boolean).map(indexTokens);
  return query.keywords.every((k) => k.alternatives.some((a) => tokenLists.some((tokens) => holdsPhrase(tokens, a.phrase))));
}
