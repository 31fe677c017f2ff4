import type { FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { addressNumber } from '../../shared/address-number.ts';

/** The path parameters that are a record's number on the portal's pages (an item's `:id`, a column's `:nodeId` …). */
export const NUMBER_PARAMS: readonly string[] = ['id', 'nodeId', 'fileId', 'letterId'];

/**
 * The address of the same page with each number written plainly (`/organs/x/items/05?print=1` → `/organs/x/items/5?print=1`),
 * the rest of the address as the request wrote it (an escaped organ code stays escaped); null when every number is
 * plain already, or is no number (the route answers that, 404), or the path does not line up with the route's.
 */
export function plainAddress(url: string, routeUrl: string, params: Record<string, string | undefined>): string | null {
  const at = url.indexOf('?');
  const [path, query] = at === -1 ? [url, ''] : [url.slice(0, at), url.slice(at)];
  const segments = path.split('/');
  const pattern = routeUrl.split('/');
  if (segments.length !== pattern.length) return null;
  let changed = false;
  const plain = segments.map((segment, i) => {
    const name = pattern[i].startsWith(':') ? pattern[i].slice(1) : null;
    const raw = name !== null && NUMBER_PARAMS.includes(name) ? params[name] : undefined;
    const n = raw === undefined ? null : addressNumber(raw);
    if (!n || n.plain) return segment;
    changed = true;
    return String(n.value);
  });
  return changed ? `${plain.join('/')}${query}` : null;
}

/**
 * An `onRoute` hook for the portal and the back office: a page's address whose number is written with leading zeros or
 * in full-width digits (/organs/x/items/05, /admin/publications/05, typed or pasted) is answered with a permanent
 * redirect (301) to the address written plainly (/organs/x/items/5), its query string kept — one address per page for
 * bookmarks, QR codes, the page cache and search engines. GET and HEAD routes outside the API whose path takes a number
 * (NUMBER_PARAMS); the portal's routes read the number with the same parser (shared/address-number.ts). Any other
 * request to such an address — a form posted, an API call — names no record: 404 (http-server.ts, `isRowId`).
 */
export function redirectToPlainNumbers(route: RouteOptions): void {
  const methods = [route.method].flat();
  if (!methods.some((m) => m === 'GET' || m === 'HEAD') || /^\/api(\/|$)/.test(route.url)) return;
  if (!route.url.split('/').some((s) => s.startsWith(':') && NUMBER_PARAMS.includes(s.slice(1)))) return;
  const redirect = async (request: FastifyRequest, reply: FastifyReply) => {
    const to = plainAddress(request.url, route.url, request.params as Record<string, string | undefined>);
    if (to !== null) return reply.redirect(to, 301);
  };
  route.onRequest = [...(route.onRequest ? [route.onRequest].flat() : []), redirect];
}
