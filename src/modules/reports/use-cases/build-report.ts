import type { Organ } from '../../catalog/index.ts';
import { proposalYearFigures } from '../../interaction/index.ts';
import { checkReport } from '../domain/check-report.ts';
import { draftSections } from '../domain/draft-sections.ts';
import type { AnnualReport, ReportFigures, ReportSections } from '../domain/report-types.ts';
import type { Executor } from '../storage/executor.ts';
import { computeFigures } from './compute-figures.ts';
import { previousYearsFor } from './previous-year.ts';
import { PROSE_LABELS } from './prose-labels.ts';

export type LiveReport = { report: AnnualReport; warnings: string[] };

/**
 * The reports of the given organs for `year` computed now from the data: the tables, the given
 * text (or a fresh draft from the figures where none is given), and the checks run on both
 * against last year. One organ for its report page, a whole county for the county view.
 */
export async function buildLiveReports(
  db: Executor, organs: Organ[], allOrgans: Organ[], year: number, sectionsOf: (organId: number) => ReportSections | null,
): Promise<Map<number, LiveReport>> {
  const ids = organs.map((o) => o.id);
  const [computed, previous, proposals] = await Promise.all([computeFigures(db, organs, allOrgans, year), previousYearsFor(db, ids, year), proposalYearFigures(db, ids, year)]);
  return new Map(
    organs.map((organ) => {
      const { figures, warnings } = computed.get(organ.id)!;
      const text = sectionsOf(organ.id) ?? draftSections({ organName: organ.name, year, figures, labels: PROSE_LABELS, proposals: proposals.get(organ.id) ?? null });
      const base = { organ: { id: organ.id, code: organ.code, name: organ.name, kind: organ.kind }, year, figures, sections: text };
      return [organ.id, { report: { ...base, checks: checkReport(base, previous.get(organ.id) ?? null, PROSE_LABELS) }, warnings }];
    }),
  );
}

export async function buildLiveReport(db: Executor, organ: Organ, allOrgans: Organ[], year: number, sections: ReportSections | null): Promise<LiveReport> {
  return (await buildLiveReports(db, [organ], allOrgans, year, () => sections)).get(organ.id)!;
}

/** Sections 一、五、六 drafted afresh (按数据重新起草): the figures, and the 建议提案 the organ recorded for the year (section 六). */
export async function redraftSections(db: Executor, organ: Organ, year: number, figures: ReportFigures): Promise<ReportSections> {
  const proposals = (await proposalYearFigures(db, [organ.id], year)).get(organ.id) ?? null;
  return draftSections({ organName: organ.name, year, figures, labels: PROSE_LABELS, proposals });
}
