import { normalizeText } from './tokenize.ts';
import { isServiceGuide } from './service-question.ts';

/**
 * Relevance, computed the same way whatever the database (docs/search.md, "Order"): a pure
 * ordering of facts the index answers exactly and of the items' own fields, so SQLite and
 * PostgreSQL give one list.
 *  1. the item whose 文号 or 索引号 is the query;
 *  2. items whose name the query is, or nearly is (`namesTheQuery`);
 *  2a. for a question how or where to do something (怎么申请, 去哪里办理), a service guide about it (`guideFor`; ADR 0053);
 *  3. items with every keyword in the title;
 *  4. more keywords found as whole words (word segmentation), then as the start of a word
 *     (房改 in 房改房), before those found only inside a longer word (房改 in 危房改造);
 *  5. the item's standing (`standingOf`): a document in force before a 政策解读, a notice about
 *     a draft or a repealed item;
 *  6. newest first (the sort key: publication day, then the item id).
 */
export type RankFacts = {
  /** domain/sort-key.ts: larger is newer. */
  sortKey: number;
  exactNumber: boolean;
  /** The query is the item's name or nearly (namesTheQuery). */
  nameMatch: boolean;
  /** The query asks how or where to do something and the item is a service guide about it (guideFor); false for any other query. */
  guideAsked: boolean;
  titleHasAll: boolean;
  /** Per keyword: 2 whole word, 1 start of a word, 0 only inside a word; summed. */
  wordScore: number;
  /** standingOf: 0 at best, lower for each reason a reader looks for the item less. */
  standing: number;
};

export function compareByRelevance(a: RankFacts, b: RankFacts): number {
  return (
    Number(b.exactNumber) - Number(a.exactNumber) ||
    Number(b.nameMatch) - Number(a.nameMatch) ||
    Number(b.guideAsked) - Number(a.guideAsked) ||
    Number(b.titleHasAll) - Number(a.titleHasAll) ||
    b.wordScore - a.wordScore ||
    b.standing - a.standing ||
    b.sortKey - a.sortKey
  );
}

/** Letters and digits only, normalised: how a name and a query are compared (punctuation and spaces do not count). */
const letters = (s: string) => normalizeText(s).replace(/[^\p{L}\p{N}]/gu, '');

/** The share of a name the query must cover to count as naming it (城镇老旧小区改造实施办法 of 青岚县城镇老旧小区改造实施办法: 12 of 15). */
export const NAME_COVERAGE = 0.75;

/**
 * The names a title gives its item: the title itself and each name inside 《》 (关于印发《青岚县公共租赁住房管理办法》的通知
 * names 青岚县公共租赁住房管理办法), each also without an edition note (EDITION).
 */
export function namesOfTitle(title: string): string[] {
  return rawNames(title).map(letters).filter(Boolean);
}

/**
 * An edition note closing a name: （2024年修订）, （2023年修正）, （修订版）, （2024年版）. The name without it names the same
 * thing, so a guide revised every year under one name is named by that name in every edition, and the newest comes first
 * (citizen tester: 公共租赁住房申请办事指南 put the 2019 guide before its revisions). A draft (（征求意见稿）) is no edition.
 */
const EDITION = /[（(]\s*(?:(?:19|20)\d{2}\s*年?\s*)?(?:(?:修订|修正)版?|版)\s*[)）]\s*$/u;

/** A title and each name inside 《》 in it, as written, each also without its edition note when it has one. */
function rawNames(title: string): string[] {
  const names = [title, ...[...title.matchAll(/《([^《》]+)》/g)].map((m) => m[1])];
  return names.flatMap((n) => (EDITION.test(n) ? [n, n.replace(EDITION, '')] : [n]));
}

/**
 * Whether a query names the item: some wording of it (the keywords run together, or a keyword's synonym when it is the
 * only one) lies inside one of the title's names and covers at least NAME_COVERAGE of it. A short query covers no
 * long name, so 危房 names nothing; 城镇老旧小区改造实施办法 names the 实施办法 and its 政策解读 (whose 《》 name is the
 * same), not the notice about the draft (《…实施办法（征求意见稿）》: 12 of 20).
 */
export function namesTheQuery(title: string, wordings: string[]): boolean {
  return namingTest(wordings)(title);
}

/** Characters of the CJK Unified Ideographs block: normalising leaves each one letter, so a name has at least this many letters. */
function ideographCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) n++;
  }
  return n;
}

/**
 * namesTheQuery for many titles: the wordings normalised once, and a name with more ideographs than the longest wording
 * could name is passed over without normalising it (most titles, for a short query: a search ranks 200 candidates).
 */
export function namingTest(wordings: string[]): (title: string) => boolean {
  const ws = wordings.map(letters).filter((w) => w.length > 0);
  const longest = Math.max(0, ...ws.map((w) => w.length)) / NAME_COVERAGE;
  return (title) => {
    const raw = rawNames(title).filter((n) => ideographCount(n) <= longest);
    const names = raw.map(letters).filter((n) => n.length > 0 && n.length <= longest);
    return ws.some((w) => names.some((n) => n.includes(w) && w.length >= NAME_COVERAGE * n.length));
  };
}

/**
 * Whether a service guide (its genre or title: `isServiceGuide`) is about what a question how or where to do something
 * asks: its title holds at least half of the keywords (each as typed or as one of its synonyms; letters and digits
 * compared, as names are). 农村危房改造申请办事指南 is about 农村 危房改造 补助 怎么申请 (two of three); 房屋建筑和市政基础设施工程
 * 竣工验收备案办事指南 is not about 房屋 安全 鉴定 去哪里办理 (one of three).
 */
export function guideFor(item: { title: string; genre: string }, keywords: string[][]): boolean {
  if (!keywords.length || !isServiceGuide(item)) return false;
  const title = letters(item.title);
  const held = keywords.filter((alternatives) => alternatives.some((a) => letters(a) !== '' && title.includes(letters(a)))).length;
  return held * 2 >= keywords.length;
}

/** Genres that explain another document rather than being one. */
const INTERPRETATION_GENRES = new Set(['解读', '政策解读']);
/** A title about a draft: a consultation, its feedback, a draft itself. */
const DRAFT = /征求意见|草案|送审稿/;

/**
 * A small static prior, 0 at best: less two for a 政策解读 (of its item kind, or of genre 解读) and for an item about a
 * draft (its title speaks of 征求意见, 草案 or 送审稿), less one for an item no longer in force (repealed or expired; an
 * amended one still is). It orders items otherwise equal for the query: a policy before its interpretation and the
 * notices about its drafts — a repealed version of the policy too, before the interpretations — and a valid item before
 * a repealed one of the same kind.
 */
export function standingOf(item: { title: string; itemKind: string; genre: string; validity: string }): number {
  let s = 0;
  if (item.itemKind === 'interpretation' || INTERPRETATION_GENRES.has(item.genre)) s -= 2;
  if (DRAFT.test(item.title)) s -= 2;
  if (item.validity === 'repealed' || item.validity === 'expired') s -= 1;
  return s;
}

/** Serial numbers written in Chinese numerals after 第 (第一批, 第十二期, 第三季度). */
const CHINESE_SERIAL = /第[一二三四五六七八九十百千零〇两]+/gu;

/**
 * The series a title belongs to: the title without what changes from one issue of a recurring item to the next —
 * its digits (years, months, batch numbers), a serial in Chinese numerals after 第, and every part in brackets (the
 * town of a town-by-town 公示, an edition note). 2026年农村危房改造补助资金发放情况公示（桐溪镇） and 2025年…（双河镇）
 * are one series; 关于印发《…管理办法》的通知 and its 《…管理办法》政策解读 are two.
 */
export function seriesOf(title: string): string {
  return normalizeText(title)
    .replace(/[（(【〔[][^（）()【】〔〕[\]]*[)）】〕\]]/gu, '')
    .replace(CHINESE_SERIAL, '第')
    .replace(/\d+/gu, '')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * The candidates in the order of relevance, an item repeating a series placed after the others that match the query
 * as well (docs/search.md, "Order"): sorted by `compareByRelevance`, then each item whose series (`seriesOf`) came
 * earlier in that order moves below the items of its rank — exact number, name, title, word signals — that do not
 * repeat one. So a recurring item (twenty towns' 发放情况公示 a year) shows its best issue where it ranks and the rest
 * of the series after, and the 管理办法 whose title holds the same words is not pushed to the fiftieth place. Among
 * themselves the repeats and the others keep their order (standing, then newest first).
 */
export function rankWithRepeatsAfter<T extends RankFacts>(facts: T[], titleOf: (f: T) => string): T[] {
  const sorted = [...facts].sort(compareByRelevance);
  const seen = new Set<string>();
  const marked = sorted.map((f, i) => {
    const series = seriesOf(titleOf(f));
    const repeat = series !== '' && seen.has(series);
    seen.add(series);
    return { f, i, repeat };
  });
  // A guide asked for ranks first in its newest edition only: its older ones (a repeat of its series) rank as any item.
  const guide = (x: { f: RankFacts; repeat: boolean }) => x.f.guideAsked && !x.repeat;
  const tier = (a: { f: RankFacts; repeat: boolean }, b: { f: RankFacts; repeat: boolean }) =>
    Number(b.f.exactNumber) - Number(a.f.exactNumber) || Number(b.f.nameMatch) - Number(a.f.nameMatch) || Number(guide(b)) - Number(guide(a)) || Number(b.f.titleHasAll) - Number(a.f.titleHasAll) || b.f.wordScore - a.f.wordScore;
  return marked.sort((a, b) => tier(a, b) || Number(a.repeat) - Number(b.repeat) || a.i - b.i).map((x) => x.f);
}
