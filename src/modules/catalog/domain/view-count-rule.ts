/**
 * Whether an item page's GET is a reader's new view of it (docs/performance.md, "Item views"). A request whose
 * Referer is the same item's page is the same visit going on — the 字号 and 适老化 switches (a /prefs link that
 * comes back, the browser keeping the page as the Referer through the redirect), the print view, a reload from
 * the page after one of them — and is not counted again (an outside tester saw 5 → 7 in one visit). Nothing is
 * stored about the reader: the rule reads one header of the request and forgets it. A browser that sends no
 * Referer has every GET counted, as before; a cross-site Referer carries no path (Referrer-Policy
 * strict-origin-when-cross-origin) and so never matches.
 */
export function countsAsView(method: string | undefined, referer: string | undefined, itemPath: string): boolean {
  if (method !== 'GET') return false; // HEAD (link checkers, monitors) never counted
  if (!referer) return true;
  let from: URL;
  try {
    from = new URL(referer);
  } catch {
    return true;
  }
  return from.pathname !== itemPath;
}
