import type { IsoDate } from '../../../shared/iso-date.ts';

/**
 * The series the supervision charts draw, from counts read elsewhere (docs/rules/website-inspection.md,
 * "Charts"): months without a figure are zero; an on-time rate is a whole percentage of what was
 * answered, and a month with nothing answered has no rate (a gap, not 0); the stale and empty
 * columns over time come from the recorded inspection runs (each organ's last run of each day).
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

/** Under the axis: the year only on the first month and on each January ("2025年5月", "6月" … "2026年1月"). */
export const monthAxisLabels = (months: string[]) => months.map((m, i) => (i === 0 || m.endsWith('-01') ? monthLabel(m) : `${Number(m.slice(5))}月`));

export const dayLabel = (on: IsoDate) => `${Number(on.slice(0, 4))}年${Number(on.slice(5, 7))}月${Number(on.slice(8))}日`;
export const dayAxisLabel = (on: IsoDate) => `${Number(on.slice(5, 7))}月${Number(on.slice(8))}日`;

/** Items per month of each stage, in the stages' order; zero where nothing was published. */
export function perMonthByStage(months: string[], stages: string[], rows: { month: string; stage: string; n: number }[]): number[][] {
  return stages.map((stage) => months.map((m) => rows.filter((r) => r.month === m && r.stage === stage).reduce((s, r) => s + r.n, 0)));
}

/** Whole-percent on-time rate per month, null when nothing was answered that month; and how many were answered. */
export function onTimeRates(months: string[], answered: Map<string, { answered: number; onTime: number }>): { rates: (number | null)[]; answered: number[]; onTime: number[] } {
  return {
    rates: months.map((m) => { const a = answered.get(m); return a && a.answered ? Math.round((a.onTime / a.answered) * 100) : null; }),
    answered: months.map((m) => answered.get(m)?.answered ?? 0),
    onTime: months.map((m) => answered.get(m)?.onTime ?? 0),
  };
}

export type RunFindings = { inspectedOn: IsoDate; finishedAt: string; organs: { code: string; findings: { kind: string }[] }[] };

/**
 * Stale and empty columns of the organs found on each day inspected, the last `n` such days, oldest
 * first. For each organ and day the last run that inspected it counts (an on-demand run after the
 * nightly one replaces it); a day adds up the organs inspected that day.
 */
export function staleColumnsOverTime(runs: RunFindings[], codes: string[], n: number): { days: IsoDate[]; stale: number[]; empty: number[] } {
  const wanted = new Set(codes);
  const latest = new Map<string, { finishedAt: string; stale: number; empty: number }>(); // key: day|code
  for (const r of runs) {
    for (const o of r.organs) {
      if (!wanted.has(o.code)) continue;
      const key = `${r.inspectedOn}|${o.code}`;
      const seen = latest.get(key);
      if (seen && seen.finishedAt >= r.finishedAt) continue;
      latest.set(key, { finishedAt: r.finishedAt, stale: o.findings.filter((f) => f.kind === 'stale_node').length, empty: o.findings.filter((f) => f.kind === 'empty_node').length });
    }
  }
  const byDay = new Map<IsoDate, { stale: number; empty: number }>();
  for (const [key, v] of latest) {
    const day = key.slice(0, key.indexOf('|'));
    const d = byDay.get(day) ?? { stale: 0, empty: 0 };
    byDay.set(day, { stale: d.stale + v.stale, empty: d.empty + v.empty });
  }
  const days = [...byDay.keys()].sort().slice(-n);
  return { days, stale: days.map((d) => byDay.get(d)!.stale), empty: days.map((d) => byDay.get(d)!.empty) };
}
