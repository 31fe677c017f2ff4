import { OUTCOME_FAMILIES, ROW_RECEIVED, ROW_RESULTS_TOTAL, TOTAL_COLUMN } from './report-format.ts';
import type { AnnualReport } from './report-types.ts';

/**
 * The figures of a published report's 图解 (graphic version): items published per 五公开 stage, the
 * applications' outcomes by family （一）…（六）, and the trend against the organ's earlier published
 * reports. Every number is read from the published reports themselves, never counted again, so the
 * graphic says exactly what the text report says.
 */
export type GraphicReport = {
  stages: { label: string; value: number }[];
  outcomes: { label: string; value: number }[];
  trend: { years: number[]; published: number[]; received: number[]; answered: number[] };
};

const FAMILY_SHORT = (label: string) => label.replace(/（区分处理的[^）]*）/, '');

export function graphicReport(report: AnnualReport, stageLabels: Record<string, string>, earlier: AnnualReport[]): GraphicReport {
  const apps = report.figures.applications;
  const reports = [...earlier.filter((r) => r.year < report.year), report].sort((a, b) => a.year - b.year).slice(-5);
  const publishedIn = (r: AnnualReport) => Object.values(r.figures.stages).reduce((s, n) => s + n, 0);
  return {
    stages: Object.entries(stageLabels).map(([key, label]) => ({ label, value: report.figures.stages[key] ?? 0 })),
    outcomes: OUTCOME_FAMILIES.map((f) => ({ label: FAMILY_SHORT(f.label), value: f.outcomes.reduce((s, k) => s + (apps[k]?.[TOTAL_COLUMN] ?? 0), 0) })),
    trend: {
      years: reports.map((r) => r.year),
      published: reports.map(publishedIn),
      received: reports.map((r) => r.figures.applications[ROW_RECEIVED]?.[TOTAL_COLUMN] ?? 0),
      answered: reports.map((r) => r.figures.applications[ROW_RESULTS_TOTAL]?.[TOTAL_COLUMN] ?? 0),
    },
  };
}
