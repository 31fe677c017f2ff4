import type { AnnualReport, ReportStatus } from '../domain/report-types.ts';
import { FORMAT_BASIS } from './report-document.ts';

/**
 * The report as JSON, keyed as annual-report-format.json keys its tables (table 二 by its labels,
 * which are its only keys); `checks` without the cell lists the staff page shows.
 */
export function reportJson(r: AnnualReport, meta: { version: number | null; status: ReportStatus | null; publishedOn: string | null; note: string }) {
  return {
    organ: r.organ.code,
    organName: r.organ.name,
    year: r.year,
    format: FORMAT_BASIS,
    version: meta.version,
    status: meta.status,
    publishedOn: meta.publishedOn,
    ...(meta.note ? { note: meta.note } : {}),
    proactive: r.figures.proactive,
    applications: r.figures.applications,
    appeals: r.figures.appeals,
    stages: r.figures.stages,
    checks: r.checks.map((c) => ({ rule: c.rule, ok: c.ok, detail: c.detail })),
    sections: r.sections,
  };
}
