import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/**
 * PostgreSQL: every piece of an item's text in one row per item (issue 13; docs/search.md, "Speed").
 * A search going through the index asks which items hold every piece of every keyword; on the chunk
 * rows that is one read per keyword, each visiting the wide chunk rows of all its candidates. One
 * positionless tsvector per item answers it in a single GIN look-up that intersects the keywords
 * inside the index, and visits only the narrow rows of the items that hold them all — as SQLite's
 * `search_items` table does (migration 035). The phrase check stays on the chunks. Rows are filled
 * from the chunks already indexed, so no rebuild is needed.
 */
export const migration: Migration = {
  name: '037-search-item-pieces',
  async up(db: Kysely<any>, { dialect }) {
    if (dialect !== 'postgres') return;
    await sql`create table search_item_pieces (
      sort_key bigint primary key,
      publication_id integer not null references publications(id) on delete cascade,
      pieces tsvector not null
    )`.execute(db);
    await sql`insert into search_item_pieces (sort_key, publication_id, pieces)
      select d.sort_key, d.publication_id,
        array_to_tsvector(array(select distinct u.lexeme from search_chunks c, unnest(c.grams) u where c.publication_id = d.publication_id))
      from search_docs d`.execute(db);
    await sql`create index search_item_pieces_publication on search_item_pieces (publication_id)`.execute(db);
    await sql`create index search_item_pieces_gin on search_item_pieces using gin (pieces)`.execute(db);
  },
};
