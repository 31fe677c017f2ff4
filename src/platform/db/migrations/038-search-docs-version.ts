import type { Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/**
 * Every start asks whether any index entry was made by another tokenizer version (docs/search.md,
 * "Keeping the index current"); without an index that question read every entry — about a second at
 * a million items, before the server answered (issue 18, docs/performance.md "Scale").
 */
export const migration: Migration = {
  name: '038-search-docs-version',
  async up(db: Kysely<any>) {
    await db.schema.createIndex('search_docs_tokenizer_version').on('search_docs').column('tokenizer_version').execute();
  },
};
