import { DISCLOSURE_STAGES, type Organ } from '../../catalog/index.ts';
import { computeAppealsTable } from '../domain/appeals-table.ts';
import { computeApplicationsTable } from '../domain/applications-table.ts';
import { computeProactiveTable } from '../domain/proactive-table.ts';
import type { RegulatoryDocRow, ReportFigures } from '../domain/report-types.ts';
import type { Executor } from '../storage/executor.ts';
import { appealCounts, applicationCounts, catalogTotals, processingFees, regulatoryDocs, stageCounts } from '../storage/figures-repository.ts';
import { inputsFor } from '../storage/inputs-repository.ts';
import { COUNTED_DOC_TYPES, PROSE_LABELS, VALIDITY_LABELS } from './prose-labels.ts';
import { reportScope } from './report-scope.ts';

export type ComputedFigures = { figures: ReportFigures; warnings: string[] };

function groupBy<T extends { organId: number }>(rows: T[], ownerOf: Map<number, number>): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const r of rows) {
    const owner = ownerOf.get(r.organId)!;
    const list = out.get(owner) ?? [];
    list.push(r);
    out.set(owner, list);
  }
  return out;
}

/**
 * The figures of each given organ for `year`, computed from the data in a handful of aggregate
 * queries shared by all the organs (one organ, or a whole county).
 */
export async function computeFigures(db: Executor, organs: Organ[], allOrgans: Organ[], year: number): Promise<Map<number, ComputedFigures>> {
  const ownerOf = new Map<number, number>();
  for (const o of organs) for (const id of reportScope(o, allOrgans)) ownerOf.set(id, o.id);
  const ids = [...ownerOf.keys()];
  const labelOf = new Map(COUNTED_DOC_TYPES.map((d) => [d.docType, d.label]));
  const [stages, totals, docs, apps, appeals, fees, inputs] = await Promise.all([
    stageCounts(db, ids, year), catalogTotals(db, ids, year), regulatoryDocs(db, ids, year, [...labelOf.keys()]),
    applicationCounts(db, ids, year), appealCounts(db, ids, year), processingFees(db, ids, year), inputsFor(db, organs.map((o) => o.id), year),
  ]);
  const by = <T extends { organId: number }>(rows: T[]) => {
    const grouped = groupBy(rows, ownerOf);
    return (organId: number) => grouped.get(organId) ?? [];
  };
  const [stagesOf, totalsOf, docsOf, appsOf, appealsOf, feesOf] = [by(stages), by(totals), by(docs), by(apps), by(appeals), by(fees)];

  const out = new Map<number, ComputedFigures>();
  for (const o of organs) {
    const warnings: string[] = [];
    const docRows: RegulatoryDocRow[] = docsOf(o.id).map((d) => {
      const inForce = d.validity === 'valid' || d.validity === 'amended';
      // The end of a document is dated by its repeal (review's repeal verb) or by the document replacing it.
      const endedOn = inForce ? null : (d.repealedOn ?? d.replacementFormedOn);
      if (!inForce && endedOn === null) {
        warnings.push(`《${d.title.replace(/^关于印发《(.*)》的通知$/, '$1')}》${VALIDITY_LABELS[d.validity as keyof typeof VALIDITY_LABELS] ?? d.validity}，但没有记录废止日期，未计入现行有效件数；请在信息管理中补录`);
      }
      return { docTypeLabel: labelOf.get(d.docType)!, formedOn: d.formedOn, inForce, repealed: d.validity === 'repealed', endedOn };
    });
    const stageMap = Object.fromEntries(DISCLOSURE_STAGES.map((s) => [s, 0])) as Record<string, number>;
    for (const s of stagesOf(o.id)) stageMap[s.stage] = (stageMap[s.stage] ?? 0) + s.n;
    out.set(o.id, {
      warnings,
      figures: {
        proactive: computeProactiveTable(docRows, inputs.get(o.id)?.proactive ?? {}, year, PROSE_LABELS.documentRowLabels),
        applications: computeApplicationsTable(appsOf(o.id), year),
        appeals: computeAppealsTable(appealsOf(o.id), year),
        stages: stageMap,
        catalogTotal: totalsOf(o.id).reduce((s, r) => s + r.n, 0),
        processingFeesYuan: feesOf(o.id).reduce((s, r) => s + r.yuan, 0),
      },
    });
  }
  return out;
}
