import { describe, expect, it } from 'vitest';
import { documentNumberKey, documentNumberParts, documentNumberShown, exactNumberOf, indexNumberKey, MISSING_NUMBER_BOUNDS, nearbyDocumentNumberKeys, nearDocumentNumberKeys, sameCodeKeys, serialDistance } from './numbers.ts';
import { parseQuery } from './parse-query.ts';
import { compareByRelevance, type RankFacts } from './rank.ts';
import { sortKeyOf } from './sort-key.ts';
import { snippetOf } from './snippet.ts';

describe('文号 and 索引号 keys', () => {
  it('gives one key for every bracket spelling, full-width digits and 第', () => {
    const key = documentNumberKey('岚建〔2026〕63号');
    for (const typed of ['岚建[2026]63号', '岚建(2026)63号', '岚建（２０２６）６３号', '岚建【2026】63号', '岚建〔2026〕第63号', ' 岚建 〔2026〕 063号']) expect(documentNumberKey(typed)).toBe(key);
    // Typed without brackets, the year marked by 年 (second citizen tester: 岚建2026年58号 found nothing).
    for (const typed of ['岚建2026年63号', '岚建2026年第63号']) expect(documentNumberKey(typed), typed).toBe(key);
    expect(documentNumberKey('2026年第63号')).not.toBe(key);
    expect(documentNumberKey('岚建〔2026〕64号')).not.toBe(key);
    expect(documentNumberKey('岚建罚决〔2026〕63号')).not.toBe(key);
    expect(documentNumberKey(null)).toBe('');
  });

  it('gives a 文号 typed without 号 the same key, its year marked by brackets or 年, and never another serial’s', () => {
    const key = documentNumberKey('岚建〔2026〕63号');
    for (const typed of ['岚建〔2026〕63', '岚建[2026]63', '岚建（２０２６）６３', '岚建2026年63', '岚建〔2026〕第63']) expect(documentNumberKey(typed), typed).toBe(key);
    for (const typed of ['岚建〔2026〕6', '岚建〔2026〕631', '岚建〔2026〕630']) expect(documentNumberKey(typed), typed).not.toBe(key);
    // Without 号 the year's closing mark tells the serial from the year: 岚建202663 could be any split.
    expect(documentNumberKey('岚建202663')).not.toBe(key);
    expect(documentNumberKey('〔2026〕63')).not.toBe(key);
  });

  it('compares 索引号 without spaces or case, digits full-width or not', () => {
    expect(indexNumberKey('11341529mb0001234x/２０２６-00063')).toBe(indexNumberKey('11341529MB0001234X/2026-00063'));
  });
});

describe('query parsing', () => {
  it('splits keywords on spaces and Chinese commas, drops repeats and adds synonyms', () => {
    const q = parseQuery('  公租房，租金  租金 ');
    expect(q.display).toBe('公租房,租金 租金');
    expect(q.keywords.map((k) => k.text)).toEqual(['公租房', '租金']);
    expect(q.keywords[0].alternatives.map((a) => a.text)).toEqual(['公租房', '公共租赁住房']);
  });

  it('looks up a number copied with its label from an item’s properties (索引号：…, 文号：…)', () => {
    const bare = parseQuery('11341529MB1D386259/2026-00402');
    for (const typed of ['索引号：11341529MB1D386259/2026-00402', '索引号: 11341529MB1D386259/2026-00402', '索引号 11341529MB1D386259/2026-00402']) {
      const q = parseQuery(typed);
      expect(q.indexNumberKey).toBe(bare.indexNumberKey);
      expect(q.keywords.map((k) => k.text)).toEqual(bare.keywords.map((k) => k.text));
      expect(q.display).toBe(typed.normalize('NFKC').replace(/\s+/g, ' '));
    }
    for (const typed of ['文号：岚建〔2026〕58号', '发文字号:岚建〔2026〕58号', '文号 岚建〔2026〕第58号']) {
      expect(parseQuery(typed).documentNumberKey).toBe(documentNumberKey('岚建〔2026〕58号'));
    }
    // A label word with no number after it is a keyword like any other.
    expect(parseQuery('文号管理').keywords.map((k) => k.text)).toEqual(['文号管理']);
    expect(parseQuery('文号 规范').keywords.map((k) => k.text)).toEqual(['文号', '规范']);
  });

  it('matches a keyword that is a 文号 written with or without 第 (the exact look-up already ignores it)', () => {
    const spellings = (q: string) => parseQuery(q).keywords.map((k) => k.alternatives.map((a) => a.text));
    expect(spellings('岚建〔2026〕第58号')).toEqual([['岚建〔2026〕第58号', '岚建〔2026〕58号']]);
    expect(spellings('岚建〔2026〕58号')).toEqual([['岚建〔2026〕58号', '岚建〔2026〕第58号']]);
    expect(spellings('岚建[2026]58号 通知')).toEqual([['岚建[2026]58号', '岚建[2026]第58号'], ['通知']]);
    expect(spellings('岚建（２０２６）第５８号')).toEqual([['岚建(2026)第58号', '岚建(2026)58号']]);
    expect(spellings('〔2026〕第58号')).toEqual([['〔2026〕第58号', '〔2026〕58号']]);
    expect(spellings('文号：岚建〔2026〕第58号')).toEqual([['岚建〔2026〕第58号', '岚建〔2026〕58号']]);
    // Without 号, the year bracketed: with and without 第 as well.
    expect(spellings('岚建〔2026〕58')).toEqual([['岚建〔2026〕58', '岚建〔2026〕第58']]);
    expect(spellings('岚建〔2026〕第58')).toEqual([['岚建〔2026〕第58', '岚建〔2026〕58']]);
    // Not a 文号: a year's serial (2026年第5号), a serial alone, a 文号 inside a longer keyword.
    for (const q of ['2026年第5号', '第58号', '58号', '岚建〔2026〕第58号文', '2026第58号']) expect(spellings(q), q).toEqual([[q]]);
  });

  it('matches a 文号 typed without brackets in its standard spelling too, as the items write it (issue 13: 岚建2026年58号 lost the 政策解读 citing 岚建〔2026〕58号)', () => {
    const spellings = (q: string) => parseQuery(q).keywords.map((k) => k.alternatives.map((a) => a.text));
    // Every spelling the exact look-up reads as this 文号 (documentNumberKey) also searches the text for 岚建〔2026〕58号.
    expect(spellings('岚建2026年58号')).toEqual([['岚建2026年58号', '岚建〔2026〕58号', '岚建〔2026〕第58号']]);
    expect(spellings('岚建2026年第58号')).toEqual([['岚建2026年第58号', '岚建〔2026〕58号', '岚建〔2026〕第58号']]);
    expect(spellings('岚建202658号')).toEqual([['岚建202658号', '岚建〔2026〕58号', '岚建〔2026〕第58号']]);
    expect(spellings('岚建2026年58')).toEqual([['岚建2026年58', '岚建〔2026〕58号', '岚建〔2026〕第58号']]);
    expect(spellings('岚建2026058号')).toEqual([['岚建2026058号', '岚建〔2026〕58号', '岚建〔2026〕第58号']]);
    for (const q of ['岚建2026年58号', '岚建202658号', '岚建2026年58']) expect(parseQuery(q).documentNumberKey, q).toBe(documentNumberKey('岚建〔2026〕58号'));
    // Digits that no 代字 and year can be read from stay one phrase: no 代字 (a year's serial, a serial alone), a 代字
    // ending in a digit or in 第 (a serial's own number), no 号 and no year mark (岚建202658: any split), a longer keyword.
    for (const q of ['2026年第5号', '202658号', '第202658号', '编号第202658号', '1202658号', '岚建1202658号', '岚建202658', '岚建2026年58号文']) expect(spellings(q), q).toEqual([[q]]);
    expect(documentNumberKey('岚建202658')).not.toBe(documentNumberKey('岚建〔2026〕58号'));
  });

  it('finds nothing to match in punctuation alone', () => {
    expect(parseQuery('，。！').keywords).toEqual([]);
  });
});

describe('which number of an item a query is', () => {
  const item = { documentNumber: '岚建〔2026〕63号', indexNumber: '11341529MB1D386259/2026-00430' };
  it('names the 文号 or the 索引号, as the item writes it', () => {
    expect(exactNumberOf(parseQuery('岚建[2026]第63号'), item)).toEqual({ kind: 'documentNumber', value: '岚建〔2026〕63号' });
    expect(exactNumberOf(parseQuery('索引号：11341529mb1d386259/2026-00430'), item)).toEqual({ kind: 'indexNumber', value: '11341529MB1D386259/2026-00430' });
    expect(exactNumberOf(parseQuery('危房'), item)).toBeNull();
    // Typed without 号 (an outside tester: 岚建〔2026〕63 found the item unmarked); another serial never.
    expect(exactNumberOf(parseQuery('岚建〔2026〕63'), item)).toEqual({ kind: 'documentNumber', value: '岚建〔2026〕63号' });
    expect(exactNumberOf(parseQuery('岚建〔2026〕6'), item)).toBeNull();
    expect(exactNumberOf(parseQuery('岚建〔2026〕63号'), { documentNumber: null, indexNumber: null })).toBeNull();
  });
});

describe('relevance order', () => {
  type Item = RankFacts & { id: number };
  const f = (id: number, on: string, over: Partial<RankFacts> = {}): Item => ({ id, sortKey: sortKeyOf(on, id), exactNumber: false, nameMatch: false, guideAsked: false, titleHasAll: false, wordScore: 0, standing: 0, ...over });
  it('exact number, then title, then whole words, then newest, then id', () => {
    const list = [
      f(1, '2026-03-01'),
      f(2, '2020-01-01', { wordScore: 2 }),
      f(3, '2019-01-01', { titleHasAll: true }),
      f(4, '2018-01-01', { exactNumber: true }),
      f(5, '2026-03-01'),
    ];
    expect(list.sort(compareByRelevance).map((x) => x.id)).toEqual([4, 3, 2, 5, 1]);
  });
});

describe('snippet', () => {
  it('marks every occurrence and starts near the first one', () => {
    const parts = snippetOf(`${'前文'.repeat(60)}农村危房改造补助，危房鉴定`, ['危房'], 40);
    expect(parts[0]).toEqual({ text: '…', hit: false });
    expect(parts.filter((p) => p.hit).map((p) => p.text)).toEqual(['危房', '危房']);
  });
});

describe('a 文号 typed with one character more or another (您是不是要找)', () => {
  it('gives the keys of the same year and serial with the 代字 one character shorter or a character sounding alike', () => {
    const near = nearDocumentNumberKeys(documentNumberKey('岚建字〔2026〕58号'));
    expect(near).toContain(documentNumberKey('岚建〔2026〕58号'));
    expect(near).toContain(documentNumberKey('岚字[2026]58号'));
    expect(near).not.toContain(documentNumberKey('岚建字〔2026〕58号'));
    expect(near.every((k) => k.endsWith('|2026|58'))).toBe(true);
    const alike = nearDocumentNumberKeys(documentNumberKey('蓝建〔2026〕58号'), (c) => (c === '蓝' ? ['兰', '岚'] : []));
    expect(alike).toContain(documentNumberKey('岚建〔2026〕58号'));
  });

  it('gives nothing for what is not a 文号', () => {
    expect(nearDocumentNumberKeys(documentNumberKey('公租房'))).toEqual([]);
    expect(nearDocumentNumberKeys('')).toEqual([]);
  });
});

describe('a 文号 that no item has: the keys asked for its neighbours, bounded', () => {
  const p = documentNumberParts(documentNumberKey('岚建〔2026〕6号'))!;

  it('reads a 文号’s parts from its key, and writes it back one way', () => {
    expect(p).toEqual({ prefix: '岚建', year: 2026, serial: 6 });
    expect(documentNumberShown(documentNumberParts(documentNumberKey('岚建(2026)第6'))!)).toBe('岚建〔2026〕6号');
    expect(documentNumberParts(documentNumberKey('公租房'))).toBeNull();
  });

  it('asks the same 代字 and year: the serials either side, and those of one digit more (typed short), never the typed one', () => {
    const keys = nearbyDocumentNumberKeys(p);
    for (const s of [1, 5, 7, 26, 60, 63, 69]) expect(keys, String(s)).toContain(`岚建|2026|${s}`);
    expect(keys).not.toContain('岚建|2026|6');
    expect(keys).not.toContain('岚建|2025|6');
    expect(keys.length).toBeLessThanOrEqual(2 * MISSING_NUMBER_BOUNDS.serialsEitherSide + 11);
    expect(nearbyDocumentNumberKeys(documentNumberParts('岚建|2026|631')!)).toContain('岚建|2026|63');
    expect(serialDistance(6, 63)).toBe(1);
    expect(serialDistance(6, 2)).toBe(4);
    expect(serialDistance(631, 63)).toBe(1);
  });

  it('asks the first serials of the years around it, to tell whose 代字 it is (a year with none yet)', () => {
    const keys = sameCodeKeys(documentNumberParts(documentNumberKey('岚建〔2031〕1号'))!);
    expect(keys).toContain('岚建|2026|1');
    expect(keys).toContain('岚建|2032|1');
    expect(keys).not.toContain('岚建|2031|1');
    expect(keys.length).toBeLessThanOrEqual((MISSING_NUMBER_BOUNDS.yearsBefore + MISSING_NUMBER_BOUNDS.yearsAfter + 1) * MISSING_NUMBER_BOUNDS.firstSerials);
  });
});
