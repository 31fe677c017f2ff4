import { beforeAll, describe, expect, it } from 'vitest';
import { parseQuery } from './parse-query.ts';
import { SYNONYM_GROUPS } from './synonyms.ts';
import { typoCandidates, TYPO_BOUNDS, type Lexicon } from './typo-suggestion.ts';
import { jiebaLexicon } from '../segmenter/jieba-lexicon.ts';

const listed = new Set(SYNONYM_GROUPS.flat());
let lexicon: Lexicon;
beforeAll(async () => {
  lexicon = await jiebaLexicon();
});
const suggest = (q: string, more: string[] = []) => typoCandidates(parseQuery(q), lexicon, new Set([...listed, ...more]));

describe('a keyword typed with a wrong character (a homophone picked in a pinyin IME)', () => {
  it('offers the keyword with the homophone a known word needs, best first (outside tester: 公阻房, 危方改造, 住房公基金)', () => {
    // 公租房 is not in jieba's dictionary: the synonym groups hold it.
    expect(suggest('公阻房')[0]).toBe('公租房');
    expect(suggest('危方改造')[0]).toBe('危房改造');
    expect(suggest('住房公基金')[0]).toBe('住房公积金');
  });

  it('corrects any word of the dictionary or the synonym groups, not a list of typos', () => {
    expect(suggest('申情')[0]).toBe('申请');
    expect(suggest('棚护区')[0]).toBe('棚户区');
    expect(suggest('廉阻房')[0]).toBe('廉租房');
    expect(suggest('物业服务非')[0]).toBe('物业服务费');
    // An organ's name, when the caller lists it (the organs of the region).
    expect(suggest('青岚县住房和城乡建设居', ['青岚县住房和城乡建设局'])[0]).toBe('青岚县住房和城乡建设局');
  });

  it('replaces two characters inside one word only when one finds no word', () => {
    expect(suggest('住房工基金')[0]).toBe('住房公积金');
  });

  it('keeps the other keywords and the keyword’s digits as typed', () => {
    expect(suggest('2026 公阻房')[0]).toBe('2026 公租房');
    expect(suggest('公阻房 申请')[0]).toBe('公租房 申请');
    expect(suggest('2026年公阻房')[0]).toBe('2026年公租房');
  });

  it('offers nothing for keywords already made of known words, for numbers, or where no homophone makes a word', () => {
    expect(suggest('公租房')).toEqual([]);
    expect(suggest('危房改造 资金')).toEqual([]);
    expect(suggest('岚建〔2026〕58号')).toEqual([]);
    expect(suggest('11341529MB1D386259/2026-00402')).toEqual([]);
    expect(suggest('x')).toEqual([]);
  });

  it('hands back at most a few candidates', () => {
    for (const q of ['公阻房', '危方改造', '申情', '住房公基金']) expect(suggest(q).length).toBeLessThanOrEqual(TYPO_BOUNDS.maxCandidates);
  });

  it('stays within its look-up budget whatever the query holds', () => {
    const real = lexicon;
    let lookups = 0;
    const counted: Lexicon = {
      frequency: (w) => { lookups++; return real.frequency(w); },
      hasPrefix: (p) => { lookups++; return real.hasPrefix(p); },
      homophones: (c) => real.homophones(c),
      total: real.total,
    };
    const started = performance.now();
    typoCandidates(parseQuery('鸡基及积 一以已意亦 是时使事市 几记机期集 易义衣医依 十石时实识'), counted, listed);
    expect(lookups).toBeLessThanOrEqual(TYPO_BOUNDS.maxLookups);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('the lexicon from jieba’s dictionary and pinyin-pro', () => {
  it('knows the dictionary’s words with their frequency, and their prefixes', () => {
    expect(lexicon.frequency('危房改造')).toBe(3);
    expect(lexicon.frequency('公积金')).toBeGreaterThan(100);
    expect(lexicon.frequency('公阻房')).toBeUndefined();
    expect(lexicon.hasPrefix('危房改')).toBe(true);
    expect(lexicon.hasPrefix('公阻房')).toBe(false);
  });

  it('gives a character’s homophones under every reading, tone ignored, the character itself left out', () => {
    expect(lexicon.homophones('阻')).toContain('租');
    expect(lexicon.homophones('阻')).not.toContain('阻');
    expect(lexicon.homophones('方')).toContain('房');
    expect(lexicon.homophones('基')).toContain('积');
    // 重 reads zhong and chong.
    expect(lexicon.homophones('重')).toEqual(expect.arrayContaining(['中', '虫']));
  });
});
