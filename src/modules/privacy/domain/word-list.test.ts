import { describe, expect, it } from 'vitest';
import { compileWordLists, findWords, type WordList } from './word-list.ts';

const lists: WordList[] = [
  {
    name: '错敏词',
    words: [
      { word: '中华人民共合国', severity: 'block', replacement: '中华人民共和国', note: '国名错字' },
      { word: '国务院办公厅', severity: 'warn' },
      { word: '国务院', severity: 'warn' },
    ],
  },
  { name: '敏感词', words: [{ word: 'VPN', severity: 'warn' }, { word: '院办', severity: 'block' }] },
];

describe('administrator word lists', () => {
  const m = compileWordLists(lists);

  it('finds every listed word with its list and severity, and the correction as the suggestion', () => {
    const text = '根据《中华人民共合国政府信息公开条例》';
    expect(findWords(text, m)).toEqual([
      { type: 'sensitive_word', text: '中华人民共合国', start: 3, end: 10, severity: 'block', suggestion: '中华人民共和国', rule: '错敏词' },
    ]);
  });

  it('prefers the leftmost, then the longest word, never overlapping', () => {
    expect(findWords('国务院办公厅印发', m).map((f) => f.text)).toEqual(['国务院办公厅']);
    expect(findWords('国务院印发', m).map((f) => f.text)).toEqual(['国务院']);
  });

  it('ignores ASCII case and full-width forms but matches Latin words whole', () => {
    expect(findWords('使用vpn、ＶＰＮ访问', m).map((f) => f.text)).toEqual(['vpn', 'ＶＰＮ']);
    expect(findWords('VPNS and xVPN', m)).toEqual([]);
  });

  it('masks a word that has no replacement', () => {
    expect(findWords('院办通知', m)[0].suggestion).toBe('**');
  });

  it('keeps the stricter severity when a word is in two lists', () => {
    const both = compileWordLists([
      { name: 'a', words: [{ word: '试点', severity: 'warn' }] },
      { name: 'b', words: [{ word: '试点', severity: 'block' }] },
    ]);
    expect(findWords('试点', both)[0]).toMatchObject({ severity: 'block', rule: 'b' });
  });

  it('stays linear with thousands of words', () => {
    const many: WordList = { name: 'big', words: Array.from({ length: 5000 }, (_, i) => ({ word: `词${i}号`, severity: 'warn' as const })) };
    const big = compileWordLists([many]);
    const text = '正文'.repeat(50_000) + '词4999号';
    expect(findWords(text, big)).toMatchObject([{ text: '词4999号', start: 100_000 }]);
  });

  it('finds words found through failure links (suffix of another partial match)', () => {
    const ac = compileWordLists([{ name: 'x', words: [{ word: '甲乙丙丁', severity: 'warn' }, { word: '乙丙', severity: 'warn' }] }]);
    expect(findWords('戊甲乙丙戊', ac).map((f) => [f.text, f.start])).toEqual([['乙丙', 2]]);
  });

  it('ignores empty words and entries too long to be words', () => {
    expect(compileWordLists([{ name: 'x', words: [{ word: '  ', severity: 'warn' }] }]).wordCount).toBe(0);
    expect(compileWordLists([{ name: 'x', words: [{ word: '长'.repeat(256), severity: 'warn' }, { word: '长'.repeat(255), severity: 'warn' }] }]).wordCount).toBe(1);
  });

  it('reports hits at the end of the text and words that are prefixes of others', () => {
    const ac = compileWordLists([{ name: 'x', words: [{ word: '公开', severity: 'warn' }, { word: '公开目录', severity: 'block' }] }]);
    expect(findWords('主动公开目录与公开', ac).map((f) => [f.text, f.start, f.severity])).toEqual([
      ['公开目录', 2, 'block'],
      ['公开', 7, 'warn'],
    ]);
  });
});
