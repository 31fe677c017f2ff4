import type { Executor } from '../../catalog/index.ts';

/** The item drafted as an organ's notice (通报) for a month, if one was. */
export async function findDispatchNotice(db: Executor, organId: number, month: string): Promise<number | null> {
  const row = await db.selectFrom('dispatch_notices').select('publication_id').where('organ_id', '=', organId).where('month', '=', month).executeTakeFirst();
  return row?.publication_id ?? null;
}

/** Records the month's notice; in the transaction that creates it, so a second one for the organ and month fails (primary key) and takes its draft with it. */
export async function insertDispatchNotice(trx: Executor, row: { organId: number; month: string; publicationId: number; createdAt: string }): Promise<void> {
  await trx.insertInto('dispatch_notices').values({ organ_id: row.organId, month: row.month, publication_id: row.publicationId, created_at: row.createdAt }).execute();
}
