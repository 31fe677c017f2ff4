import { addressNumber } from '../../../shared/address-number.ts';

/**
 * An address pasted into the search box from the address bar or a message (docs/search.md, "A pasted address"). The
 * search answers it as the portal answers that address: an item page of this portal (`/organs/{code}/items/{id}`,
 * catalog's itemPath) whole (http or https, this portal's host), without its scheme, or the path alone, with or without a
 * query string (?print=1) or a #fragment; or any other address — an old site's, whose domain now points here, which the
 * portal redirects to an item's page (the 原网址 of an import) — by its path and query string. What the address shows is
 * looked up by use-cases/addressed-item.ts; an address that shows no item is searched as text.
 */
export type ItemAddress = { organCode: string; id: number };

/**
 * A pasted address: `local`, its path and query string as a request to this portal would carry them (what the portal's
 * redirect lookup reads), and `item`, the item page it names when it is one of this portal's (its host is this
 * portal's, or it is a path). The host of any other address is not checked: the redirect table keeps paths only (the
 * old domain points here), and only an address it holds is answered.
 */
export type PastedAddress = { local: string; item: ItemAddress | null; page?: PageAddress | null };

/**
 * One of this portal's other pages whose meaning is plain (issue 13: a column's address pasted got spelling advice): an
 * organ's home (`/organs/{code}`), its whole catalog (`/organs/{code}/catalog`) and a column (`/organs/{code}/catalog/{id}`).
 */
export type PageAddress = { kind: 'organ' | 'catalog'; organCode: string } | { kind: 'column'; organCode: string; nodeId: number };

const PAGE_PATH = /^\/organs\/([^/?#]+)(?:\/(catalog)(?:\/([^/?#]+))?)?\/?$/;

/** The page a path of this portal names (PageAddress), nothing after it; else null. */
export function pageAddressOfPath(path: string): PageAddress | null {
  const m = PAGE_PATH.exec(path);
  const organCode = m && decoded(m[1]);
  if (!m || organCode === null) return null;
  if (!m[2]) return { kind: 'organ', organCode };
  if (!m[3]) return { kind: 'catalog', organCode };
  const nodeId = numberOf(m[3]);
  return nodeId === null ? null : { kind: 'column', organCode, nodeId };
}

const ITEM_PATH = /^\/organs\/([^/?#]+)\/items\/([^/?#]+)\/?$/;

/**
 * A page's number as the portal reads it (shared/address-number.ts): 05 and ５ are 5, as the portal redirects them to
 * the address written plainly; null for what is no number (abc, 0, 5.0, beyond any id).
 */
const numberOf = (raw: string): number | null => {
  const text = decoded(raw);
  return text === null ? null : addressNumber(text)?.value ?? null;
};

/** A part of a path as it is written, percent-decoded (an organ's code, a full-width digit); null when the escapes are broken (%E4%B). */
function decoded(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

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
  return pastedAddress(typed, portalHosts)?.item ?? null;
}

/** The item page a path of this portal names (`/organs/{code}/items/{id}`, nothing after it): a redirect's target too. */
export function itemAddressOfPath(path: string): ItemAddress | null {
  const m = ITEM_PATH.exec(path);
  const organCode = m && decoded(m[1]);
  if (!m || organCode === null) return null;
  const id = numberOf(m[2]);
  return id === null ? null : { organCode, id };
}

/** A host typed without a scheme, as a copied address starts (www.example.gov.cn, 10.1.2.3:8080): letters, digits and hyphens with a dot. */
const BARE_HOST = /^[a-z\d-]+(\.[a-z\d-]+)+(:\d{1,5})?\//i;

/**
 * What was typed, read as an address (above): a path of this portal, a full http(s) address of any host, or one
 * without its scheme — this portal's host, or a domain name or IP address followed by a path. Null for anything else
 * (words, another scheme, an address among words, the bare root of a site): it is searched as text.
 */
export function pastedAddress(typed: string, portalHosts: readonly string[]): PastedAddress | null {
  const t = typed.trim();
  if (!t || /\s/.test(t)) return null;
  if (t.startsWith('/')) {
    if (t.startsWith('//')) return null;
    const local = t.split('#')[0];
    return withItem(local, itemAddressOfPath(local.split('?')[0]), pageAddressOfPath(local.split('?')[0]));
  }
  // A scheme other than http(s) is another thing (ftp:, mailto:); none is the host and path as some copy it.
  if (/^[a-z][a-z\d+.-]*:\/\//i.test(t) && !/^https?:\/\//i.test(t)) return null;
  const schemed = /^https?:\/\//i.test(t);
  let url: URL;
  try {
    url = new URL(schemed ? t : `http://${t}`);
  } catch {
    return null;
  }
  const ours = portalHosts.includes(url.host);
  // Without a scheme, a host that reads as one: 岚建〔2026〕63号 or 公租房/申请 is words, not an address.
  if (!schemed && !ours && !BARE_HOST.test(t)) return null;
  return withItem(`${url.pathname}${url.search}`, ours ? itemAddressOfPath(url.pathname) : null, ours ? pageAddressOfPath(url.pathname) : null);
}

/** An address and the item page it names; the bare root of a site (the home page) is no address to look up. */
const withItem = (local: string, item: ItemAddress | null, page: PageAddress | null = null): PastedAddress | null => (item || local.split('?')[0] !== '/' ? { local, item, ...(page ? { page } : {}) } : null);
