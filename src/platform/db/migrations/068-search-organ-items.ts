import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/**
 * SQLite: the pieces of every indexed item again, in organ-major order (issue 13; docs/search.md,
 * "Speed"; docs/adr/0028-organ-major-search-index.md). `search_items` is keyed by the sort key, so an
 * organ's items lie spread over the whole key range and a search within one organ seeks through the
 * long lists of its keyword's pieces from one of the organ's items to the next — at 1,000,000 items
 * most pages of those lists for the newest 1,001 matches (the count and the facet sample). Here the
 * rowid is the organ's id times 2^48 plus the sort key, so one organ's items are one key range and its
 * newest matches are neighbours on a few pages.
 *
 * The table is contentless like the others, so it cannot be filled from them: an index built before
 * this migration has no rows here until the next whole rebuild (`gongkai reindex`). Until then
 * `search_state.organ_items_ready` is 0 and searches keep using the organ tags of `search_items`; a
 * database with no index entries yet is ready at once. PostgreSQL gets the column only (its organ filter
 * is answered inside its item-level GIN index, migration 044).
 */
export const migration: Migration = {
  name: '068-search-organ-items',
  async up(db: Kysely<any>, { dialect }) {
    await db.schema.alterTable('search_state').addColumn('organ_items_ready', 'integer', (c) => c.notNull().defaultTo(1)).execute();
    if (dialect !== 'sqlite') return;
    await sql`create virtual table search_organ_items using fts5(tokens, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')`.execute(db);
    const indexed = await db.selectFrom('search_docs').select('publication_id').limit(1).executeTakeFirst();
    if (!indexed) return;
    // Entries exist without their organ-major rows: not ready until a whole rebuild. A missing state
    // row means the index was never rebuilt as a whole; the next start rebuilds it (tokenizer version 0).
    await db.insertInto('search_state').values({ id: 1, tokenizer_version: 0, rebuilt_at: null, organ_items_ready: 0 })
      .onConflict((oc) => oc.column('id').doUpdateSet({ organ_items_ready: 0 })).execute();
  },
};
