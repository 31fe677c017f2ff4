import { describe, expect, it } from 'vitest';
import { namesOfTitle, namesTheQuery, standingOf } from './rank.ts';
import { snippetOf } from './snippet.ts';

describe('a query naming an item', () => {
  it('takes the title and each name in 《》 as the item’s names', () => {
    expect(namesOfTitle('关于印发《青岚县公共租赁住房管理办法》的通知')).toEqual(['关于印发青岚县公共租赁住房管理办法的通知', '青岚县公共租赁住房管理办法']);
  });

  it('counts a query covering most of a name, not a short word inside it nor a draft’s longer name', () => {
    expect(namesTheQuery('关于印发《青岚县城镇老旧小区改造实施办法》的通知', ['城镇老旧小区改造实施办法'])).toBe(true);
    expect(namesTheQuery('《青岚县城镇老旧小区改造实施办法》政策解读', ['城镇老旧小区改造实施办法'])).toBe(true);
    expect(namesTheQuery('关于公开征求《青岚县城镇老旧小区改造实施办法（征求意见稿）》意见的公告', ['城镇老旧小区改造实施办法'])).toBe(false);
    expect(namesTheQuery('青岚县城镇老旧小区改造实施办法', ['危房'])).toBe(false);
    expect(namesTheQuery('关于进一步加强建筑施工扬尘污染防治工作的通知', ['关于进一步加强建筑施工扬尘污染防治工作的通知'])).toBe(true);
    // Punctuation and full-width forms do not count.
    expect(namesTheQuery('2026年城镇保障性安居工程建设工作方案', ['２０２６年城镇保障性安居工程建设工作方案'])).toBe(true);
  });
});

describe('a name revised in editions', () => {
  it('is the same name with its edition note after it (（2024年修订）), so its query names every edition, not only the first', () => {
    // Citizen tester: 公共租赁住房申请办事指南 put the 2019 guide before its 2024 and 2026 revisions, all 有效.
    expect(namesTheQuery('公共租赁住房申请办事指南（2024年修订）', ['公共租赁住房申请办事指南'])).toBe(true);
    expect(namesTheQuery('关于印发《青岚县物业管理办法（2023年修正）》的通知', ['青岚县物业管理办法'])).toBe(true);
    expect(namesTheQuery('建设工程消防验收办事指南（修订版）', ['建设工程消防验收办事指南'])).toBe(true);
    expect(namesOfTitle('公共租赁住房申请办事指南（2024年修订）')).toEqual(['公共租赁住房申请办事指南2024年修订', '公共租赁住房申请办事指南']);
    // A draft is not an edition: its notice is still not named (12 of 20).
    expect(namesTheQuery('关于公开征求《青岚县城镇老旧小区改造实施办法（征求意见稿）》意见的公告', ['城镇老旧小区改造实施办法'])).toBe(false);
    // Nor is any other note in brackets.
    expect(namesTheQuery('公共租赁住房申请办事指南（城区和各乡镇适用）', ['公共租赁住房申请办事指南'])).toBe(false);
  });
});

describe('an item’s standing', () => {
  const item = { title: '青岚县公共租赁住房管理办法', itemKind: 'document', genre: '通知', validity: 'valid' };
  it('puts a document in force above a repealed one, and either above an interpretation or a notice about a draft', () => {
    expect(standingOf(item)).toBe(0);
    expect(standingOf({ ...item, validity: 'amended' })).toBe(0);
    expect(standingOf({ ...item, itemKind: 'interpretation', genre: '政策解读' })).toBe(-2);
    expect(standingOf({ ...item, genre: '解读' })).toBe(-2);
    expect(standingOf({ ...item, title: '关于公开征求《青岚县公共租赁住房管理办法（征求意见稿）》意见的公告' })).toBe(-2);
    expect(standingOf({ ...item, validity: 'repealed' })).toBe(-1);
    expect(standingOf({ ...item, validity: 'expired', genre: '解读' })).toBe(-3);
  });
});

describe('snippet', () => {
  const hits = (parts: { text: string; hit: boolean }[]) => parts.filter((p) => p.hit).map((p) => p.text);
  it('marks a keyword the text spaces apart where the index does not see the spaces, around its first place', () => {
    const text = `${'序号 机构名称 地址 联系电话 '.repeat(20)}第 1 页 共 2 页`;
    const parts = snippetOf(text, ['共2页']);
    expect(hits(parts)).toEqual(['共 2 页']);
    expect(parts[0].text).toBe('…');
  });

  it('marks 文号 typed with other brackets, and not two Chinese runs run together', () => {
    expect(hits(snippetOf('依据岚建〔2026〕63号文件', ['岚建(2026)63号']))).toEqual(['岚建〔2026〕63号']);
    expect(hits(snippetOf('三公经费', ['三公”经费']))).toEqual([]);
    expect(hits(snippetOf('农村危房改造', ['危房', '危房改造']))).toEqual(['危房改造']);
  });
});
