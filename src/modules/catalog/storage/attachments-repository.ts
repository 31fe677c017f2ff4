import type { Insertable } from 'kysely';
import type { AttachmentsTable } from '../../../platform/db/schema.ts';
import type { Executor } from './executor.ts';

/** Inserts an attachment row; returns its id. */
export async function insertAttachment(db: Executor, values: Insertable<AttachmentsTable>): Promise<number> {
  return (await db.insertInto('attachments').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

/** Deletes an attachment row; returns nothing. */
export async function deleteAttachment(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('attachments').where('id', '=', id).execute();
}

/** Sets an attachment's title (null: none, the file name is shown), and drops any change a revision had pending. */
export async function setAttachmentTitle(db: Executor, id: number, title: string | null): Promise<void> {
  await db.updateTable('attachments').set({ title, pending_title: null }).where('id', '=', id).execute();
}
