import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/**
 * Standard directories (基层政务公开标准目录, issue 17; docs/standard-directories.md): the required 事项
 * of each catalog node imported from a template, with the directory's columns (content elements,
 * legal basis, time limit, subject, channels, audience, mode), and the 事项 an item fulfils. The
 * nodes themselves are ordinary catalog nodes marked `is_standard_directory`.
 */
export const migration: Migration = {
  name: '030-standard-directories',
  async up(db: Kysely<any>, { id }) {
    await db.schema
      .createTable('directory_matters')
      .addColumn('id', id.type, id.build)
      .addColumn('organ_id', 'integer', (c) => c.notNull().references('organs.id').onDelete('cascade'))
      .addColumn('node_id', 'integer', (c) => c.notNull().references('catalog_nodes.id').onDelete('cascade'))
      .addColumn('template_id', 'text', (c) => c.notNull())
      .addColumn('matter_key', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('stage', 'text', (c) => c.notNull().check(sql`stage in ('decision','execution','management','service','result')`))
      .addColumn('elements', 'text', (c) => c.notNull())
      .addColumn('legal_basis', 'text', (c) => c.notNull())
      .addColumn('time_limit', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      // JSON array of 公开渠道和载体.
      .addColumn('channels', 'text', (c) => c.notNull())
      .addColumn('audience', 'text', (c) => c.notNull().check(sql`audience in ('全社会','特定群体')`))
      .addColumn('disclosure_mode', 'text', (c) => c.notNull().check(sql`disclosure_mode in ('主动','依申请')`))
      // JSON array of 公开层级.
      .addColumn('levels', 'text', (c) => c.notNull())
      .addColumn('sort_order', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      // Importing a template twice finds the same 事项 again instead of adding another.
      .addUniqueConstraint('directory_matters_once', ['organ_id', 'template_id', 'matter_key'])
      .execute();
    await db.schema.createIndex('directory_matters_of_node').on('directory_matters').columns(['node_id', 'sort_order']).execute();
    // Nullable: an item names at most one 事项; removing the node (and its 事项) leaves the item without one.
    await db.schema.alterTable('publications')
      .addColumn('directory_matter_id', 'integer', (c) => c.references('directory_matters.id').onDelete('set null'))
      .execute();
    await db.schema.createIndex('publications_by_matter').on('publications').columns(['directory_matter_id', 'status']).execute();
  },
};
