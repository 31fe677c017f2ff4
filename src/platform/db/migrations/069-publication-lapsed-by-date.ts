import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/**
 * Why an item is 已失效 (docs/adr/0027-period-of-validity.md): 1 when its 有效期至 made it so (the lapse
 * rule, review/domain/validity-by-date.ts), 0 when an officer chose it (the form, the import, the API) or
 * the item is not 已失效. Only a lapse by date is undone by moving the date later or clearing it.
 *
 * Before this migration only the lapse job and the demo seed wrote the end (`repealed_on`) of an 已失效
 * item, both with its 有效期至; an officer's 已失效 never carried one. So the rows whose end is their
 * 有效期至 are exactly those that lapsed by date.
 */
export const migration: Migration = {
  name: '069-publication-lapsed-by-date',
  async up(db: Kysely<any>) {
    await db.schema.alterTable('publications').addColumn('lapsed_by_date', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    await markLapsedByDate(db);
  },
};

/** The rows already 已失效 by their date: their end is their 有效期至 (see above). */
export async function markLapsedByDate(db: Kysely<any>) {
  await sql`update publications set lapsed_by_date = 1 where validity = 'expired' and valid_through_on is not null and repealed_on = valid_through_on`.execute(db);
}
