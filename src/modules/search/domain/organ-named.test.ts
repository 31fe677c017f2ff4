import { describe, expect, it } from 'vitest';
import { parseQuery } from './parse-query.ts';
import { organNamedIn, type NamedOrgan } from './organ-named.ts';

let nextId = 1;
const organ = (name: string, shortName: string, kind = 'department'): NamedOrgan => ({ id: nextId++, code: `o${nextId}`, name, shortName, kind });
const housing = organ('岚山县住房和城乡建设局', '县住建局');
const finance = organ('岚山县财政局', '县财政局');
const county = organ('岚山县人民政府', '县政府', 'government');
const town = organ('岚山县青石镇人民政府', '青石镇', 'government');
const unit = organ('岚山县住房和城乡建设局办公室', '办公室', 'unit');
const organs = [housing, finance, county, town, unit];

const named = (q: string) => {
  const hit = organNamedIn(parseQuery(q), organs);
  return hit && { code: hit.organ.code, rest: hit.rest };
};

describe('an organ named among the keywords', () => {
  it('reads a keyword as an organ when it is the organ’s short or full name, or how either ends', () => {
    expect(named('住建局 公示')).toEqual({ code: housing.code, rest: '公示' });
    expect(named('县住建局 公示')).toEqual({ code: housing.code, rest: '公示' });
    expect(named('公示 住房和城乡建设局')).toEqual({ code: housing.code, rest: '公示' });
    expect(named('岚山县财政局 预算 公开')).toEqual({ code: finance.code, rest: '预算 公开' });
    expect(named('县政府 常务会议')).toEqual({ code: county.code, rest: '常务会议' });
  });

  it('gives the name alone with nothing left to search', () => {
    expect(named('住建局')).toEqual({ code: housing.code, rest: '' });
  });

  it('names no organ for an ending shared by several, a word of two characters, or a word inside a name', () => {
    expect(named('人民政府 公告')).toBeNull();
    expect(named('财政 预算')).toBeNull();
    expect(named('城乡建设 规划')).toBeNull();
    expect(named('危房改造 补助')).toBeNull();
  });

  it('never names a unit, which publishes through its organ', () => {
    expect(named('办公室 通知')).toBeNull();
  });

  it('reads only one name: two organs named, or one named twice, is left as typed', () => {
    expect(named('住建局 财政局 资金')).toBeNull();
    expect(named('住建局 县住建局')).toBeNull();
  });

  it('leaves a 文号 look-up alone', () => {
    expect(named('县政府〔2026〕3号')).toBeNull();
  });
});
