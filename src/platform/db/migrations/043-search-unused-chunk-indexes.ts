import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/**
 * PostgreSQL: drops the GIN indexes over every chunk's gram and word tokens (issue 13; docs/search.md,
 * "Speed"). Since the item-level index (migration 037) and the title chunks' own index (036), no search
 * reads them: keywords are found through `search_item_pieces`, title keywords through the title index,
 * and word tokens are only checked on a few known items, by their chunk rows' publication. Kept, they
 * were the largest indexes of the search (about a seventh of `search_chunks` with its stored tokens)
 * and every publication and rebuild had to write them. SQLite keeps its FTS5 tables as they are.
 */
export const migration: Migration = {
  name: '043-search-unused-chunk-indexes',
  async up(db: Kysely<any>, { dialect }) {
    if (dialect !== 'postgres') return;
    await sql`drop index if exists search_chunks_grams`.execute(db);
    await sql`drop index if exists search_chunks_words`.execute(db);
  },
};
