import type { AppDeps } from '../../../platform/app-deps.ts';
import { findOrganById, findPublication, itemPath } from '../../catalog/index.ts';
import { parseQuery } from '../domain/parse-query.ts';
import type { ItemAddress } from '../domain/portal-address.ts';
import { NOTHING, presentHits, type SearchHit, type SearchResult } from './search-publications.ts';

/**
 * What the public may know of the item a pasted address names (docs/search.md, "A pasted address"): a published
 * item, at its own address, as a result line; a withdrawn one, its title and its address, where the public notice
 * of the withdrawal stands (410); anything else — a draft, an item under review, an id no item has — one answer,
 * notFound, so nothing of an unpublished item is told.
 */
export type AddressedItem =
  | { status: 'published'; id: number; title: string; url: string; hit: SearchHit }
  | { status: 'withdrawn'; id: number; title: string; url: string }
  | { status: 'notFound' };

/**
 * The answer to a search whose query is the address of one of this portal's item pages: the item offered, not the
 * address searched as words (which finds nothing). The scope and filters do not apply: the address names one item.
 * The result has that item as its one line when it is published, else nothing — and offers nothing else.
 */
export async function addressedSearch(deps: AppDeps, q: string, address: ItemAddress): Promise<{ result: SearchResult; addressed: AddressedItem }> {
  const query = parseQuery(q);
  const item = await findPublication(deps.db, address.id);
  const organ = item && (item.status === 'published' || item.status === 'withdrawn') ? await findOrganById(deps.db, item.organId) : null;
  if (!item || !organ) return { result: NOTHING(query), addressed: { status: 'notFound' } };
  const url = itemPath(organ.code, item.id);
  if (item.status === 'withdrawn') return { result: NOTHING(query), addressed: { status: 'withdrawn', id: item.id, title: item.title, url } };
  const [hit] = await presentHits(deps, parseQuery(''), [item.id], new Set());
  return { result: { ...NOTHING(query), total: 1, hits: [hit] }, addressed: { status: 'published', id: item.id, title: item.title, url, hit } };
}
