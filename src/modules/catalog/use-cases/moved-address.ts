import { addressKey, siteAddressOf } from '../domain/redirect-address.ts';
import type { Executor } from '../storage/executor.ts';
import { findRedirects } from '../storage/redirects-repository.ts';

/** What the public sees at an old address whose item is imported but not published yet. */
export const NOT_YET_PUBLISHED = '该信息正在迁移整理，暂未发布。发布后，本地址将自动转到新页面，请稍后再来查看。';

/**
 * The portal's answer for a requested address (path and query string, as the browser sent it) that
 * found no page (docs/catalog-changes.md "Redirects"), from one indexed lookup: the redirect of the
 * address with its query string first, else of its path alone — then the request's query string is
 * kept (`?page=2` stays), a query string the redirect named is not. A redirect to an item's page acts
 * only while the item is published (or withdrawn: its page says so); before, a 404 notice that it is
 * being moved. Null when nothing moved here.
 */
export async function movedAddressAnswer(db: Executor, url: string): Promise<{ location: string } | { notice: string } | null> {
  const a = siteAddressOf(url);
  if (!a) return null;
  const q = url.indexOf('?');
  const rawPath = q >= 0 ? url.slice(0, q) : url;
  const withQuery = a.query ? addressKey(a) : null;
  // The request's own spelling of the path too: a redirect stored before addresses were canonical.
  const candidates = [...new Set([withQuery, a.path, rawPath].filter((c): c is string => c !== null))];
  const found = await findRedirects(db, candidates);
  const hit = candidates.map((c) => found.find((r) => r.fromPath === c)).find((r) => r !== undefined);
  if (!hit) return null;
  if (hit.itemId !== null) {
    if (hit.itemStatus === null) return null;
    if (hit.itemStatus !== 'published' && hit.itemStatus !== 'withdrawn') return { notice: NOT_YET_PUBLISHED };
  }
  const keptQuery = hit.fromPath === withQuery || q < 0 ? '' : url.slice(q);
  return { location: `${hit.toPath}${keptQuery}` };
}
