import { MAX_KEYWORDS, type ParsedQuery } from './parse-query.ts';
import type { Segmenter } from './word-signal.ts';
import { alternativesOf, isSynonymWord } from './synonyms.ts';
import { DOMAIN_WORDS } from './domain-words.ts';
import { isServiceQuestion } from './service-question.ts';

/**
 * Words that only join others (的, 和 …): left out of a split query, where they would be keywords that
 * every item holds.
 */
const JOINING = new Set(['的', '地', '得', '了', '和', '与', '及', '或', '之', '以及', '或者']);

/**
 * What a question typed into the box is made of besides what it asks about (如何申请公租房, 公租房申请条件是什么,
 * 我想查一下…, 我想知道…是多少钱): question words, a request, what the asker wants (知道, 了解), the asker (我, 我家). A run
 * of jieba's words made only of these is left out of the split query — items do not say 如何, 我想查 or 了解 — unless
 * nothing else would be left. Narrow on purpose: 查询, 办理, 没有, 可以 are words items use, and stay. 咋 and 啥 are 怎么 and
 * 什么 as people type them on a phone (咋弄, 要交啥).
 */
const ASKING = ['如何', '怎么', '怎样', '怎么样', '什么', '什么时候', '啥时候', '何时', '为什么', '哪里', '哪儿', '哪些', '哪个', '哪', '在哪', '谁', '谁来', '多少', '多少钱', '咋', '啥', '是否', '能否', '能不能', '可不可以', '有没有', '请问', '请', '我', '我们', '我家', '我们家', '想', '要', '查', '问', '一下', '是', '知道', '了解', '你好', '您好', '谢谢'];
/** Prepositions that ask only with a question word after them (向哪里 投诉, 找谁): 向社会公开 keeps its 向. */
const ASKING_LEADS = ['向', '到', '去', '找', '跟', '给', '在'];
/** Particles that end a question (吗, 呢 …): dropped like joining words, never attached to the word before them. */
const PARTICLES = new Set(['吗', '呢', '吧', '啊', '呀']);
/**
 * How much a thing is felt (太大, 很吵): the degree word and a lone character after it say how the asker finds it, which
 * no item writes (工地扬尘太大了 is about 工地 扬尘). A word of two characters after it stays (非常严重: 严重).
 */
const DEGREE = new Set(['太', '很', '挺', '非常', '十分']);

/**
 * Place words (方位词) that follow a noun to say where (工地上, 小区里, 楼内): items write the noun, so a lone one after a word
 * is left out, never glued to the word after it (工地上拖欠工资 gave 工地 上拖欠工资).
 */
const PLACE = new Set(['上', '下', '里', '内', '中', '旁', '边']);

/**
 * Question words that jieba's dictionary joins with the verb after them into one word (怎么办, 怎么弄, 谁来管, 咋办, 怎样才能,
 * 何时能, 什么样): such a word asks as a whole, the verb with it — the way a lone verb that ends a question does (怎么 / 用).
 * Only one word of jieba's is read so: where it cuts the verb off (怎么 / 查询, 去 / 哪里 / 办理) the verb stays, as
 * 查询 and 办理 are words items use.
 */
const FUSING = ['怎么', '怎样', '如何', '咋', '谁', '哪', '什么', '多少', '何时'];
/** Whether one of jieba's words is a question word and one or two Han characters after it (怎么 + 办, 谁 + 来管). */
const asksWithItsVerb = (word: string) =>
  FUSING.some((q) => word.startsWith(q) && /^\p{Script=Han}{1,2}$/u.test(word.slice(q.length)));

/** Whether a text is made of asking words only (我想查 = 我 + 想 + 查, 是多少钱 = 是 + 多少钱), after at most one lead (向哪里). */
function isAsking(word: string): boolean {
  const made = (w: string) => {
    const ok: boolean[] = [true];
    for (let end = 1; end <= w.length; end++) ok[end] = ASKING.some((a) => end >= a.length && ok[end - a.length] && w.slice(end - a.length, end) === a);
    return w.length > 0 && ok[w.length];
  };
  return made(word) || ASKING_LEADS.some((l) => word.length > l.length && word.startsWith(l) && made(word.slice(l.length)));
}

/** How many of jieba's words one asking run may join (是 / 多少 / 钱, 向 / 哪里): bounded, like every step here. */
const ASKING_RUN = 4;
/** How many a question how or where to do something may join (申请 / 需要 / 什么 / 材料). */
const SERVICE_RUN = 6;

/**
 * jieba's words of a keyword with what only asks, and how the asker feels, left out (`null` where a word was: it parts
 * the words on either side like a joining word): at each word the longest run of at most ASKING_RUN words that together
 * only ask (是 / 多少 / 钱 = 是多少钱, 什么 / 时候), so a question word jieba cut in two goes whole and a lone 是 is not
 * glued to the word after it (是 / 危房 gave 是危房).
 */
function withoutAsking(cut: string[], serviceRuns = true): (string | null)[] {
  const words = cut.map((w) => w.trim()).filter(Boolean);
  const out: (string | null)[] = [];
  for (let i = 0; i < words.length; ) {
    // How or where to do something (怎么 / 申请, 去 / 哪里 / 办理): kept whole as one asking keyword, which the search
    // demands of no item and which ranks the service guide first (domain/service-question.ts, ADR 0053).
    let service = 0;
    if (serviceRuns) for (let n = Math.min(SERVICE_RUN, words.length - i); n > 1 && !service; n--) if (isServiceQuestion(words.slice(i, i + n).join(''))) service = n;
    if (service) {
      out.push(null, words.slice(i, i + service).join(''), null);
      i += service;
      continue;
    }
    let run = 0;
    for (let n = Math.min(ASKING_RUN, words.length - i); n > 0 && !run; n--) if (isAsking(words.slice(i, i + n).join('')) || (n === 1 && asksWithItsVerb(words[i]))) run = n;
    if (!run && DEGREE.has(words[i])) run = words[i + 1] && [...words[i + 1]].length === 1 && /\p{Script=Han}/u.test(words[i + 1]) ? 2 : 1;
    // A lone character that ends the question after what asks is the verb asked about (怎么用, 谁来修, 去哪办): it asks too.
    else if (run && i + run === words.length - 1 && /^\p{Script=Han}$/u.test(words[i + run])) run++;
    if (run) {
      out.push(null);
      i += run;
    } else out.push(words[i++]);
  }
  return out;
}

/**
 * A search that found nothing may have been several words typed without spaces (危房改造资金, where the
 * items say 危房改造补助资金): a keyword is one unbroken phrase (docs/search.md), so a reader is offered
 * the same words apart, each of which must then occur. Each keyword is cut into jieba's words; a word of
 * one character never stands alone (扬 / 尘 / 治理 gives 扬尘 治理, 公 / 租房 stays 公租房), joining words
 * are dropped, punctuation parts words and is dropped, a number keeps to itself (2025 / 年度报告), and a keyword
 * jieba keeps as one word is cut in two words when it can be (房屋出租 gives 房屋 出租, `halvesOf`), what only asks
 * and how the asker feels are left out (我想知道…是多少 gives the words between, `withoutAsking`); a
 * keyword that is or looks like a 文号, an 索引号 or a numbered serial (第, 号, brackets) is kept as typed.
 * Null when no keyword splits.
 */
export function splitSuggestion(query: ParsedQuery, segment: Segmenter, frequency?: (word: string) => number | undefined): string | null {
  const words = splitWords(query, segment);
  return words && keptWords(words, frequency).join(' ');
}

/** The split's words before keptWords bounds them (null when no keyword splits): more than MAX_KEYWORDS calls for `frequency`. */
export function splitWords(query: ParsedQuery, segment: Segmenter): string[] | null {
  // A keyword that only asks (怎么办 typed apart from 公租房) is left out beside keywords that say what is asked about.
  const about = query.keywords.filter((k) => !asksOnly(k.text, segment));
  const keywords = about.length ? about : query.keywords;
  let changed = keywords.length < query.keywords.length;
  const words = keywords.flatMap((k) => {
    const cut = isNumbered(k.text) ? [k.text] : splitKeyword(k.text, segment, true);
    // A Han character alone among the words says nothing an item is found by (打 of 打什么电话, 有 of 有哪些).
    const lone = (w: string) => /^\p{Script=Han}$/u.test(w);
    const split = cut.some((w) => !lone(w)) ? cut.filter((w) => !lone(w)) : cut;
    if (split.length > 1 || (split.length === 1 && split[0] !== k.text)) changed = true;
    return split.length ? split : [k.text];
  });
  // A question typed apart (公租房申请 怎么办理): the words apart keep it, so they rank as it does.
  return changed ? (query.serviceQuestion ? [...words, query.serviceQuestion.text] : words) : null;
}

/**
 * Whether a keyword is made only of what asks and how the asker feels (怎么办, 谁来管, 我想问, 太吵): beside other keywords
 * it says nothing an item is found by, so the words apart and the fewer-keywords offer leave it out. A number never is.
 */
export function asksOnly(text: string, segment: Segmenter): boolean {
  return !isNumbered(text) && !wordsOf(withoutAsking(segment(text))).length;
}

/**
 * At most MAX_KEYWORDS words, as a search reads (parse-query.ts): an offer never shows a word the search then ignores
 * (issue 13: 城镇老旧小区改造加装电梯补贴标准 was offered as eight words, 补贴 and 标准 shown but not searched). Past it the
 * least telling go: a lone character first, then the commonest word of jieba's dictionary (`frequency`; a word it
 * lacks is rare), the later of equals first; without `frequency`, the later words. The order of the rest is kept.
 */
export function keptWords(words: string[], frequency?: (word: string) => number | undefined): string[] {
  const kept = words.map((w, i) => ({ w, i }));
  const single = (w: string) => [...w].length === 1;
  while (kept.length > MAX_KEYWORDS) {
    let drop = kept.findLastIndex((k) => single(k.w));
    if (drop < 0) {
      drop = kept.length - 1;
      if (frequency) {
        let most = -1;
        kept.forEach((k, j) => {
          const f = frequency(k.w) ?? 0;
          if (f >= most) [most, drop] = [f, j];
        });
      }
    }
    kept.splice(drop, 1);
  }
  return kept.map((k) => k.w);
}

/**
 * A keyword naming a document by its number — a 文号 or serial (…号, brackets), an 索引号 (letters and
 * digits only, or with / and -): split, its parts would find other documents' numbers. 第 alone is not
 * one (2026年第四批公租房 is words).
 */
export const isNumbered = (text: string) => /\d/.test(text) && (/\d\s*号/.test(text) || /[〔〕[\]【】［］]/.test(text) || /^[0-9a-z/-]+$/i.test(text));

/** A number with the unit that belongs to it (2026年, 2025年度): a word of its own, never joined to the character after it. */
const UNITS = '(?:年度|年|月|日|期|批|届|次)?';
const NUMBER_PART = new RegExp(`(\\d+${UNITS})`);
const NUMBER_WORD = new RegExp(`^\\d+${UNITS}$`);

/**
 * A keyword's words: its numbers (with their units) apart, the text between them cut by jieba. A unit that starts a
 * word people search by is left to that word (2025年报: 2025 / 年报, which finds the 年度报告), when jieba cuts the
 * rest so (2025年报送 stays 2025年 / 报送).
 */
function splitKeyword(text: string, segment: Segmenter, leavingOutAsking: boolean): string[] {
  const parts = text.split(NUMBER_PART).filter(Boolean);
  for (let i = 0; i + 1 < parts.length; i++) {
    const unit = NUMBER_WORD.test(parts[i]) ? parts[i].replace(/^\d+/, '') : '';
    if (unit && !NUMBER_WORD.test(parts[i + 1]) && isSynonymWord(segment(unit + parts[i + 1])[0] ?? '')) {
      parts.splice(i, 2, parts[i].slice(0, -unit.length), unit + parts[i + 1]);
    }
  }
  // A keyword that is only such a question (怎么申请) loses its question word as before: nothing else would be searched.
  const serviceRuns = !isServiceQuestion(text);
  const words = parts.flatMap((part) => (NUMBER_WORD.test(part) ? [part] : wordsOf(leavingOutAsking ? withoutAsking(keepingDomainWords(segment(part)), serviceRuns) : keepingDomainWords(segment(part)))));
  // Made only of what asks (怎么办 is a word; 如何 alone): the keyword's words as they are, asking ones too.
  if (leavingOutAsking && !words.length) return splitKeyword(text, segment, false);
  return words.length === 1 && words[0] === text ? halvesOf(text, segment) : words;
}

const DOMAIN = new Set(DOMAIN_WORDS);
/** Whether two words together are a synonym word one of whose synonyms starts with the first or ends with the second. */
const sharesAPart = (first: string, second: string) =>
  isSynonymWord(first + second) && alternativesOf(first + second).some((a) => a !== first + second && (a.startsWith(first) || a.endsWith(second)));
const DOMAIN_LONGEST = Math.max(...DOMAIN_WORDS.map((w) => w.length));

/**
 * jieba's words with a domain word it cut so that its last character stands alone (燃气管 / 道 of 燃气管道, issue 13) made
 * one again: the lone character would be glued to the word after it (燃气管 道老化), a fragment of each. Only the words
 * jieba cut wholly inside the domain word are joined; where it ends on a word of two characters (老 / 旧 / 小区 / 改造) the
 * cut stands.
 */
function keepingDomainWords(cut: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < cut.length; ) {
    // Two words that together are a word of the synonym groups sharing one of them with a synonym (维修 / 基金 of 维修基金,
    // 维修资金): whole, its synonyms are searched too; apart, the part the items replace (基金) would be demanded. A word
    // whose synonyms share neither (棚户区改造, 棚改) is cut as jieba cuts it: its words apart find it written apart.
    if (i + 1 < cut.length && [...cut[i]].length >= 2 && [...cut[i + 1]].length >= 2 && sharesAPart(cut[i], cut[i + 1])) {
      out.push(cut[i] + cut[i + 1]);
      i += 2;
      continue;
    }
    let joined = 0;
    let text = '';
    for (let j = i; j < cut.length && text.length + cut[j].length <= DOMAIN_LONGEST; j++) {
      text += cut[j];
      if (j > i && [...cut[j]].length === 1 && j + 1 < cut.length && DOMAIN.has(text)) joined = j - i + 1;
    }
    if (joined) {
      out.push(cut.slice(i, i + joined).join(''));
      i += joined;
    } else out.push(cut[i++]);
  }
  return out;
}

/**
 * A keyword jieba's dictionary holds as one word (房屋出租, 住房补贴) cut in two where each half is a word of its own (房屋 /
 * 出租), the cut nearest the middle first, each half at least two characters: the items may write the words in the other
 * order (出租房屋) or apart (住房困难家庭租赁补贴). Offered only when the keyword as typed finds nothing, like every split. A
 * keyword with no such cut (公积金, 青岚县) stays whole.
 */
export function halvesOf(word: string, segment: Segmenter): string[] {
  const chars = [...word];
  if (chars.length < 4 || !chars.every((c) => /\p{Script=Han}/u.test(c))) return [word];
  const middle = chars.length / 2;
  const cuts = chars.map((_, k) => k).filter((k) => k >= 2 && chars.length - k >= 2).sort((a, b) => Math.abs(a - middle) - Math.abs(b - middle) || a - b);
  for (const k of cuts) {
    const halves = [chars.slice(0, k).join(''), chars.slice(k).join('')];
    if (halves.every((h) => segment(h).length === 1 && !JOINING.has(h))) return halves;
  }
  return [word];
}

/** A token of punctuation or symbols only: it ends a word, as a joining word does. */
const isMark = (w: string) => !/[\p{L}\p{N}]/u.test(w);

function wordsOf(cut: (string | null)[]): string[] {
  const out: string[] = [];
  let singles = '';
  let pending = ''; // a lone character waiting for the next word
  let afterWord = false; // the last token was a word of two or more characters
  const flushSingles = () => {
    if (singles.length > 1) out.push(singles);
    else pending += singles;
    singles = '';
  };
  for (const raw of cut) {
    const w = raw?.trim();
    if (w === '') continue;
    const place = afterWord && w !== undefined && PLACE.has(w);
    afterWord = w !== undefined && [...w].length >= 2;
    if (w === undefined || JOINING.has(w) || PARTICLES.has(w) || isMark(w) || place) {
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
