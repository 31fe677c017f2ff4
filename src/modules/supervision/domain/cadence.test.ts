import { describe, expect, it } from 'vitest';
import { addMonths, defaultCadence, freshness, nextUpdateDue, type CadenceNode } from './cadence.ts';

const tree = (nodes: CadenceNode[]) => new Map(nodes.map((n) => [n.id, n]));
const node = (id: number, name: string, parentId: number | null = null, isStandardDirectory = false): CadenceNode => ({ id, name, parentId, isStandardDirectory });

describe('default cadence by inspection class', () => {
  const nodes = [
    node(1, '工作动态'), node(2, '政务动态'), node(3, '通知公告'), node(4, '政策文件'), node(5, '规范性文件', 4), node(6, '其他文件', 4),
    node(7, '机构职能'), node(8, '领导信息', 7), node(9, '公开年报'), node(10, '财政预决算'), node(11, '部门决算', 10),
    node(12, '保障性住房', null, true), node(13, '政策解读'), node(14, '人事信息'),
  ];
  const byId = tree(nodes);
  it.each([
    [1, 'biweekly', 'news'], [2, 'biweekly', 'news'], [3, 'half_yearly', 'notice_policy'], [4, 'half_yearly', 'notice_policy'],
    [5, 'half_yearly', 'notice_policy'], [6, 'half_yearly', 'notice_policy'], [7, 'static', 'institution'], [8, 'static', 'institution'],
    [9, 'yearly', 'annual_report'], [10, 'yearly', 'budget'], [11, 'yearly', 'budget'], [12, 'on_change', 'other'], [13, 'on_change', 'other'],
    [14, 'on_change', 'other'],
  ])('node %i defaults to %s (%s)', (id, cadence, inspectionClass) => {
    expect(defaultCadence(byId.get(id)!, byId)).toMatchObject({ cadence, inspectionClass });
  });
  it('says why a standard-directory node follows the 20-working-day limit', () => {
    expect(defaultCadence(byId.get(12)!, byId).reason).toContain('20 个工作日');
  });
  it('gives the annual report column its date from 条例第四十九条 (第五十条 is the report’s contents), the day included', () => {
    expect(defaultCadence(byId.get(9)!, byId).reason).toBe('政府信息公开工作年度报告：最迟于每年 1 月 31 日（含当日）公布上一年度报告，人民政府最迟于 3 月 31 日（条例第四十九条）');
  });
  it('does not loop on a broken parent chain', () => {
    const loop = tree([node(1, '甲', 2), node(2, '乙', 1)]);
    expect(defaultCadence(loop.get(1)!, loop).cadence).toBe('on_change');
  });
});

describe('next update due and staleness (fixed dates)', () => {
  it.each([
    ['biweekly', '2026-03-01', '2026-03-15'], ['monthly', '2026-01-31', '2026-02-28'], ['quarterly', '2026-11-30', '2027-02-28'],
    ['half_yearly', '2025-08-31', '2026-02-28'], ['half_yearly', '2023-08-31', '2024-02-29'], ['yearly', '2024-02-29', '2025-02-28'],
    ['on_change', '2026-03-01', null], ['static', '2026-03-01', null],
  ] as const)('%s after %s is due %s', (cadence, last, due) => {
    expect(nextUpdateDue(cadence, last)).toBe(due);
  });
  it('counts a news column late from the 15th day after its last item', () => {
    expect(freshness('biweekly', '2026-03-01', '2026-03-15')).toEqual({ state: 'fresh', lastUpdatedOn: '2026-03-01', dueOn: '2026-03-15' });
    expect(freshness('biweekly', '2026-03-01', '2026-03-16')).toEqual({ state: 'stale', lastUpdatedOn: '2026-03-01', dueOn: '2026-03-15', daysLate: 1 });
  });
  it('says how late a policy column is against its 6 months', () => {
    expect(freshness('half_yearly', '2025-06-10', '2026-03-10')).toMatchObject({ state: 'stale', dueOn: '2025-12-10', daysLate: 90 });
  });
  it('never calls a static or on-change node late, but reports any node without items as empty', () => {
    expect(freshness('static', '2019-01-01', '2026-03-10')).toMatchObject({ state: 'fresh', dueOn: null });
    expect(freshness('on_change', '2019-01-01', '2026-03-10')).toMatchObject({ state: 'fresh', dueOn: null });
    expect(freshness('static', null, '2026-03-10')).toEqual({ state: 'empty' });
  });
  it('adds months across years', () => {
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
  });
});
