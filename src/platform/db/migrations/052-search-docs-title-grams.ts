import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/**
 * PostgreSQL: an item's title tokens in its `search_docs` row (issue 13; docs/search.md, "Speed"). A
 * search asks whether items' titles hold the keywords (the ranking's title candidates and signal): it
 * read each item's title chunk row, found through the chunk index and one heap page of `search_chunks`
 * apiece, and the title matches of a keyword through a GIN index over the title chunks, then every such
 * item's row of `search_docs` — a read of a page of the large chunk table per title match in the whole
 * catalog. The title's tokens (a short tsvector, stored inline) now sit in the row the search reads
 * anyway, under their own GIN index, so a title question reads no chunk row at all; the title chunks'
 * index is dropped. The chunk rows keep their title tokens (the rest of the search still reads every
 * chunk of an item). Filled from the chunks already indexed, so no rebuild is needed; at 1,000,000
 * items this rewrites every `search_docs` row once (7 s at 100,000 items; see docs/deployment.md).
 */
export const migration: Migration = {
  name: '052-search-docs-title-grams',
  async up(db: Kysely<any>, { dialect }) {
    if (dialect !== 'postgres') return;
    await sql`alter table search_docs add column title_grams tsvector not null default ''::tsvector`.execute(db);
    await sql`update search_docs d set title_grams = c.grams from search_chunks c where c.publication_id = d.publication_id and c.field = 'title'`.execute(db);
    await sql`create index search_docs_title_grams on search_docs using gin (title_grams)`.execute(db);
    await sql`drop index if exists search_chunks_title_grams`.execute(db);
    await sql`analyze search_docs`.execute(db);
  },
};
