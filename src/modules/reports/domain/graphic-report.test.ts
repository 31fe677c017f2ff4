import { describe, expect, it } from 'vitest';
import { graphicReport } from './graphic-report.ts';
import type { AnnualReport } from './report-types.ts';

const report = (year: number, stages: Record<string, number>, received: number, answered: number, disclosed: number) =>
  ({ year, figures: { stages, applications: { received: { total: received }, results_total: { total: answered }, disclosed: { total: disclosed } } } }) as unknown as AnnualReport;
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
  });
});
