import type { Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/**
 * Safe catalog change (issue 17; docs/catalog-changes.md): the history of every rename, move, merge
 * and split of an organ's catalog nodes, and one table of permanent redirects (old path → new path)
 * that the portal consults when nothing else answered a path — for merged-away nodes and, recorded
 * by the import, for the pages of an organ's old website.
 */
export const migration: Migration = {
  name: '031-catalog-changes',
  async up(db: Kysely<any>, { id }) {
    await db.schema
      .createTable('catalog_changes')
      .addColumn('id', id.type, id.build)
      .addColumn('organ_id', 'integer', (c) => c.notNull().references('organs.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('node_id', 'integer', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('before_json', 'text', (c) => c.notNull())
      .addColumn('after_json', 'text', (c) => c.notNull())
      .addColumn('actor_user_id', 'integer')
      .addColumn('actor_label', 'text', (c) => c.notNull())
      .addColumn('changed_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('catalog_changes_organ').on('catalog_changes').columns(['organ_id', 'id']).execute();

    await db.schema
      .createTable('redirects')
      .addColumn('id', id.type, id.build)
      // A path as requested, without query string: '/organs/zjj/catalog/12'.
      .addColumn('from_path', 'text', (c) => c.notNull().unique())
      .addColumn('to_path', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    // Rewriting a chain (B → C makes every A → B point at C) looks up by target.
    await db.schema.createIndex('redirects_to_path').on('redirects').column('to_path').execute();
  },
};
