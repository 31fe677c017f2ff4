import { sql } from 'kysely';
import type { DialectName } from '../../../platform/db/dialect.ts';
import type { Executor } from './executor.ts';

/**
 * One save at a time checks and writes an organ's 文号 (docs/rules/proactive-disclosure.md, "文号"): call inside the
 * save's transaction before the check (refuseTakenDocumentNumber), which then reads what a save that held it committed.
 * No index can say the rule — an interpretation shares the 文号 of the policy it explains, and which policy that is
 * lives in policy_interpretations — so the check and the write are serialised per organ instead.
 * PostgreSQL: the organ's import lock (serializeOrganImports: 73010077, organ id), transaction-level, released at commit
 * or rollback, so a save also waits for an import into the organ, which checks its rows' 文号 under it. SQLite: the
 * database's write lock (holdSqliteWriteLock); within one process the one connection serialises the saves anyway.
 */
export async function lockOrganDocumentNumbers(trx: Executor, dialect: DialectName, organId: number): Promise<void> {
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(73010077, ${organId})`.execute(trx);
  else await holdSqliteWriteLock(trx);
}

/**
 * SQLite: takes the database's write lock at once (a write that touches no row). As a transaction's first statement it
 * makes a save wait (busy_timeout) for another process's write to commit and then read it; taken after a read, the
 * transaction's snapshot may be older than that write, and SQLite refuses its first write (SQLITE_BUSY_SNAPSHOT) — a
 * 500 where the 文号's refusal was due.
 */
export async function holdSqliteWriteLock(trx: Executor): Promise<void> {
  await sql`delete from redirects where 0`.execute(trx);
}
