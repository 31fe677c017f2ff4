import { describe, expect, it } from 'vitest';
import { lastMonths, onTimeRates, staleColumnsOverTime } from './chart-series.ts';

describe('the supervision charts’ series', () => {
  it('lists the last months across a new year, oldest first', () => {
    expect(lastMonths('2026-02-14', 4)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });

  it('turns answers into whole-percent on-time rates, zero for a month without answers', () => {
    expect(onTimeRates(['2026-01', '2026-02', '2026-03'], new Map([['2026-01', { answered: 3, onTime: 2 }], ['2026-03', { answered: 4, onTime: 4 }]])))
      .toEqual({ rates: [67, 0, 100], answered: [3, 0, 4] });
  });

  it('counts stale and empty columns from the last inspection of each day, the newest days kept', () => {
    const run = (on: string, at: string, stale: number, empty: number) => ({
      inspectedOn: on, finishedAt: at, organs: [{ code: 'zjj', findings: [...Array(stale).fill({ kind: 'stale_node' }), ...Array(empty).fill({ kind: 'empty_node' }), { kind: 'broken_link' }] }],
    });
    const runs = [run('2026-03-02', '2026-03-02T18:00:00Z', 1, 0), run('2026-03-01', '2026-03-01T18:00:00Z', 5, 2), run('2026-03-01', '2026-03-01T20:00:00Z', 4, 2), run('2026-02-28', '2026-02-28T18:00:00Z', 9, 9)];
    expect(staleColumnsOverTime(runs, 'zjj', 2)).toEqual({ days: ['2026-03-01', '2026-03-02'], stale: [4, 1], empty: [2, 0] });
    expect(staleColumnsOverTime(runs, 'other', 5)).toEqual({ days: [], stale: [], empty: [] });
  });
});
