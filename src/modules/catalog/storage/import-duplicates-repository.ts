import type { DialectName } from '../../../platform/db/dialect.ts';
import type { Executor } from './executor.ts';
import { lockOrganDocumentNumbers } from './document-number-lock.ts';

/** An item of the organ an imported row may duplicate (docs/import-export.md, "Suspected duplicates"). */
export type DuplicateCandidate = {
  id: number; title: string; documentNumber: string; formedOn: string; publishedOn: string | null; status: string; indexNumber: string | null;
};

/**
 * The organ's items, withdrawn ones left out, written on one of these 成文日期: those an import's rows
 * may repeat. The caller compares titles and 文号 as the rule spells them (whitespace, brackets).
 */
export async function importDuplicateCandidates(db: Executor, organId: number, formedOn: string[]): Promise<DuplicateCandidate[]> {
  const out: DuplicateCandidate[] = [];
  const dates = [...new Set(formedOn)];
  for (let i = 0; i < dates.length; i += 500) {
    const rows = await db.selectFrom('publications')
      .select(['id', 'title', 'document_number', 'formed_on', 'published_on', 'status', 'index_number'])
      .where('organ_id', '=', organId).where('status', '!=', 'withdrawn').where('formed_on', 'in', dates.slice(i, i + 500))
      .orderBy('id').execute();
    for (const r of rows) {
      out.push({ id: r.id, title: r.title, documentNumber: r.document_number ?? '', formedOn: r.formed_on, publishedOn: r.published_on, status: r.status, indexNumber: r.index_number });
    }
  }
  return out;
}

/**
 * Serialises the imports into one organ: call first inside an import's write transaction, then check
 * again what another import may have written meanwhile (its duplicates, its 索引号) before writing.
 * Without it two uploads of one file at once both passed the duplicate check, made before either
 * wrote, and every row was published twice (found by an outside tester on PostgreSQL).
 * PostgreSQL: a transaction-level advisory lock per organ (73010077, organ id), released at commit or
 * rollback; the check after it reads what the other import committed (READ COMMITTED). SQLite: a write
 * that touches no row takes the database's write lock at once, so a second process's import waits
 * (busy_timeout) rather than reading before the first commits; within one process the transaction
 * holds the one connection anyway.
 */
export async function serializeOrganImports(trx: Executor, dialect: DialectName, organId: number): Promise<void> {
  // The same lock as a save's 文号 check (document-number-lock.ts): a save waits for the import, which checks its rows' 文号 under it.
  await lockOrganDocumentNumbers(trx, dialect, organId);
}
