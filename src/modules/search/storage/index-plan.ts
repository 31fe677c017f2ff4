/**
 * How PostgreSQL's search goes through its GIN indexes (docs/search.md, "Speed"): which keywords'
 * candidates to read from an index and in which order to check them. Pure: the shares come from the
 * newest items checked one by one, the sizes from the planner's statistics.
 */
/** The unit of the cost estimates: reading one chunk's tokens for a phrase check. */
export const CHUNK_CHECK_COST = 1;
/**
 * Checking an item's title. It was one short chunk found by the chunk index's (publication, field)
 * prefix — about a quarter of a body chunk's check (6 µs against 25 µs here); since migration 052 it is
 * the title's tokens in the search_docs row the scan reads anyway (about 1.3 µs an item against 11 µs
 * for the chunk, measured over 3,000 titles). Not re-tuned: a lower cost would list more title words
 * item by item, which was not measured.
 */
export const TITLE_CHECK_COST = 0.25;

type Shares = number[];

/** Which conditions' candidates are read from an index, the order the conditions are checked in, and the estimated cost. */
export type IndexPlan = { through: number[]; order: number[]; cost: number };

/**
 * How to go through the index for `wanted` more matches, given each condition's share of matching
 * items: check the rarest condition first; read from the index the candidates of the rarest and of
 * each other condition rare enough that reading its candidates costs less than checking it on the
 * extra items it would otherwise let through (a common word is cheaper to check item by item).
 * `candidateCost` is reading one candidate from an index, in units of one phrase check.
 */
export function indexPlan(shares: Shares, items: number, wanted: number, candidateCost: number): IndexPlan {
  const order = shares.map((_, i) => i).sort((a, b) => shares[a] - shares[b] || a - b);
  const through = [order[0]];
  let letThrough = 1;
  for (const j of order.slice(1)) {
    const read = shares[j] * items * candidateCost;
    const check = wanted * (1 / Math.max(shares[j], 1e-9) - 1) * CHUNK_CHECK_COST;
    if (read < check) through.push(j);
    else letThrough /= Math.max(shares[j], 1e-9);
  }
  const cost = through.reduce((n, i) => n + shares[i] * items * candidateCost, 0) + wanted * letThrough * shares.length * CHUNK_CHECK_COST;
  return { through: [...through].sort((a, b) => a - b), order, cost };
}

/**
 * The estimated cost of checking the newest items one by one until `wanted` more match, when a share
 * `share` of the items checked so far matched, and at most `items` are left to check. Outside titles an item that matches stops at its
 * matching chunk and one that does not reads all its chunks; a title search reads one title per item.
 */
export function itemByItemCost(o: { share: number; wanted: number; chunksPerItem: number; titleOnly: boolean; items?: number }): number {
  if (o.share <= 0) return Infinity;
  const perItem = o.titleOnly ? TITLE_CHECK_COST : CHUNK_CHECK_COST * (o.share + (1 - o.share) * o.chunksPerItem);
  // Never more than the items left in the scope (an organ's last few hundred, say): the walk ends there.
  return Math.min(o.wanted / o.share, o.items ?? Infinity) * perItem;
}

/**
 * How many items a question through the index reads its candidates from. The pieces index holds the
 * organ's tag (migration 044), so it intersects an organ inside the index: the scope's items. The GIN
 * index over the titles in search_docs holds no organ: it hands out the title matches of the whole
 * catalog, each row then read and the other organs' dropped (2,198 rows for the 19 of one organ, 质量监督
 * at 100,000 items) — a cost that grows with the catalog, not with the organ.
 */
export function indexReadItems(o: { scopeItems: number; catalogItems: number; titleOnly: boolean; organFilter: boolean }): number {
  return o.titleOnly && o.organFilter ? Math.max(o.scopeItems, o.catalogItems) : o.scopeItems;
}

/**
 * A piece held by more than this share of the items says little about which items hold a phrase, and
 * its posting list in the item-level GIN index is among the longest, decoded whole by every question
 * that names it (PostgreSQL 15): such pieces are left out of the question when the phrase is checked
 * item by item anyway (docs/performance.md, 2026-12-06).
 */
export const COMMON_PIECE_SHARE = 0.5;

/**
 * The pieces of a phrase worth asking the item-level GIN index for: those held by at most
 * COMMON_PIECE_SHARE of the items (`share`, from the planner's statistics; a piece it does not list is
 * rarer than any it does), and the rarest one if none is. Only for a phrase that is checked on the
 * item's chunks afterwards: the index then only narrows the candidates, so fewer pieces give the same
 * matches. A prefix piece (`prefix`, the last of a phrase read as a prefix) is always kept.
 */
export function piecesToAsk(tokens: string[], share: (token: string) => number, prefix = false): string[] {
  if (tokens.length < 2) return tokens;
  const kept = tokens.filter((t, i) => (prefix && i === tokens.length - 1) || share(t) <= COMMON_PIECE_SHARE);
  if (kept.length) return kept;
  return [tokens.reduce((a, b) => (share(b) < share(a) ? b : a))];
}
