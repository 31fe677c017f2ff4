import { describe, expect, it } from 'vitest';
import { cutQuery, MAX_QUERY_CHARS } from './query-cut.ts';

const chars = (s: string) => [...s].length;
/** No lone surrogate: with the u flag a whole pair is one code point, outside this range. */
const wellFormed = (s: string) => !/[\uD800-\uDFFF]/u.test(s);

describe('a query over the limit, cut to search it (a pasted title or sentence)', () => {
  it('leaves a query within the limit as it is', () => {
    const q = '危'.repeat(MAX_QUERY_CHARS);
    expect(cutQuery(q)).toEqual({ text: q, cut: null });
    expect(cutQuery('公租房 申请')).toEqual({ text: '公租房 申请', cut: null });
  });

  it('counts characters, not UTF-16 units: 100 characters outside the BMP are within the limit', () => {
    const q = '𠀀'.repeat(MAX_QUERY_CHARS);
    expect(q.length).toBe(200);
    expect(cutQuery(q).cut).toBeNull();
  });

  it('keeps the first 100 characters of text without a break near the limit, and says how many were typed', () => {
    const q = '城市'.repeat(60);
    expect(cutQuery(q)).toEqual({ text: '城市'.repeat(50), cut: { typedChars: 120, searchedChars: 100 } });
  });

  it('never cuts inside a surrogate pair nor a character made of several code points', () => {
    // 99 characters, then a character outside the BMP (two UTF-16 units) across the limit.
    const astral = `${'危'.repeat(99)}𠀀𠀀${'房'.repeat(10)}`;
    const a = cutQuery(astral);
    expect(a.text).toBe(`${'危'.repeat(99)}𠀀`);
    expect(wellFormed(a.text)).toBe(true);
    // A family emoji (seven code points joined) does not fit in what is left: it is left out whole, never half of it.
    const family = `${'危'.repeat(97)}👨‍👩‍👧‍👦${'房'.repeat(10)}`;
    const f = cutQuery(family);
    expect(f.text).toBe('危'.repeat(97));
    expect(wellFormed(f.text)).toBe(true);
    expect(chars(f.text)).toBeLessThanOrEqual(MAX_QUERY_CHARS);
  });

  it('prefers to cut at a space or punctuation near the limit, so no word is cut in half', () => {
    const words = `${'农村危房改造 '.repeat(14)}补助资金`; // 7 characters a word with its space: the 15th word starts at 98
    const w = cutQuery(words);
    expect(w.text).toBe('农村危房改造 '.repeat(14).trim());
    expect(w.cut).toEqual({ typedChars: chars(words), searchedChars: 97 });
    const sentence = `${'关于印发青岚县城镇老旧小区改造实施办法的通知'.repeat(4)}，${'另附说明'.repeat(5)}`; // a comma at 88 of 109
    expect(cutQuery(sentence).text).toBe('关于印发青岚县城镇老旧小区改造实施办法的通知'.repeat(4));
    // A break far from the limit is not used: the text is cut at the limit.
    const far = `危房 ${'改造'.repeat(60)}`;
    expect(chars(cutQuery(far).text)).toBe(MAX_QUERY_CHARS);
    // A space right at the limit: the text before it, whole.
    const at = `${'危'.repeat(100)} 房屋`;
    expect(cutQuery(at).text).toBe('危'.repeat(100));
  });
});
