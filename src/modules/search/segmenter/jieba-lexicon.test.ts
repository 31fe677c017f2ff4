import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../../test/support/temp-dirs.ts';
import { DOMAIN_WORDS } from '../domain/domain-words.ts';
import { nearDocumentNumberKeys } from '../domain/numbers.ts';
import { parseQuery } from '../domain/parse-query.ts';
import { SYNONYM_GROUPS } from '../domain/synonyms.ts';
import { typoOffers, type Lexicon } from '../domain/typo-suggestion.ts';
import { computeLexicon, readLexiconFile, writeLexiconFile } from './jieba-lexicon.ts';

/**
 * The lexicon's compact form (ADR 0035): what `npm run build` writes beside the compiled module, which the first search
 * that finds nothing reads instead of working the lexicon out. It must answer exactly as the lexicon worked out does.
 */
let file: string;
let computed: Lexicon;
let fromFile: Lexicon;
beforeAll(async () => {
  file = path.join(makeTempDir('lexicon'), 'jieba-lexicon.bin');
  await writeLexiconFile(file);
  computed = computeLexicon();
  fromFile = readLexiconFile(file)!;
}, 120_000);

// As the search lists them (use-cases/search-offers.ts): the synonym groups and the domain's words.
const listed = new Set([...SYNONYM_GROUPS.flat(), ...DOMAIN_WORDS]);
const offers = (lexicon: Lexicon, q: string) => typoOffers(parseQuery(q), lexicon, listed).map((o) => `${o.kind === 'shape' ? '形' : '音'}:${o.q}`);

/** The offers as the lexicon made them before it had a file (recorded from the code of 02cdee86), for issue 13's typos. */
const BEFORE: Record<string, string[]> = {
  '公共租凭住房': ['形:公共租赁住房', '形:公共租界住房', '形:公共文凭住房', '形:公共租地住房', '形:公共任凭住房', '形:公共租金住房', '形:公共租佃住房', '形:公共租用住房'],
  '棚户区改递': ['音:棚户区改地', '形:棚户区改造', '形:棚户区改革', '形:棚户区改变', '形:棚户区传递', '形:棚户区投递', '形:棚户区快递', '形:棚户区改善', '形:棚户区改为'],
  '预售许可征': ['音:预售许可证', '形:预售许可是', '形:预售许可有', '形:预售许可不', '形:预售许可为', '形:预售许可上', '形:预售许可说', '形:预售许可到', '形:预售许可要'],
  '住房公积全': ['音:住房公齐全', '音:住房公鸡全', '音:住房公祭全', '形:住房公积金', '形:住房面积全', '形:住房公司全', '形:住房公里全', '形:住房公民全', '形:住房公积每', '形:住房公积转', '形:住房公路全'],
  '扬尘治埋': ['音:扬尘支脉', '音:扬尘置买', '形:扬尘治理', '形:扬尘治疗', '形:扬尘治安', '形:扬尘掩埋', '形:扬尘活埋', '形:扬尘填埋', '形:扬尘治所', '形:扬尘治权'],
  '公阻房': ['音:公租房', '音:公族房', '音:公祖房', '形:公司房', '形:公事房', '形:公里房', '形:公阻止', '形:公阻拦', '形:公阻碍', '形:劝阻房', '形:电阻房'],
  '危方改造 资金': ['音:危房改造 资金', '形:地方改造 资金', '形:双方改造 资金', '形:西方改造 资金', '形:危机改造 资金', '形:危险改造 资金', '形:危害改造 资金', '形:对方改造 资金', '形:东方改造 资金'],
  '杨尘': ['音:扬尘'],
  '杨尘污染': ['音:扬尘污染', '形:杨水污染', '形:拂尘污染', '形:无尘污染', '形:灰尘污染', '形:杨柳污染', '形:杨维污染', '形:杨无污染', '形:烟尘污染'],
  '住房工基金': ['音:住房公积金', '音:住房供给金', '音:住房工期紧', '形:住房工作金', '形:住房中基金'],
  '申情': ['音:申请', '音:神情', '音:深情'],
  '补助 公阻房': ['音:补助 公租房', '音:补助 公族房', '音:补助 公祖房', '形:补助 公司房', '形:补助 公事房', '形:补助 公里房', '形:补助 公阻止', '形:补助 公阻拦', '形:补助 公阻碍', '形:补助 劝阻房', '形:补助 电阻房'],
  '祖赁合同': ['音:租赁合同', '形:祖国合同', '形:祖先合同', '形:祖宗合同', '形:祖父合同', '形:祖师合同', '形:祖母合同', '形:祖上合同', '形:祖坟合同'],
};

describe('the lexicon read from its compact form', () => {
  it('offers the same corrections as before the file, read from it or worked out (issue 13’s typos, a 文号’s 代字)', () => {
    expect(fromFile).not.toBeNull();
    for (const [q, before] of Object.entries(BEFORE)) {
      expect(offers(fromFile, q), q).toEqual(before);
      expect(offers(computed, q), q).toEqual(before);
    }
    const near = (lexicon: Lexicon) => nearDocumentNumberKeys('蓝建|2026|6', (c) => lexicon.homophones(c)).slice(0, 8);
    expect(near(fromFile)).toEqual(['建|2026|6', '蓝|2026|6', '兰建|2026|6', '览建|2026|6', '拦建|2026|6', '烂建|2026|6', '篮建|2026|6', '栏建|2026|6']);
    expect(near(computed)).toEqual(near(fromFile));
  });

  it('answers the look-ups as the lexicon worked out does', { timeout: 120_000 }, () => {
    expect(fromFile.total).toBe(computed.total);
    // Printable ASCII, every third character of the basic plane's unified ideographs, and some the file may not list
    // (asked of pinyin-pro then). Every character and many more words were compared once by hand (docs/performance.md).
    const characters = [...Array(0x7f - 0x20).keys()].map((k) => String.fromCodePoint(0x20 + k));
    for (let c = 0x4e00; c < 0xa000; c += 3) characters.push(String.fromCodePoint(c));
    characters.push('〇', '々', '𠀀', '𪚥', '𬌗', 'ü', 'Ａ', '');
    const homophones = (lexicon: Lexicon) => characters.map((ch) => `${ch}:${lexicon.homophones(ch).join('')}`);
    expect(homophones(fromFile)).toEqual(homophones(computed));

    const require = createRequire(import.meta.url);
    const words = fs.readFileSync(require.resolve('@node-rs/jieba/dict.txt'), 'utf8').split('\n').filter(Boolean).map((l) => l.split(' ')[0]);
    const some = words.filter((_, i) => i % 97 === 0);
    const lookUps = (lexicon: Lexicon) => some.map((w) => {
      const head = [...w].slice(0, -1).join('');
      return [w, lexicon.frequency(w), lexicon.frequency(`${w}的`), lexicon.hasPrefix(w), lexicon.hasPrefix(head)];
    });
    expect(lookUps(fromFile)).toEqual(lookUps(computed));
    const fewer = words.filter((_, i) => i % 997 === 0);
    const off = (lexicon: Lexicon) => fewer.flatMap((w) => [...w].map((_, at) => lexicon.oneCharOff(w, at, 4_000)));
    expect(off(fromFile)).toEqual(off(computed));
  });

  it('is not read when missing, cut short, damaged, or made of another format, package version or dictionary', () => {
    const dir = path.dirname(file);
    const bytes = fs.readFileSync(file);
    const length = bytes.readUInt32LE(0);
    const header = JSON.parse(bytes.toString('utf8', 4, 4 + length)) as Record<string, unknown>;
    const padded = (n: number) => Math.ceil(n / 8) * 8;
    /** The file with its header changed, the sections as they were (each still at a multiple of 8). */
    const withHeader = (change: Record<string, unknown>) => {
      const json = Buffer.from(JSON.stringify({ ...header, ...change }), 'utf8');
      const head = Buffer.alloc(padded(4 + json.length));
      head.writeUInt32LE(json.length, 0);
      json.copy(head, 4);
      return Buffer.concat([head, bytes.subarray(padded(4 + length))]);
    };
    const readAs = (name: string, content: Buffer) => {
      fs.writeFileSync(path.join(dir, name), content);
      return readLexiconFile(path.join(dir, name));
    };
    // The helper itself leaves a good file good.
    expect(readAs('same.bin', withHeader({}))).not.toBeNull();
    expect(readLexiconFile(path.join(dir, 'none.bin'))).toBeNull();
    expect(readAs('short.bin', bytes.subarray(0, bytes.length >> 1))).toBeNull();
    expect(readAs('damaged.bin', Buffer.concat([Buffer.from('{not json'), bytes.subarray(9)]))).toBeNull();
    expect(readAs('format.bin', withHeader({ format: 0 }))).toBeNull();
    expect(readAs('jieba.bin', withHeader({ jieba: '1.0.0' }))).toBeNull();
    expect(readAs('pinyin.bin', withHeader({ pinyinPro: '3.0.0' }))).toBeNull();
    expect(readAs('dictionary.bin', withHeader({ dictBytes: 1 }))).toBeNull();
  });
});
