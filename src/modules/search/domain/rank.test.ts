import { describe, expect, it } from 'vitest';
import { guideFor, namesOfTitle, namesTheQuery, rankWithRepeatsAfter, seriesOf, standingOf, type RankFacts } from './rank.ts';
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

describe('a recurring item’s issues', () => {
  it('are one series: the title without its digits, its 第 serial and what is in brackets', () => {
    expect(seriesOf('2026年农村危房改造补助资金发放情况公示（桐溪镇）')).toBe(seriesOf('2025年农村危房改造补助资金发放情况公示（双河镇）'));
    expect(seriesOf('2026年第一批公共租赁住房分配结果公示')).toBe(seriesOf('2025年第十二批公共租赁住房分配结果公示'));
    expect(seriesOf('关于印发《2026年政务公开工作要点》的通知')).toBe(seriesOf('关于印发《2025年政务公开工作要点》的通知'));
    expect(seriesOf('公共租赁住房申请办事指南（2026年修订）')).toBe(seriesOf('公共租赁住房申请办事指南'));
    expect(seriesOf('关于印发《青岚县农村危房改造补助资金管理办法》的通知')).not.toBe(seriesOf('《青岚县农村危房改造补助资金管理办法》政策解读'));
    expect(seriesOf('关于开展2025年农村危房改造补助资金发放专项检查的通知')).not.toBe(seriesOf('2025年农村危房改造补助资金发放情况公示（双河镇）'));
  });

  it('after its first: the other items as good a match come before the rest of the series (outside tester: the 管理办法 was 53rd of 69)', () => {
    type F = RankFacts & { title: string };
    const fact = (title: string, sortKey: number, more: Partial<RankFacts> = {}): F => ({ title, sortKey, exactNumber: false, nameMatch: false, guideAsked: false, titleHasAll: true, wordScore: 2, standing: 0, ...more });
    const facts: F[] = [
      ...['桐溪镇', '梅塘镇', '柏坪镇', '槐店镇'].map((town, i) => fact(`2026年农村危房改造补助资金发放情况公示（${town}）`, 100 - i)),
      fact('关于印发《青岚县农村危房改造补助资金管理办法》的通知', 50),
      fact('《青岚县农村危房改造补助资金管理办法》政策解读', 49, { standing: -2 }),
      fact('2026年危房改造工作动态', 99, { titleHasAll: false }),
    ];
    expect(rankWithRepeatsAfter(facts, (f) => f.title).map((f) => f.title)).toEqual([
      '2026年农村危房改造补助资金发放情况公示（桐溪镇）',
      '关于印发《青岚县农村危房改造补助资金管理办法》的通知',
      '《青岚县农村危房改造补助资金管理办法》政策解读',
      '2026年农村危房改造补助资金发放情况公示（梅塘镇）',
      '2026年农村危房改造补助资金发放情况公示（柏坪镇）',
      '2026年农村危房改造补助资金发放情况公示（槐店镇）',
      // A weaker match stays below every better one, repeats included.
      '2026年危房改造工作动态',
    ]);
  });
});

describe('a question how or where to do something (ADR 0053)', () => {
  const keywords = [['农村'], ['危房改造', '危改'], ['补助', '补贴']];
  it('takes a service guide holding half the keywords in its title as about the question', () => {
    expect(guideFor({ title: '农村危房改造申请办事指南（2025年修订）', genre: '其他' }, keywords)).toBe(true);
    // Not a guide; a guide about something else.
    expect(guideFor({ title: '2026年农村危房改造补助资金发放情况公示（桐溪镇）', genre: '公示' }, keywords)).toBe(false);
    expect(guideFor({ title: '房屋建筑和市政基础设施工程竣工验收备案办事指南', genre: '其他' }, [['房屋'], ['安全'], ['鉴定']])).toBe(false);
    expect(guideFor({ title: '房屋安全鉴定办事指南', genre: '其他' }, [['房屋'], ['安全'], ['鉴定']])).toBe(true);
  });

  it('ranks such a guide after an exact number and a name, before the titles holding every keyword; equal otherwise', () => {
    type F = RankFacts & { title: string };
    const fact = (title: string, sortKey: number, more: Partial<RankFacts> = {}): F => ({ title, sortKey, exactNumber: false, nameMatch: false, guideAsked: false, titleHasAll: true, wordScore: 6, standing: 0, ...more });
    const facts: F[] = [
      fact('2026年农村危房改造补助资金发放情况公示（桐溪镇）', 100),
      fact('关于开展农村危房改造补助资金发放专项检查的通知', 90),
      fact('农村危房改造申请办事指南（2025年修订）', 10, { guideAsked: true, titleHasAll: false, wordScore: 4 }),
      fact('青岚县农村危房改造补助资金管理办法', 5, { nameMatch: true }),
    ];
    expect(rankWithRepeatsAfter(facts, (f) => f.title).map((f) => f.sortKey)).toEqual([5, 10, 100, 90]);
    // Its newest edition only: the older ones rank as any item would, after the others as good a match (the series rule).
    const editions = [...facts, fact('农村危房改造申请办事指南（2024年修订）', 8, { guideAsked: true, titleHasAll: false, wordScore: 4 })];
    expect(rankWithRepeatsAfter(editions, (f) => f.title).map((f) => f.sortKey)).toEqual([5, 10, 100, 90, 8]);
    // Without the question nothing is a guide asked for: the order of every other query.
    expect(rankWithRepeatsAfter(facts.map((f) => ({ ...f, guideAsked: false })), (f) => f.title).map((f) => f.sortKey)).toEqual([5, 100, 90, 10]);
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

  it('shows several keywords where the text has them together, not only around the first one (outside tester: 公租房 申请条件)', () => {
    const text = `本指南适用于本县公共租赁住房的申请受理。${'办理地点为县政务服务中心住房保障窗口，工作日办理。'.repeat(6)}公共租赁住房申请条件：具有本县户籍，家庭人均收入低于规定标准。`;
    expect(hits(snippetOf(text, [['公租房', '公共租赁住房'], '申请条件']))).toEqual(['公共租赁住房', '申请条件']);
    // One keyword (its synonyms too): its first place, as before.
    expect(hits(snippetOf(text, [['公租房', '公共租赁住房']]))[0]).toBe('公共租赁住房');
    expect(snippetOf(text, [['公租房', '公共租赁住房']])[0].text).toContain('本指南适用于');
    // Flat words are each a keyword.
    expect(hits(snippetOf(text, ['公共租赁住房', '申请条件']))).toEqual(['公共租赁住房', '申请条件']);
  });
});
