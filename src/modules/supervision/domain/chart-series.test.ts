import { describe, expect, it } from 'vitest';
import { dayAxisLabel, dayLabel, lastMonths, monthAxisLabels, onTimeRates, perMonthByStage, staleColumnsOverTime } from './chart-series.ts';

describe('the supervision charts’ series', () => {
  it('lists the last months across a new year, oldest first, the year written on the first month and on January', () => {
    const months = lastMonths('2026-02-14', 4);
    expect(months).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthAxisLabels(months)).toEqual(['2025年11月', '12月', '2026年1月', '2月']);
    expect([dayLabel('2026-03-05'), dayAxisLabel('2026-03-05')]).toEqual(['2026年3月5日', '3月5日']);
  });

  it('spreads items over months and stages, zero where nothing was published', () => {
    const rows = [{ month: '2026-01', stage: 'decision', n: 2 }, { month: '2026-02', stage: 'result', n: 5 }, { month: '2026-02', stage: 'decision', n: 1 }];
    expect(perMonthByStage(['2026-01', '2026-02', '2026-03'], ['decision', 'result'], rows)).toEqual([[2, 1, 0], [0, 5, 0]]);
  });

  it('turns answers into whole-percent on-time rates, no rate for a month without answers', () => {
    expect(onTimeRates(['2026-01', '2026-02', '2026-03'], new Map([['2026-01', { answered: 3, onTime: 2 }], ['2026-03', { answered: 4, onTime: 0 }]])))
      .toEqual({ rates: [67, null, 0], answered: [3, 0, 4], onTime: [2, 0, 0] });
  });

  it('counts stale and empty columns from each organ’s last inspection of each day, adding up the organs, the newest days kept', () => {
    const organ = (code: string, stale: number, empty: number) => ({ code, findings: [...Array(stale).fill({ kind: 'stale_node' }), ...Array(empty).fill({ kind: 'empty_node' }), { kind: 'broken_link' }] });
    const runs = [
      { inspectedOn: '2026-02-28', finishedAt: '2026-02-28T18:00:00Z', organs: [organ('zjj', 9, 9), organ('jyj', 1, 1)] },
      { inspectedOn: '2026-03-01', finishedAt: '2026-03-01T18:00:00Z', organs: [organ('zjj', 5, 2), organ('jyj', 3, 0)] },
      // An on-demand run later that day for one organ replaces its nightly figures, not the other's.
      { inspectedOn: '2026-03-01', finishedAt: '2026-03-01T20:00:00Z', organs: [organ('zjj', 4, 2)] },
      { inspectedOn: '2026-03-02', finishedAt: '2026-03-02T18:00:00Z', organs: [organ('zjj', 1, 0), organ('jyj', 0, 0), organ('other', 50, 50)] },
    ];
    expect(staleColumnsOverTime(runs, ['zjj'], 2)).toEqual({ days: ['2026-03-01', '2026-03-02'], stale: [4, 1], empty: [2, 0] });
    expect(staleColumnsOverTime(runs, ['zjj', 'jyj'], 5)).toEqual({ days: ['2026-02-28', '2026-03-01', '2026-03-02'], stale: [10, 7, 1], empty: [10, 2, 0] });
    expect(staleColumnsOverTime(runs, ['none'], 5)).toEqual({ days: [], stale: [], empty: [] });
  });
});
