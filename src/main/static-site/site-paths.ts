import path from 'node:path';

/**
 * Where each address of the portal lands in a static copy (ADR 0015, docs/static-site.md).
 *
 * - A page (HTML) at `/a/b` becomes `a/b/index.html`; the home `/` becomes `index.html`. Links are
 *   rewritten to point at the file itself (`../b/index.html`), so they work from a plain static
 *   server and when the files are opened from disk, where no server turns a folder into its index.
 * - A query string becomes part of the file name: `/a/b?page=2` → `a/b/index.page-2.html`.
 * - Any other file keeps its path (`/assets/site.css`, `/attachments/7/通知.pdf`, `/sitemap.xml`);
 *   one without an extension gets the extension of its type (`/site/emblem/site` → `site/emblem/site.png`).
 */
export function fileForUrl(url: string, contentType: string): string {
  const { pathname, search } = new URL(url, 'http://copy.invalid');
  const segments = pathname.split('/').filter(Boolean).map(safeSegment);
  const query = queryPart(search);
  if (isHtml(contentType)) return [...segments, `index${query ? `.${query}` : ''}.html`].join('/');
  if (segments.length === 0) return `index${query ? `.${query}` : ''}${extensionFor(contentType)}`;
  let last = segments.pop()!;
  const dot = last.lastIndexOf('.');
  const ext = dot > 0 ? last.slice(dot) : extensionFor(contentType);
  const stem = dot > 0 ? last.slice(0, dot) : last;
  last = `${stem}${query ? `.${query}` : ''}${ext}`;
  return [...segments, last].join('/');
}

/** The link from one file of the copy to another, percent-encoded segment by segment, keeping a #fragment. */
export function relativeLink(fromFile: string, toFile: string, hash = ''): string {
  const rel = path.posix.relative(path.posix.dirname(fromFile), toFile) || path.posix.basename(toFile);
  return rel.split('/').map((s) => (s === '..' ? s : encodeURIComponent(s))).join('/') + hash;
}

export const isHtml = (contentType: string) => /^text\/html\b/i.test(contentType);

const EXTENSIONS: Record<string, string> = {
  'image/png': '.png', 'image/jpeg': '.jpg', 'image/gif': '.gif', 'image/svg+xml': '.svg', 'image/webp': '.webp',
  'text/css': '.css', 'text/plain': '.txt', 'application/xml': '.xml', 'application/atom+xml': '.atom', 'application/rss+xml': '.rss',
  'application/json': '.json', 'application/pdf': '.pdf', 'text/javascript': '.js',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': '.docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': '.xlsx',
};

function extensionFor(contentType: string): string {
  return EXTENSIONS[contentType.split(';')[0]!.trim().toLowerCase()] ?? '.bin';
}

/** A path segment as a file name: decoded, and never able to climb out of the copy. */
function safeSegment(raw: string): string {
  let s: string;
  try {
    s = decodeURIComponent(raw);
  } catch {
    s = raw;
  }
  s = s.replace(/[/\\\0]/g, '_');
  return s === '.' || s === '..' ? '_' : s;
}

/** `?page=2&year=2025` → `page-2.year-2025`: sorted, readable, and safe in a file name. */
function queryPart(search: string): string {
  const params = [...new URLSearchParams(search)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const clean = (s: string) => s.replace(/[^\p{L}\p{N}_-]/gu, (c) => `_${c.codePointAt(0)!.toString(16)}`);
  return params.map(([k, v]) => (v === '' ? clean(k) : `${clean(k)}-${clean(v)}`)).join('.');
}
