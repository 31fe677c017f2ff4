import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/**
 * Which later document amended an item marked 已修改 (docs/adr/0026-amending-documents.md): one row
 * for each amending document, since a 办法 may be amended more than once. 废止 keeps its single
 * `publications.replaced_by_id`. Both directions are read from this table: the amended item's page
 * names its amenders, the amending document's page names what it amended.
 */
export const migration: Migration = {
  name: '065-publication-amendments',
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('publication_amendments')
      .addColumn('amended_id', 'integer', (c) => c.notNull().references('publications.id').onDelete('cascade'))
      .addColumn('amending_id', 'integer', (c) => c.notNull().references('publications.id').onDelete('cascade'))
      // The China date the officer recorded it, and who.
      .addColumn('recorded_on', 'text', (c) => c.notNull())
      .addColumn('recorded_by', 'integer', (c) => c.references('users.id'))
      .addPrimaryKeyConstraint('publication_amendments_pk', ['amended_id', 'amending_id'])
      .execute();
    // The amending document's page asks "what did I amend?".
    await db.schema.createIndex('publication_amendments_amending').on('publication_amendments').columns(['amending_id', 'amended_id']).execute();
    // A replacing document's page asks "which items did I replace?" (本文件废止了《…》): few rows carry one.
    await db.schema.createIndex('publications_replaced_by').on('publications').column('replaced_by_id').where(sql.ref('replaced_by_id'), 'is not', null).execute();
  },
};
