import { FORMAT, OUTCOME_FAMILIES, ROW_RECEIVED, ROW_RESULTS_TOTAL, TOTAL_COLUMN } from './report-format.ts';
import type { AnnualReport } from './report-types.ts';

/**
 * The figures of a published report's 图解 (graphic version, docs/rules/annual-report.md "图解年报"):
 * items published per 五公开 stage (the counts section 一 quotes), table 二's figures block by block,
 * the applications closed per outcome family （一）…（六） of table 三, and the trend against the organ's
 * earlier published reports. Every number is read from the published reports themselves, never
 * counted again, so the graphic says exactly what the text report says; an outcome family is the sum
 * of its rows in table 三, which together make its （七）总计.
 */
export type GraphicReport = {
  stages: { label: string; value: number }[];
  /** Table 二 as the format lays it out: each block's rows with their figures (null: not entered). */
  proactive: { header: string; columns: string[]; rows: { label: string; values: (number | null)[] }[] }[];
  outcomes: { label: string; value: number }[];
  /** Table 三 （七）总计: what the outcome families add up to. */
  answered: number;
  trend: { years: number[]; published: number[]; received: number[]; answered: number[] };
};

/** How many years the trend goes back, this one included. */
export const TREND_YEARS = 5;

const FAMILY_SHORT = (label: string) => label.replace(/（区分处理的[^）]*）/, '');

export const publishedIn = (r: AnnualReport) => Object.values(r.figures.stages).reduce((s, n) => s + n, 0);

export function graphicReport(report: AnnualReport, stageLabels: Record<string, string>, earlier: AnnualReport[]): GraphicReport {
  const apps = report.figures.applications;
  const reports = [...earlier.filter((r) => r.year < report.year), report].sort((a, b) => a.year - b.year).slice(-TREND_YEARS);
  return {
    stages: Object.entries(stageLabels).map(([key, label]) => ({ label, value: report.figures.stages[key] ?? 0 })),
    proactive: FORMAT.tables.proactive.blocks.map((b) => {
      const columns = b.columns.slice(1); // the first column is 信息内容, the rows' labels
      return { header: b.header, columns, rows: b.rows.map((label) => ({ label, values: columns.map((c) => report.figures.proactive[label]?.[c] ?? null) })) };
    }),
    outcomes: OUTCOME_FAMILIES.map((f) => ({ label: FAMILY_SHORT(f.label), value: f.outcomes.reduce((s, k) => s + (apps[k]?.[TOTAL_COLUMN] ?? 0), 0) })),
    answered: apps[ROW_RESULTS_TOTAL]?.[TOTAL_COLUMN] ?? 0,
    trend: {
      years: reports.map((r) => r.year),
      published: reports.map(publishedIn),
      received: reports.map((r) => r.figures.applications[ROW_RECEIVED]?.[TOTAL_COLUMN] ?? 0),
      answered: reports.map((r) => r.figures.applications[ROW_RESULTS_TOTAL]?.[TOTAL_COLUMN] ?? 0),
    },
  };
}
