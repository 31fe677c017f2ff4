import type { Executor } from './executor.ts';

/**
 * Attachments changed by a published item's pending revision (the review area decides on it):
 * a file it adds is `pending_add` (not public yet), a file it removes `pending_remove` (still public).
 */

/** Which attachment, of which item, in which revision state. */
export async function findAttachment(db: Executor, attachmentId: number) {
  return db.selectFrom('attachments').selectAll().where('id', '=', attachmentId).executeTakeFirst();
}

/**
 * Removing with a revision: a live file is marked to go when it is approved; a file the revision
 * added goes at once (its storage key is returned so the caller deletes the file after commit).
 */
export async function removeWithRevision(db: Executor, attachmentId: number): Promise<{ deletedKey: string | null }> {
  const a = await findAttachment(db, attachmentId);
  if (!a) return { deletedKey: null };
  if (a.revision_state === 'pending_add') {
    await db.deleteFrom('attachments').where('id', '=', a.id).execute();
    await forgetGraphics(db, [a.id]);
    return { deletedKey: a.storage_key };
  }
  await db.updateTable('attachments').set({ revision_state: 'pending_remove' }).where('id', '=', a.id).execute();
  return { deletedKey: null };
}

/** Keeps a live file the pending revision was going to remove. */
export async function keepWithRevision(db: Executor, attachmentId: number): Promise<void> {
  await db.updateTable('attachments').set({ revision_state: null }).where('id', '=', attachmentId).where('revision_state', '=', 'pending_remove').execute();
}

/**
 * A title changed with the revision: a file the revision added is not public, its title is set; a live
 * file keeps its public title until the revision is approved (`pending_title`, '' for none); setting
 * it back to the public one drops the change.
 */
export async function retitleWithRevision(db: Executor, attachmentId: number, title: string | null): Promise<void> {
  const a = await findAttachment(db, attachmentId);
  if (!a) return;
  const pending = a.revision_state === 'pending_add' ? null : title === a.title ? null : title ?? '';
  await db.updateTable('attachments').set(a.revision_state === 'pending_add' ? { title, pending_title: null } : { pending_title: pending })
    .where('id', '=', a.id).execute();
}

/**
 * The revision was decided: approved — added files go live, removed ones go; returned — added
 * files go, removed ones stay. Returns the storage keys of the files to delete after commit.
 */
export async function settleRevisionAttachments(db: Executor, publicationId: number, outcome: 'approved' | 'returned'): Promise<string[]> {
  const [going, staying] = outcome === 'approved' ? ['pending_remove', 'pending_add'] as const : ['pending_add', 'pending_remove'] as const;
  const rows = await db.selectFrom('attachments').select(['id', 'storage_key']).where('publication_id', '=', publicationId).where('revision_state', '=', going).execute();
  if (rows.length) {
    await db.deleteFrom('attachments').where('id', 'in', rows.map((r) => r.id)).execute();
    await forgetGraphics(db, rows.map((r) => r.id));
  }
  await db.updateTable('attachments').set({ revision_state: null }).where('publication_id', '=', publicationId).where('revision_state', '=', staying).execute();
  // Titles changed with the revision: the new ones are public once it is approved, dropped when it is returned.
  if (outcome === 'approved') {
    await db.updateTable('attachments').set((eb) => ({ title: eb.fn('nullif', ['pending_title', eb.val('')]) }))
      .where('publication_id', '=', publicationId).where('pending_title', 'is not', null).execute();
  }
  await db.updateTable('attachments').set({ pending_title: null }).where('publication_id', '=', publicationId).where('pending_title', 'is not', null).execute();
  return rows.map((r) => r.storage_key);
}

/** A 图解 picture that is deleted is no longer any item's picture. */
async function forgetGraphics(db: Executor, attachmentIds: number[]): Promise<void> {
  await db.updateTable('publications').set({ graphic_attachment_id: null }).where('graphic_attachment_id', 'in', attachmentIds).execute();
}
