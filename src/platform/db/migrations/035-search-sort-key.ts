import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/**
 * Search at a million items (issue 13; docs/search.md, "Speed"). Every indexed item gets a sort key
 * that orders it newest first (publication day, then id), so the newest matches are read from the
 * index in order and a search stops after the first page instead of sorting every match.
 *
 * On SQLite the full-text index becomes three FTS5 tables with one row per item, each rowid the
 * sort key: `search_items` (the pieces of all the item's text), `search_titles` (of its title) and
 * `search_words` (its words, for ranking). Each row also holds the item's filter values as tokens
 * no query can produce, so an organ- or stage-filtered search is a merge inside FTS5, and no query
 * needs a column filter (which would make FTS5 read every position list). PostgreSQL keeps its
 * chunk rows with tsvectors. The old entries are deleted:
 * the tokenizer version rises with this change and the index is rebuilt at the next start
 * (`gongkai reindex` does the same by hand).
 */
export const migration: Migration = {
  name: '035-search-sort-key',
  async up(db: Kysely<any>, { dialect }) {
    await db.deleteFrom('search_chunks').execute();
    await db.deleteFrom('search_docs').execute();
    await db.schema.alterTable('search_docs').addColumn('sort_key', dialect === 'postgres' ? 'bigint' : 'integer', (c) => c.notNull().defaultTo(0)).execute();
    await db.schema.createIndex('search_docs_sort_key').on('search_docs').column('sort_key').unique().execute();
    await db.schema.createIndex('search_docs_organ_sort_key').on('search_docs').columns(['organ_id', 'sort_key']).execute();
    if (dialect === 'sqlite') {
      await sql`drop table search_fts`.execute(db);
      for (const table of ['search_items', 'search_titles']) {
        await sql`create virtual table ${sql.id(table)} using fts5(tokens, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')`.execute(db);
      }
      // Words also by their first 2 to 6 characters: the ranking asks which items have a word starting
      // with the query's last word (房改 in 房改房), which FTS5 answers from these at once
      // (src/modules/search/domain/word-signal.ts uses no other prefix lengths).
      await sql`create virtual table search_words using fts5(tokens, content='', contentless_delete=1, prefix='2 3 4 5 6', tokenize='unicode61 remove_diacritics 0')`.execute(db);
    }
  },
};
