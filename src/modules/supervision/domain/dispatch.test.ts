import { describe, expect, it } from 'vitest';
import { columnOutcomes, dispatchDocument, monthBounds, monthlyDispatch, previousMonth, type DispatchColumn } from './dispatch.ts';

const col = (over: Partial<DispatchColumn>): DispatchColumn => ({ nodeId: 1, name: '工作动态', unitId: 7, cadence: 'biweekly', publishedOns: [], ...over });
const { fromOn, toOn } = monthBounds('2026-03');

describe('a column in the monthly dispatch', () => {
  it('knows the bounds of a month, February and December included', () => {
    expect(monthBounds('2026-02')).toEqual({ fromOn: '2026-02-01', toOn: '2026-02-28' });
    expect(monthBounds('2028-02').toOn).toBe('2028-02-29');
    expect(monthBounds('2026-12')).toEqual({ fromOn: '2026-12-01', toOn: '2026-12-31' });
    expect(previousMonth('2026-01-15')).toBe('2025-12');
  });

  it('counts each two-weekly deadline of the month: done by its day, then the next', () => {
    // Updated 02-25 → due 03-11 (done 03-10) → due 03-24 (done 03-20) → due 04-03 (next month).
    expect(columnOutcomes(col({ publishedOns: ['2026-02-25', '2026-03-10', '2026-03-20'] }), fromOn, toOn).map((o) => [o.dueOn, o.outcome, o.doneOn]))
      .toEqual([['2026-03-11', 'done', '2026-03-10'], ['2026-03-24', 'done', '2026-03-20']]);
  });

  it('is late when updated after its day within the month, and missing when not updated by the month’s end', () => {
    expect(columnOutcomes(col({ publishedOns: ['2026-02-25', '2026-03-15'] }), fromOn, toOn).map((o) => [o.dueOn, o.outcome]))
      .toEqual([['2026-03-11', 'late'], ['2026-03-29', 'missing']]);
    // A deadline passed last month and still not met is missing again this month.
    expect(columnOutcomes(col({ publishedOns: ['2026-01-05'] }), fromOn, toOn).map((o) => [o.dueOn, o.outcome])).toEqual([['2026-01-19', 'missing']]);
  });

  it('reports a column never updated as missing (空白栏目), a column new this month as nothing due, and never a static one', () => {
    expect(columnOutcomes(col({}), fromOn, toOn)).toMatchObject([{ dueOn: null, outcome: 'missing' }]);
    expect(columnOutcomes(col({ publishedOns: ['2026-03-02'] }), fromOn, toOn)).toEqual([]);
    expect(columnOutcomes(col({ cadence: 'static' }), fromOn, toOn)).toEqual([]);
    expect(columnOutcomes(col({ cadence: 'half_yearly', publishedOns: ['2026-01-10'] }), fromOn, toOn)).toEqual([]);
  });
});

describe('the month’s ranking and notice', () => {
  const d = monthlyDispatch({
    month: '2026-03',
    units: [{ id: null, name: '县住建局（政务公开办公室）' }, { id: 7, name: '村镇股' }, { id: 8, name: '综合股' }, { id: 9, name: '质安股' }],
    columns: [
      col({ nodeId: 1, unitId: 7, publishedOns: ['2026-02-25', '2026-03-10', '2026-03-20'] }),
      col({ nodeId: 2, name: '通知公告', unitId: 8, publishedOns: ['2026-02-25', '2026-03-15'] }),
      col({ nodeId: 3, name: '机构职能', unitId: null, cadence: 'static', publishedOns: ['2020-01-01'] }),
    ],
    latePublished: new Map([[8, 2]]),
  });

  it('ranks the units that had something due by on-time rate, then more on time; units with nothing due have no rank and come after', () => {
    expect(d.units.map((u) => [u.rank, u.unitName, u.due, u.done, u.late, u.missing, u.latePublished])).toEqual([
      [1, '村镇股', 2, 2, 0, 0, 0],
      [2, '综合股', 2, 0, 1, 1, 2],
      [null, '县住建局（政务公开办公室）', 0, 0, 0, 0, 0],
      [null, '质安股', 0, 0, 0, 0, 0],
    ]);
  });

  it('never puts a unit at 0% on time first because the others had nothing due, and breaks an equal rate by the count on time', () => {
    const m = monthlyDispatch({
      month: '2026-03',
      units: [{ id: null, name: '县住建局（政务公开办公室）' }, { id: 7, name: '村镇股' }, { id: 8, name: '综合股' }, { id: 9, name: '质安股' }, { id: 10, name: '法规股' }],
      columns: [
        // The office: three empty columns, all 未更新 (0%).
        col({ nodeId: 1, unitId: null }), col({ nodeId: 2, unitId: null }), col({ nodeId: 3, unitId: null }),
        // 综合股 one deadline met, 质安股 two (both 100%: 质安股 first, more on time); 法规股 one of two (50%).
        col({ nodeId: 4, unitId: 8, cadence: 'monthly', publishedOns: ['2026-02-25', '2026-03-20'] }),
        col({ nodeId: 5, unitId: 9, publishedOns: ['2026-02-25', '2026-03-10', '2026-03-20'] }),
        col({ nodeId: 6, unitId: 10, publishedOns: ['2026-02-25', '2026-03-10'] }),
      ],
      latePublished: new Map([[7, 1]]),
    });
    expect(m.units.map((u) => [u.rank, u.unitName, u.due, u.done])).toEqual([
      [1, '质安股', 2, 2],
      [2, '综合股', 1, 1],
      [3, '法规股', 2, 1],
      [4, '县住建局（政务公开办公室）', 3, 0],
      [null, '村镇股', 0, 0],
    ]);
    // The notice's table: the same order, 按时率 as on the page, and the units with nothing due after a row saying so, without a rank.
    const table = dispatchDocument(m, '县住建局', '2026-04-02').blocks.find((b) => b.kind === 'table')!;
    if (table.kind !== 'table') throw new Error('no table');
    expect(table.header[0].map((c) => c.text)).toEqual(['名次', '股室（单位）', '应更新', '按时', '逾期', '未更新', '按时率', '超期公开信息']);
    expect(table.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['1', '质安股', '2', '2', '0', '0', '100%', '0'],
      ['2', '综合股', '1', '1', '0', '0', '100%', '0'],
      ['3', '法规股', '2', '1', '0', '1', '50%', '0'],
      ['4', '县住建局（政务公开办公室）', '3', '0', '0', '3', '0%', '0'],
      ['本月无应更新栏目（不参与排名）'],
      ['', '村镇股', '0', '0', '0', '0', '—', '1'],
    ]);
  });

  it('gives no rank when fewer than two units had something due: a sole unit at 0% is not 第1名', () => {
    const alone = monthlyDispatch({
      month: '2026-03',
      units: [{ id: null, name: '县住建局（政务公开办公室）' }, { id: 7, name: '村镇股' }],
      columns: [col({ nodeId: 1, unitId: 7, publishedOns: ['2026-02-25'] })], // due 03-11, never updated: 0%
      latePublished: new Map(),
    });
    expect(alone.units.map((u) => [u.rank, u.unitName, u.due, u.done, u.missing])).toEqual([[null, '村镇股', 1, 0, 1], [null, '县住建局（政务公开办公室）', 0, 0, 0]]);
    // In the notice the unit stays above the row of those with nothing due, without a rank; the rule says why.
    const doc = dispatchDocument(alone, '县住建局', '2026-04-02');
    const table = doc.blocks.find((b) => b.kind === 'table')!;
    if (table.kind !== 'table') throw new Error('no table');
    expect(table.rows.map((r) => r.map((c) => c.text)).map((r) => r.slice(0, 2))).toEqual([['', '村镇股'], ['本月无应更新栏目（不参与排名）'], ['', '县住建局（政务公开办公室）']]);
    expect(JSON.stringify(doc.blocks)).toContain('本月有应更新栏目的股室（单位）少于两个的，不排名次。');
    // Two units with something due are ranked as before.
    expect(d.units.filter((u) => u.due > 0).map((u) => u.rank)).toEqual([1, 2]);
  });

  it('writes the notice with the totals, the ranking and every late or missing column', () => {
    const doc = dispatchDocument(d, '县住建局', '2026-04-02');
    expect(doc.title).toBe('县住建局政务公开工作2026年3月调度情况通报');
    const text = JSON.stringify(doc.blocks);
    expect(text).toContain('应更新栏目 4 次，按时更新 2 次，逾期后更新 1 次，月底仍未更新 1 次，按时更新率 50%；超过 20 个工作日公开的信息 2 条');
    expect(text).toContain('逾期后更新（2026-03-15）');
    expect(text).toContain('按时更新次数多的在前');
    expect(doc.blocks.at(-1)).toEqual({ kind: 'signature', lines: ['县住建局', '2026年4月2日'] });
  });
});
