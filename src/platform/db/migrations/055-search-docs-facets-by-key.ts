import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/**
 * SQLite: the facet values of `search_docs` in sort-key order (issue 13; docs/search.md, "Speed"). Every
 * search counts its facets over its newest 1,000 matches, which were read from `search_docs` by
 * publication id: a row per match, each on a page of its own wherever ids and publication days do not
 * follow each other (an imported archive, the benchmark's corpus) — a read of the disk or of the
 * system's cache per match once the table outgrows SQLite's page cache. The newest matches are
 * neighbours in sort-key order, so in an index led by the sort key and holding the facet values their
 * entries lie on a few pages (1,000 samples at 100,000 items on a fresh connection: 5.8 ms by id,
 * 0.4 ms through this index; docs/performance.md). Built from the rows already indexed: no rebuild.
 * PostgreSQL reads the sample as before (one array of ids), so it has no such index.
 */
export const migration: Migration = {
  name: '055-search-docs-facets-by-key',
  async up(db: Kysely<any>, { dialect }) {
    if (dialect !== 'sqlite') return;
    await sql`create index search_docs_facets on search_docs (sort_key, organ_id, year, stage, genre, validity)`.execute(db);
  },
};
