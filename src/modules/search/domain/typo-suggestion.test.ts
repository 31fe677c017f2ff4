import { beforeAll, describe, expect, it } from 'vitest';
import { parseQuery } from './parse-query.ts';
import { DOMAIN_WORDS } from './domain-words.ts';
import { SYNONYM_GROUPS } from './synonyms.ts';
import { typoCandidates, typoOffers, TYPO_BOUNDS, type Lexicon } from './typo-suggestion.ts';
import { jiebaLexicon } from '../segmenter/jieba-lexicon.ts';

// As the search lists them (use-cases/search-offers.ts): the synonym groups and the domain's words.
const listed = new Set([...SYNONYM_GROUPS.flat(), ...DOMAIN_WORDS]);
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

  it('replaces one character of any shape when no homophone finds the word (issue 13: 公共租凭住房, 棚户区改递, 预售许可征, 住房公积全)', () => {
    // A character of similar shape picked in a handwriting or 五笔 input, or misread: 凭 for 赁, 递 for 造, 征 for 证, 全 for 金.
    // Any character is tried (no table of shapes): the dictionary's words one character off, commoner first; the offer
    // then counts them in order, so the one the catalog holds is offered, not the commonest word.
    expect(suggest('公共租凭住房')).toContain('公共租赁住房');
    expect(suggest('棚户区改递')).toContain('棚户区改造');
    expect(suggest('预售许可征')[0]).toBe('预售许可证');
    // After 住房公齐全 and the like (齐 sounds as 积): the homophones’ candidates are counted first.
    expect(suggest('住房公积全')).toContain('住房公积金');
    expect(suggest('不动产登纪')).toContain('不动产登记');
    // The commonest words at one place (扬政治埋, 扬统治埋, 扬州治埋) leave room for the other places' (扬尘治理).
    expect(suggest('扬尘治埋')).toContain('扬尘治理');
    // The other keywords as typed; a number is never changed.
    expect(suggest('公共租凭住房 分配')).toContain('公共租赁住房 分配');
    expect(suggest('岚建〔2026〕58号 公共租凭住房')).toContain('岚建〔2026〕58号 公共租赁住房');
    expect(suggest('岚建〔2026〕58号 公共租凭住房').every((q) => q.startsWith('岚建〔2026〕58号 '))).toBe(true);
    // A wrong first character of a word (祖 for 租): read from the words that end as the keyword does.
    expect(suggest('祖赁')).toContain('租赁');
    // Homophones still come first (公阻房: 公租房, before 公司房 and the like).
    expect(suggest('公阻房')[0]).toBe('公租房');
    expect(suggest('住房公基金')[0]).toBe('住房公积金');
  });

  it('corrects to the domain’s own words, which jieba’s dictionary lacks (outside tester: 杨尘, 扬沉, 杨尘污染 found nothing and offered nothing)', () => {
    expect(lexicon.frequency('扬尘')).toBeUndefined();
    expect(suggest('杨尘')[0]).toBe('扬尘');
    expect(suggest('扬沉')[0]).toBe('扬尘');
    expect(suggest('杨尘污染')[0]).toBe('扬尘污染');
    expect(suggest('杨尘 治理')[0]).toBe('扬尘 治理');
    expect(suggest('棚该')[0]).toBe('棚改');
    expect(suggest('网钎备案')[0]).toBe('网签备案');
  });

  it('leaves a keyword made of known words as typed unless a correction makes it one longer word (物业服务 is not 呜咽服务)', () => {
    // Each a word of the dictionary (or two): a likelier word of the same sound is no reason to change it.
    expect(suggest('补助')).toEqual([]);
    expect(suggest('提取')).toEqual([]);
    expect(suggest('电梯加装补贴')).toEqual([]);
    // Not a listed word, only the dictionary's 物业 and 服务: still as typed.
    expect(typoCandidates(parseQuery('物业服务'), lexicon, new Set(SYNONYM_GROUPS.flat()))).toEqual([]);
    // A correct keyword beside a wrong one stays as typed in every candidate.
    expect(suggest('物业服务 公阻房')[0]).toBe('物业服务 公租房');
    expect(suggest('补助 公阻房').every((q) => q.startsWith('补助 '))).toBe(true);
    // Real corrections are kept: 危方 is a rare word of the dictionary, and 危房改造 one word where 危方改造 was two.
    expect(suggest('危方改造')[0]).toBe('危房改造');
    expect(suggest('危方')[0]).toBe('危房');
    expect(suggest('公阻房')[0]).toBe('公租房');
    expect(suggest('住房公基金')[0]).toBe('住房公积金');
    expect(suggest('征收补尝')[0]).toBe('征收补偿');
    // Two words made one listed word: 工程 造假 (each common) → 工程造价.
    expect(suggest('工程造假')[0]).toBe('工程造价');
  });

  it('never changes one of only two characters by shape, and says which kind each correction is (issue 13: 违建 → 重建, 加梯 → 加强, 公摊 → 公司, 群租 → 群众)', () => {
    // Half of the word is too much to call a slip of shape: a two-character keyword is corrected only by sound.
    const offers = (q: string, more: string[] = []) => typoOffers(parseQuery(q), lexicon, new Set(more));
    for (const q of ['加梯', '公摊', '群租', '违建']) {
      expect(offers(q).every((o) => o.kind === 'homophone')).toBe(true);
    }
    expect(offers('加梯').map((o) => o.q)).not.toContain('加强');
    expect(offers('公摊').map((o) => o.q)).not.toContain('公司');
    // The everyday words are the domain's: kept as typed.
    for (const q of ['违建', '加梯', '公摊', '群租']) expect(suggest(q)).toEqual([]);
    // Homophones of two characters are still offered (申情 → 申请, 杨尘 → 扬尘), and so are shapes in longer keywords.
    expect(offers('申情')[0]).toEqual({ q: '申请', kind: 'homophone' });
    expect(typoOffers(parseQuery('公共租凭住房'), lexicon, listed)).toContainEqual({ q: '公共租赁住房', kind: 'shape' });
    expect(typoOffers(parseQuery('公阻房'), lexicon, listed)[0]).toEqual({ q: '公租房', kind: 'homophone' });
  });

  it('hands back at most a few candidates', () => {
    for (const q of ['公阻房', '危方改造', '申情', '住房公基金', '公共租凭住房', '扬尘治埋']) expect(suggest(q).length).toBeLessThanOrEqual(TYPO_BOUNDS.maxCandidates + TYPO_BOUNDS.maxOtherCandidates);
  });

  it('stays within its look-up budget whatever the query holds', () => {
    const real = lexicon;
    let lookups = 0;
    const counted: Lexicon = {
      frequency: (w) => { lookups++; return real.frequency(w); },
      hasPrefix: (p) => { lookups++; return real.hasPrefix(p); },
      homophones: (c) => real.homophones(c),
      oneCharOff: (w, at, most) => { const found = real.oneCharOff(w, at, most); lookups += 4; read += found.read; return found; },
      total: real.total,
    };
    let read = 0;
    typoCandidates(parseQuery('鸡基及积 一以已意亦 是时使事市 几记机期集 易义衣医依 十石时实识'), counted, listed);
    expect(lookups).toBeLessThanOrEqual(TYPO_BOUNDS.maxLookups + TYPO_BOUNDS.maxOtherLookups);
    expect(read).toBeLessThanOrEqual(TYPO_BOUNDS.maxLinesRead);
    // Keywords of the commonest characters, which begin and end thousands of words each.
    const common = parseQuery('一大一大一大一大一大一大 中不中不中不中不中不中不 三王三王三王三王三王三王');
    lookups = 0;
    read = 0;
    typoCandidates(common, counted, listed);
    expect(lookups).toBeLessThanOrEqual(TYPO_BOUNDS.maxLookups + TYPO_BOUNDS.maxOtherLookups);
    expect(read).toBeLessThanOrEqual(TYPO_BOUNDS.maxLinesRead);
    // Each bound holds when it is the one reached first.
    for (const bounds of [{ ...TYPO_BOUNDS, maxLinesRead: 5_000 }, { ...TYPO_BOUNDS, maxOtherLookups: 500 }]) {
      lookups = 0;
      read = 0;
      typoCandidates(common, counted, listed, bounds);
      expect(lookups).toBeLessThanOrEqual(bounds.maxLookups + bounds.maxOtherLookups);
      expect(read).toBeLessThanOrEqual(bounds.maxLinesRead);
      expect(read).toBeGreaterThan(0);
    }
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

  it('lists the words one character off, from the words that start or end as the text does', () => {
    const words = (w: string, at: number) => lexicon.oneCharOff(w, at, 10_000).words.map(([word]) => word);
    expect(words('治埋', 1)).toEqual(expect.arrayContaining(['治理', '治疗']));
    expect(words('治埋', 1)).not.toContain('治埋');
    // Only words as long as the text, equal but at `at`.
    expect(words('治埋', 1).every((w) => [...w].length === 2 && w.startsWith('治'))).toBe(true);
    expect(words('许可征', 2)).toContain('许可证');
    expect(words('祖赁', 0)).toContain('租赁');
    expect(words('公积全', 2)).toContain('公积金');
    expect(words('住房公积全', 4)).toEqual([]);
    // Their frequencies, as frequency() gives them.
    expect(lexicon.oneCharOff('治埋', 1, 10_000).words.find(([w]) => w === '治理')?.[1]).toBe(lexicon.frequency('治理'));
    // More words sharing the known characters than asked for: none read.
    expect(lexicon.oneCharOff('一埋', 1, 100)).toEqual({ words: [], read: 0 });
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
