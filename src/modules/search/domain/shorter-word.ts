import type { Segmenter } from './word-signal.ts';
import { DOMAIN_WORDS } from './domain-words.ts';
import { asksOnly, halvesOf } from './split-suggestion.ts';
import { isSynonymWord } from './synonyms.ts';

/**
 * A keyword that keeps a search from finding anything may be a longer compound than the items write: 物业费 where
 * they say 物业服务收费, 补助金 where they say 补助资金. Before it is left out of the offered queries (fewer keywords,
 * use-cases/search-offers.ts), it is tried without its last character — only a word of three or more Han characters
 * whose rest jieba keeps as one word (物业费 → 物业, 补助金 → 补助, 申请书 → 申请); 公租房 has none (公租: 公 / 租), nor has a
 * question word fused with its verb (怎么办 → 怎么 only asks: split-suggestion.ts). Null when there is none.
 */
export function shorterWord(word: string, segment: Segmenter): string | null {
  const chars = [...word];
  if (chars.length < 3 || !chars.every((c) => /\p{Script=Han}/u.test(c))) return null;
  const rest = chars.slice(0, -1).join('');
  return segment(rest).length === 1 && !asksOnly(rest, segment) ? rest : null;
}

/**
 * The words of a keyword that blocks a search, as the fewer-keywords offer tries them in its place (use-cases/search-offers.ts):
 * the keyword may be several words that the items write apart or with others between (工人工资 where they say 建筑工人…工资,
 * 被拖欠 where they say 拖欠; issue 13). Groups, each tried as one; cut by jieba, as the words apart are (split-suggestion.ts):
 * - a keyword that is itself one word — jieba keeps it whole (工人工资, 住房公积金), or it is a listed word (the synonym
 *   groups, the domain's words: 危房改造, 公租房) — into its two halves where each is a word of its own (halvesOf: 工人 工资,
 *   危房 改造), as one group: both or neither, so a word is never offered as a part of it (住房 of 住房公积金). None when it
 *   has no such halves (公租房 stays 公租房, never 租房; 物业费 stays, shorterWord makes 物业 of it);
 * - any other keyword into jieba's words of two or more characters, each a group of its own (被拖欠 → 拖欠, 补贴发放 → 补贴,
 *   发放): a lone character (被, the passive) names nothing an item is found by, as among the words apart, nor does a word
 *   that only asks (怎么办 of 工资怎么办: split-suggestion.ts).
 * Only a keyword of Han characters is cut (a number, a 文号, a Latin word stays whole). Empty when there is nothing to cut.
 */
export function wordsOfKeyword(word: string, segment: Segmenter): string[][] {
  const chars = [...word];
  if (chars.length < 3 || !chars.every((c) => /\p{Script=Han}/u.test(c))) return [];
  const cut = segment(word).map((w) => w.trim()).filter(Boolean);
  if (cut.length <= 1 || isSynonymWord(word) || DOMAIN.has(word)) {
    const halves = halvesOf(word, segment);
    return halves.length === 2 ? [halves] : [];
  }
  const words = cut.filter((w) => [...w].length >= 2 && !asksOnly(w, segment));
  return words.length === 1 && words[0] === word ? [] : words.map((w) => [w]);
}

const DOMAIN = new Set(DOMAIN_WORDS);
