import type { Updateable } from 'kysely';
import type { PublicationsTable } from '../../../platform/db/schema.ts';
import type { Executor } from '../../catalog/index.ts';

/** The columns of an item that its review workflow changes (status, stage, chain, schedule, withdrawal, repeal). */
export type ReviewStateChanges = Pick<Updateable<PublicationsTable>,
  | 'status' | 'review_stage' | 'submitted_by' | 'submitted_at' | 'review_chain_json' | 'scheduled_at' | 'retro_approved_by'
  | 'withdrawn_reason' | 'withdrawn_note' | 'withdrawn_at' | 'validity' | 'replaced_by_id' | 'repealed_on' | 'lapsed_by_date'> & { updated_at: string; version: number };

/** An item's stored row, with the review columns the catalog's `Publication` does not carry. */
export async function reviewRowOf(db: Executor, publicationId: number) {
  return db.selectFrom('publications').selectAll().where('id', '=', publicationId).executeTakeFirstOrThrow();
}

/** Writes a verb's new state if the item is still at `version`; false when someone else got there first. */
export async function writeReviewState(db: Executor, publicationId: number, version: number, changes: ReviewStateChanges): Promise<boolean> {
  const res = await db.updateTable('publications').set(changes).where('id', '=', publicationId).where('version', '=', version).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Everyone the audit log shows writing the item: creating, editing or submitting it, its attachments or its form. */
export async function editorIdsOf(db: Executor, publicationId: number): Promise<(number | null)[]> {
  const rows = await db
    .selectFrom('audit_events')
    .select('actor_user_id')
    .distinct()
    .where('entity_type', '=', 'publication')
    .where('entity_id', '=', String(publicationId))
    .where('action', 'in', ['publication.create', 'publication.update', 'publication.submit', 'attachment.add', 'attachment.remove', 'attachment.title', 'review_form.fill', 'review_form.clear'])
    .execute();
  return rows.map((r) => r.actor_user_id);
}

/** The item's fields a reviewer's 应用建议遮盖 may change, by column. */
export type MaskedColumn = 'title' | 'summary' | 'body_html' | 'source';

/** Writes one masked field if the item is still at `version`; false when someone else got there first. */
export async function writeMaskedField(db: Executor, publicationId: number, version: number, column: MaskedColumn, value: string, at: string): Promise<boolean> {
  const res = await db.updateTable('publications').set({ [column]: value, updated_at: at, version: version + 1 }).where('id', '=', publicationId).where('version', '=', version).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
