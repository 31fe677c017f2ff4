import type { Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/**
 * The version of what the public portal shows (issue 18; docs/adr/0021-rendered-page-cache.md): one
 * row, raised in the same transaction as every change a public page can show (an item published,
 * amended, withdrawn or repealed, a catalog node, an organ's settings, the site identity, an annual
 * report). Each instance keeps rendered pages in memory and reads this row once per request to know
 * whether they are still right, so a change made through any instance shows on all at once. The row
 * starts at 0 with the time of the migration, the pages' Last-Modified until the first change.
 */
export const migration: Migration = {
  name: '034-content-version',
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('content_versions')
      .addColumn('scope', 'text', (c) => c.primaryKey())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('changed_at', 'text', (c) => c.notNull())
      .execute();
    await db.insertInto('content_versions').values({ scope: 'site', version: 0, changed_at: new Date().toISOString() }).execute();
  },
};
