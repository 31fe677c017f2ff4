import type { AppDeps } from '../../../platform/app-deps.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { chinaDateOf } from '../../../shared/iso-date.ts';
import { findOrganByCode, listOrgans, type Organ } from '../../catalog/index.ts';
import { emptyAppealsTable } from '../domain/appeals-table.ts';
import { emptyApplicationsTable } from '../domain/applications-table.ts';
import { reminderFor, type Reminder } from '../domain/reminders.ts';
import type { AnnualReport, CountTable, ProactiveTable, ReportStatus } from '../domain/report-types.ts';
import type { Executor } from '../storage/executor.ts';
import { versionsFor } from '../storage/reports-repository.ts';
import { buildLiveReports } from './build-report.ts';
import { organNotFound, parseReportYear } from './report-errors.ts';
import { countyMembers } from './report-scope.ts';

export type CountyRow = {
  organ: Organ;
  report: AnnualReport;
  /** 'published': the figures of the published report; 'live': computed now from the data. */
  source: 'published' | 'live';
  status: ReportStatus | null;
  versionNo: number | null;
  reminder: Reminder | null;
};

export type CountyView = {
  government: Organ;
  year: number;
  rows: CountyRow[];
  totals: { applications: CountTable; appeals: CountTable; stages: Record<string, number>; proactive: ProactiveTable; proactiveMissing: Record<string, number> };
};

const addInto = (into: CountTable, t: CountTable) => {
  for (const [row, cols] of Object.entries(t)) for (const [col, n] of Object.entries(cols)) into[row][col] = (into[row][col] ?? 0) + n;
};

/**
 * The county-level view: every department (and lower government) under a people's government with
 * its figures — the published report's where there is one, else computed now — and their sums.
 */
export async function loadCountyView(deps: AppDeps, db: Executor, governmentCode: string, rawYear: unknown): Promise<CountyView> {
  const government = await findOrganByCode(db, governmentCode);
  if (!government) throw organNotFound(governmentCode);
  if (government.kind !== 'government') throw new DomainError('ERR_REPORT_NOT_GOVERNMENT', `“${government.name}”不是人民政府，没有汇总视图`, { httpStatus: 400 });
  const today = chinaDateOf(deps.clock.now());
  const year = parseReportYear(rawYear, today);
  const allOrgans = await listOrgans(db);
  const members = countyMembers(government, allOrgans);
  const versions = await versionsFor(db, members.map((o) => o.id), year);
  const needLive = members.filter((o) => !versions.get(o.id)?.published?.frozen);
  const live = await buildLiveReports(db, needLive, allOrgans, year, (id) => versions.get(id)?.latest.sections ?? null);

  const rows: CountyRow[] = members.map((organ) => {
    const v = versions.get(organ.id);
    const frozen = v?.published?.frozen ?? null;
    return {
      organ, report: frozen ?? live.get(organ.id)!.report, source: frozen ? 'published' : 'live', status: v?.latest.status ?? null,
      versionNo: v?.latest.versionNo ?? null, reminder: reminderFor(organ.kind, year, today, Boolean(v?.published)),
    };
  });

  const applications = emptyApplicationsTable();
  const appeals = emptyAppealsTable();
  const stages: Record<string, number> = {};
  const proactive: ProactiveTable = {};
  const proactiveMissing: Record<string, number> = {};
  for (const { report } of rows) {
    addInto(applications, report.figures.applications);
    addInto(appeals, report.figures.appeals);
    for (const [k, n] of Object.entries(report.figures.stages)) stages[k] = (stages[k] ?? 0) + n;
    for (const [row, cols] of Object.entries(report.figures.proactive)) {
      proactive[row] ??= {};
      for (const [col, v] of Object.entries(cols)) {
        if (v === null) proactiveMissing[row] = (proactiveMissing[row] ?? 0) + 1;
        proactive[row][col] = (proactive[row][col] ?? 0)! + (v ?? 0);
      }
    }
  }
  return { government, year, rows, totals: { applications, appeals, stages, proactive, proactiveMissing } };
}
