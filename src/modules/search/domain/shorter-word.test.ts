import { describe, expect, it } from 'vitest';
import { shorterWord } from './shorter-word.ts';
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
