import type { Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/**
 * A redirect to an item's page names the item (docs/catalog-changes.md "Redirects"): the portal acts
 * on it only while the item is published, so an old site's address imported as a draft does not send
 * citizens to a page they cannot see; it says the item is being moved instead, and starts to redirect
 * when the item is published. Earlier redirects to an item page (`/organs/CODE/items/N`, the old-site
 * import's) are given their item here. from_path may now hold a query string ('/content.jsp?id=88').
 */
export const migration: Migration = {
  name: '040-redirect-item',
  async up(db: Kysely<any>) {
    await db.schema.alterTable('redirects').addColumn('item_id', 'integer', (c) => c.references('publications.id')).execute();
    const rows = await db.selectFrom('redirects').select(['id', 'to_path']).where('to_path', 'like', '/organs/%/items/%').execute();
    for (const r of rows as { id: number; to_path: string }[]) {
      const m = /^\/organs\/[^/]+\/items\/(\d+)$/.exec(r.to_path);
      if (!m) continue;
      const item = await db.selectFrom('publications').select('id').where('id', '=', Number(m[1])).executeTakeFirst();
      if (item) await db.updateTable('redirects').set({ item_id: item.id }).where('id', '=', r.id).execute();
    }
  },
};
