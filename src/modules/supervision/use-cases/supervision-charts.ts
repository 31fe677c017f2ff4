import type { AppDeps } from '../../../platform/app-deps.ts';
import { chinaDateOf } from '../../../shared/iso-date.ts';
import { listOrgans, STAGE_LABELS, type Organ } from '../../catalog/index.ts';
import { lastMonths, monthLabel, onTimeRates, staleColumnsOverTime } from '../domain/chart-series.ts';
import type { InspectionResult } from './site-inspection.ts';
import { answeredOnTimePerMonth, publishedPerMonth, publishedPerStage, publishedPerUnit } from '../storage/chart-figures-repository.ts';
import { recentFinishedRuns } from '../storage/inspection-repository.ts';

/** What the organ's supervision page draws: a year of publishing, this year's stages and units, on-time answers, stale columns. */
export async function supervisionCharts(deps: AppDeps, organ: Organ) {
  const today = chinaDateOf(deps.clock.now());
  const year = today.slice(0, 4);
  const months = lastMonths(today, 12);
  const recent = months.slice(-6);
  const [perMonth, perStage, perUnit, answered, organs, runs] = await Promise.all([
    publishedPerMonth(deps.db, organ.id, `${months[0]}-01`), publishedPerStage(deps.db, organ.id, `${year}-01-01`, `${year}-12-31`),
    publishedPerUnit(deps.db, organ.id, `${year}-01-01`, `${year}-12-31`), answeredOnTimePerMonth(deps.db, organ.id, `${recent[0]}-01`),
    listOrgans(deps.db), recentFinishedRuns(deps.db, 60),
  ]);
  const units = [{ id: null as number | null, name: '本机关（政务公开办公室）' }, ...organs.filter((o) => o.parentId === organ.id && o.kind === 'unit').map((o) => ({ id: o.id as number | null, name: o.name }))]
    .map((u) => ({ name: u.name, value: perUnit.get(u.id) ?? 0 }))
    .sort((a, b) => b.value - a.value || a.name.localeCompare(b.name, 'zh'));
  const apps = onTimeRates(recent, answered.applications);
  const letters = onTimeRates(recent, answered.letters);
  const stale = staleColumnsOverTime(runs.filter((r) => r.resultJson && r.finishedAt).map((r) => {
    const result = JSON.parse(r.resultJson!) as InspectionResult;
    return { inspectedOn: result.inspectedOn, finishedAt: r.finishedAt!, organs: result.organs };
  }), organ.code, 10);
  return {
    year,
    perMonth: { labels: months.map(monthLabel), values: months.map((m) => perMonth.get(m) ?? 0) },
    perStage: { labels: Object.values(STAGE_LABELS), values: Object.keys(STAGE_LABELS).map((k) => perStage.get(k) ?? 0) },
    perUnit: units,
    onTime: { labels: recent.map(monthLabel), applications: apps.rates, letters: letters.rates, answeredApplications: apps.answered, answeredLetters: letters.answered },
    stale,
  };
}

export type SupervisionCharts = Awaited<ReturnType<typeof supervisionCharts>>;
