import { describe, expect, it } from 'vitest';
import { parseQuery } from './parse-query.ts';
import { holdsEveryKeyword } from './text-match.ts';

const holds = (q: string, ...texts: string[]) => holdsEveryKeyword(parseQuery(q), texts);

describe('a title matched as the index matches an item', () => {
  it('finds a keyword as a substring, every keyword, in any of the texts', () => {
    const title = '《青岚县既有住宅加装电梯实施办法（征求意见稿）》';
    expect(holds('加装电梯', title)).toBe(true);
    expect(holds('电', title)).toBe(true);
    expect(holds('加装电梯 实施办法', title)).toBe(true);
    expect(holds('加装电梯 物业费', title)).toBe(false);
    expect(holds('加装电梯 补贴', title, '对加装电梯给予补贴')).toBe(true);
    expect(holds('电梯加装', title)).toBe(false);
  });

  it('reads full-width letters and digits as ASCII and ignores case, as the index does', () => {
    expect(holds('ppp', '关于ＰＰＰ项目实施方案的征求意见稿')).toBe(true);
    expect(holds('ＰＰＰ', '关于ppp项目实施方案')).toBe(true);
    expect(holds('2026年', '２０２６年城镇老旧小区改造计划')).toBe(true);
  });

  it('searches a keyword’s synonyms too, and does not run a keyword across punctuation', () => {
    expect(holds('公租房', '关于调整公共租赁住房租金标准的征求意见稿')).toBe(true);
    expect(holds('三公经费', '关于“三公”经费管理的建议')).toBe(false);
    expect(holds('“三公”经费', '关于“三公”经费管理的建议')).toBe(true);
  });

  it('matches nothing without a keyword', () => {
    expect(holds('！！', '关于加装电梯的建议')).toBe(false);
  });
});
