import { sql } from 'kysely';
import type { DialectName } from '../../../platform/db/dialect.ts';
import type { Executor } from './executor.ts';

/**
 * The numbers of items and catalog nodes in their addresses (`/organs/CODE/items/N`,
 * `/organs/CODE/catalog/N`) when an import keeps the numbers an export gave them (docs/import-export.md
 * "Addresses"): which are taken, and the item counter after rows were written with numbers of their own.
 */

/** The organ of each of these numbers that a row of the table (items or catalog nodes) already has. */
async function numbersTaken(db: Executor, table: 'publications' | 'catalog_nodes', ids: number[]): Promise<Map<number, number>> {
  const taken = new Map<number, number>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db.selectFrom(table).select(['id', 'organ_id']).where('id', 'in', ids.slice(i, i + 500)).execute();
    for (const r of rows) taken.set(r.id, r.organ_id);
  }
  return taken;
}

/** The organ of each of these item numbers that an item already has. */
export const itemNumbersTaken = (db: Executor, ids: number[]) => numbersTaken(db, 'publications', ids);

/** The organ of each of these node numbers that a node already has (node-numbers-repository.ts moves the counter). */
export const nodeNumbersTaken = (db: Executor, ids: number[]) => numbersTaken(db, 'catalog_nodes', ids);

/**
 * After items were inserted with their own numbers: PostgreSQL's counter does not see them, so it is
 * moved past the highest number (SQLite's AUTOINCREMENT counts them by itself).
 */
export async function catchUpItemNumbers(db: Executor, dialect: DialectName): Promise<void> {
  if (dialect !== 'postgres') return;
  await sql`SELECT setval(pg_get_serial_sequence('publications', 'id'), (SELECT COALESCE(MAX(id), 1) FROM publications))`.execute(db);
}
