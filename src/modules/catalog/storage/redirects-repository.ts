import { DomainError } from '../../../shared/domain-error.ts';
import { addressKey, MAX_ADDRESS, siteAddressOf, writtenAddressOf } from '../domain/redirect-address.ts';
import type { Executor } from './executor.ts';

/**
 * A permanent redirect of the portal: an old address answers 301 to its new path. `fromPath` is the
 * address as stored: a path, with its query string when it has one, in the canonical form of
 * domain/redirect-address.ts ('/xxgk/content.jsp?id=88'). `itemId`: the item a redirect to an item
 * page leads to; the portal acts on such a redirect only while the item is published. `spellings`: the
 * address as the old site wrote it where that differs from `fromPath` ('/xxgk/content.jsp?id=88&cat=3').
 */
export type Redirect = { fromPath: string; toPath: string; reason: string; createdAt: string; itemId?: number | null; spellings: string[] };

/** The spellings a row keeps (one a line). */
export const spellingsOf = (column: string | null | undefined): string[] => (column ? column.split('\n').filter(Boolean) : []);

/**
 * The spellings to keep for the address `from`: those kept before and those given (paths or full
 * URLs, as the old site wrote them) that stand for `from` and are not `from` itself; null for none.
 */
function keptSpellings(from: string, before: string[], given: string[]): string | null {
  const list: string[] = [];
  for (const s of [...before, ...given]) {
    const written = writtenAddressOf(s);
    const a = written ? siteAddressOf(written) : null;
    if (written && a && addressKey(a) === from && written !== from && !list.includes(written)) list.push(written);
  }
  return list.length ? list.join('\n') : null;
}

/** An old address: a path of this site, with a query string if any (stored in its canonical form). */
function checkFrom(address: string): string {
  const a = typeof address === 'string' ? siteAddressOf(address) : null;
  if (!a || /#/.test(address)) {
    throw new DomainError('ERR_CATALOG_REDIRECT_INVALID', `原地址应为本站以“/”开头的路径（可带“?”查询参数），不含空格或“#”，不超过 ${MAX_ADDRESS} 个字符：${String(address).slice(0, 80)}`, { field: 'fromPath' });
  }
  return addressKey(a);
}

/** A new address: a path of this site without query string or fragment, so a redirect never leads to another site. */
function checkTo(path: string): string {
  if (typeof path !== 'string' || !path.startsWith('/') || path.startsWith('//') || /[\s?#\\]/.test(path) || path.length > MAX_ADDRESS) {
    throw new DomainError('ERR_CATALOG_REDIRECT_INVALID', `新地址应为本站以“/”开头的路径，不含空格、“?”或“#”，不超过 ${MAX_ADDRESS} 个字符：${String(path).slice(0, 80)}`, { field: 'toPath' });
  }
  return path;
}

/**
 * Records that `fromPath` moved permanently to `toPath` (node merges; the import's old-site URLs; an
 * imported item's former addresses). `fromPath` may hold a query string and is stored in its
 * canonical form; `itemId` names the item when `toPath` is its page. Chains resolve when written, so
 * a lookup is always one step: a target that itself redirects is replaced by its final target, and
 * every redirect that led to `fromPath` now leads to the new target. A redirect to itself or one that
 * would close a loop is refused (ERR_CATALOG_REDIRECT_LOOP). Recording the same `fromPath` again
 * replaces its target. `spellings` (and `fromPath` itself) as the old site wrote the address are kept
 * beside the canonical key, added to those kept before. `at` defaults to now. Call it inside the
 * caller's transaction.
 */
export async function recordRedirect(
  db: Executor, r: { fromPath: string; toPath: string; reason: string; at?: string; itemId?: number | null; spellings?: string[] },
): Promise<void> {
  const from = checkFrom(r.fromPath);
  let to = checkTo(r.toPath);
  let itemId = r.itemId ?? null;
  const onward = await db.selectFrom('redirects').select(['to_path', 'item_id']).where('from_path', '=', to).executeTakeFirst();
  if (onward) [to, itemId] = [onward.to_path, onward.item_id];
  if (to === from) {
    throw new DomainError('ERR_CATALOG_REDIRECT_LOOP', `不能把地址 ${from} 转向 ${r.toPath}：${r.toPath === from ? '转向自己' : '会形成循环转向'}`, { httpStatus: 409, field: 'toPath' });
  }
  const at = r.at ?? new Date().toISOString();
  const reason = String(r.reason ?? '').slice(0, 200);
  const before = await db.selectFrom('redirects').select('spellings').where('from_path', '=', from).executeTakeFirst();
  const spellings = keptSpellings(from, spellingsOf(before?.spellings), [r.fromPath, ...(r.spellings ?? [])]);
  await db.deleteFrom('redirects').where('from_path', '=', from).execute();
  await db.insertInto('redirects').values({ from_path: from, to_path: to, reason, created_at: at, item_id: itemId, spellings }).execute();
  await db.updateTable('redirects').set({ to_path: to, item_id: itemId }).where('to_path', '=', from).execute();
}

/**
 * Forgets the redirects from these paths: pages that an item now answers (an import's new items),
 * so no chain is ever resolved through them.
 */
export async function dropRedirectsFrom(db: Executor, paths: string[]): Promise<void> {
  for (let i = 0; i < paths.length; i += 500) await db.deleteFrom('redirects').where('from_path', 'in', paths.slice(i, i + 500)).execute();
}

/** Where an address now lives, if it moved (exactly this address, in its canonical form): one indexed lookup. */
export async function resolveRedirect(db: Executor, address: string): Promise<string | null> {
  const a = siteAddressOf(address);
  if (!a) return null;
  const r = await db.selectFrom('redirects').select('to_path').where('from_path', '=', addressKey(a)).executeTakeFirst();
  return r?.to_path ?? null;
}

/** A redirect found for a request, with the status of the item it leads to (null: not an item's, or the item is gone). */
export type FoundRedirect = { fromPath: string; toPath: string; itemId: number | null; itemStatus: string | null };

/** The redirects stored under any of these addresses, with their items' status: one indexed lookup. */
export async function findRedirects(db: Executor, addresses: string[]): Promise<FoundRedirect[]> {
  if (addresses.length === 0) return [];
  const rows = await db
    .selectFrom('redirects')
    .leftJoin('publications', 'publications.id', 'redirects.item_id')
    .select(['redirects.from_path', 'redirects.to_path', 'redirects.item_id', 'publications.status'])
    .where('redirects.from_path', 'in', addresses)
    .execute();
  return rows.map((r) => ({ fromPath: r.from_path, toPath: r.to_path, itemId: r.item_id, itemStatus: r.status ?? null }));
}

/** Redirects that lead into any of these paths (the catalog change preview; an item's former addresses for the export). */
export async function redirectsTo(db: Executor, paths: string[]): Promise<Redirect[]> {
  if (paths.length === 0) return [];
  const rows = await db.selectFrom('redirects').selectAll().where('to_path', 'in', paths).orderBy('id').execute();
  return rows.map((r) => ({ fromPath: r.from_path, toPath: r.to_path, reason: r.reason, createdAt: r.created_at, itemId: r.item_id, spellings: spellingsOf(r.spellings) }));
}
