import { describe, expect, it } from 'vitest';
import { annualReportRows, reportYearOf } from './annual-report-list.ts';

describe('the 公开年报 page’s one list, per year', () => {
  const item = (id: number, title: string, publishedOn: string | null) => ({ id, title, publishedOn });
  it('puts a year’s published report and the platform’s report of that year on one row, newest first', () => {
    const { rows, undated } = annualReportRows([2019, 2020], [
      item(38, '青岚县住房和城乡建设局2018年政府信息公开工作年度报告', '2019-01-16'),
      item(621, '青岚县住房和城乡建设局2019年政府信息公开工作年度报告', '2020-01-13'),
    ]);
    expect(rows.map((r) => [r.year, r.items.map((i) => i.id), r.platformReport])).toEqual([[2020, [], true], [2019, [621], true], [2018, [38], false]]);
    expect(undated).toEqual([]);
  });
  it('reads the year from the title, else the year before its publication', () => {
    expect(reportYearOf(item(1, '2025年度政府信息公开工作报告', '2026-01-20'))).toBe(2025);
    expect(reportYearOf(item(1, '政府信息公开工作年度报告', '2026-01-20'))).toBe(2025);
    expect(reportYearOf(item(1, '政府信息公开工作年度报告', null))).toBeNull();
  });
});
