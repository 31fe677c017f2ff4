import type { Selectable } from 'kysely';
import type { AnnualReportsTable } from '../../../platform/db/schema-areas/reports.ts';
import type { AnnualReport, ReportSections, ReportStatus } from '../domain/report-types.ts';
import type { Executor } from './executor.ts';

/** One stored version of an organ-year's report. */
export type ReportVersion = {
  id: number;
  organId: number;
  year: number;
  versionNo: number;
  status: ReportStatus;
  sections: ReportSections;
  /** The report as published; null before. */
  frozen: AnnualReport | null;
  note: string;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  publishedAt: string | null;
  publishedOn: string | null;
  rowVersion: number;
};

const toVersion = (r: Selectable<AnnualReportsTable>): ReportVersion => ({
  id: r.id, organId: r.organ_id, year: r.year, versionNo: r.version_no, status: r.status as ReportStatus,
  sections: JSON.parse(r.sections_json) as ReportSections, frozen: r.frozen_json ? (JSON.parse(r.frozen_json) as AnnualReport) : null,
  note: r.note, createdAt: r.created_at, updatedAt: r.updated_at, submittedAt: r.submitted_at, publishedAt: r.published_at,
  publishedOn: r.published_on, rowVersion: r.row_version,
});

/** Every version of the organ-year, oldest first. */
export async function listVersions(db: Executor, organId: number, year: number): Promise<ReportVersion[]> {
  const rows = await db.selectFrom('annual_reports').selectAll().where('organ_id', '=', organId).where('year', '=', year).orderBy('version_no').execute();
  return rows.map(toVersion);
}

export async function findVersion(db: Executor, id: number): Promise<ReportVersion | null> {
  const r = await db.selectFrom('annual_reports').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toVersion(r) : null;
}

/** The newest published version of the organ-year: what the public reads. */
export async function latestPublished(db: Executor, organId: number, year: number): Promise<ReportVersion | null> {
  const r = await db
    .selectFrom('annual_reports').selectAll()
    .where('organ_id', '=', organId).where('year', '=', year).where('status', '=', 'published')
    .orderBy('version_no', 'desc').limit(1).executeTakeFirst();
  return r ? toVersion(r) : null;
}

/** Years with a published report, newest first, with the date of the newest published version. */
export async function publishedYears(db: Executor, organId: number): Promise<{ year: number; versionNo: number; publishedOn: string }[]> {
  const rows = await db
    .selectFrom('annual_reports').select(['year', 'version_no', 'published_on'])
    .where('organ_id', '=', organId).where('status', '=', 'published')
    .orderBy('year', 'desc').orderBy('version_no', 'desc').execute();
  const seen = new Set<number>();
  return rows.filter((r) => !seen.has(r.year) && seen.add(r.year)).map((r) => ({ year: r.year, versionNo: r.version_no, publishedOn: r.published_on ?? '' }));
}

/** The newest version, and the newest published one, of each organ's report for a year (county view). */
export async function versionsFor(db: Executor, organIds: number[], year: number): Promise<Map<number, { latest: ReportVersion; published: ReportVersion | null }>> {
  const out = new Map<number, { latest: ReportVersion; published: ReportVersion | null }>();
  if (!organIds.length) return out;
  const rows = await db.selectFrom('annual_reports').selectAll().where('organ_id', 'in', organIds).where('year', '=', year).orderBy('version_no').execute();
  for (const r of rows.map(toVersion)) {
    const before = out.get(r.organId);
    out.set(r.organId, { latest: r, published: r.status === 'published' ? r : (before?.published ?? null) });
  }
  return out;
}

/** The newest version's status per organ for a year (county view, reminders). */
export async function statusesFor(db: Executor, organIds: number[], year: number): Promise<Map<number, { status: ReportStatus; versionNo: number; published: boolean }>> {
  const out = new Map<number, { status: ReportStatus; versionNo: number; published: boolean }>();
  if (!organIds.length) return out;
  const rows = await db
    .selectFrom('annual_reports').select(['organ_id', 'status', 'version_no'])
    .where('organ_id', 'in', organIds).where('year', '=', year).orderBy('version_no').execute();
  for (const r of rows) {
    const before = out.get(r.organ_id);
    out.set(r.organ_id, { status: r.status as ReportStatus, versionNo: r.version_no, published: (before?.published ?? false) || r.status === 'published' });
  }
  return out;
}

export async function insertVersion(
  db: Executor, v: { organId: number; year: number; versionNo: number; sections: ReportSections; note: string; by: number | null; at: string },
): Promise<number> {
  const row = await db
    .insertInto('annual_reports')
    .values({
      organ_id: v.organId, year: v.year, version_no: v.versionNo, status: 'draft', sections_json: JSON.stringify(v.sections), frozen_json: null,
      note: v.note, created_by: v.by, created_at: v.at, updated_by: v.by, updated_at: v.at, submitted_by: null, submitted_at: null,
      published_by: null, published_at: null, published_on: null, row_version: 1,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Writes a version's new state if nobody changed it since `rowVersion`; false when someone did. */
export async function updateVersion(
  db: Executor, id: number, rowVersion: number,
  set: Partial<{ status: ReportStatus; sections: ReportSections; frozen: AnnualReport; submittedBy: number | null; submittedAt: string; publishedBy: number | null; publishedAt: string; publishedOn: string }> & { by: number | null; at: string },
): Promise<boolean> {
  const r = await db
    .updateTable('annual_reports')
    .set({
      ...(set.status ? { status: set.status } : {}),
      ...(set.sections ? { sections_json: JSON.stringify(set.sections) } : {}),
      ...(set.frozen ? { frozen_json: JSON.stringify(set.frozen) } : {}),
      ...(set.submittedAt ? { submitted_by: set.submittedBy ?? null, submitted_at: set.submittedAt } : {}),
      ...(set.publishedAt ? { published_by: set.publishedBy ?? null, published_at: set.publishedAt, published_on: set.publishedOn ?? null } : {}),
      updated_by: set.by, updated_at: set.at, row_version: rowVersion + 1,
    })
    .where('id', '=', id)
    .where('row_version', '=', rowVersion)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The years an organ has a report for (any version, any state). */
export async function reportYearsOf(db: Executor, organId: number): Promise<number[]> {
  const rows = await db.selectFrom('annual_reports').select('year').distinct().where('organ_id', '=', organId).execute();
  return rows.map((r) => r.year);
}
