/**
 * Relevance, computed the same way whatever the database (docs/search.md, "Ranking"): a pure
 * ordering of facts the index answers exactly, so SQLite and PostgreSQL give one list.
 *  1. the item whose 文号 or 索引号 is the query;
 *  2. items with every keyword in the title;
 *  3. more keywords found as whole words (word segmentation), then as the start of a word
 *     (房改 in 房改房), before those found only inside a longer word (房改 in 危房改造);
 *  4. newest first (the sort key: publication day, then the item id).
 */
export type RankFacts = {
  /** domain/sort-key.ts: larger is newer. */
  sortKey: number;
  exactNumber: boolean;
  titleHasAll: boolean;
  /** Per keyword: 2 whole word, 1 start of a word, 0 only inside a word; summed. */
  wordScore: number;
};

export function compareByRelevance(a: RankFacts, b: RankFacts): number {
  return (
    Number(b.exactNumber) - Number(a.exactNumber) ||
    Number(b.titleHasAll) - Number(a.titleHasAll) ||
    b.wordScore - a.wordScore ||
    b.sortKey - a.sortKey
  );
}
