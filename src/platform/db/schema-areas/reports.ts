import type { Generated } from 'kysely';

/**
 * Tables of the reports area (年度报告), created by ../migrations/004-reports.ts.
 * Conventions: see ../schema.ts.
 */
export interface ReportsTables {
  annual_reports: AnnualReportsTable;
  annual_report_inputs: AnnualReportInputsTable;
}

export interface AnnualReportsTable {
  id: Generated<number>;
  organ_id: number;
  year: number;
  /** 1 for the first report of the organ-year; each correction adds the next number. */
  version_no: number;
  /** draft | in_review | published */
  status: string;
  /** Sections 一、五、六 as edited: {"一": "…", "五": "…", "六": "…"}. */
  sections_json: string;
  /** The report as published (figures, sections, checks); NULL until then. */
  frozen_json: string | null;
  /** Why this version corrects the previous one ('' for version 1). */
  note: Generated<string>;
  created_by: number | null;
  created_at: string;
  updated_by: number | null;
  updated_at: string;
  submitted_by: number | null;
  submitted_at: string | null;
  published_by: number | null;
  published_at: string | null;
  published_on: string | null;
  /** Optimistic lock: every write checks and bumps it. */
  row_version: Generated<number>;
}

export interface AnnualReportInputsTable {
  organ_id: number;
  year: number;
  /** {"行政许可": 12, "行政处罚": 3, "行政强制": 0, "行政事业性收费": 1.25}: labels of annual-report-format.json. */
  proactive_json: Generated<string>;
  /** {"natural_person": 0, …, "total": 0}: row 四 of this year's table 三 entered by hand, or NULL. */
  carried_out_json: string | null;
  /** staff | csv | seed */
  source: string;
  updated_by: number | null;
  updated_at: string;
}
