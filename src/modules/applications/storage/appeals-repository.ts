import type { Insertable, Selectable } from 'kysely';
import type { AppealsTable } from '../../../platform/db/schema-areas/applications.ts';
import type { Appeal, AppealKind, AppealResult } from '../domain/appeal.ts';
import type { Executor } from './executor.ts';

export type { Appeal };

const toAppeal = (r: Selectable<AppealsTable>): Appeal => ({
  id: r.id, organId: r.organ_id, applicationId: r.application_id, trackingNo: r.tracking_no, kind: r.kind as AppealKind, caseNo: r.case_no,
  body: r.body, filedOn: r.filed_on, result: r.result as AppealResult, decidedOn: r.decided_on, acceptedOn: r.accepted_on, extensionDays: r.extension_days, note: r.note, imported: Number(r.imported) === 1, version: r.version,
});

export async function insertAppeal(db: Executor, values: Insertable<AppealsTable>): Promise<Appeal> {
  return toAppeal(await db.insertInto('appeals').values(values).returningAll().executeTakeFirstOrThrow());
}

export async function findAppeal(db: Executor, id: number): Promise<Appeal | null> {
  const r = await db.selectFrom('appeals').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toAppeal(r) : null;
}

export async function listAppeals(db: Executor, f: { applicationId?: number; organIds?: number[] }): Promise<Appeal[]> {
  let q = db.selectFrom('appeals').selectAll();
  if (f.applicationId !== undefined) q = q.where('application_id', '=', f.applicationId);
  if (f.organIds) {
    if (f.organIds.length === 0) return [];
    q = q.where('organ_id', 'in', f.organIds);
  }
  return (await q.orderBy('filed_on', 'desc').orderBy('id', 'desc').execute()).map(toAppeal);
}

export async function updateAppealDecision(
  db: Executor, appeal: Appeal, result: AppealResult, decidedOn: string | null, note: string, at: string, extra: { acceptedOn: string | null; extensionDays: number },
): Promise<Appeal | null> {
  const r = await db
    .updateTable('appeals')
    .set({ result, decided_on: decidedOn, note, accepted_on: extra.acceptedOn, extension_days: extra.extensionDays, version: appeal.version + 1, updated_at: at })
    .where('id', '=', appeal.id)
    .where('version', '=', appeal.version)
    .returningAll()
    .executeTakeFirst();
  return r ? toAppeal(r) : null;
}

/** The appeals already recorded for an application: kind, case number, dates, result and extension (unordered). */
export async function appealFactsOf(db: Executor, applicationId: number) {
  return db.selectFrom('appeals').select(['kind', 'case_no', 'filed_on', 'decided_on', 'result', 'accepted_on', 'extension_days']).where('application_id', '=', applicationId).execute();
}
