import { describe, expect, it } from 'vitest';
import { parseQuery } from './parse-query.ts';

const keywordsOf = (q: string) => parseQuery(q).keywords.map((k) => ({ text: k.text, synonyms: k.synonyms }));

describe('a query read as keywords', () => {
  it('leaves out punctuation and symbols typed around a keyword, so its synonyms are searched as without them', () => {
    // A reader quotes a word, or ends it with ！ or 。: the same word, with its synonyms (棚改 finds 棚户区改造).
    for (const q of ['棚改！', '棚改。', '“棚改”', '"棚改"', '《棚改》', '（棚改）', '#棚改', '棚改😀', '棚改~', '【棚改】']) {
      expect(keywordsOf(q), q).toEqual([{ text: '棚改', synonyms: ['棚户区改造'] }]);
    }
    expect(keywordsOf('“公租房” 申请！')).toEqual([{ text: '公租房', synonyms: ['公共租赁住房'] }, { text: '申请', synonyms: [] }]);
  });

  it('keeps punctuation inside a keyword, where it stands for punctuation in the text', () => {
    expect(keywordsOf('岚建(2026)63号').map((k) => k.text)).toEqual(['岚建(2026)63号']);
    expect(keywordsOf('“三公”经费').map((k) => k.text)).toEqual(['“三公”经费']);
    expect(keywordsOf('〔2026〕第58号').map((k) => k.text)).toEqual(['〔2026〕第58号']);
    expect(keywordsOf('岚建(2026)').map((k) => k.text)).toEqual(['岚建(2026)']);
  });

  it('has no keyword for punctuation or symbols alone, and counts a keyword once however it is quoted', () => {
    expect(keywordsOf('！！ 😀 ——')).toEqual([]);
    expect(keywordsOf('危房 “危房” 危房！').map((k) => k.text)).toEqual(['危房']);
  });
});
