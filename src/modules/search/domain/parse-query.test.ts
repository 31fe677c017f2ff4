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

describe('a keyword asking how or where to do something (ADR 0053)', () => {
  it('is no keyword the items must hold, and is kept as the question', () => {
    const q = parseQuery('农村 危房改造 补助 怎么申请');
    expect(q.keywords.map((k) => k.text)).toEqual(['农村', '危房改造', '补助']);
    expect(q.serviceQuestion).toEqual({ text: '怎么申请' });
    expect(q.display).toBe('农村 危房改造 补助 怎么申请');
    expect(parseQuery('房屋安全鉴定 去哪里办理').serviceQuestion).toEqual({ text: '去哪里办理' });
  });

  it('leaves every other query as it was: plain keywords, or the question alone', () => {
    expect(parseQuery('危房改造补助').serviceQuestion).toBeNull();
    expect(parseQuery('公租房 申请').keywords.map((k) => k.text)).toEqual(['公租房', '申请']);
    expect(parseQuery('公租房 申请').serviceQuestion).toBeNull();
    expect(parseQuery('怎么申请').keywords.map((k) => k.text)).toEqual(['怎么申请']);
    expect(parseQuery('怎么申请').serviceQuestion).toBeNull();
  });
});

describe('a keyword longer than the index answers (MAX_KEYWORD_CHARS), cut by characters', () => {
  /** No lone surrogate: with the u flag a whole pair is one code point, outside this range. */
  const wellFormed = (s: string) => !/[\uD800-\uDFFF]/u.test(s);

  it('never splits a character outside the BMP (𠀀, 𡒄 in a place name) at the cut, and counts it as one', () => {
    // 39 characters, then two outside the BMP: the 40th character is 𠀀 whole, never half of its surrogate pair.
    const typed = `${'岚'.repeat(39)}𠀀𡒄`;
    const [k] = parseQuery(typed).keywords;
    expect(k.text).toBe(`${'岚'.repeat(39)}𠀀`);
    expect(wellFormed(k.text)).toBe(true);
    expect(k.alternatives[0].phrase.tokens.at(-1)).toBe('岚𠀀');
    // Forty characters outside the BMP are forty characters, within the limit (80 UTF-16 units).
    const rare = '𡒄'.repeat(40);
    expect(parseQuery(rare).keywords[0].text).toBe(rare);
  });
});
