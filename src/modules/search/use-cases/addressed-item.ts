import type { AppDeps } from '../../../platform/app-deps.ts';
import { catalogPath, findCatalogNode, findOrganByCode, findOrganById, findPublication, itemPath, movedAddressAnswer, nodePath } from '../../catalog/index.ts';
import { parseQuery } from '../domain/parse-query.ts';
import { itemAddressOfPath, type ItemAddress, type PageAddress, type PastedAddress } from '../domain/portal-address.ts';
import { NOTHING, presentHits, type SearchHit, type SearchResult } from './search-publications.ts';

/**
 * What a pasted address shows, as far as the public may know (docs/search.md, "A pasted address"): a published item,
 * as a result line; a withdrawn one, its title and its address, where the public notice of the withdrawal stands
 * (410); an item page's address the portal answers 404 — a draft, an item under review, an id no item has, another
 * organ's code — one answer, notFound, so nothing of an unpublished item, or of an item at another address, is told.
 * `redirected`: the address typed is an older one (an old site's) that the portal redirects to the item's page.
 */
export type AddressedTarget =
  | { status: 'published'; id: number; title: string; url: string; redirected: boolean; organ: AddressedOrgan }
  | { status: 'withdrawn'; id: number; title: string; url: string; redirected: boolean; organ: AddressedOrgan }
  | AddressedPage
  | { status: 'notFound'; of: 'item' | PageAddress['kind'] };

/** The organ whose page (or item) an address is: its code, full name and short name as the portal words it. */
export type AddressedOrgan = { code: string; name: string; label: string };

/**
 * One of the portal's other pages (portal-address.ts, PageAddress) that the portal answers (200): an organ's home, its
 * whole catalog or a column, named (the column's name; 政府信息公开目录; the organ's name) with its organ (issue 13).
 */
export type AddressedPage = { status: 'page'; kind: PageAddress['kind']; title: string; url: string; organ: AddressedOrgan };

export type AddressedItem =
  | { status: 'published'; id: number; title: string; url: string; redirected: boolean; organ: AddressedOrgan; hit: SearchHit }
  | Exclude<AddressedTarget, { status: 'published' }>;

/** The item the portal shows at its item page's address: published (200) or withdrawn (410), at its own organ's code; else null (404). */
async function itemAt(deps: AppDeps, address: ItemAddress, redirected: boolean): Promise<AddressedTarget | null> {
  const item = await findPublication(deps.db, address.id);
  if (!item || (item.status !== 'published' && item.status !== 'withdrawn')) return null;
  const organ = await findOrganById(deps.db, item.organId);
  // The portal's item route finds the organ by the address's code and the item within it: any other code answers 404.
  if (!organ || organ.code !== address.organCode) return null;
  const shown = { id: item.id, title: item.title, url: itemPath(organ.code, item.id), redirected, organ: organOf(organ) };
  return item.status === 'published' ? { status: 'published', ...shown } : { status: 'withdrawn', ...shown };
}

const organOf = (o: { code: string; name: string; shortName?: string | null }): AddressedOrgan => ({ code: o.code, name: o.name, label: o.shortName || o.name });

/** The page the portal shows at a page's address (200), as its routes find it: the organ by its code, a column within it; else null (404). */
async function pageAt(deps: AppDeps, page: PageAddress): Promise<AddressedPage | null> {
  const organ = await findOrganByCode(deps.db, page.organCode);
  if (!organ) return null;
  if (page.kind === 'organ') return { status: 'page', kind: 'organ', title: organ.name, url: `/organs/${encodeURIComponent(organ.code)}`, organ: organOf(organ) };
  if (page.kind !== 'column') return { status: 'page', kind: 'catalog', title: '政府信息公开目录', url: catalogPath(organ.code), organ: organOf(organ) };
  const node = await findCatalogNode(deps.db, page.nodeId);
  if (!node || node.organId !== organ.id) return null;
  return { status: 'page', kind: 'column', title: node.name, url: nodePath(organ.code, node.id), organ: organOf(organ) };
}

/**
 * What the portal answers at a pasted address, in its order: an item page of this portal answers itself; an address
 * that answers 404 is looked up in the redirect table (catalog's movedAddressAnswer, one indexed query, the very lookup
 * the portal makes), and a redirect to an item's page — acted on only while the item is published or withdrawn — shows
 * that item. Null when the address shows no item of this portal (another page, a redirect to a column, an item not
 * published yet, nothing known): it is searched as text, except an item page's address, which is notFound.
 */
export async function addressedTarget(deps: AppDeps, address: PastedAddress): Promise<AddressedTarget | null> {
  const own = address.item ? await itemAt(deps, address.item, false) : null;
  if (own) return own;
  const page = address.page ? await pageAt(deps, address.page) : null;
  if (page) return page;
  const moved = await movedAddressAnswer(deps.db, address.local);
  const target = moved && 'location' in moved ? itemAddressOfPath(moved.location.split('?')[0]) : null;
  const redirected = target ? await itemAt(deps, target, true) : null;
  if (redirected) return redirected;
  return address.item ? { status: 'notFound', of: 'item' } : address.page ? { status: 'notFound', of: address.page.kind } : null;
}

/**
 * The answer to a search whose query is an address that shows an item (addressedTarget): the item offered, not the
 * address searched as words (which finds nothing). The scope and filters do not apply: the address names one item.
 * The result has that item as its one line when it is published, else nothing — and offers nothing else.
 */
export async function addressedSearch(deps: AppDeps, q: string, target: AddressedTarget): Promise<{ result: SearchResult; addressed: AddressedItem }> {
  const query = parseQuery(q);
  if (target.status !== 'published') return { result: NOTHING(query), addressed: target };
  const [hit] = await presentHits(deps, parseQuery(''), [target.id], new Set());
  return { result: { ...NOTHING(query), total: 1, hits: [hit] }, addressed: { ...target, hit } };
}
