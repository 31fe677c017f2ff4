import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/**
 * PostgreSQL: a GIN index over the title chunks alone (issue 13; docs/search.md, "Speed"). A search
 * asks for the newest items whose title holds the query (the ranking's title candidates); through the
 * index of every chunk, each candidate body chunk's tokens were read and then thrown away for not being
 * a title. SQLite has its own title table (migration 035) and needs nothing.
 */
export const migration: Migration = {
  name: '036-search-title-grams',
  async up(db: Kysely<any>, { dialect }) {
    if (dialect === 'postgres') await sql`create index search_chunks_title_grams on search_chunks using gin (grams) where field = 'title'`.execute(db);
  },
};
