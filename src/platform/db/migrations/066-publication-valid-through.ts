import type { Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/**
 * 有效期至 of an item (docs/adr/0027-period-of-validity.md): the last China date a 行政规范性文件 is in
 * force, inclusive, or null when the document sets no period. The daily lapse job
 * (review/jobs/expire-lapsed.ts) looks for published items still 有效 whose date has passed, so the
 * date is indexed; most rows have none.
 */
export const migration: Migration = {
  name: '066-publication-valid-through',
  async up(db: Kysely<any>) {
    await db.schema.alterTable('publications').addColumn('valid_through_on', 'text').execute();
    await db.schema.createIndex('publications_valid_through').on('publications').column('valid_through_on').execute();
  },
};
