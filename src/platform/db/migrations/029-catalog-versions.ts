import type { Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/**
 * A version per organ's public catalog (issue 18; docs/performance.md "Catalog counts"): raised in the
 * same transaction as every change of what the organ's catalog shows (an item published, withdrawn or
 * amended, a node added, renamed, moved or removed), so every instance knows when its cached tree with
 * counts is out of date by reading one row.
 */
export const migration: Migration = {
  name: '029-catalog-versions',
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('catalog_versions')
      .addColumn('organ_id', 'integer', (c) => c.primaryKey().references('organs.id').onDelete('cascade'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('changed_at', 'text', (c) => c.notNull())
      .execute();
  },
};
