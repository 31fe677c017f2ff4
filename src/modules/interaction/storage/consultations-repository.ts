import type { Consultation, CommentState } from '../domain/consultation.ts';
import type { ConsultationCommentsTable, ConsultationsTable } from '../../../platform/db/schema-areas/interaction.ts';
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from './executor.ts';

export type ConsultationComment = {
  id: number; consultationId: number; authorName: string; content: string; state: CommentState; flagged: boolean; findings: unknown[];
  submittedOn: string; submittedAt: string; moderatedBy: number | null; moderatedAt: string | null; rejectReason: string | null;
};

const toConsultation = (r: Selectable<ConsultationsTable>): Consultation => ({
  id: r.id, organId: r.organ_id, title: r.title, body: r.body, howToComment: r.how_to_comment, startOn: r.start_on, endOn: r.end_on,
  feedbackDueOn: r.feedback_due_on, feedbackPublishedOn: r.feedback_published_on, feedbackReceived: r.feedback_received,
  feedbackAdopted: r.feedback_adopted, feedbackNotAdopted: r.feedback_not_adopted, version: r.version, createdAt: r.created_at,
});
const toComment = (r: Selectable<ConsultationCommentsTable>): ConsultationComment => ({
  id: r.id, consultationId: r.consultation_id, authorName: r.author_name, content: r.content, state: r.state as CommentState, flagged: r.flagged === 1,
  findings: JSON.parse(r.findings_json), submittedOn: r.submitted_on, submittedAt: r.submitted_at, moderatedBy: r.moderated_by,
  moderatedAt: r.moderated_at, rejectReason: r.reject_reason,
});

export async function insertConsultation(db: Executor, row: Insertable<ConsultationsTable>): Promise<Consultation> {
  const r = await db.insertInto('consultations').values(row).returningAll().executeTakeFirstOrThrow();
  return toConsultation(r);
}
export async function findConsultation(db: Executor, id: number): Promise<Consultation | null> {
  const r = await db.selectFrom('consultations').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toConsultation(r) : null;
}
/** Optimistic: changes the row only at the version read; false when someone else changed it first. */
export async function updateConsultation(db: Executor, id: number, version: number, changes: Updateable<ConsultationsTable>): Promise<boolean> {
  const res = await db.updateTable('consultations').set({ ...changes, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
/** Newest first; the portal passes `startedBy` so drafts not yet open stay hidden. */
export async function listConsultations(db: Executor, organId: number, opts: { startedBy?: string; limit: number; offset: number }): Promise<{ items: Consultation[]; total: number }> {
  let q = db.selectFrom('consultations').where('organ_id', '=', organId);
  if (opts.startedBy) q = q.where('start_on', '<=', opts.startedBy);
  const rows = await q.selectAll().orderBy('start_on', 'desc').orderBy('id', 'desc').limit(opts.limit).offset(opts.offset).execute();
  const { n } = await q.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow();
  return { items: rows.map(toConsultation), total: Number(n) };
}
/** Per organ: consultations closed, without a feedback report, past the feedback due date. */
export async function countLateFeedback(db: Executor, organIds: number[], today: string): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  if (organIds.length === 0) return out;
  const rows = await db.selectFrom('consultations').select(['organ_id', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('organ_id', 'in', organIds).where('feedback_published_on', 'is', null).where('feedback_due_on', '<', today).groupBy('organ_id').execute();
  for (const r of rows) out.set(r.organ_id, Number(r.n));
  return out;
}

export async function insertComment(db: Executor, row: Insertable<ConsultationCommentsTable>): Promise<ConsultationComment> {
  return toComment(await db.insertInto('consultation_comments').values(row).returningAll().executeTakeFirstOrThrow());
}
export async function findComment(db: Executor, id: number): Promise<ConsultationComment | null> {
  const r = await db.selectFrom('consultation_comments').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toComment(r) : null;
}
export async function updateComment(db: Executor, id: number, changes: Updateable<ConsultationCommentsTable>): Promise<void> {
  await db.updateTable('consultation_comments').set(changes).where('id', '=', id).execute();
}
export async function listComments(db: Executor, consultationId: number, state?: CommentState): Promise<ConsultationComment[]> {
  let q = db.selectFrom('consultation_comments').selectAll().where('consultation_id', '=', consultationId);
  if (state) q = q.where('state', '=', state);
  return (await q.orderBy('id').execute()).map(toComment);
}
export async function countComments(db: Executor, consultationId: number): Promise<number> {
  const { n } = await db.selectFrom('consultation_comments').select((eb) => eb.fn.countAll<string | number>().as('n')).where('consultation_id', '=', consultationId).executeTakeFirstOrThrow();
  return Number(n);
}

export async function findCommentSubmission(db: Executor, tokenHash: string): Promise<number | null> {
  const r = await db.selectFrom('consultation_submissions').select('comment_id').where('token_hash', '=', tokenHash).executeTakeFirst();
  return r ? r.comment_id : null;
}
export async function insertCommentSubmission(db: Executor, row: { tokenHash: string; commentId: number; createdAt: string }): Promise<void> {
  await db.insertInto('consultation_submissions').values({ token_hash: row.tokenHash, comment_id: row.commentId, created_at: row.createdAt }).execute();
}

export type ConsultationFile = { id: number; consultationId: number; fileName: string; mimeType: string; sizeBytes: number; storageKey: string; createdAt: string };
const toFile = (r: { id: number; consultation_id: number; file_name: string; mime_type: string; size_bytes: number; storage_key: string; created_at: string }): ConsultationFile => ({
  id: r.id, consultationId: r.consultation_id, fileName: r.file_name, mimeType: r.mime_type, sizeBytes: r.size_bytes, storageKey: r.storage_key, createdAt: r.created_at,
});

/** A consultation's draft documents, in the order they were added. */
export async function listConsultationFiles(db: Executor, consultationId: number): Promise<ConsultationFile[]> {
  return (await db.selectFrom('consultation_files').selectAll().where('consultation_id', '=', consultationId).orderBy('id').execute()).map(toFile);
}

export async function findConsultationFile(db: Executor, id: number): Promise<ConsultationFile | null> {
  const r = await db.selectFrom('consultation_files').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toFile(r) : null;
}

/** Records a stored file; returns its id. */
export async function insertConsultationFile(db: Executor, f: { consultationId: number; fileName: string; mimeType: string; sizeBytes: number; sha256: string; storageKey: string; createdBy: number | null; createdAt: string }): Promise<number> {
  const r = await db.insertInto('consultation_files').values({
    consultation_id: f.consultationId, file_name: f.fileName, mime_type: f.mimeType, size_bytes: f.sizeBytes, sha256: f.sha256, storage_key: f.storageKey, created_by: f.createdBy, created_at: f.createdAt,
  }).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

export async function deleteConsultationFile(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('consultation_files').where('id', '=', id).execute();
}

/** A consultation as the site search reads it: no body (search-entries.ts). */
export type ConsultationTitleRow = Pick<Consultation, 'id' | 'organId' | 'title' | 'startOn' | 'endOn' | 'feedbackDueOn' | 'feedbackPublishedOn'>;

/**
 * The site search's candidates: the consultations of these organs (null: every organ) opened by `startedBy` — the ones the
 * portal shows — newest first, at most `limit`; their titles only, matched in memory (a county opens tens a year).
 */
export async function consultationTitles(db: Executor, organIds: number[] | null, startedBy: string, limit: number): Promise<ConsultationTitleRow[]> {
  if (organIds && organIds.length === 0) return [];
  let q = db.selectFrom('consultations').select(['id', 'organ_id', 'title', 'start_on', 'end_on', 'feedback_due_on', 'feedback_published_on']).where('start_on', '<=', startedBy);
  if (organIds) q = q.where('organ_id', 'in', organIds);
  const rows = await q.orderBy('start_on', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => ({ id: r.id, organId: r.organ_id, title: r.title, startOn: r.start_on, endOn: r.end_on, feedbackDueOn: r.feedback_due_on, feedbackPublishedOn: r.feedback_published_on }));
}
