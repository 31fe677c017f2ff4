import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/**
 * The lapse job (review/jobs/expire-lapsed.ts, docs/adr/0027-period-of-validity.md) asks every ten
 * minutes for published items still 有效 whose 有效期至 has passed. Migration 066's index on the date
 * alone also holds every item that lapsed (or was repealed) before, so what the job read grew with the
 * catalog's history; this one holds only the items that can still lapse. The conditions are key columns
 * too, as in migration 042: SQLite then takes it for the job's equalities whatever it can prove of the
 * partial condition.
 */
export const migration: Migration = {
  name: '067-publication-lapsing-index',
  async up(db: Kysely<any>) {
    await sql`drop index publications_valid_through`.execute(db);
    await sql`create index publications_lapsing on publications (validity, status, valid_through_on) where validity = 'valid' and status = 'published' and valid_through_on is not null`.execute(db);
  },
};
