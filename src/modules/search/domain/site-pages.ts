import type { ParsedQuery } from './parse-query.ts';
import { normalizeText } from './tokenize.ts';

/**
 * The portal's own pages a search may ask for (docs/search.md, "The portal's own pages"): an organ's fixed pages
 * (catalog's portal routes) and the two status look-ups. Each by the words people call it; a query made only of such
 * words, an organ's name and words that only ask (的, 怎么, 在哪里, 是多少 …) asks for those pages — an outside tester on a
 * phone searched 政府信息公开指南 and got annual reports, 住建局 电话 and got 征求意见采纳情况的说明 items, never the page.
 */
export type SitePage = 'guide' | 'rules' | 'annualReports' | 'statutory' | 'catalog' | 'apply' | 'applicationStatus' | 'letters' | 'letterStatus' | 'contact' | 'functions';

/** Each page with the words that ask for it, in the order the panel lists them. `weak` words ask for it only when no other page is asked (在哪里). */
export const SITE_PAGE_WORDS: { page: SitePage; words: string[]; weak?: string[] }[] = [
  { page: 'guide', words: ['政府信息公开指南', '信息公开指南', '公开指南'] },
  { page: 'rules', words: ['政府信息公开制度', '信息公开制度', '公开制度'] },
  { page: 'annualReports', words: ['政府信息公开工作年度报告', '信息公开工作年度报告', '公开工作年度报告', '信息公开年报', '公开年报', '年度报告', '年报'] },
  { page: 'statutory', words: ['法定主动公开内容', '法定主动公开', '法定公开内容', '主动公开内容'] },
  { page: 'catalog', words: ['政府信息公开目录', '信息公开目录', '公开目录'] },
  { page: 'applicationStatus', words: ['申请进度', '申请查询', '查询申请', '申请结果', '申请办理进度', '申请答复', '申请办理结果'] },
  { page: 'apply', words: ['依申请公开', '政府信息公开申请', '信息公开申请', '申请政府信息公开', '申请信息公开', '申请公开', '公开申请', '申请表'] },
  { page: 'letterStatus', words: ['信件查询', '查询信件', '来信查询', '信件进度', '信件回复', '回复查询', '留言查询', '查询回复'] },
  { page: 'letters', words: ['部门信箱', '投诉信箱', '局长信箱', '县长信箱', '信箱', '写信', '来信', '留言', '投诉', '在线咨询'] },
  {
    page: 'contact',
    words: ['联系电话', '咨询电话', '办公电话', '电话号码', '电话', '联系方式', '怎么联系', '联系', '办公地址', '地址', '办公地点', '办公时间', '上班时间', '工作时间', '作息时间', '几点上班', '几点下班', '上班', '下班'],
    weak: ['在哪里', '在哪儿', '在哪', '位置'],
  },
  { page: 'functions', words: ['机构职能', '主要职责', '职能', '职责', '内设机构', '机构设置', '机构概况', '领导信息', '领导分工', '领导', '负责人'] },
];

/** Words that only ask or link (怎么, 的, 是多少, 查询 …): a query may hold them around a page's words. */
const ASKING = [
  '的', '是', '有', '在', '去', '到', '向', '给', '找', '查', '查询', '查看', '看', '下载', '入口', '网址', '页面', '在线', '网上',
  '怎么', '怎样', '如何', '怎么样', '什么', '多少', '是多少', '哪些', '哪个', '哪', '哪里', '谁', '几点', '号码',
  '请问', '我', '我要', '我想', '想', '要', '需要', '可以', '能', '一下', '吗', '呢', '啊',
  '办理', '办', '提交', '申请', '打', '拨打', '本', '本站', '县', '本县', '我县', '政府信息', '信息', '政府', '公开', '最新', '历年', '年', '年度',
];

/** What a page asks names an organ's: the words before the page's words (住建局电话), by the organ's names. */
export type SiteOrgan = { id: number; code: string; name: string; shortName: string; kind: string };

/** The shortest name read as an organ's (as organ-named.ts: 住建局, 县政府). */
const MIN_NAME_CHARS = 3;

/**
 * The pages a query asks for, and the organ it names (or null): every keyword, and the question kept aside (怎么申请),
 * together is made only of page words, words that only ask, digits (2025年报) and at most one organ's name — as a
 * keyword, or before the page's words in one (住建局电话, 县政府信息公开指南) — with at least one page word. Null for any
 * other query (危房, 年报名 — 年报 then 名, no page). The longest words are read first; pages in the table's order.
 */
export function sitePagesAsked<O extends SiteOrgan>(query: ParsedQuery, organs: O[]): { pages: SitePage[]; organ: O | null } | null {
  const texts = [...query.keywords.map((k) => k.alternatives.map((a) => normalizeText(a.text))), ...(query.serviceQuestion ? [[normalizeText(query.serviceQuestion.text)]] : [])];
  if (!texts.length) return null;
  let organ: O | null = null;
  const rest: string[] = [];
  for (const spellings of texts) {
    // A keyword that is an organ's name, or starts with one: the rest of it is what is asked.
    const named = nameAtStart(spellings, organs);
    if (named) {
      if (organ && organ.id !== named.organ.id) return null;
      organ = named.organ;
      rest.push(named.rest);
    } else rest.push(spellings[0]);
  }
  const pages = pagesOf(rest.join(''));
  return pages && pages.length ? { pages, organ } : null;
}

/** The organ a keyword's start names (the whole keyword or its first characters), with the rest; the longest name first. */
function nameAtStart<O extends SiteOrgan>(spellings: string[], organs: O[]): { organ: O; rest: string } | null {
  for (const s of spellings) {
    const chars = [...s];
    for (let end = chars.length; end >= MIN_NAME_CHARS; end--) {
      const head = chars.slice(0, end).join('');
      if (/\d/.test(head)) continue;
      const organ = organNamedBy(head, organs);
      if (organ) return { organ, rest: chars.slice(end).join('') };
    }
  }
  return null;
}

/** The one organ (never a unit) whose name or short name ends with the text; 县政府 and 青岚县政府 name the 县人民政府. */
function organNamedBy<O extends SiteOrgan>(text: string, organs: O[]): O | null {
  const forms = [text, text.replace(/政府$/u, '人民政府')];
  const fits = organs.filter((o) => o.kind !== 'unit' && [o.name, o.shortName].some((n) => !!n && forms.some((f) => n.trim().endsWith(f))));
  return fits.length === 1 ? fits[0] : null;
}

type Piece = { text: string; page: SitePage | null; weak: boolean };
const PIECES: Piece[] = [
  ...SITE_PAGE_WORDS.flatMap((p) => [...p.words.map((text) => ({ text, page: p.page, weak: false })), ...(p.weak ?? []).map((text) => ({ text, page: p.page, weak: true }))]),
  ...ASKING.map((text) => ({ text, page: null, weak: false })),
];

/**
 * The pages a text made only of pieces asks for (a text with anything else: null). Read left to right, at each place the
 * longest piece that leaves a readable rest: 政府信息公开指南 is the guide, not 政府 信息 公开 and 指南 unread.
 */
function pagesOf(raw: string): SitePage[] | null {
  const text = raw.replace(/[^\p{L}\p{N}]/gu, '');
  if (!text || text.length > 40) return null;
  const memo = new Map<number, Piece[] | null>();
  const read = (at: number): Piece[] | null => {
    if (at === text.length) return [];
    if (memo.has(at)) return memo.get(at)!;
    let found: Piece[] | null = null;
    const digits = /^\d+/u.exec(text.slice(at));
    if (digits) {
      const after = read(at + digits[0].length);
      found = after && [{ text: digits[0], page: null, weak: false }, ...after];
    }
    const fits = PIECES.filter((p) => text.startsWith(p.text, at)).sort((a, b) => b.text.length - a.text.length || Number(!!b.page) - Number(!!a.page));
    for (const p of fits) {
      if (found) break;
      const after = read(at + p.text.length);
      if (after) found = [p, ...after];
    }
    memo.set(at, found);
    return found;
  };
  const pieces = read(0);
  if (!pieces) return null;
  const strong = pieces.filter((p) => p.page && !p.weak).map((p) => p.page!);
  const asked = new Set(strong.length ? strong : pieces.filter((p) => p.page).map((p) => p.page!));
  return SITE_PAGE_WORDS.map((p) => p.page).filter((p) => asked.has(p));
}

/**
 * Which of an organ's contact details a contact question asks for: its address (地址, 在哪里, 位置, 地点), its hours (时间,
 * 上班, 下班), its phone (电话, 联系, 号码 — and when it asks for neither of the others: 联系方式 is all three, 住建局在哪里 the address).
 */
export function contactAsked(query: ParsedQuery): { phone: boolean; address: boolean; officeHours: boolean } {
  const text = normalizeText([...query.keywords.map((k) => k.text), query.serviceQuestion?.text ?? ''].join(''));
  const all = text.includes('联系方式');
  const address = all || /地址|地点|在哪|位置/u.test(text);
  const officeHours = all || /时间|上班|下班/u.test(text);
  return { phone: all || /电话|号码|联系/u.test(text) || (!address && !officeHours), address, officeHours };
}
