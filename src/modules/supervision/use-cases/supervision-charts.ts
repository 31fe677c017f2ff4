import type { AppDeps } from '../../../platform/app-deps.ts';
import { addDays, chinaDateOf } from '../../../shared/iso-date.ts';
import { STAGE_LABELS, type Organ } from '../../catalog/index.ts';
import { lastMonths, monthAxisLabels, monthLabel, onTimeRates, perMonthByStage, staleColumnsOverTime, dayAxisLabel, dayLabel, type RunFindings } from '../domain/chart-series.ts';
import { monthBounds } from '../domain/dispatch.ts';
import { answeredOnTimePerMonth, finishedRunResultsSince, publishedAndOnTime, publishedPerMonthAndStage } from '../storage/chart-figures-repository.ts';
import type { InspectionResult } from './site-inspection.ts';

/** How many months the publishing and on-time charts cover, and how many days inspected the stale-column chart shows. */
export const CHART_MONTHS = 12;
export const CHART_DAYS = 30;

export type RankingRow = { name: string; published: number; onTime: number };

/** What a supervision page draws (docs/rules/website-inspection.md, "Charts"). */
export type SupervisionCharts = {
  year: string;
  /** Items published per month of the last 12, per 五公开 stage. */
  perMonth: { months: string[]; axis: string[]; stages: { name: string; values: number[] }[] };
  /** This year's items per stage. */
  perStage: { labels: string[]; values: number[] };
  /**
   * Applications and letters answered by their due date, per month of the last 12 (a null rate: nothing
   * answered), over the organs the person handles (`organs` of them, fewer than drawn elsewhere when they
   * handle only some); null when they handle none — a unit's staff handle none (条例第二十七条).
   */
  onTime: null | { organs: number; months: string[]; axis: string[]; applications: (number | null)[]; letters: (number | null)[]; answeredApplications: number; answeredLetters: number };
  /** Stale and empty columns found on each of the last 30 days inspected. */
  stale: { days: string[]; axis: string[]; stale: number[]; empty: number[] };
  /** This year's items published, and within their 20 working days, per unit (an organ's page) or per organ (the region's). */
  ranking: { of: 'unit' | 'organ'; rows: RankingRow[] };
};

async function commonCharts(deps: AppDeps, organs: Organ[], handled: Organ[]) {
  const today = chinaDateOf(deps.clock.now());
  const year = today.slice(0, 4);
  const months = lastMonths(today, CHART_MONTHS);
  const from = monthBounds(months[0]).fromOn;
  const ids = organs.map((o) => o.id);
  const answering = handled.filter((o) => ids.includes(o.id)).map((o) => o.id);
  // Runs of the last CHART_DAYS × 2 days: enough to find CHART_DAYS days inspected when a night was missed.
  const since = `${addDays(today, -2 * CHART_DAYS)}T00:00:00.000Z`;
  const [perMonthRows, answered, runRows] = await Promise.all([
    publishedPerMonthAndStage(deps.db, ids, from, today), answering.length ? answeredOnTimePerMonth(deps.db, answering, from, today) : null, finishedRunResultsSince(deps.db, since),
  ]);
  const stageKeys = Object.keys(STAGE_LABELS);
  const perMonth = perMonthByStage(months, stageKeys, perMonthRows);
  const inYear = perMonthByStage(months.filter((m) => m.startsWith(year)), stageKeys, perMonthRows).map((vs) => vs.reduce((s, v) => s + v, 0));
  const apps = answered && onTimeRates(months, answered.applications);
  const letters = answered && onTimeRates(months, answered.letters);
  const runs: RunFindings[] = runRows.map((r) => {
    const result = JSON.parse(r.resultJson) as InspectionResult;
    return { inspectedOn: result.inspectedOn, finishedAt: r.finishedAt, organs: result.organs };
  });
  const stale = staleColumnsOverTime(runs, organs.map((o) => o.code), CHART_DAYS);
  const axis = monthAxisLabels(months);
  return {
    today, year,
    charts: {
      year,
      perMonth: { months: months.map(monthLabel), axis, stages: stageKeys.map((k, i) => ({ name: STAGE_LABELS[k as keyof typeof STAGE_LABELS], values: perMonth[i] })) },
      perStage: { labels: Object.values(STAGE_LABELS), values: inYear },
      onTime: apps && letters && {
        organs: answering.length, months: months.map(monthLabel), axis, applications: apps.rates, letters: letters.rates,
        answeredApplications: apps.answered.reduce((s, v) => s + v, 0), answeredLetters: letters.answered.reduce((s, v) => s + v, 0),
      },
      stale: { days: stale.days.map(dayLabel), axis: stale.days.map(dayAxisLabel), stale: stale.stale, empty: stale.empty },
    },
  };
}

/**
 * One organ's charts; its ranking is of its units (报送股室, by their short names), the organ itself for
 * what it published directly. `handled`: the organs the person handles; the on-time shares only if this is one.
 */
export async function organCharts(deps: AppDeps, organ: Organ, allOrgans: Organ[], handled: Organ[]): Promise<SupervisionCharts> {
  const { today, year, charts } = await commonCharts(deps, [organ], handled);
  const counts = await publishedAndOnTime(deps.db, [organ.id], `${year}-01-01`, today, 'unit');
  const units = [{ id: null as number | null, name: '本机关（政务公开办公室）' }, ...allOrgans.filter((o) => o.parentId === organ.id && o.kind === 'unit').map((o) => ({ id: o.id as number | null, name: o.shortName || o.name }))];
  const rows = units.map((u) => {
    const c = counts.find((x) => x.key === u.id);
    return { name: u.name, published: c?.published ?? 0, onTime: c?.onTime ?? 0 };
  });
  return { ...charts, ranking: { of: 'unit', rows } };
}

/**
 * The region's charts: every organ the person works on added up; its ranking is of the organs. The
 * on-time shares add up only the organs the person handles (`handled`).
 */
export async function regionCharts(deps: AppDeps, organs: Organ[], handled: Organ[]): Promise<SupervisionCharts> {
  const { today, year, charts } = await commonCharts(deps, organs, handled);
  const counts = await publishedAndOnTime(deps.db, organs.map((o) => o.id), `${year}-01-01`, today, 'organ');
  const rows = organs.map((o) => {
    const c = counts.find((x) => x.key === o.id);
    return { name: o.shortName || o.name, published: c?.published ?? 0, onTime: c?.onTime ?? 0 };
  });
  return { ...charts, ranking: { of: 'organ', rows } };
}
