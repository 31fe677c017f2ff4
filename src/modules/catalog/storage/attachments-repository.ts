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
