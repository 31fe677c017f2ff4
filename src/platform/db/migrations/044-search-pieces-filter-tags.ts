import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/**
 * PostgreSQL: each item's row of pieces (migration 037) also holds its filter values as tags — organ,
 * 五公开 stage, 体裁, 效力, written as search/domain/filter-tags.ts writes them — as SQLite's FTS5 rows
 * have since migration 035 (issue 13; docs/search.md, "Speed"). A search limited to an organ then asks
 * the GIN index for the items holding both the keywords' pieces and the organ's tag, instead of reading
 * every match of the keywords in the whole catalog and dropping the other organs' afterwards.
 *
 * The tags of the rows already indexed are added here from `search_docs`, so no rebuild is needed. The
 * GIN index is dropped first and built again after: building it once is much cheaper than updating it
 * for every row (at 1,000,000 items the rows are several gigabytes; see docs/deployment.md).
 *
 * The table also gets `parallel_workers = 0`. An item's pieces are stored out of line (TOAST), and
 * the planner costs testing a row's pieces like any other filter: over the rebuilt index it chose a
 * parallel sequential scan for a keyword of many pieces, which read and decompressed every item's
 * pieces (1–2 s at 100,000 items, against a few milliseconds through the GIN index). Without
 * parallel workers the sequential scan no longer looks cheaper than the index.
 */
export const migration: Migration = {
  name: '044-search-pieces-filter-tags',
  async up(db: Kysely<any>, { dialect }) {
    if (dialect !== 'postgres') return;
    await sql`drop index if exists search_item_pieces_gin`.execute(db);
    const tag = (kind: string, value: ReturnType<typeof sql>) => sql`chr(57345) || ${sql.lit(kind)} || ${value}`;
    const hex = (column: string) => sql`encode(convert_to(${sql.ref(`d.${column}`)}, 'UTF8'), 'hex')`;
    await sql`update search_item_pieces i set pieces = i.pieces || array_to_tsvector(array[
        ${tag('o', sql`d.organ_id::text`)}, ${tag('s', hex('stage'))}, ${tag('g', hex('genre'))}, ${tag('v', hex('validity'))}])
      from search_docs d where d.sort_key = i.sort_key`.execute(db);
    await sql`create index search_item_pieces_gin on search_item_pieces using gin (pieces)`.execute(db);
    await sql`alter table search_item_pieces set (parallel_workers = 0)`.execute(db);
    await sql`analyze search_item_pieces`.execute(db);
  },
};
