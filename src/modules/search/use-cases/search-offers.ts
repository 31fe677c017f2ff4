import { handlingOrganOf, itemPath, scopeLabel, type Executor, type Organ } from '../../catalog/index.ts';
import { documentNumberParts, documentNumberShown, MISSING_NUMBER_BOUNDS, nearbyDocumentNumberKeys, nearDocumentNumberKeys, sameCodeKeys, serialDistance } from '../domain/numbers.ts';
import { organNamedIn } from '../domain/organ-named.ts';
import { MAX_KEYWORDS, parseQuery, type ParsedQuery } from '../domain/parse-query.ts';
import { idOfSortKey } from '../domain/sort-key.ts';
import { DOMAIN_WORDS } from '../domain/domain-words.ts';
import { subjectFirst } from '../domain/generic-words.ts';
import { SYNONYM_GROUPS } from '../domain/synonyms.ts';
import { shorterWord, wordsOfKeyword } from '../domain/shorter-word.ts';
import { asksOnly } from '../domain/split-suggestion.ts';
import { typoOffers, type Lexicon, type TypoKind } from '../domain/typo-suggestion.ts';
import type { Segmenter } from '../domain/word-signal.ts';
import type { Scope } from '../storage/full-text-index.ts';
import { documentNumbersIn, resultRows } from '../storage/search-repository.ts';
import { documentNumbersAmong } from '../storage/document-number-keys.ts';

/**
 * The offers a search makes besides its own results (docs/search.md): a corrected query (您是不是要找), an organ named
 * among the keywords as a scope, fewer keywords. Each is worked out from the query and a few bounded counts.
 */

/** How many items a query finds in a scope (the whole region: null), counted as a search counts them (bounded). */
export type CountOf = (q: string, scopeOrganId: number | null) => Promise<number>;

/**
 * A corrected query, how many items it finds, and which kind of slip it mends — what the page's reason line must say:
 * 'homophone' a character read alike (公阻房 → 公租房), 'shape' a character of another shape (公共租凭住房 → 公共租赁住房; never
 * in a keyword of two characters), 'documentNumber' a 文号 whose 代字 differs by one character (岚健 → 岚建).
 */
export type DidYouMean = { q: string; total: number; kind: TypoKind | 'documentNumber' };

/**
 * 您是不是要找 for a 文号 that no item has: an item's 文号 of the same year and serial whose 代字 differs by one character
 * (domain/numbers.ts, nearDocumentNumberKeys: one index look-up of a few dozen keys), in the same scope and filters — the
 * newest such item's 文号 as it writes it, and what searching it finds.
 */
export async function nearNumberOffer(db: Executor, query: ParsedQuery, scope: Scope, lexicon: () => Promise<Lexicon>, count: CountOf, scopeOrganId: number | null): Promise<DidYouMean | null> {
  if (!nearDocumentNumberKeys(query.documentNumberKey).length) return null;
  const homophones = await lexicon();
  const found = await documentNumbersIn(db, nearDocumentNumberKeys(query.documentNumberKey, (c) => homophones.homophones(c)), scope);
  if (!found.length) return null;
  const [item] = await resultRows(db, [idOfSortKey(found[0].sortKey)]);
  if (!item?.document_number) return null;
  const total = await count(item.document_number, scopeOrganId);
  return total > 0 ? { q: item.document_number, total, kind: 'documentNumber' } : null;
}

/**
 * A query that reads as a 文号 (its key has the 代字, year and serial: domain/numbers.ts) that no item in the scope has:
 * `documentNumber` as the portal writes it back, the documents of the same 代字 and year nearest to it (at most
 * MISSING_NUMBER_BOUNDS.shown, newest first), and the organ whose 代字 it is, whose list a reader can open. Null when
 * the query is no 文号 (docs/search.md, "A 文号 that no item has").
 */
export type MissingDocumentNumber = {
  documentNumber: string;
  nearby: { id: number; title: string; url: string; documentNumber: string; publishedOn: string }[];
  organ: { code: string; label: string } | null;
};

/**
 * Worked out from the index of 文号 keys (search_docs.document_number_key, migration 011) by equality only — a few dozen
 * exact keys in one look-up for the neighbours, and when none is found, a few dozen more (the first serials of the
 * years around) to tell whose 代字 it is — so it costs the same at 1,000,000 items and reads the same on both databases
 * whatever their collation. The scope and filters apply, as to the search.
 */
export async function missingDocumentNumber(db: Executor, documentNumberKey: string, scope: Scope, organs: Organ[]): Promise<MissingDocumentNumber | null> {
  const typed = documentNumberParts(documentNumberKey);
  if (!typed) return null;
  const found = await documentNumbersAmong(db, nearbyDocumentNumberKeys(typed), scope);
  const distance = (key: string) => serialDistance(typed.serial, documentNumberParts(key)?.serial ?? 0);
  const nearest = [...found].sort((a, b) => distance(a.documentNumberKey) - distance(b.documentNumberKey) || b.sortKey - a.sortKey).slice(0, MISSING_NUMBER_BOUNDS.shown)
    .sort((a, b) => b.sortKey - a.sortKey);
  const rows = await resultRows(db, nearest.map((f) => idOfSortKey(f.sortKey)));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const nearby = nearest.flatMap((f) => {
    const r = byId.get(idOfSortKey(f.sortKey));
    return r?.document_number && r.published_on ? [{ id: r.id, title: r.title, url: itemPath(r.organ_code, r.id), documentNumber: r.document_number, publishedOn: r.published_on, organId: r.organ_id }] : [];
  });
  // Whose 代字: the organ of the newest neighbour, else of the newest of its first serials in the years around.
  let organId: number | null = nearby[0]?.organId ?? null;
  if (organId === null) {
    const [other] = await documentNumbersAmong(db, sameCodeKeys(typed), scope);
    organId = other ? ((await resultRows(db, [idOfSortKey(other.sortKey)]))[0]?.organ_id ?? null) : null;
  }
  const signer = organId === null ? undefined : organs.find((o) => o.id === organId);
  // An internal unit (股室) publishes through its organ: the organ's list holds its items.
  const organ = signer ? (signer.kind === 'unit' ? handlingOrganOf(signer, organs) ?? signer : signer) : undefined;
  return {
    documentNumber: documentNumberShown(typed),
    nearby: nearby.map(({ organId: _organ, ...n }) => n),
    organ: organ ? { code: organ.code, label: scopeLabel(organ) } : null,
  };
}

/**
 * 您是不是要找: the query with a keyword's wrong character corrected (domain/typo-suggestion.ts: at most
 * TYPO_BOUNDS.maxCandidates by homophones, then maxOtherCandidates by a character of any shape, best first), the first
 * that finds something in the same scope and filters, with its count — each candidate one count, bounded like every
 * search, so of the words a character of another shape makes the one the catalog holds is offered. The known words are
 * jieba's dictionary, the synonym groups, the domain's words (domain/domain-words.ts: 扬尘, 网签, … which the dictionary
 * lacks) and the organs' names and short names.
 */
export async function correctedQueryOffer(query: ParsedQuery, organs: Organ[], lexicon: () => Promise<Lexicon>, count: CountOf, scopeOrganId: number | null): Promise<DidYouMean | null> {
  const listed = listedWords(organs);
  for (const { q, kind } of typoOffers(query, await lexicon(), listed)) {
    const total = await count(q, scopeOrganId);
    if (total > 0) return { q, total, kind };
  }
  return null;
}

/** The words known besides jieba's dictionary: the synonym groups, the domain's words, the organs' names and short names. */
const listedWords = (organs: Organ[]) => new Set([...SYNONYM_GROUPS.flat(), ...DOMAIN_WORDS, ...organs.flatMap((o) => [o.name, o.shortName]).filter((n) => n.length >= 2)]);

/**
 * Whether a keyword is itself one word — of jieba's dictionary (it cuts it whole), or listed (listedWords) — or one
 * typed with a wrong character (its first correction is one: 住房公基金). Such a keyword is never offered as a part of
 * it (fewerWordsOffers over its words apart): 住房 of 住房公积金 says too little (issue 13, an outside tester: 已将“住房公积金”
 * 改为“住房”, over 1,000 items). Its words apart are still offered when they find more (splitSuggestion).
 */
export async function isOneWord(keyword: string, organs: Organ[], segment: Segmenter, lexicon: () => Promise<Lexicon>): Promise<boolean> {
  const listed = listedWords(organs);
  const whole = (w: string) => listed.has(w) || segment(w).length === 1;
  if (whole(keyword)) return true;
  const [first] = typoOffers(parseQuery(keyword), await lexicon(), listed);
  return !!first && whole(first.q);
}

/**
 * An organ named among the keywords (domain/organ-named.ts), offered as a scope: the other words `q` within the organ
 * and how many items they find there, or, for the name alone, the organ's own pages (`q` empty, `total` null).
 */
export type OrganNamedOffer = { organ: string; organName: string; q: string; total: number | null };

/**
 * The offer for an organ named among the keywords (docs/search.md, "An organ named in the keywords"): searching the
 * whole region, or that organ itself (its own header box: the name is then a wasted word), the other words within the
 * organ when they find something there; the name alone over the whole region, the organ's pages. A search within
 * another organ gets none.
 */
export async function organNamedOffer(query: ParsedQuery, scopeOrganId: number | null, organs: Organ[], count: CountOf): Promise<OrganNamedOffer | null> {
  const named = organNamedIn(query, organs);
  if (!named || (scopeOrganId !== null && scopeOrganId !== named.organ.id)) return null;
  const offer = { organ: named.organ.code, organName: scopeLabel(named.organ) };
  if (!named.rest) return scopeOrganId === null ? { ...offer, q: '', total: null } : null;
  const total = await count(named.rest, named.organ.id);
  return total > 0 ? { ...offer, q: named.rest, total } : null;
}

/**
 * At most this many counts for the fewer-words offer: two per keyword of the most a query has (MAX_KEYWORDS), each one
 * more bounded count, as every search is.
 */
export const FEWER_WORDS_MAX_COUNTS = 2 * MAX_KEYWORDS;
/** At most this many fewer-words queries are offered. */
export const FEWER_WORDS_OFFERED = 3;
/** At most this many keywords that find something alone are counted alone before the keywords are left out in turn. */
export const FEWER_WORDS_ALONE = 2;

/**
 * Keywords that together find nothing, though each may (公租房 物业费): the query with one keyword left out, for each
 * keyword, in the same scope and filters, those that find something, most found first — what 或减少检索词 advises,
 * as links (docs/search.md). For two keywords or more (at most MAX_KEYWORDS); one keyword alone is offered its
 * shorter word (物业费 → 物业) when that finds something, one count. A keyword that only asks (怎么办 typed apart:
 * split-suggestion.ts, asksOnly) is none of them when another was typed.
 *
 * First the longest keywords are counted alone, until one finds nothing (at most FEWER_WORDS_ALONE that find something):
 * a keyword typed as one that finds nothing alone but is made of two words or more that find something together
 * (教师招聘, where the items write 公开招聘中小学教师; wordsOfKeyword) is searched as those words from then on; one that
 * finds nothing alone, apart neither, blocks every query holding it, and no such query is asked. A keyword whose leaving
 * out finds something is what blocked the query; before it is left out it is tried shortened (domain/shorter-word.ts:
 * 物业费 → 物业), else as its words, all of them in its place (wordsOfKeyword: 被拖欠 → 拖欠, 申请材料 → 申请 材料), and
 * such a query, which keeps more of what was asked, is offered before the ones that leave a keyword out. An offer of
 * generic words only (发放, 名单: domain/generic-words.ts) comes after every offer that keeps a subject, however many
 * items it finds (教师 招聘 8 before 名单 89).
 *
 * When no keyword left out finds anything (two or more block it: 工人工资 and 被拖欠 in 建筑工人工资被拖欠怎么投诉, a
 * question typed as a sentence), the most of the words that find something together: first the keywords whole, the
 * longest first (the more characters, the fewer items they name), each kept when the words kept so far and it still find
 * something; then, for each keyword not kept, longest first, its shorter word (物业费 → 物业) or else its words (wordsOfKeyword: 工人 工资 together, 拖欠), each
 * group kept likewise — an issue 13 tester was offered 建筑 投诉 because only the short keywords survived whole. Offered
 * alone, when two or more words are kept, never more than MAX_KEYWORDS (as many as a search reads).
 *
 * Bound: every count goes through one counter (countOnce) that asks at most FEWER_WORDS_MAX_COUNTS (12 for six keywords),
 * never the same query twice, and never a query holding words that found nothing together (every keyword must occur, so
 * it finds nothing either); once they are spent nothing more is tried and what is kept so far is offered. A keyword that
 * finds nothing alone thus spares the query that left out another keyword in turn and its own trial whole: the six
 * keywords of 建筑 工人工资 被拖欠 投诉 翡翠湖 琥珀港 take eleven counts, their words among them, where the keywords whole took
 * all twelve and the words got none.
 */
export async function fewerWordsOffers(query: ParsedQuery, scopeOrganId: number | null, count: CountOf, segment: Segmenter): Promise<{ q: string; total: number }[]> {
  const typed = query.keywords.map((k) => k.text);
  const about = typed.filter((w) => !asksOnly(w, segment));
  const words = about.length ? about : typed;
  if (!words.length) return [];
  if (words.length === 1) {
    // One keyword alone (物业费, where the items write 物业服务收费): its shorter word, when that finds something.
    const shorter = shorterWord(words[0], segment);
    const total = shorter ? await count(shorter, scopeOrganId) : 0;
    return shorter && total > 0 ? [{ q: shorter, total }] : [];
  }
  const counted = new Map<string, number>();
  /** Words that found nothing together: a query holding all of one of these finds nothing, and is not asked. */
  const nothing: string[][] = [];
  /** The count of a query of these words, or null once FEWER_WORDS_MAX_COUNTS are spent: the one place a count is asked. */
  const countOnce = async (ws: string[]): Promise<number | null> => {
    if (nothing.some((n) => n.every((w) => ws.includes(w)))) return 0;
    const q = ws.join(' ');
    if (!counted.has(q)) {
      if (counted.size >= FEWER_WORDS_MAX_COUNTS) return null;
      const found = await count(q, scopeOrganId);
      counted.set(q, found);
      if (!found) nothing.push(ws);
    }
    return counted.get(q)!;
  };
  /** The words of several keywords as one query, in their order, each once. */
  const queryOf = (parts: string[][]) => [...new Set(parts.flat())];
  const longestFirst = words.map((w, i) => ({ w, i })).sort((a, b) => [...b.w].length - [...a.w].length || a.i - b.i);

  // Each keyword as it is searched from here on: as typed, or its words apart when as typed it finds nothing alone and
  // apart they find something (教师招聘 → 教师 招聘). Counted alone until one finds nothing either way.
  const forms = words.map((w) => [w]);
  let alive = 0;
  for (const { w, i } of longestFirst) {
    if (alive >= FEWER_WORDS_ALONE) break;
    const alone = await countOnce([w]);
    if (alone === null) break;
    if (alone > 0) {
      alive++;
      continue;
    }
    const apart = queryOf(wordsOfKeyword(w, segment));
    const room = forms.reduce((n, f, j) => n + (j === i ? apart.length : f.length), 0) <= MAX_KEYWORDS;
    if (apart.length >= 2 && room && (await countOnce(apart))) {
      forms[i] = apart;
      alive++;
      continue;
    }
    break;
  }

  const shortened: { q: string; total: number }[] = [];
  const leftOut: { q: string; total: number }[] = [];
  for (let i = 0; i < words.length; i++) {
    const rest = queryOf(forms.filter((_, j) => j !== i));
    const total = await countOnce(rest);
    if (!total) continue;
    leftOut.push({ q: rest.join(' '), total });
    const shorter = shorterWord(words[i], segment);
    const instead = forms[i].length > 1 ? forms[i] : shorter ? [shorter] : wordsOfKeyword(words[i], segment).flat().filter((w) => !words.includes(w));
    const kept = queryOf(forms.map((f, j) => (j === i ? instead : f)));
    if (!instead.length || kept.length > MAX_KEYWORDS) continue;
    const found = await countOnce(kept);
    if (found && !shortened.some((s) => s.q === kept.join(' '))) shortened.push({ q: kept.join(' '), total: found });
  }
  const byTotal = (a: { total: number }, b: { total: number }) => b.total - a.total;
  // Those that keep a subject before those of generic words only (名单 of 教师招聘 名单: domain/generic-words.ts).
  if (leftOut.length) return subjectFirst([...shortened.sort(byTotal), ...leftOut.sort(byTotal)]).slice(0, FEWER_WORDS_OFFERED);
  // Two or more keywords block: the most of them that find something together, whole keywords longest first, then the
  // words of those not kept. A word is placed where its keyword was typed (at: the keyword, then its place in it).
  type Placed = { w: string; at: [number, number] };
  let kept: Placed[] = [];
  let total = 0;
  /** Keeps the group when the words kept and it find something; false when the counts are spent. */
  const tryKeeping = async (group: Placed[]): Promise<boolean> => {
    const adding = group.filter((g) => !kept.some((k) => k.w === g.w));
    if (!adding.length || kept.length + adding.length > MAX_KEYWORDS) return true;
    const trying = [...kept, ...adding].sort((a, b) => a.at[0] - b.at[0] || a.at[1] - b.at[1]);
    const found = await countOnce(trying.map((t) => t.w));
    if (found === null) return false;
    if (found > 0) [kept, total] = [trying, found];
    return true;
  };
  const notKept: { w: string; i: number }[] = [];
  for (const next of longestFirst) {
    if (!(await tryKeeping(forms[next.i].map((w, k) => ({ w, at: [next.i, k] as [number, number] }))))) break;
    if (!kept.some((k) => k.at[0] === next.i)) notKept.push(next);
  }
  words: for (const next of notKept) {
    let place = 0;
    // Its shorter word in its place when it has one (物业费 → 物业, as above), else its words.
    const shorter = shorterWord(next.w, segment);
    for (const group of shorter ? [[shorter]] : wordsOfKeyword(next.w, segment)) {
      if (!(await tryKeeping(group.map((w) => ({ w, at: [next.i, place++] as [number, number] }))))) break words;
    }
  }
  // One word alone says too little of what was asked (住房 of 住房 公积金 缴存): offered only as two or more.
  return kept.length >= 2 ? [{ q: kept.map((t) => t.w).join(' '), total }] : [];
}

/**
 * A query that reads as an 索引号 (an organ's code — the 18-character 统一社会信用代码 or the 9-character 组织机构代码 — a /, and
 * the period and serial) that no item in the scope has: the number as searched, the organ whose code it starts with (whose
 * list a reader can open) and how that organ's 索引号 are made, in words (docs/search.md, "An 索引号 that no item has").
 */
export type MissingIndexNumber = { indexNumber: string; organ: { code: string; label: string } | null; format: string };

const INDEX_NUMBER_SHAPE = /^([0-9A-Z]{18}|[0-9A-Z]{9})\/([0-9A-Z]+-\d+)$/;
const DEFAULT_INDEX_PATTERN = '{creditCode}/{yyyy}-{seq5}';

/** An 索引号 pattern ({creditCode}/{yyyy}-{seq5}) in a citizen's words, the organ's own code written in when known. */
export function indexPatternWords(pattern: string, creditCode: string | null): string {
  return pattern
    .replace('{creditCode}', creditCode ?? '机关的统一社会信用代码（18 位）')
    .replace('{orgCode}', creditCode ? creditCode.slice(8, 17) : '机关的组织机构代码（9 位）')
    .replace('{yyyymm}', '发布年月（6 位）')
    .replace('{yyyy}', '发布年份（4 位）')
    .replace(/\{seq([3-8])\}/, '$1 位流水号');
}

/** Worked out from the organ list alone (no database read): bounded at any size. Null when the query is no 索引号. */
export function missingIndexNumber(indexNumberKey: string, organs: Organ[]): MissingIndexNumber | null {
  const m = INDEX_NUMBER_SHAPE.exec(indexNumberKey);
  if (!m) return null;
  const code = m[1]!;
  const signer = organs.find((o) => o.creditCode && (code.length === 18 ? o.creditCode.toUpperCase() === code : o.creditCode.toUpperCase().slice(8, 17) === code));
  const organ = signer ? (signer.kind === 'unit' ? handlingOrganOf(signer, organs) ?? signer : signer) : undefined;
  return {
    indexNumber: indexNumberKey,
    organ: organ ? { code: organ.code, label: scopeLabel(organ) } : null,
    format: indexPatternWords(signer?.indexPattern || DEFAULT_INDEX_PATTERN, signer?.creditCode.toUpperCase() ?? null),
  };
}
