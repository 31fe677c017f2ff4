import type { Transaction } from 'kysely';
import type { Db } from '../../../platform/db/connect.ts';
import type { Database } from '../../../platform/db/schema.ts';
import type { StoredFinding } from './review-repository.ts';

type Executor = Db | Transaction<Database>;

/** A published item's amendment waiting for review (at most one per item; migration 013). */
export type PendingRevision = {
  id: number; publicationId: number; input: Record<string, unknown>; changeNote: string; basedOnVersion: number;
  proposedBy: number | null; proposedByLabel: string; proposedAt: string; authorIds: number[];
  /** The published version's scan when the revision started, with its acceptances; null for a revision started before migration 086. */
  publishedFindings: StoredFinding[] | null;
  /** 退回修订 sent it back to its proposer, who reworks or withdraws it (migration 092); null while in review. */
  returned: { at: string; by: number | null; byLabel: string; comment: string } | null;
  /** Counts every change to it (migration 097): which version of it a page showed (`revisionSeenOf`). */
  editNo: number;
};

/**
 * What a page or the API gives the publisher to send back with 修订审核通过 or 退回修订: this revision at this edit.
 * Saved again, or its files changed, it is another (ERR_REVIEW_REVISION_CHANGED).
 */
export const revisionSeenOf = (r: Pick<PendingRevision, 'id' | 'editNo'>): string => `${r.id}.${r.editNo}`;

export async function findPendingRevision(db: Executor, publicationId: number): Promise<PendingRevision | null> {
  const r = await db.selectFrom('publication_revisions').selectAll().where('publication_id', '=', publicationId).where('status', '=', 'pending').executeTakeFirst();
  return r
    ? {
        id: r.id, publicationId: r.publication_id, input: JSON.parse(r.input_json) as Record<string, unknown>, changeNote: r.change_note, basedOnVersion: r.based_on_version,
        proposedBy: r.proposed_by, proposedByLabel: r.proposed_by_label, proposedAt: r.proposed_at, authorIds: JSON.parse(r.author_ids) as number[],
        publishedFindings: r.published_findings_json === null ? null : JSON.parse(r.published_findings_json) as StoredFinding[],
        returned: r.returned_at === null ? null : { at: r.returned_at, by: r.returned_by, byLabel: r.returned_by_label ?? '', comment: r.return_comment ?? '' },
        editNo: r.edit_no,
      }
    : null;
}

/**
 * Starts a revision, or reworks the pending one (its proposer saving again). `publishedFindings`, the
 * published version's scan, is kept when the revision starts; a rework keeps the one it started with. A rework
 * writes only over the revision as it read it, still pending at the same edit: false when another request approved,
 * withdrew or changed it meanwhile (the caller refuses; nothing is written on a closed revision and lost).
 */
export async function savePendingRevision(
  db: Executor, publicationId: number,
  v: { input: unknown; changeNote: string; basedOnVersion: number; proposedBy: number | null; proposedByLabel: string; at: string; publishedFindings: StoredFinding[] | null },
): Promise<number | false> {
  const pending = await findPendingRevision(db, publicationId);
  if (pending) {
    const authors = [...new Set([...pending.authorIds, ...(v.proposedBy !== null ? [v.proposedBy] : [])])];
    const r = await db.updateTable('publication_revisions')
      // Saved again by its proposer, a returned revision is in review again (ADR 0051).
      .set({ input_json: JSON.stringify(v.input), change_note: v.changeNote, proposed_at: v.at, author_ids: JSON.stringify(authors), edit_no: pending.editNo + 1, ...inReviewAgain })
      .where('id', '=', pending.id).where('status', '=', 'pending').where('edit_no', '=', pending.editNo).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1 ? pending.id : false;
  }
  const row = await db.insertInto('publication_revisions').values({
    publication_id: publicationId, status: 'pending', input_json: JSON.stringify(v.input), change_note: v.changeNote, based_on_version: v.basedOnVersion,
    proposed_by: v.proposedBy, proposed_by_label: v.proposedByLabel, proposed_at: v.at, author_ids: JSON.stringify(v.proposedBy !== null ? [v.proposedBy] : []),
    published_findings_json: v.publishedFindings === null ? null : JSON.stringify(v.publishedFindings),
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

const inReviewAgain = { returned_at: null, returned_by: null, returned_by_label: null, return_comment: null };

/**
 * 退回修订: the revision goes back to its proposer and stays — its text, 修订说明 and files as they are — with who returned
 * it, when and why; it is no longer in the reviewers' 待办 until its proposer submits it again (ADR 0051). False when it
 * was no longer pending and in review (returned or decided by another request meanwhile).
 */
export async function returnRevisionToProposer(db: Executor, revision: Pick<PendingRevision, 'id' | 'editNo'>, v: { by: number | null; byLabel: string; at: string; comment: string }): Promise<boolean> {
  const r = await db.updateTable('publication_revisions')
    .set({ returned_at: v.at, returned_by: v.by, returned_by_label: v.byLabel, return_comment: v.comment })
    // Returned as it was read: saved again meanwhile (edit_no moved), it is refused, not returned unseen.
    .where('id', '=', revision.id).where('status', '=', 'pending').where('returned_at', 'is', null).where('edit_no', '=', revision.editNo).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Someone changed the revision's attachments: they wrote it too, and may not approve it; and it is another version of
 * the revision (edit_no), which a publisher who saw the one before approves or returns only after seeing this one.
 * Written on the row, so an approval deciding the revision at the same moment waits for it and is refused.
 */
export async function addRevisionAuthor(db: Executor, revision: PendingRevision, userId: number | null): Promise<void> {
  const authors = userId === null || revision.authorIds.includes(userId) ? revision.authorIds : [...revision.authorIds, userId];
  await db.updateTable('publication_revisions').set((eb) => ({ author_ids: JSON.stringify(authors), edit_no: eb('edit_no', '+', 1) })).where('id', '=', revision.id).execute();
}

/**
 * Approves or discards the revision; false when it was no longer pending — another request decided it after this one
 * read it (a 撤回修订 sent twice at once): the caller refuses, and its transaction writes nothing.
 */
export async function closeRevision(db: Executor, revision: Pick<PendingRevision, 'id' | 'editNo'>, v: { status: 'approved' | 'returned'; decidedBy: number | null; at: string; comment: string }): Promise<boolean> {
  let q = db.updateTable('publication_revisions')
    .set({ status: v.status, decided_by: v.decidedBy, decided_at: v.at, decision_comment: v.comment })
    .where('id', '=', revision.id).where('status', '=', 'pending');
  // An approval publishes the revision as it read it: one saved again or given a file meanwhile is refused, not published unseen.
  if (v.status === 'approved') q = q.where('edit_no', '=', revision.editNo);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * 应用建议遮盖 on a pending revision: its text as the mask leaves it, written only if the revision is still the one the
 * reviewer looked at (false: it was saved again meanwhile, and nothing is written).
 */
export async function writeMaskedRevisionInput(db: Executor, revisionId: number, before: Record<string, unknown>, after: Record<string, unknown>): Promise<boolean> {
  const r = await db.updateTable('publication_revisions').set((eb) => ({ input_json: JSON.stringify(after), edit_no: eb('edit_no', '+', 1) }))
    .where('id', '=', revisionId).where('status', '=', 'pending').where('input_json', '=', JSON.stringify(before)).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
