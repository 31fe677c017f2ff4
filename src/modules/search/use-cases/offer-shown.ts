import type { ShownInstead } from './search-publications.ts';

/**
 * What a search within an organ that found nothing finds over the whole region (search-routes.tsx and search-api.ts ask
 * the same search there): its count as typed, its words apart, its correction. Null when it was not asked (the whole
 * region searched, something found, a listing).
 */
export type RegionFound = { total: number; splitSuggestion: { q: string; total: number } | null; didYouMean: { q: string; total: number } | null };

/** The whole region's offer that keeps every keyword: as typed (在全站检索), apart (在全站分开检索) or corrected (您是不是要找 … 全站). */
export type RegionOffer = { kind: 'typed' | 'splitSuggestion' | 'didYouMean'; q: string; total: number };

/**
 * Which offers a search that found nothing makes first — one rule for the results page and the API (docs/search.md,
 * "What a search that found nothing shows"): the whole region's offer that keeps every keyword, when the search was within
 * an organ and none of its own offers keeps them all; and the in-scope offer whose items are shown in place of none,
 * unless that one is fewer keywords while the region offers what keeps every keyword — fewer keywords drop what was asked
 * (资金 for 危房改造资金, 申请 for 公租房怎么申请: an outside tester), so the region's offer then stands first and no item
 * is shown in place of the query's. So too when nothing is shown in scope (fewer keywords of generic words only, 发放 for
 * 养老金发放, never are: domain/generic-words.ts).
 */
export function offerShown(result: { query: { display: string }; total: number; listing: boolean; splitSuggestion: { q: string; total: number } | null; didYouMean: { q: string; total: number } | null; shownInstead: ShownInstead | null }, region: RegionFound | null): {
  regionOffer: RegionOffer | null; regionFirst: boolean; shownInstead: ShownInstead | null;
} {
  if (result.total > 0 || result.listing) return { regionOffer: null, regionFirst: false, shownInstead: null };
  const regionOffer: RegionOffer | null = !region ? null
    : region.total > 0 ? { kind: 'typed', q: result.query.display, total: region.total }
    : !result.splitSuggestion && region.splitSuggestion ? { kind: 'splitSuggestion', q: region.splitSuggestion.q, total: region.splitSuggestion.total }
    : !result.splitSuggestion && !result.didYouMean && region.didYouMean ? { kind: 'didYouMean', q: region.didYouMean.q, total: region.didYouMean.total }
    : null;
  // Nothing shown in scope (fewer keywords of generic words only are never shown: domain/generic-words.ts): the region's
  // offer that keeps every keyword leads too.
  const regionFirst = !!regionOffer && (!result.shownInstead || result.shownInstead.kind === 'fewerWords');
  return { regionOffer, regionFirst, shownInstead: regionFirst ? null : result.shownInstead };
}
