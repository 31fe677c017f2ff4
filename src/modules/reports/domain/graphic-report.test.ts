import { describe, expect, it } from 'vitest';
import { graphicReport } from './graphic-report.ts';
import type { AnnualReport } from './report-types.ts';

const report = (year: number, stages: Record<string, number>, received: number, answered: number, disclosed: number) =>
  ({ year, figures: { stages, proactive: {}, applications: { received: { total: received }, results_total: { total: answered }, disclosed: { total: disclosed } } } }) as unknown as AnnualReport;
const LABELS = { decision: '决策公开', execution: '执行公开', management: '管理公开', service: '服务公开', result: '结果公开' };

describe('the figures of 图解年报', () => {
  it('takes every number from the published reports: stages, outcome families, and up to five years of trend', () => {
    const earlier = [2019, 2020, 2021, 2022, 2023].map((y, i) => report(y, { decision: i }, i, i, 0));
    const g = graphicReport(report(2024, { decision: 3, result: 7 }, 12, 10, 6), LABELS, [...earlier, report(2025, { decision: 99 }, 99, 99, 0)]);
    expect(g.stages).toEqual([{ label: '决策公开', value: 3 }, { label: '执行公开', value: 0 }, { label: '管理公开', value: 0 }, { label: '服务公开', value: 0 }, { label: '结果公开', value: 7 }]);
    expect(g.outcomes[0]).toEqual({ label: '（一）予以公开', value: 6 });
    expect(g.outcomes[1].label).toBe('（二）部分公开');
    expect(g.outcomes.map((o) => o.label)).toHaveLength(6);
    // Later reports are not "earlier"; the trend keeps the last five years up to this one.
    expect(g.trend).toEqual({ years: [2020, 2021, 2022, 2023, 2024], published: [1, 2, 3, 4, 10], received: [1, 2, 3, 4, 12], answered: [1, 2, 3, 4, 10] });
    expect(g.answered).toBe(10);
  });

  it('lays out table 二 block by block as the format has it, a figure not entered staying empty', () => {
    const r = report(2024, {}, 0, 0, 0);
    r.figures.proactive = { 规章: { 本年制发件数: 0, 本年废止件数: 0, 现行有效件数: 2 }, 行政规范性文件: { 本年制发件数: 3, 本年废止件数: 1, 现行有效件数: 9 }, 行政许可: { 本年处理决定数量: 16 }, 行政处罚: { 本年处理决定数量: null } };
    const g = graphicReport(r, LABELS, []);
    expect(g.proactive[0]).toEqual({ header: '第二十条第（一）项', columns: ['本年制发件数', '本年废止件数', '现行有效件数'], rows: [{ label: '规章', values: [0, 0, 2] }, { label: '行政规范性文件', values: [3, 1, 9] }] });
    expect(g.proactive.slice(1).map((b) => b.rows)).toEqual([[{ label: '行政许可', values: [16] }], [{ label: '行政处罚', values: [null] }, { label: '行政强制', values: [null] }], [{ label: '行政事业性收费', values: [null] }]]);
    expect(g.trend).toEqual({ years: [2024], published: [0], received: [0], answered: [0] });
  });
});
