import type { Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/** Sensitive-word lists (错敏词) that administrators maintain: region-wide, or for one organ. */
export const migration: Migration = {
  name: '005-privacy',
  async up(db: Kysely<any>, { id }) {
    await db.schema
      .createTable('word_lists')
      .addColumn('id', id.type, id.build)
      .addColumn('organ_id', 'integer', (c) => c.references('organs.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('entries_text', 'text', (c) => c.notNull())
      .addColumn('word_count', 'integer', (c) => c.notNull())
      .addColumn('updated_by', 'integer')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('word_lists_organ_name').on('word_lists').columns(['organ_id', 'name']).unique().execute();
  },
};
