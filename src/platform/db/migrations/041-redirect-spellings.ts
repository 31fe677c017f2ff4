import type { Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/**
 * An old address keeps the spellings the old site wrote it in (docs/catalog-changes.md "Redirects"):
 * from_path is the canonical key the portal looks up (parameters sorted, one percent-encoding), but
 * a static copy's web server matches the address as the browser sends it, which is the old site's
 * own link (`/xxgk/content.jsp?id=88&cat=3`). `spellings`: those that differ from the key, one a line.
 */
export const migration: Migration = {
  name: '041-redirect-spellings',
  async up(db: Kysely<any>) {
    await db.schema.alterTable('redirects').addColumn('spellings', 'text').execute();
  },
};
