import { sql } from 'kysely';
import type { DialectName } from '../../../platform/db/dialect.ts';
import type { Executor } from './executor.ts';

/**
 * The numbers of catalog nodes in their addresses (`/organs/CODE/catalog/N`) when an import keeps the
 * numbers an export gave them (docs/import-export.md "Addresses"): moving the counter past them before
 * any node is made, so that a new node never takes a number the file names (which are taken:
 * item-numbers-repository.ts).
 */

/**
 * Moves the node counter to at least `highest`, never back: nodes made afterwards without a number of
 * their own get higher ones, and the nodes given theirs (at most `highest`) fit below. SQLite's
 * AUTOINCREMENT keeps its counter in sqlite_sequence; PostgreSQL's serial in its sequence.
 */
export async function makeRoomForNodeNumbers(db: Executor, dialect: DialectName, highest: number): Promise<void> {
  if (!(highest > 0)) return;
  if (dialect === 'postgres') {
    await sql`SELECT setval(pg_get_serial_sequence('catalog_nodes', 'id'), GREATEST(${highest}::bigint, (SELECT COALESCE(MAX(id), 0) FROM catalog_nodes), pg_sequence_last_value(pg_get_serial_sequence('catalog_nodes', 'id')::regclass)))`.execute(db);
    return;
  }
  await sql`UPDATE sqlite_sequence SET seq = ${highest} WHERE name = 'catalog_nodes' AND seq < ${highest}`.execute(db);
  await sql`INSERT INTO sqlite_sequence (name, seq) SELECT 'catalog_nodes', ${highest} WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'catalog_nodes')`.execute(db);
}
