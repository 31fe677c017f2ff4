import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/**
 * Full-text search (docs/search.md): one row per published item with what the facets and the exact
 * 文号/索引号 look-up need, its text in chunks, and the chunks' tokens — an FTS5 contentless table
 * on SQLite, two tsvector columns with GIN indexes on PostgreSQL, both fed the same app-made tokens.
 * Search terms people typed are counted per day without anything about who typed them.
 */
export const migration: Migration = {
  name: '011-search',
  async up(db: Kysely<any>, { dialect, id }) {
    await db.schema
      .createTable('search_docs')
      .addColumn('publication_id', 'integer', (c) => c.primaryKey().references('publications.id').onDelete('cascade'))
      .addColumn('organ_id', 'integer', (c) => c.notNull())
      .addColumn('published_on', 'text', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('stage', 'text', (c) => c.notNull())
      .addColumn('genre', 'text', (c) => c.notNull())
      .addColumn('validity', 'text', (c) => c.notNull())
      .addColumn('document_number_key', 'text', (c) => c.notNull())
      .addColumn('index_number_key', 'text', (c) => c.notNull())
      .addColumn('tokenizer_version', 'integer', (c) => c.notNull())
      .addColumn('indexed_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('search_docs_newest').on('search_docs').columns(['published_on', 'publication_id']).execute();
    await db.schema.createIndex('search_docs_organ').on('search_docs').columns(['organ_id', 'published_on']).execute();
    await db.schema.createIndex('search_docs_document_number').on('search_docs').column('document_number_key').execute();
    await db.schema.createIndex('search_docs_index_number').on('search_docs').column('index_number_key').execute();

    await db.schema
      .createTable('search_chunks')
      .addColumn('id', id.type, id.build)
      .addColumn('publication_id', 'integer', (c) => c.notNull().references('publications.id').onDelete('cascade'))
      .addColumn('field', 'text', (c) => c.notNull().check(sql`field in ('title', 'meta', 'body', 'attachment')`))
      .addColumn('attachment_id', 'integer')
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('search_chunks_publication').on('search_chunks').columns(['publication_id', 'field', 'seq']).execute();

    if (dialect === 'postgres') {
      await sql`alter table search_chunks add column grams tsvector not null default ''::tsvector, add column words tsvector not null default ''::tsvector`.execute(db);
      await sql`create index search_chunks_grams on search_chunks using gin (grams)`.execute(db);
      await sql`create index search_chunks_words on search_chunks using gin (words)`.execute(db);
    } else {
      // Contentless: the text lives once, in search_chunks; the FTS rowid is the chunk id.
      await sql`create virtual table search_fts using fts5(grams, words, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')`.execute(db);
    }

    await db.schema
      .createTable('search_terms')
      .addColumn('searched_on', 'text', (c) => c.notNull())
      .addColumn('term', 'text', (c) => c.notNull())
      .addColumn('organ_id', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('searches', 'integer', (c) => c.notNull())
      .addColumn('zero_results', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('search_terms_pk', ['searched_on', 'term', 'organ_id'])
      .execute();

    await db.schema
      .createTable('search_state')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('tokenizer_version', 'integer', (c) => c.notNull())
      .addColumn('rebuilt_at', 'text')
      .execute();
  },
};
