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
};

export async function findPendingRevision(db: Executor, publicationId: number): Promise<PendingRevision | null> {
  const r = await db.selectFrom('publication_revisions').selectAll().where('publication_id', '=', publicationId).where('status', '=', 'pending').executeTakeFirst();
  return r
    ? {
        id: r.id, publicationId: r.publication_id, input: JSON.parse(r.input_json) as Record<string, unknown>, changeNote: r.change_note, basedOnVersion: r.based_on_version,
        proposedBy: r.proposed_by, proposedByLabel: r.proposed_by_label, proposedAt: r.proposed_at, authorIds: JSON.parse(r.author_ids) as number[],
        publishedFindings: r.published_findings_json === null ? null : JSON.parse(r.published_findings_json) as StoredFinding[],
        returned: r.returned_at === null ? null : { at: r.returned_at, by: r.returned_by, byLabel: r.returned_by_label ?? '', comment: r.return_comment ?? '' },
      }
    : null;
}

/**
 * Starts a revision, or reworks the pending one (its proposer saving again). `publishedFindings`, the
 * published version's scan, is kept when the revision starts; a rework keeps the one it started with.
 */
export async function savePendingRevision(
  db: Executor, publicationId: number,
  v: { input: unknown; changeNote: string; basedOnVersion: number; proposedBy: number | null; proposedByLabel: string; at: string; publishedFindings: StoredFinding[] | null },
): Promise<number> {
  const pending = await findPendingRevision(db, publicationId);
  if (pending) {
    const authors = [...new Set([...pending.authorIds, ...(v.proposedBy !== null ? [v.proposedBy] : [])])];
    await db.updateTable('publication_revisions')
      // Saved again by its proposer, a returned revision is in review again (ADR 0051).
      .set({ input_json: JSON.stringify(v.input), change_note: v.changeNote, proposed_at: v.at, author_ids: JSON.stringify(authors), ...inReviewAgain })
      .where('id', '=', pending.id).execute();
    return pending.id;
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
export async function returnRevisionToProposer(db: Executor, revisionId: number, v: { by: number | null; byLabel: string; at: string; comment: string }): Promise<boolean> {
  const r = await db.updateTable('publication_revisions')
    .set({ returned_at: v.at, returned_by: v.by, returned_by_label: v.byLabel, return_comment: v.comment })
    .where('id', '=', revisionId).where('status', '=', 'pending').where('returned_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Someone changed the revision's attachments: they wrote it too, and may not approve it. */
export async function addRevisionAuthor(db: Executor, revision: PendingRevision, userId: number | null): Promise<void> {
  if (userId === null || revision.authorIds.includes(userId)) return;
  await db.updateTable('publication_revisions').set({ author_ids: JSON.stringify([...revision.authorIds, userId]) }).where('id', '=', revision.id).execute();
}

/**
 * Approves or discards the revision; false when it was no longer pending — another request decided it after this one
 * read it (a 撤回修订 sent twice at once): the caller refuses, and its transaction writes nothing.
 */
export async function closeRevision(db: Executor, revisionId: number, v: { status: 'approved' | 'returned'; decidedBy: number | null; at: string; comment: string }): Promise<boolean> {
  const r = await db.updateTable('publication_revisions')
    .set({ status: v.status, decided_by: v.decidedBy, decided_at: v.at, decision_comment: v.comment })
    .where('id', '=', revisionId).where('status', '=', 'pending').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * 应用建议遮盖 on a pending revision: its text as the mask leaves it, written only if the revision is still the one the
 * reviewer looked at (false: it was saved again meanwhile, and nothing is written).
 */
export async function writeMaskedRevisionInput(db: Executor, revisionId: number, before: Record<string, unknown>, after: Record<string, unknown>): Promise<boolean> {
  const r = await db.updateTable('publication_revisions').set({ input_json: JSON.stringify(after) })
    .where('id', '=', revisionId).where('status', '=', 'pending').where('input_json', '=', JSON.stringify(before)).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
