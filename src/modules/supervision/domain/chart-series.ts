import type { IsoDate } from '../../../shared/iso-date.ts';

/**
 * The series the supervision charts draw, from counts read elsewhere: months without a figure are
 * zero, rates are whole percentages of what was answered (none answered: no rate), and the stale
 * columns over time come from the recorded inspection runs (the last run of each day).
 */

/** The `n` months up to and including the month of `today`, oldest first ('2026-01' …). */
export function lastMonths(today: IsoDate, n: number): string[] {
  let y = Number(today.slice(0, 4));
  let m = Number(today.slice(5, 7));
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    out.unshift(`${y}-${String(m).padStart(2, '0')}`);
    m -= 1;
    if (m === 0) { m = 12; y -= 1; }
  }
  return out;
}

export const monthLabel = (month: string) => `${Number(month.slice(0, 4))}年${Number(month.slice(5))}月`;

/** Whole-percent on-time rate per month (0 when nothing was answered that month, marked in the table as 无). */
export function onTimeRates(months: string[], answered: Map<string, { answered: number; onTime: number }>): { rates: number[]; answered: number[] } {
  return {
    rates: months.map((m) => { const a = answered.get(m); return a && a.answered ? Math.round((a.onTime / a.answered) * 100) : 0; }),
    answered: months.map((m) => answered.get(m)?.answered ?? 0),
  };
}

/** Stale and empty columns of one organ found by each day's last inspection, the last `n` days inspected, oldest first. */
export function staleColumnsOverTime(
  runs: { inspectedOn: IsoDate; finishedAt: string; organs: { code: string; findings: { kind: string }[] }[] }[], code: string, n: number,
): { days: IsoDate[]; stale: number[]; empty: number[] } {
  const byDay = new Map<IsoDate, { finishedAt: string; stale: number; empty: number }>();
  for (const r of runs) {
    const o = r.organs.find((x) => x.code === code);
    if (!o) continue;
    const seen = byDay.get(r.inspectedOn);
    if (seen && seen.finishedAt >= r.finishedAt) continue;
    byDay.set(r.inspectedOn, { finishedAt: r.finishedAt, stale: o.findings.filter((f) => f.kind === 'stale_node').length, empty: o.findings.filter((f) => f.kind === 'empty_node').length });
  }
  const days = [...byDay.keys()].sort().slice(-n);
  return { days, stale: days.map((d) => byDay.get(d)!.stale), empty: days.map((d) => byDay.get(d)!.empty) };
}
