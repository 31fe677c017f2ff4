/**
 * Which request of an item page is a reader's new view of it (docs/security.md, "An item's 浏览次数"; ADR 0042).
 * Decided only by what the server itself said or knows of the request, never by the browser's Referer:
 *
 * - a GET, never a HEAD (link checkers, monitors);
 * - answered with the page: a 304 (the browser revalidating a page it has — a reload, the way back from the print
 *   view) is never rendered at all (the page cache calls the count only for an answer with a body), so it never counts;
 * - not the print view (`?print=1`, the page's own 打印本页 link);
 * - not the page coming back from its own 字号 / 适老化 switch: `/prefs` sets, beside the preference, a cookie for the
 *   returning page's address alone that lasts a minute (`sameVisitCookie`), and a GET carrying it is the same visit.
 *   The switch itself works only where cookies do, so this holds wherever the switch does — a browser or proxy that
 *   strips the Referer (which the rule used to read) counted every switch.
 *
 * Nothing is stored about the reader: the cookie says only "1", to one address, for a minute.
 */
export function countsAsView(method: string | undefined, cookieHeader: string | undefined, printView: boolean): boolean {
  if (method !== 'GET' || printView) return false;
  return !SAME_VISIT_IN_HEADER.test(cookieHeader ?? '');
}

/** The cookie `/prefs` sets for the page it sends the reader back to: the switch's own return is no new view. */
export const SAME_VISIT_COOKIE = 'gk_back';
/** That cookie in a Cookie header (read before Fastify parses cookies: the page cache answers first, ADR 0024); made once. */
const SAME_VISIT_IN_HEADER = new RegExp(`(?:^|;)\\s*${SAME_VISIT_COOKIE}=1\\s*(?:;|$)`);
/** Long enough for a slow connection to follow the redirect; a reload within it is the same visit anyway. */
export const SAME_VISIT_SECONDS = 60;

/**
 * The cookie path for a switch's return address when it is an item's page (`/organs/{code}/items/{id}`, its query and
 * fragment dropped — a cookie's path holds no query), else null: only an item page counts views.
 */
export function sameVisitPath(returnPath: string): string | null {
  let path: string;
  try {
    path = new URL(returnPath, 'http://x').pathname;
  } catch {
    return null;
  }
  return /^\/organs\/[A-Za-z0-9%._~-]+\/items\/[1-9]\d{0,9}$/.test(path) ? path : null;
}
