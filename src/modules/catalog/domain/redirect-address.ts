/**
 * An address of this site as the redirect table keeps it (docs/catalog-changes.md "Redirects"): a
 * path, and the query string when the old site told its pages apart by it (`/xxgk/content.jsp?id=88`).
 * Two spellings of one address give one key: percent-encoding is decoded to bytes and written again
 * the same way (upper-case hex, unreserved characters plain), `+` in the query is a space as browsers
 * send forms, parameters are sorted (by name, then value: `?b=2&a=1` is `?a=1&b=2`), a parameter
 * without `=` is one with an empty value, empty parameters (`&&`) are dropped, the fragment and a
 * Java servlet's `;jsessionid=…` are no part of it.
 */
export type SiteAddress = { path: string; query: string };

export const MAX_ADDRESS = 2000;

const HEX = '0123456789ABCDEF';
const UNRESERVED = /[A-Za-z0-9\-._~]/;
/** Characters a path segment keeps as they are (RFC 3986 sub-delims, ':' and '@'). */
const PATH_PLAIN = /[A-Za-z0-9\-._~!$&'()*+,;=:@]/;
/** Characters a query name or value keeps as they are: not '&', '=', '+', ';' or '%', which separate or encode. */
const QUERY_PLAIN = /[A-Za-z0-9\-._~!$'()*,:@/?]/;

/** The bytes a component stands for: %XX as its byte, '+' as a space when asked, every other character in UTF-8. */
function bytesOf(s: string, plusIsSpace: boolean): number[] {
  const out: number[] = [];
  const utf8 = new TextEncoder();
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '%' && /^[0-9A-Fa-f]{2}$/.test(s.slice(i + 1, i + 3))) {
      out.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c === '+' && plusIsSpace) out.push(0x20);
    else {
      const cp = s.codePointAt(i)!;
      if (cp > 0xffff) i++;
      out.push(...utf8.encode(String.fromCodePoint(cp)));
    }
  }
  return out;
}

function encodeBytes(bytes: number[], plain: RegExp): string {
  let out = '';
  for (const b of bytes) {
    const c = String.fromCharCode(b);
    out += b < 0x80 && plain.test(c) ? c : `%${HEX[b >> 4]}${HEX[b & 15]}`;
  }
  return out;
}

const canonical = (s: string, plain: RegExp, plusIsSpace: boolean) => encodeBytes(bytesOf(s, plusIsSpace), plain);

/**
 * The address a request or a typed address stands for: a path of this site starting with one '/',
 * with its query string in the canonical form above. Null for anything else (another site, '//x',
 * a backslash, spaces or control characters, longer than MAX_ADDRESS).
 */
export function siteAddressOf(input: string): SiteAddress | null {
  if (typeof input !== 'string' || input.length > MAX_ADDRESS) return null;
  const hash = input.indexOf('#');
  const v = hash >= 0 ? input.slice(0, hash) : input;
  if (!v.startsWith('/') || v.startsWith('//') || /[\s\\\u0000-\u001f\u007f]/.test(v)) return null;
  const q = v.indexOf('?');
  const rawPath = (q >= 0 ? v.slice(0, q) : v).replace(/;jsessionid=[^/]*/gi, '');
  const path = rawPath.split('/').map((segment) => canonical(segment, PATH_PLAIN, false)).join('/');
  const params = (q >= 0 ? v.slice(q + 1) : '')
    .split('&')
    .filter((p) => p !== '')
    .map((p) => {
      const eq = p.indexOf('=');
      const [name, value] = eq >= 0 ? [p.slice(0, eq), p.slice(eq + 1)] : [p, ''];
      return [canonical(name, QUERY_PLAIN, true), canonical(value, QUERY_PLAIN, true)] as const;
    })
    .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
  const query = params.map(([name, value]) => `${name}=${value}`).join('&');
  if (path.length + query.length + 1 > MAX_ADDRESS) return null;
  return { path, query };
}

/** The address as one string, as the redirect table stores it: '/a/b.jsp?id=88', or the path alone. */
export const addressKey = (a: SiteAddress): string => (a.query ? `${a.path}?${a.query}` : a.path);

/**
 * An old site's address as a redirect keeps it: a full `http(s)://` URL loses its scheme and host
 * (the old domain will point here), a path is taken as it is. Null when it is neither, or is the
 * site's root, with or without a query: the portal's home page answers it and never asks the table.
 */
export function oldAddressOf(url: string): SiteAddress | null {
  const v = url.trim();
  let local = v;
  const full = /^(https?):\/\/[^/?#\s]+(.*)$/i.exec(v);
  if (full) local = full[2].startsWith('/') ? full[2] : `/${full[2]}`;
  else if (!v.startsWith('/')) return null;
  const a = siteAddressOf(local);
  if (!a || a.path === '/') return null;
  return a;
}

/**
 * An old address as the old site wrote it, for a web server that matches it as browsers send it (a
 * static copy's nginx map): the local part of a full URL or a path, without its fragment, otherwise
 * untouched (`/xxgk/content.jsp?id=88&cat=3`). Null when it is no address of `oldAddressOf`.
 */
export function writtenAddressOf(url: string): string | null {
  if (!oldAddressOf(url)) return null;
  const v = url.trim();
  const full = /^(https?):\/\/[^/?#\s]+(.*)$/i.exec(v);
  const local = full ? (full[2].startsWith('/') ? full[2] : `/${full[2]}`) : v;
  const hash = local.indexOf('#');
  return hash >= 0 ? local.slice(0, hash) : local;
}
