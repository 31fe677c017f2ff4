import type { Executor } from './executor.ts';

/**
 * Whom an old address already leads to, before an import records it again (docs/import-export.md
 * "Addresses"): the redirect's target and, when it leads to an item that still exists, that item's
 * number, title and 索引号. `item` is null for a redirect that names no item (a catalog node's); `gone`
 * when the item it named was deleted (the portal no longer acts on it).
 */
export type RedirectOwner = { fromPath: string; toPath: string; item: { id: number; title: string; indexNumber: string | null } | null; gone: boolean };

/** The redirects stored under any of these addresses (canonical keys), by address: indexed lookups, 500 at a time. */
export async function redirectOwners(db: Executor, addresses: string[]): Promise<Map<string, RedirectOwner>> {
  const owners = new Map<string, RedirectOwner>();
  for (let i = 0; i < addresses.length; i += 500) {
    const rows = await db
      .selectFrom('redirects')
      .leftJoin('publications', 'publications.id', 'redirects.item_id')
      .select(['redirects.from_path', 'redirects.to_path', 'redirects.item_id as named_item', 'publications.id as item_id', 'publications.title', 'publications.index_number'])
      .where('redirects.from_path', 'in', addresses.slice(i, i + 500))
      .execute();
    for (const r of rows) {
      owners.set(r.from_path, {
        fromPath: r.from_path, toPath: r.to_path,
        item: r.item_id !== null && r.item_id !== undefined ? { id: r.item_id, title: r.title ?? '', indexNumber: r.index_number ?? null } : null,
        gone: r.named_item !== null && (r.item_id === null || r.item_id === undefined),
      });
    }
  }
  return owners;
}
