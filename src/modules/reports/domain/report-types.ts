import type { IsoDate } from '../../../shared/iso-date.ts';

/** A table keyed like annual-report-format.json: row key → column key → count. */
export type CountTable = Record<string, Record<string, number>>;

/**
 * Table 二, keyed by the row and column labels of annual-report-format.json (the format gives the
 * proactive table no other keys). A cell is null while the figure, which comes from another system,
 * has not been entered.
 */
export type ProactiveTable = Record<string, Record<string, number | null>>;

/** The figures of one organ-year: the three tables and the counts the prose quotes. */
export type ReportFigures = {
  proactive: ProactiveTable;
  applications: CountTable;
  appeals: CountTable;
  /** Items published in the year per 五公开 stage (decision, execution, management, service, result). */
  stages: Record<string, number>;
  /** Items in the organ's catalog published on or before 31 December (platform, section 一（四）). */
  catalogTotal: number;
  /** 信息处理费 paid in the year, in yuan (section 六). */
  processingFeesYuan: number;
};

export type ReportSections = Record<string, string>;

/** One consistency rule as checked: the rule's text, whether it holds, and every cell that breaks it. */
export type CheckResult = {
  /** The rule as annual-report-format.json words it (its identity in the JSON export). */
  rule: string;
  /** The rule in Chinese, for people. */
  title: string;
  ok: boolean;
  detail: string;
  violations: { cells: string[]; message: string }[];
};

/** What last year's report says about applications still open on 31 December (its row 四). */
export type PreviousYear = { carriedOut: Record<string, number>; source: 'published' | 'entered' };

export const REPORT_STATUSES = ['draft', 'in_review', 'published'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export type ReportOrgan = { id: number; code: string; name: string; kind: string };

/** A report as shown, exported and frozen: its figures, its text and the checks run on both. */
export type AnnualReport = {
  organ: ReportOrgan;
  year: number;
  figures: ReportFigures;
  sections: ReportSections;
  checks: CheckResult[];
};

/** The rows the computation reads: plain values, counted (`count`) so storage may aggregate. */
export type ApplicationRow = { applicantType: string; receivedOn: IsoDate | null; repliedOn: IsoDate | null; outcome: string | null; count?: number };
export type AppealRow = { kind: string; filedOn: IsoDate; result: string; decidedOn: IsoDate | null; count?: number };
/** A 规章 or 行政规范性文件 with the date it stopped being in force, if it did. */
export type RegulatoryDocRow = { docTypeLabel: string; formedOn: IsoDate; inForce: boolean; repealed: boolean; endedOn: IsoDate | null };
