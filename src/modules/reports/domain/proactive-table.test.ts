import { describe, expect, it } from 'vitest';
import { computeProactiveTable, enteredProactiveRows } from './proactive-table.ts';
import type { RegulatoryDocRow } from './report-types.ts';

const DOC_ROWS = ['规章', '行政规范性文件'];
const doc = (formedOn: string, over: Partial<RegulatoryDocRow> = {}): RegulatoryDocRow =>
  ({ docTypeLabel: '行政规范性文件', formedOn, inForce: true, repealed: false, endedOn: null, ...over });

describe('table 二', () => {
  it('counts documents issued, repealed and in force at 31 December of the year', () => {
    const t = computeProactiveTable([
      doc('2019-06-04', { inForce: false, repealed: true, endedOn: '2022-07-12' }), // in force at end of 2020, repealed later
      doc('2019-09-09', { inForce: false, repealed: true, endedOn: '2020-06-01' }), // repealed during 2020
      doc('2020-03-24'), // issued 2020
      doc('2020-07-28', { inForce: false, repealed: false, endedOn: '2020-10-01' }), // issued and expired (失效, not 废止) in 2020
      doc('2021-01-05'), // after the year
      doc('2020-02-02', { docTypeLabel: '规章' }),
    ], {}, 2020, DOC_ROWS);
    expect(t['行政规范性文件']).toEqual({ 本年制发件数: 2, 本年废止件数: 1, 现行有效件数: 2 });
    expect(t['规章']).toEqual({ 本年制发件数: 1, 本年废止件数: 0, 现行有效件数: 1 });
  });

  it('takes the decision counts and fees as entered, and null where nothing was entered', () => {
    const t = computeProactiveTable([], { 行政许可: 16, 行政事业性收费: 1.25 }, 2020, DOC_ROWS);
    expect(t['行政许可']).toEqual({ 本年处理决定数量: 16 });
    expect(t['行政处罚']).toEqual({ 本年处理决定数量: null });
    expect(t['行政事业性收费']).toEqual({ '本年收费金额（单位：万元）': 1.25 });
  });

  it('asks staff for the four rows that come from other systems', () => {
    expect(enteredProactiveRows(DOC_ROWS).map((c) => c.row)).toEqual(['行政许可', '行政处罚', '行政强制', '行政事业性收费']);
  });
});
