import type { Segmenter } from './word-signal.ts';

/**
 * A keyword that keeps a search from finding anything may be a longer compound than the items write: 物业费 where
 * they say 物业服务收费, 补助金 where they say 补助资金. Before it is left out of the offered queries (fewer keywords,
 * use-cases/search-offers.ts), it is tried without its last character — only a word of three or more Han characters
 * whose rest jieba keeps as one word (物业费 → 物业, 补助金 → 补助, 申请书 → 申请); 公租房 has none (公租: 公 / 租).
 * Null when there is none.
 */
export function shorterWord(word: string, segment: Segmenter): string | null {
  const chars = [...word];
  if (chars.length < 3 || !chars.every((c) => /\p{Script=Han}/u.test(c))) return null;
  const rest = chars.slice(0, -1).join('');
  return segment(rest).length === 1 ? rest : null;
}
