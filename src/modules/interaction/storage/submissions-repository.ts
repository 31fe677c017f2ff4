import type { Executor } from './executor.ts';

export type StoredLetterSubmission = { letterId: number; organId: number; trackingNo: string; sealedReceipt: string };

export async function findLetterSubmission(db: Executor, tokenHash: string): Promise<StoredLetterSubmission | null> {
  const row = await db.selectFrom('letter_submissions as s').innerJoin('letters as l', 'l.id', 's.letter_id')
    .select(['s.letter_id', 'l.organ_id', 'l.tracking_no', 's.sealed_receipt']).where('s.token_hash', '=', tokenHash).executeTakeFirst();
  return row ? { letterId: row.letter_id, organId: row.organ_id, trackingNo: row.tracking_no, sealedReceipt: row.sealed_receipt } : null;
}

/** In the letter's own transaction: a second insert of the same token fails on the primary key and rolls that letter back. */
export async function insertLetterSubmission(db: Executor, row: { tokenHash: string; letterId: number; sealedReceipt: string; createdAt: string }): Promise<void> {
  await db.insertInto('letter_submissions').values({ token_hash: row.tokenHash, letter_id: row.letterId, sealed_receipt: row.sealedReceipt, created_at: row.createdAt }).execute();
}
