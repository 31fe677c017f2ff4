import { Parser } from 'htmlparser2';

/**
 * Links in a published body and what the link checker does with each (docs/rules/website-inspection.md,
 * "Broken links"). Pure: parsing and classification only; the checks are in use-cases/.
 */
export type BodyLink = { url: string; text: string };

/** Every `<a href>` and `<img src>` of a body, in order, each once. */
export function extractLinks(html: string): BodyLink[] {
  const out: BodyLink[] = [];
  const seen = new Set<string>();
  let open: BodyLink | null = null;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const url = name === 'a' ? attrs.href : name === 'img' ? attrs.src : undefined;
        if (url === undefined || url.trim() === '') return;
        const link = { url: url.trim(), text: name === 'img' ? (attrs.alt ?? '图片') : '' };
        if (name === 'a') open = link;
        if (!seen.has(link.url)) {
          seen.add(link.url);
          out.push(link);
        }
      },
      ontext(data) {
        if (open) open.text += data;
      },
      onclosetag(name) {
        if (name === 'a' && open) {
          open.text = open.text.replace(/\s+/g, ' ').trim();
          open = null;
        }
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return out;
}

/** How a link is checked: against the platform's own data, over HTTP, or not at all (mailto:, tel:, #top). */
export type LinkTarget =
  | { kind: 'item'; organCode: string; id: number }
  | { kind: 'attachment'; id: number }
  | { kind: 'node'; organCode: string; id: number }
  | { kind: 'organ_page'; organCode: string }
  | { kind: 'site_page' }
  | { kind: 'unknown_internal'; path: string }
  | { kind: 'external'; url: string }
  | { kind: 'malformed'; reason: string }
  | { kind: 'skip' };

/** The organ pages of the portal that exist for every organ (portal-routes.tsx, letters, applications, reports). */
const ORGAN_PAGES = new Set(['', 'guide', 'rules', 'applications', 'annual-reports', 'statutory', 'catalog', 'apply', 'letters', 'letters/new']);
const SITE_PAGES = new Set(['/', '/organs', '/search', '/sitemap.xml', '/robots.txt', '/applications/status', '/letters/status']);

/**
 * Classifies a link found in the body of an item shown at `/organs/CODE/items/ID`. A relative link
 * and an absolute one on the platform's own public address (`publicOrigin`) are internal: they are
 * resolved against the platform's data, never fetched.
 */
export function classifyLink(raw: string, publicOrigin: string | null): LinkTarget {
  if (raw.startsWith('#')) return { kind: 'skip' };
  if (/^(mailto|tel|sms|javascript|data):/i.test(raw)) return { kind: 'skip' };
  let u: URL;
  try {
    u = new URL(raw, 'http://gongkai.internal/');
  } catch {
    return { kind: 'malformed', reason: '链接地址格式不正确' };
  }
  const own = u.origin === 'http://gongkai.internal' || (publicOrigin !== null && u.origin === publicOrigin);
  if (!own) {
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return { kind: 'malformed', reason: `不支持的链接协议 ${u.protocol}` };
    return { kind: 'external', url: u.href };
  }
  let path: string;
  try {
    path = decodeURIComponent(u.pathname);
  } catch {
    return { kind: 'malformed', reason: '链接地址编码不正确' };
  }
  const trimmed = path.length > 1 ? path.replace(/\/+$/, '') : path;
  let m = /^\/organs\/([^/]+)\/items\/(\d+)$/.exec(trimmed);
  if (m) return { kind: 'item', organCode: m[1]!, id: Number(m[2]) };
  m = /^\/attachments\/(\d+)\/[^/]+$/.exec(trimmed);
  if (m) return { kind: 'attachment', id: Number(m[1]) };
  m = /^\/organs\/([^/]+)\/catalog\/(\d+)$/.exec(trimmed);
  if (m) return { kind: 'node', organCode: m[1]!, id: Number(m[2]) };
  m = /^\/organs\/([^/]+)(?:\/(.*))?$/.exec(trimmed);
  if (m && ORGAN_PAGES.has(m[2] ?? '')) return { kind: 'organ_page', organCode: m[1]! };
  if (SITE_PAGES.has(trimmed)) return { kind: 'site_page' };
  return { kind: 'unknown_internal', path: trimmed };
}
