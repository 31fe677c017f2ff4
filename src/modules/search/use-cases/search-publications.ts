import type { AppDeps } from '../../../platform/app-deps.ts';
import { handlingOrganOf, listCatalogNodes, listOrgans, organWithUnits, pathTo, subtreeIds, type Organ } from '../../catalog/index.ts';
import { exactNumberOf, type ExactNumber } from '../domain/numbers.ts';
import { MAX_KEYWORDS, parseQuery, type ParsedQuery } from '../domain/parse-query.ts';
import { guideFor, namingTest, rankWithRepeatsAfter, standingOf, type RankFacts } from '../domain/rank.ts';
import { GUIDE_TITLE_WORDS } from '../domain/service-question.ts';
import { phraseOf } from '../domain/tokenize.ts';
import { organNamedIn } from '../domain/organ-named.ts';
import { listsWithoutWord, SEARCH_LIMITS, type SearchFilters, type SearchLimits, type SearchRequest } from '../domain/search-request.ts';
import { snippetSource } from '../domain/snippet-text.ts';
import { snippetOf, type SnippetPart } from '../domain/snippet.ts';
import { keptWords, splitWords } from '../domain/split-suggestion.ts';
import { genericOnly } from '../domain/generic-words.ts';
import { correctedQueryOffer, fewerWordsOffers, isOneWord, missingDocumentNumber, missingIndexNumber, nearNumberOffer, organNamedOffer, type CountOf, type DidYouMean, type MissingDocumentNumber, type MissingIndexNumber, type OrganNamedOffer } from './search-offers.ts';
import type { Lexicon } from '../domain/typo-suggestion.ts';
import { normalizeText } from '../domain/tokenize.ts';
import { wordPhrasesOf, type Segmenter } from '../domain/word-signal.ts';
import { jiebaLexicon } from '../segmenter/jieba-lexicon.ts';
import { jiebaSegmenter } from '../segmenter/jieba-segmenter.ts';
import { fullTextIndexFor, type FullTextIndex, type Match, type Scope } from '../storage/full-text-index.ts';
import { idOfSortKey, keyRange } from '../domain/sort-key.ts';
import { facetRows, findNodeOrgan, keysInNodes, nodesOfOrgans, nodesWithAncestors, numberedKeys, chunksOfDocs, placementsOf, rankRows, resultRows } from '../storage/search-repository.ts';
import { escapeRegExp } from '../../../shared/reg-exp.ts';

export type SearchHit = {
  id: number;
  title: string;
  titleParts: SnippetPart[];
  organCode: string;
  organName: string;
  catalogPath: string[];
  publishedOn: string;
  indexNumber: string | null;
  documentNumber: string | null;
  validity: string;
  snippet: SnippetPart[];
  /** Set when the words were found only in an attachment: its file name. */
  attachmentHit: string | null;
  exactNumber: boolean;
  /** Which number the query is, when exactNumber: the 文号 or the 索引号, as the item writes it. */
  exactNumberMatch: ExactNumber | null;
};

export type SearchResult = {
  query: ParsedQuery;
  /** Matches, counted up to TOTAL_CAP + 1; `totalCapped` when there are more than TOTAL_CAP. */
  total: number;
  totalCapped: boolean;
  hits: SearchHit[];
  facets: {
    organ: FacetCount[]; node: (FacetCount & { label: string })[]; stage: FacetCount[]; genre: FacetCount[]; year: FacetCount[]; validity: FacetCount[];
    /** Of the items counted, how many are placed in two or more of the listed 目录栏目 (each counted under every one); 0 or absent: none. */
    nodeShared?: number;
  };
  /** Null when the facet counts are over every match; else the number of newest matches they were counted over. */
  facetsSampled: number | null;
  /**
   * The keywords that no ranked candidate holds as a whole word (nor a synonym of them): every match has them only
   * inside longer words (房改 in 危房改造). Null when not worked out: newest first (nothing is ranked), no match, or an
   * exact 文号/索引号 item.
   */
  notWholeWords: string[] | null;
  /** The synonyms searched as well as a keyword (domain/synonyms.ts), per keyword that has any. */
  synonyms: { keyword: string; added: string[] }[];
  /**
   * Nothing found: the same words apart (domain/split-suggestion.ts), how many items that search finds and
   * its first few (the results page shows them under the zero), when it finds any. Up to FEW_RESULTS found:
   * the words apart and their count (no items), when they find more. Null otherwise.
   */
  splitSuggestion: { q: string; total: number; hits: SearchHit[] } | null;
  /**
   * 您是不是要找: nothing found, nor by the words apart, and a keyword typed with a wrong character (a homophone,
   * domain/typo-suggestion.ts) corrected finds something in the same scope and filters — the corrected query and how many
   * items it finds. Null otherwise.
   */
  didYouMean: DidYouMean | null;
  /** An organ named among the keywords, offered as a scope (search-offers.ts), else null. */
  organNamed: OrganNamedOffer | null;
  /** Nothing found, nor by the words apart or a correction: the query with one keyword left out, when it finds something (search-offers.ts). */
  fewerWords: { q: string; total: number }[];
  /**
   * Nothing found as typed, and an offer finds something in the same scope and filters: the one whose first items the
   * results page shows in place of none — the words apart, else 您是不是要找, else the first of the fewer words — with
   * its count and those items (SPLIT_PREVIEW at most). The count, facets and list stay the query's own (0); the page's
   * heading names this query as the one whose items are shown (docs/search.md, "What a search that found nothing shows").
   * Null otherwise (the offers over the whole region are links only).
   */
  shownInstead: ShownInstead | null;
  /**
   * The query reads as a 文号 and no item in the scope has it: said in words, with the nearest documents of the same
   * 代字 and year and the organ whose 代字 it is (search-offers.ts). Null otherwise.
   */
  missingDocumentNumber: MissingDocumentNumber | null;
  /**
   * Nothing found and the query reads as an 索引号: said as a number, with the organ whose code it starts with and how its
   * 索引号 are made (search-offers.ts). Null otherwise.
   */
  missingIndexNumber: MissingIndexNumber | null;
  /**
   * No word, at least one filter: the items the filters let through, listed newest first (`listByFilters`) — no
   * relevance, no marked words, no offers. False for a search of words (and for nothing searched).
   */
  listing: boolean;
};

export type FacetCount = { value: string; count: number };

/** Which offer's items a search that found nothing shows, as the API names the offers' own fields. */
export type ShownInstead = { kind: 'splitSuggestion' | 'didYouMean' | 'fewerWords'; q: string; total: number; hits: SearchHit[] };

/** How many of the words-apart search's items a search that found nothing shows (its first page, by the same sort). */
export const SPLIT_PREVIEW = 5;

/**
 * Up to this many results, the words apart are offered above them when apart they find more: a phrase
 * typed without spaces can match one item by chance (2026年公租房: 1 item, 2026年 公租房: 32; an outside tester).
 */
export const FEW_RESULTS = 3;

const EMPTY_FACETS: SearchResult['facets'] = { organ: [], node: [], stage: [], genre: [], year: [], validity: [] };
const synonymsOf = (query: ParsedQuery) => query.keywords.filter((k) => k.synonyms.length).map((k) => ({ keyword: k.text, added: k.synonyms }));
/** A search that found nothing and offers nothing (also the answer to a pasted address, which is not searched as words: addressed-item.ts). */
export const NOTHING = (query: ParsedQuery): SearchResult => ({ query, total: 0, totalCapped: false, hits: [], facets: EMPTY_FACETS, facetsSampled: null, notWholeWords: null, synonyms: synonymsOf(query), splitSuggestion: null, didYouMean: null, organNamed: null, fewerWords: [], shownInstead: null, missingDocumentNumber: null, missingIndexNumber: null, listing: false });

/**
 * The organ and its internal units (catalog's `organWithUnits`): an organ's own items. This is what the 机关
 * facet counts under an organ and what organ= searches, so a facet's count is what its click finds.
 */
export async function organAndUnits(deps: AppDeps, organId: number): Promise<number[]> {
  return organWithUnits(organId, await listOrgans(deps.db));
}

/**
 * The organ list as one search reads it: once, when first asked, for its scope (search-params' unit,
 * scopeOf), its facets' organ codes and the page or API answer that shows it. Made per request and
 * dropped with it — not a cache: the organs cannot change within one search's answer any more than its
 * results can (a change to an organ raises the content version the result cache is kept by).
 */
export type OrganList = () => Promise<Organ[]>;

export function organListOf(deps: AppDeps): OrganList {
  let read: Promise<Organ[]> | undefined;
  return () => (read ??= listOrgans(deps.db));
}

/** The filters as the index takes them: organs (scope ∩ chosen organ), stage, genre, validity, a key range for year and dates, the keys of a node's items. */
async function scopeOf(deps: AppDeps, f: SearchFilters, organList: OrganList): Promise<Scope> {
  const organs = f.scopeOrganId ? await organList() : [];
  let organIds = f.scopeOrganId ? organWithUnits(f.scopeOrganId, organs) : null;
  // The region's scope holds every organ: as a filter it would only cost (a list of every organ's tag).
  if (organIds && organIds.length === organs.length) organIds = null;
  if (f.organId) organIds = organIds ? organIds.filter((id) => id === f.organId) : [f.organId];
  const fromOn = [f.fromOn, f.year ? `${f.year}-01-01` : undefined].filter((x): x is string => !!x).sort().pop();
  const toOn = [f.toOn, f.year ? `${f.year}-12-31` : undefined].filter((x): x is string => !!x).sort()[0];
  let keys: number[] | null = null;
  if (f.nodeId) {
    const node = await findNodeOrgan(deps.db, f.nodeId);
    keys = node ? await keysInNodes(deps.db, subtreeIds(await listCatalogNodes(deps.db, node.organ_id), node.id)) : [];
  }
  return { organIds, stage: f.stage, genre: f.genre, validity: f.validity, ...keyRange(fromOn, toOn), keys };
}

const byKeyDesc = (a: number, b: number) => b - a;

/** A question how or where to do something: how many of the newest matches saying 指南, 须知 or 流程 are candidates (ADR 0053). */
export const GUIDE_CANDIDATES = 30;
/** The words of a guide's title, as one more keyword of alternatives (service-question.ts GUIDE_TITLE_WORDS). */
const GUIDE_WORDS = GUIDE_TITLE_WORDS.map(phraseOf).filter((p) => p !== null);

/**
 * One search: the matching items (every keyword as a substring, or the 文号/索引号), the facet
 * counts, and one page ranked by relevance (domain/rank.ts) or newest first. The index hands out
 * matches newest first and stops early, so no step reads every match of a common word: the total
 * is counted up to TOTAL_CAP, the facets over the newest FACET_SAMPLE matches, and relevance ranks
 * a bounded candidate set (the newest RANK_WINDOW matches, the newest title matches and the exact
 * number); beyond the ranked candidates the list goes on newest first. Every step is defined on the
 * newest-first order of the matches, so SQLite and PostgreSQL produce the same list.
 */
export async function searchPublications(deps: AppDeps, req: SearchRequest, opts: { segment?: Segmenter; lexicon?: () => Promise<Lexicon>; limits?: SearchLimits; index?: FullTextIndex; organs?: OrganList; noSuggestion?: boolean; countOnly?: boolean } = {}): Promise<SearchResult> {
  const segment = opts.segment ?? jiebaSegmenter();
  const { rankWindow, titleCandidates, totalCap, facetSample } = opts.limits ?? SEARCH_LIMITS;
  if (facetSample < rankWindow) throw new Error('facetSample must be at least rankWindow: the window is the sample’s head');
  const { db } = deps;
  const index = opts.index ?? fullTextIndexFor(deps.dialect);
  const query = parseQuery(req.q);
  const organs = opts.organs ?? organListOf(deps);
  // Nothing typed, a filter chosen (or the newest first asked for): what the filters let through, newest first.
  if (!query.display && listsWithoutWord(req)) return listByFilters(deps, req, query, await scopeOf(deps, req.filters, organs), index, organs, { totalCap, facetSample });
  if (!query.keywords.length && !query.documentNumberKey) return NOTHING(query);
  const scope = await scopeOf(deps, req.filters, organs);
  const m: Match = { keywords: query.keywords.map((k) => k.alternatives.map((a) => a.phrase)) };

  const numbered = await numberedKeys(db, query, scope);
  const numberedAlsoMatching = await index.among(db, m, scope, numbered);
  const extra = numbered.filter((k) => !numberedAlsoMatching.has(k));
  /** The newest `limit` matches: the index's, merged with the numbered items it does not find. */
  const newest = async (s: Scope, limit: number) => {
    const fromIndex = await index.newest(db, m, s, limit);
    const inRange = extra.filter((k) => (s.minKey === undefined || k >= s.minKey) && (s.maxKey === undefined || k <= s.maxKey));
    return [...fromIndex, ...inRange].sort(byKeyDesc).slice(0, limit);
  };

  // With the sample at least as long as the cap (the default), the newest totalCap + 1 matches give
  // both the count and the sample in one question; asking the index to count as well would read the
  // same matches twice (on PostgreSQL each one's tokens).
  let total: number;
  let sample: number[];
  if (facetSample >= totalCap) {
    const fromIndex = await index.newest(db, m, scope, Math.max(facetSample, totalCap + 1));
    total = Math.min(fromIndex.length + extra.length, totalCap + 1);
    sample = [...fromIndex, ...extra].sort(byKeyDesc).slice(0, facetSample);
  } else {
    total = Math.min((await index.countUpTo(db, m, scope, totalCap + 1)) + extra.length, totalCap + 1);
    sample = total ? await newest(scope, facetSample) : [];
  }
  // Asked for its count only (the words apart above a few results): no facets, no page.
  if (opts.countOnly) return { ...NOTHING(query), total, totalCapped: total > totalCap };
  // The words apart, in the same scope (one more bounded search): offered when nothing was found and they find
  // something, with their first items; above very few results when they find more, as a link only.
  // At most MAX_KEYWORDS words, as searched: past it the commonest go (jieba's dictionary, read only then).
  const splitOf = numbered.length || opts.noSuggestion || total > FEW_RESULTS ? null : splitWords(query, segment);
  const dictionary = splitOf && splitOf.length > MAX_KEYWORDS ? await (opts.lexicon ?? jiebaLexicon)() : null;
  const split = splitOf && keptWords(splitOf, dictionary ? (w) => dictionary.frequency(w) : undefined).join(' ');
  const apart = !split ? null : total === 0
    ? await searchPublications(deps, { ...req, q: split, page: 1, pageSize: SPLIT_PREVIEW }, { ...opts, organs, noSuggestion: true })
    : await searchPublications(deps, { ...req, q: split, page: 1 }, { ...opts, organs, noSuggestion: true, countOnly: true });
  const offer = split && apart && apart.total > total ? { q: split, total: apart.total, hits: apart.hits } : null;
  // Offers of a narrower or a shorter query, each one more bounded count (search-offers.ts).
  const countOf: CountOf = async (q, scopeOrganId) => (await searchPublications(deps, { ...req, q, filters: { ...req.filters, scopeOrganId }, page: 1 }, { ...opts, organs, noSuggestion: true, countOnly: true })).total;
  // The name may be glued to the words (住建局公示): read from the words apart too, when they are worked out.
  const organNamed = opts.noSuggestion || numbered.length ? null
    : (await organNamedOffer(query, req.filters.scopeOrganId, await organs(), countOf)) ?? (split ? await organNamedOffer(parseQuery(split), req.filters.scopeOrganId, await organs(), countOf) : null);
  // A 文号 no item in the scope has (岚建〔2026〕6号 where 63号 exists): said, with its neighbours (a few exact keys, bounded).
  const missingNumber = opts.noSuggestion || numbered.length ? null : await missingDocumentNumber(db, query.documentNumberKey, scope, await organs());
  if (total === 0) {
    const lexicon = opts.lexicon ?? jiebaLexicon;
    const didYouMean = opts.noSuggestion || offer ? null
      : (await nearNumberOffer(deps.db, query, scope, lexicon, countOf, req.filters.scopeOrganId)) ?? (await correctedQueryOffer(query, await organs(), lexicon, countOf, req.filters.scopeOrganId));
    // One keyword typed as several words without spaces, whose split finds nothing either: the split's words, one left out in turn.
    // Not a keyword that is itself a word (住房公积金, or 住房公基金 mistyped): a part of it alone says too little.
    const fewerOffered = !(opts.noSuggestion || offer || didYouMean || numbered.length);
    const wordsOfQuery = fewerOffered && query.keywords.length === 1 && split && !(await isOneWord(query.keywords[0].text, await organs(), segment, lexicon)) ? parseQuery(split) : query;
    const fewerWords = fewerOffered ? await fewerWordsOffers(wordsOfQuery, req.filters.scopeOrganId, countOf, segment) : [];
    // An 索引号 no item has (…/2026-00930): said as a number, with its organ and the format (no database read).
    const missingIndex = opts.noSuggestion || numbered.length ? null : missingIndexNumber(query.indexNumberKey, await organs());
    // The offer whose first items the page shows in place of none (one more bounded search, its first page only; the
    // words apart were already searched for their items).
    const firstOf = async (kind: 'didYouMean' | 'fewerWords', o: { q: string; total: number }): Promise<ShownInstead> =>
      ({ kind, q: o.q, total: o.total, hits: (await searchPublications(deps, { ...req, q: o.q, page: 1, pageSize: SPLIT_PREVIEW }, { ...opts, organs, noSuggestion: true })).hits });
    const shownInstead: ShownInstead | null = opts.noSuggestion ? null
      : offer ? { kind: 'splitSuggestion', q: offer.q, total: offer.total, hits: offer.hits }
      : didYouMean ? await firstOf('didYouMean', didYouMean)
      // Not an offer of generic words only (发放 for 养老金发放): it dropped every word of what was asked, so its items
      // are no answer; it stays a link (domain/generic-words.ts).
      : fewerWords[0] && !genericOnly(fewerWords[0].q) ? await firstOf('fewerWords', fewerWords[0])
      : null;
    return { ...NOTHING(query), splitSuggestion: offer, didYouMean, organNamed, fewerWords, shownInstead, missingDocumentNumber: missingNumber, missingIndexNumber: missingIndex };
  }
  const facets = await facetsOf(deps, sample, organs);

  const offset = (req.page - 1) * req.pageSize;
  let page: number[];
  let notWholeWords: string[] | null = null;
  if (offset >= totalCap) page = []; // the list stops at totalCap, as its count does
  else if (req.sort === 'newest') {
    page = offset + req.pageSize <= sample.length ? sample.slice(offset, offset + req.pageSize) : (await newest(scope, offset + req.pageSize)).slice(offset);
  } else {
    const window = sample.slice(0, rankWindow);
    const titled = await index.newest(db, { ...m, titleOnly: true }, scope, titleCandidates);
    // A question how or where to do something (ADR 0053): the newest matches that say 指南, 须知 or a 流程 of doing, where
    // its service guide is when the window of newest matches has passed it by (one more bounded question).
    const guides = query.serviceQuestion ? await index.newest(db, { keywords: [...m.keywords, GUIDE_WORDS] }, scope, GUIDE_CANDIDATES) : [];
    const candidates = [...new Set([...window, ...titled, ...numbered, ...guides])];
    const facts = await rankFacts(deps, index, query, m, scope, { window, titled, numbered, guides }, segment, await organs());
    if (!numbered.length) notWholeWords = facts.notWholeWords;
    const ranked = rankWithRepeatsAfter(facts.facts, (f) => f.title).map((f) => f.key);
    page = ranked.slice(offset, offset + req.pageSize);
    if (page.length < req.pageSize && window.length === rankWindow) {
      // Beyond the ranked candidates: the other matches, older than the window, newest first.
      const oldest = window[window.length - 1];
      const skip = Math.max(0, offset - ranked.length);
      const want = req.pageSize - page.length;
      const already = new Set(candidates);
      const alreadyOlder = candidates.filter((k) => k < oldest).length;
      const rest = (await newest({ ...scope, maxKey: oldest - 1 }, skip + want + alreadyOlder)).filter((k) => !already.has(k));
      page = [...page, ...rest.slice(skip, skip + want)];
    }
  }
  page = page.slice(0, Math.max(0, totalCap - offset));

  const hits = await presentHits(deps, query, page.map(idOfSortKey), new Set(numbered.map(idOfSortKey)));
  return { query, total, totalCapped: total > totalCap, hits, facets, facetsSampled: total > sample.length ? sample.length : null, notWholeWords, synonyms: synonymsOf(query), splitSuggestion: offer, didYouMean: null, organNamed, fewerWords: [], shownInstead: null, missingDocumentNumber: missingNumber, missingIndexNumber: null, listing: false };
}

/**
 * No word and at least one filter (docs/search.md, "Filters without a word"): the items of the scope, newest
 * first whatever sort was asked — relevance has nothing to weigh without words. Bounded as a search is: the index
 * lists the newest max(facetSample, totalCap + 1) from its newest end (`FullTextIndex.listed`), which gives the
 * total counted to the cap, the facets' sample and every page up to the cap in one question.
 */
async function listByFilters(
  deps: AppDeps, req: SearchRequest, query: ParsedQuery, scope: Scope, index: FullTextIndex, organs: OrganList,
  { totalCap, facetSample }: Pick<SearchLimits, 'totalCap' | 'facetSample'>,
): Promise<SearchResult> {
  const read = await index.listed(deps.db, scope, Math.max(facetSample, totalCap + 1));
  const total = Math.min(read.length, totalCap + 1);
  if (!total) return { ...NOTHING(query), listing: true };
  const sample = read.slice(0, facetSample);
  const offset = (req.page - 1) * req.pageSize;
  const page = offset >= totalCap ? [] : read.slice(offset, Math.min(offset + req.pageSize, totalCap));
  const [facets, hits] = await Promise.all([facetsOf(deps, sample, organs), presentHits(deps, query, page.map(idOfSortKey), new Set(), { listing: true })]);
  return { ...NOTHING(query), total, totalCapped: total > totalCap, hits, facets, facetsSampled: total > sample.length ? sample.length : null, listing: true };
}

/** Facet counts over some matches (their sort keys): organ, node (the 30 largest, with names), stage, genre, year (newest first), validity. */
async function facetsOf(deps: AppDeps, keys: number[], organList: OrganList): Promise<SearchResult['facets']> {
  const [f, organs] = await Promise.all([facetRows(deps.db, deps.dialect, keys), organList()]);
  // An organ by its code (what organ= takes), an internal unit's items under the organ that publishes for it.
  const byId = new Map(organs.map((o) => [o.id, o]));
  const organCode = (id: number | string) => {
    const o = byId.get(Number(id));
    return o ? (o.kind === 'unit' ? handlingOrganOf(o, organs) ?? o : o).code : String(id);
  };
  const count = (values: (string | number)[]) => {
    const n = new Map<string, number>();
    for (const v of values) n.set(String(v), (n.get(String(v)) ?? 0) + 1);
    return [...n].map(([value, c]) => ({ value, count: c })).sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  };
  const nodeCounts = count(f.node).slice(0, 30);
  const nodeName = await nodeFacetLabels(deps, nodeCounts.map((n) => Number(n.value)), organs);
  // An item placed in two listed columns (规划计划 and 重点领域 › 保障性住房 › 规划计划) is counted under each: the page says
  // how many are, so two equal counts are not read as a mistake (an outside tester).
  const listed = new Set(nodeCounts.map((n) => n.value));
  const placedIn = new Map<number, number>();
  f.node.forEach((node, i) => { if (listed.has(String(node))) placedIn.set(f.nodeItem[i], (placedIn.get(f.nodeItem[i]) ?? 0) + 1); });
  const nodeShared = [...placedIn.values()].filter((c) => c > 1).length;
  return {
    organ: count(f.organ.map(organCode)),
    stage: count(f.stage),
    genre: count(f.genre),
    year: count(f.year).sort((a, b) => Number(b.value) - Number(a.value)),
    validity: count(f.validity),
    node: nodeCounts.map((n) => ({ ...n, label: nodeName.get(Number(n.value)) ?? n.value })),
    nodeShared,
  };
}

/**
 * The 目录栏目 facets' labels, one rule at every depth (docs/search.md): a column's path from its organ's top column
 * (重点领域 › 保障性住房 › 规划计划; a top column its name alone), so each entry says which column it is and entries that
 * look alike are told apart at a glance — names alone, a parent only where two shared a name, read 规划计划 beside
 * 保障性住房 › 规划计划 and a 申请与审核 without its parent (an outside tester). Where even the whole paths are the same
 * (two organs' trees), the organ's short name after it.
 */
async function nodeFacetLabels(deps: AppDeps, ids: number[], organList: Organ[]): Promise<Map<number, string>> {
  // The listed columns and their ancestors, in one statement (the page's count of statements stays the same however deep).
  const nodes = await nodesWithAncestors(deps.db, ids);
  const found = nodes.filter((n) => ids.includes(n.id));
  const tally = (labels: string[]) => labels.reduce((m, l) => m.set(l, (m.get(l) ?? 0) + 1), new Map<string, number>());
  const pathOf = new Map(found.map((n) => [n.id, pathTo(nodes, n.id).map((x) => x.name).join(' › ')]));
  const labels = tally([...pathOf.values()]);
  // The organs' names from the list the search has read already (every organ), not a statement of their own.
  const organs = [...labels.values()].some((c) => c > 1) ? new Map(organList.map((o) => [o.id, o.shortName || o.name])) : new Map<number, string>();
  return new Map(found.map((n) => [n.id, labels.get(pathOf.get(n.id)!)! > 1 ? `${pathOf.get(n.id)}（${organs.get(n.organId) ?? ''}）` : pathOf.get(n.id)!]));
}

/**
 * The ranking facts of the candidates, and the keywords none of them holds as a whole word. Each question is asked of the index for one group of
 * candidates at a time — the window (every match in its key range), the title matches (every title
 * match in theirs), the numbered items — so the index only visits those candidates' range. The
 * window and the title matches are known to match the keywords, so of them the index is asked only
 * about titles or words; a numbered item must also match the keywords to earn a signal.
 */
async function rankFacts(
  deps: AppDeps, index: FullTextIndex, query: ParsedQuery, m: Match, scope: Scope,
  groups: { window: number[]; titled: number[]; numbered: number[]; guides: number[] }, segment: Segmenter, organs: Organ[],
): Promise<{ facts: (RankFacts & { key: number; title: string })[]; notWholeWords: string[] }> {
  const { db } = deps;
  const keys = [...new Set([...groups.window, ...groups.titled, ...groups.numbered, ...groups.guides])];
  // The item's own fields: its title (the names it gives itself), organ and standing (kind, genre, validity).
  const items = new Map((await rankRows(db, keys.map(idOfSortKey))).map((r) => [r.id, r]));
  // A keyword naming an organ (住建局 公示) is, for that organ's own items, the organ they belong to, not a word of
  // their titles: of them the other keywords are asked, and the name counts as a whole word for each.
  const named = query.keywords.length > 1 ? organNamedIn(query, organs) : null;
  const namedOrgans = new Set(named ? organWithUnits(named.organ.id, organs) : []);
  const ownKeys = keys.filter((k) => namedOrgans.has(items.get(idOfSortKey(k))?.organ_id ?? -1));
  const own = new Set(ownKeys);
  const union = async (asks: Promise<Set<number>>[]) => {
    const out = new Set<number>();
    for (const found of await Promise.all(asks)) for (const k of found) out.add(k);
    return out;
  };
  // The title matches outside the window are few and may be spread over years: asked for one by one.
  const inWindow = new Set(groups.window);
  // The guides a question how or where to do something added (they match, as the window's items do) are asked as the title matches are.
  const isTitled = new Set(groups.titled);
  const guidesOnly = [...new Set(groups.guides)].filter((k) => !inWindow.has(k) && !isTitled.has(k));
  const titledOnly = [...groups.titled.filter((k) => !inWindow.has(k)), ...guidesOnly];
  const titleAll = m.keywords.length
    ? await union([index.among(db, { ...m, titleOnly: true }, scope, groups.window), Promise.resolve(new Set(groups.titled)), index.among(db, { ...m, titleOnly: true }, scope, groups.numbered), index.among(db, { ...m, titleOnly: true }, scope, guidesOnly)])
    : new Set<number>();
  if (named && ownKeys.length) {
    const rest = await index.among(db, { keywords: m.keywords.filter((_, i) => i !== named.keywordAt), titleOnly: true }, scope, ownKeys);
    for (const k of ownKeys) if (rest.has(k)) titleAll.add(k); else titleAll.delete(k);
  }
  const score = new Map<number, number>();
  const notWholeWords: string[] = [];
  for (const [at, k] of query.keywords.entries()) {
    if (named?.keywordAt === at) for (const key of own) score.set(key, (score.get(key) ?? 0) + 2);
    const words = k.alternatives.map((a) => wordPhrasesOf(segment, a.text)).filter((w) => w !== null);
    if (!words.length) continue;
    const signal = (kind: 'exact' | 'start') => {
      const phrases = words.map((w) => w[kind]);
      return union([
        index.among(db, { keywords: [], words: phrases }, scope, groups.window),
        index.among(db, { keywords: [], words: phrases }, scope, titledOnly),
        index.among(db, { ...m, words: phrases }, scope, groups.numbered),
      ]);
    };
    // A last word of one character or of more than six has no start-of-word signal: its `start` is its
    // `exact`, and the index is not asked the same questions twice.
    const whole = await signal('exact');
    const start = words.every((w) => !w.start.prefixLast) ? whole : await signal('start');
    // Said only of a keyword every candidate holds inside a longer word, never at its start: 房改 in 危房改造
    // is another word; 危房 in 危房改造 or 公积 in 公积金 is the same thing named more fully.
    if (!whole.size && !start.size) notWholeWords.push(k.text);
    for (const key of start) if (named?.keywordAt !== at || !own.has(key)) score.set(key, (score.get(key) ?? 0) + (whole.has(key) ? 2 : 1));
  }
  const aboutKeywords = query.keywords.map((k) => k.alternatives.map((a) => a.text));
  const exact = new Set(groups.numbered);
  // The wordings that may name an item: the keywords run together; a lone keyword's synonyms too (公租房管理办法 is not one).
  const wordings = [query.keywords.map((k) => k.text).join(''), ...(query.keywords.length === 1 ? query.keywords[0].alternatives.slice(1).map((a) => a.text) : [])];
  const names = namingTest(wordings);
  const facts = keys.map((key) => {
    const item = items.get(idOfSortKey(key));
    return {
      key, title: item?.title ?? '', sortKey: key, exactNumber: exact.has(key), titleHasAll: titleAll.has(key), wordScore: score.get(key) ?? 0,
      nameMatch: item && titleAll.has(key) ? names(item.title) : false,
      guideAsked: !!query.serviceQuestion && !!item && guideFor({ title: item.title, genre: item.genre }, aboutKeywords),
      standing: item ? standingOf({ title: item.title, itemKind: item.item_kind, genre: item.genre, validity: item.validity }) : 0,
    };
  });
  return { facts, notWholeWords };
}

/**
 * Result lines of some items, in the order given: title, snippet (where the keywords are, else the body's start), organ,
 * catalog path, numbers. In a `listing` (filters without a word) nothing is marked, and the line shows what a reader
 * of a list looks for: the item's 内容概述 when it has one (the text it is summed up by), else its body's start.
 */
export async function presentHits(deps: AppDeps, query: ParsedQuery, ids: number[], exact: Set<number>, opts: { listing?: boolean } = {}): Promise<SearchHit[]> {
  const { db } = deps;
  const [rows, chunks, placements] = await Promise.all([resultRows(db, ids), chunksOfDocs(db, ids), placementsOf(db, ids)]);
  const keywords = query.keywords.map((k) => k.alternatives.map((a) => a.text));
  const words = keywords.flat();
  // Whether a text holds a keyword with what is not a letter or digit left out (招标 in 招 标, 共2页 in 共 2 页): its letters
  // and digits in order with only such characters between them, found in the normalised text. Stripping those characters
  // from every chunk first (a replace over the whole text) cost most of a result page's own time (docs/performance.md).
  // One expression a keyword, each asked in turn: an alternation of several made every position of the text try each.
  const needles = words.map((w) => normalizeText(w).replace(/[^\p{L}\p{N}]/gu, '')).filter((n) => n);
  const holds = needles.map((n) => new RegExp([...n].map(escapeRegExp).join('[^\\p{L}\\p{N}]*'), 'u'));
  const contains = (text: string) => {
    if (!holds.length) return false;
    const t = normalizeText(text);
    return holds.some((h) => h.test(t));
  };
  const nodes = await nodesOfOrgans(db, [...new Set(rows.map((r) => r.organ_id))]);
  const out: SearchHit[] = [];
  for (const id of ids) {
    const r = rows.find((x) => x.id === id);
    if (!r) continue;
    const mine = chunks.filter((c) => c.publication_id === id);
    const body = mine.find((c) => c.field === 'body' && contains(c.text));
    // The 内容概述 and the attachments are looked through only when the body does not hold a keyword: with it they change nothing.
    const meta = body ? undefined : mine.find((c) => c.field === 'meta' && contains(c.text));
    const titleHit = contains(r.title);
    const attached = body || titleHit || meta ? undefined : mine.find((c) => c.field === 'attachment' && contains(c.text));
    const shown = body ?? (!titleHit && !meta ? attached : undefined) ?? mine.find((c) => c.field === 'body') ?? meta;
    const firstNode = placements.find((p) => p.publication_id === id)?.node_id;
    out.push({
      id, title: r.title, titleParts: snippetOf(r.title, keywords, 400), organCode: r.organ_code, organName: r.organ_name,
      catalogPath: firstNode ? pathTo(nodes, firstNode).map((n) => n.name) : [],
      publishedOn: r.published_on ?? '', indexNumber: r.index_number, documentNumber: r.document_number, validity: r.validity,
      // An attachment's text without its 附件名称 and file name (the badge gives them) and a page footer left out (domain/snippet-text.ts).
      snippet: opts.listing && r.summary?.trim() ? snippetOf(r.summary, []) : shown ? snippetOf(snippetSource(shown.text, { ...(shown.field === 'attachment' ? { fileName: shown.file_name, title: shown.attachment_title } : {}), holdsWord: contains }), keywords) : [],
      // Named as the portal names it: its 附件名称, else its file name.
      attachmentHit: !body && !titleHit && !meta && attached ? attached.attachment_title ?? attached.file_name ?? '附件' : null,
      exactNumber: exact.has(id),
      exactNumberMatch: exact.has(id) ? exactNumberOf(query, { documentNumber: r.document_number, indexNumber: r.index_number }) : null,
    });
  }
  return out;
}
