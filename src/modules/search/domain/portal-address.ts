/**
 * The address of one of this portal's item pages (`/organs/{code}/items/{id}`, catalog's itemPath), pasted into the
 * search box from the address bar or a message: whole (http or https, this portal's host), without its scheme, or the
 * path alone, with or without a query string (?print=1) or a #fragment. The search then offers that item rather than
 * searching the address as words (docs/search.md, "A pasted address"). Any other address is no item's: null, and it is
 * searched as text.
 */
export type ItemAddress = { organCode: string; id: number };

const ITEM_PATH = /^\/organs\/([^/?#]+)\/items\/([1-9]\d{0,9})\/?$/;
const MAX_ID = 2 ** 31 - 1;

/** A host as the URL parser writes it for http(s): lower case, without the scheme's default port. */
export function normalHost(protocol: 'http' | 'https', host: string): string | null {
  try {
    return new URL(`${protocol}://${host}`).host;
  } catch {
    return null;
  }
}

/** The item an address names, when it is an item page of this portal (`portalHosts`: normalHost of each); else null. */
export function portalItemAddress(typed: string, portalHosts: readonly string[]): ItemAddress | null {
  const t = typed.trim();
  if (!t || /\s/.test(t)) return null;
  let path: string;
  if (t.startsWith('/')) {
    if (t.startsWith('//')) return null;
    path = t.split(/[?#]/)[0];
  } else {
    // A scheme other than http(s) is another thing (ftp:, mailto:); none is the host and path as some copy it.
    if (/^[a-z][a-z\d+.-]*:\/\//i.test(t) && !/^https?:\/\//i.test(t)) return null;
    let url: URL;
    try {
      url = new URL(/^https?:\/\//i.test(t) ? t : `http://${t}`);
    } catch {
      return null;
    }
    if (!portalHosts.includes(url.host)) return null;
    path = url.pathname;
  }
  const m = ITEM_PATH.exec(path);
  if (!m) return null;
  let organCode: string;
  try {
    organCode = decodeURIComponent(m[1]);
  } catch {
    return null;
  }
  const id = Number(m[2]);
  return id <= MAX_ID ? { organCode, id } : null;
}
