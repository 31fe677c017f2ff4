/**
 * The organ code and number of an item page's address ('/organs/zjj/items/12') or a catalog node
 * page's ('/organs/zjj/catalog/17'), or null for any other address.
 */
function numberedPage(kind: 'items' | 'catalog', address: string): { organCode: string; id: number } | null {
  const m = /^\/organs\/([^/?]+)\/(items|catalog)\/([1-9]\d{0,14})$/.exec(address);
  if (!m || m[2] !== kind) return null;
  try {
    return { organCode: decodeURIComponent(m[1]), id: Number(m[3]) };
  } catch {
    return null;
  }
}

export const itemOfPagePath = (address: string) => numberedPage('items', address);
export const nodeOfPagePath = (address: string) => numberedPage('catalog', address);

/**
 * The portal's own addresses, which it always answers itself: a redirect is looked up only for an
 * address nothing else answers (platform/http/http-server.ts), so an old address among these could
 * never lead to its item. They are everything under the back office, the API, the assets, the
 * attachments, the sitemaps and the organs' pages, and the site's own pages (search, the letters,
 * applications, consultations and proposals pages) — except an item page and a catalog page, which
 * answer only while that item or node exists: an export names its items' pages so that an import
 * elsewhere keeps or redirects them.
 */
const PORTAL_PATHS = /^\/(admin|api|assets|attachments|sitemaps|organs)(\/|$)|^\/(search|prefs|sitemap\.xml|robots\.txt|healthz|readyz|letters|letters\/status|applications\/status|consultations|proposals)$/;
const STILL_FREE = /^\/organs\/[^/?]+\/(items|catalog)\/[1-9]\d{0,14}$/;

/** Whether an old address (a path and its query, as oldPathOf gives it) is one the portal answers itself. */
export function isPortalAddress(address: string): boolean {
  const pathOnly = address.split('?')[0];
  return PORTAL_PATHS.test(pathOnly) && !STILL_FREE.test(pathOnly);
}
