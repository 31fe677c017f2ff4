import { describe, expect, it } from 'vitest';
import { shorterWord, wordsOfKeyword } from './shorter-word.ts';
import { jiebaSegmenter } from '../segmenter/jieba-segmenter.ts';

const shorter = (w: string) => shorterWord(w, jiebaSegmenter());

describe('a word that blocks a search, without its last character', () => {
  it('drops a last character that makes a longer compound of a word (物业费 → 物业: an outside tester)', () => {
    expect(shorter('物业费')).toBe('物业');
    expect(shorter('补助金')).toBe('补助');
  });

  it('offers nothing for a word of two characters, one that is not all Han, or one whose rest is no word', () => {
    expect(shorter('物业')).toBeNull();
    expect(shorter('BIM技术')).toBeNull();
    expect(shorter('2026年')).toBeNull();
    expect(shorter('公租房')).toBeNull(); // jieba: 公 / 租房
  });
});

describe('a keyword that blocks a search, cut into its words', () => {
  const words = (w: string) => wordsOfKeyword(w, jiebaSegmenter());

  it('cuts a word jieba keeps whole, or a listed word, into both its halves together (issue 13: 工人工资 → 工人 工资)', () => {
    expect(words('工人工资')).toEqual([['工人', '工资']]);
    expect(words('危房改造')).toEqual([['危房', '改造']]);
    // Both or neither: 住房 alone of 住房公积金 says too little (issue 13).
    expect(words('住房公积金')).toEqual([['住房', '公积金']]);
  });

  it('cuts any other keyword into jieba’s words of two characters or more, each its own, a lone character left out', () => {
    expect(words('被拖欠')).toEqual([['拖欠']]);
    expect(words('补贴发放')).toEqual([['补贴'], ['发放']]);
    expect(words('被征收')).toEqual([['征收']]);
  });

  it('never cuts a listed word into a part that says something else, nor a word without halves, nor what is not all Han', () => {
    expect(words('公租房')).toEqual([]); // jieba: 公 / 租房 — never 租房
    expect(words('物业费')).toEqual([]);
    expect(words('拖欠')).toEqual([]);
    expect(words('2026年度')).toEqual([]);
    expect(words('BIM技术')).toEqual([]);
  });

  it('never makes a word that only asks of a keyword (怎么办 → 怎么, 工资怎么办 → 怎么办: words no item is found by)', () => {
    expect(shorter('怎么办')).toBeNull();
    expect(shorter('谁来管')).toBeNull();
    expect(words('工资怎么办')).toEqual([['工资']]);
    expect(words('拖欠工资谁来管')).toEqual([['拖欠工资']]);
  });
});
