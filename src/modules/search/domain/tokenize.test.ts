import { describe, expect, it } from 'vitest';
import { indexTokens, normalizeText, phraseOf } from './tokenize.ts';
import { wordPhrasesOf } from './word-signal.ts';

/** The substring rule the index implements, checked against String.includes on normalised text. */
function matches(text: string, keyword: string): boolean {
  const tokens = indexTokens(text);
  const p = phraseOf(keyword)!;
  for (let start = 0; start + p.tokens.length <= tokens.length; start++) {
    const ok = p.tokens.every((t, k) => (k === p.tokens.length - 1 && p.prefixLast ? tokens[start + k].startsWith(t) : tokens[start + k] === t));
    if (ok) return true;
  }
  return false;
}

describe('search tokenizer', () => {
  it('cuts Chinese into overlapping pairs plus the last character, letters and digits into words', () => {
    expect(indexTokens('危房改造')).toEqual(['危房', '房改', '改造', '造']);
    expect(indexTokens('岚建〔２０２６〕63号')).toEqual(['岚建', '建', '2026', '63', '号']);
    expect(indexTokens('ABC房')).toEqual(['abc', '房']);
  });

  it('turns a keyword into a phrase; a single last character is a prefix', () => {
    expect(phraseOf('房改')).toEqual({ tokens: ['房改'], prefixLast: false });
    expect(phraseOf('房')).toEqual({ tokens: ['房'], prefixLast: true });
    expect(phraseOf('63号')).toEqual({ tokens: ['63', '号'], prefixLast: true });
    expect(phraseOf('告第3号')).toEqual({ tokens: ['告第', '第', '3', '号'], prefixLast: true });
    expect(phraseOf('，。')).toBeNull();
  });

  it('finds exactly the texts that contain the keyword (substring semantics)', () => {
    const texts = ['农村危房改造补助资金', '关于房改房产权登记的通知', '建筑工地扬尘治理', '岚建〔2026〕63号', '公告第3号文件', '房', '改造房屋'];
    const keywords = ['危房', '房改', '房', '扬尘', '改造', '63号', '2026', '告第3号', '第3号文', '房产权登记', '危房改造补助', '房屋', '造房'];
    for (const t of texts) {
      for (const k of keywords) expect([t, k, matches(t, k)]).toEqual([t, k, normalizeText(t).replace(/[^\p{L}\p{N}]/gu, '').includes(k) || normalizeText(t).includes(k)]);
    }
  });
});

describe('radical characters', () => {
  it('tokenize as the ideographs they stand for, and a radical that stands for none ends a run', () => {
    expect(indexTokens('\u2ED8岚县实施\u2F45案')).toEqual(indexTokens('青岚县实施方案'));
    expect(phraseOf('\u2ED8岚')).toEqual(phraseOf('青岚'));
    expect(indexTokens('附\u2E80件')).toEqual(['附', '件']);
    for (const t of indexTokens('\u2E80\u2E81\u2EF3\u2F00\u2FD5')) expect(t).toMatch(/^[\p{L}\p{N}]+$/u);
  });
});

describe('word phrases of a keyword', () => {
  // A segmenter given as a table, so the rule is tested apart from the dictionary.
  const segment = (words: Record<string, string[]>) => (text: string) => words[text] ?? [text];
  it('looks for words starting with a last word of 2 to 6 characters, and only whole words otherwise', () => {
    const s = segment({ '房改': ['房改'], '住房和': ['住房', '和'], '保障性住房建设管理': ['保障性住房建设管理'] });
    expect(wordPhrasesOf(s, '房改')).toEqual({ exact: { tokens: ['房改'], prefixLast: false }, start: { tokens: ['房改'], prefixLast: true } });
    expect(wordPhrasesOf(s, '住房和')!.start.prefixLast).toBe(false);
    expect(wordPhrasesOf(s, '保障性住房建设管理')!.start.prefixLast).toBe(false);
    expect(wordPhrasesOf(s, '，')).toBeNull();
  });
});

describe('a keyword over MAX_KEYWORD_CHARS, cut by characters', () => {
  it('keeps a character outside the BMP at the cut whole, in the phrase and in the word phrases', () => {
    const typed = `${'岚'.repeat(39)}𠀀𡒄`;
    expect(phraseOf(typed)!.tokens.at(-1)).toBe('岚𠀀');
    const cutAt = (text: string) => [text];
    expect(wordPhrasesOf(cutAt, typed)!.exact.tokens).toEqual([`${'岚'.repeat(39)}𠀀`]);
  });
});
