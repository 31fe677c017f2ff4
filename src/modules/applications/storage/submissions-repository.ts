import type { Executor } from './executor.ts';

/** A form token's earlier acceptance: the case it made and the sealed receipt. */
export type StoredSubmission = { applicationId: number; organId: number; trackingNo: string; sealedReceipt: string; createdAt: string };

export async function findSubmission(db: Executor, tokenHash: string): Promise<StoredSubmission | null> {
  const row = await db
    .selectFrom('application_submissions as s')
    .innerJoin('applications as a', 'a.id', 's.application_id')
    .select(['s.application_id', 'a.organ_id', 'a.tracking_no', 's.sealed_receipt', 's.created_at'])
    .where('s.token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row ? { applicationId: row.application_id, organId: row.organ_id, trackingNo: row.tracking_no, sealedReceipt: row.sealed_receipt, createdAt: row.created_at } : null;
}

/**
 * Records that the token made this case. Run in the case's transaction: a second insert of the same
 * token fails on the primary key (PostgreSQL waits for the first transaction, then refuses), so the
 * second case is rolled back with it.
 */
export async function insertSubmission(db: Executor, row: { tokenHash: string; applicationId: number; sealedReceipt: string; createdAt: string }): Promise<void> {
  await db.insertInto('application_submissions')
    .values({ token_hash: row.tokenHash, application_id: row.applicationId, sealed_receipt: row.sealedReceipt, created_at: row.createdAt })
    .execute();
}

/** A unique or primary-key violation, as PostgreSQL (23505) and SQLite report it. */
export function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}
