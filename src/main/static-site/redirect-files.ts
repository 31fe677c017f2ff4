import { gbkByChance } from '../../platform/zip/zip-entry-name.ts';
import { fileForUrl, relativeLink } from './site-paths.ts';

/**
 * The portal's permanent redirects in a static copy (docs/static-site.md "Redirects"): a small page
 * at each old path that sends the reader on, and the lists web servers read to answer a real 301.
 */

/**
 * A redirect whose target is a file of the copy. `spellings`: the old address as the old site wrote
 * it where that differs from the canonical `fromPath` (`/xxgk/content.jsp?id=88&cat=3`), which
 * browsers send as written, so the lists for web servers hold them too.
 */
export type CopyRedirect = { fromPath: string; targetFile: string; spellings?: string[] };

export const NETLIFY_REDIRECTS_FILE = '_redirects';
export const NGINX_MAP_FILE = 'nginx-redirects.conf';
export const NGINX_SERVER_FILE = 'nginx-redirects-server.conf';

/** An old address with a query string (`/xxgk/content.jsp?id=88`): a file cannot stand for it. */
export const hasQuery = (fromPath: string) => fromPath.includes('?');

/**
 * The file of the copy that stands at an old path, or null when none can: an address with a query,
 * or one whose escapes are not UTF-8 (an old site's GBK addresses, also those that are valid UTF-8
 * by chance, as 通知 `%CD%A8%D6%AA`), whose file name would not be UTF-8 text either. A last segment ending in .html/.htm/.shtml keeps its name
 * (`/xxgk/content_88.html` → `xxgk/content_88.html`); any other path becomes a folder's index.html
 * (`/organs/x/catalog/12` → `organs/x/catalog/12/index.html`), served for the path by a static server.
 */
export function redirectPageFile(fromPath: string): string | null {
  if (hasQuery(fromPath) || decodedPath(fromPath) === null) return null;
  const last = fromPath.split('/').pop() ?? '';
  const file = /\.(html?|shtml)$/i.test(last) ? fileForUrl(fromPath, 'application/octet-stream') : fileForUrl(fromPath, 'text/html');
  return file === 'index.html' ? null : file;
}

/** The page at an old path: it sends the browser on at once, and says where to readers and to search engines. */
export function redirectPage(pageFile: string, targetFile: string, targetTitle: string | null): string {
  const href = esc(relativeLink(pageFile, targetFile));
  const label = targetTitle ? `本页已迁移至“${targetTitle}”` : '本页已迁移至新地址';
  return `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url=${href}">
<link rel="canonical" href="${href}">
<title>本页已迁移</title>
</head>
<body>
<main id="main">
<h1>本页已迁移</h1>
<p><a href="${href}">${label}</a></p>
</main>
</body>
</html>
`;
}

/**
 * Where a server sends the reader: the target file's address from the copy's root, a folder's
 * index.html as the folder (`/organs/x/items/5/`), percent-encoded.
 */
export function targetAddress(targetFile: string): string {
  const file = targetFile.endsWith('/index.html') ? targetFile.slice(0, -'index.html'.length) : targetFile === 'index.html' ? '' : targetFile;
  return `/${file.split('/').map((s) => encodeURIComponent(s)).join('/')}`;
}

/** Each old address once in every spelling: the canonical one and those the old site wrote. */
function spelled(list: CopyRedirect[]): { fromPath: string; targetFile: string }[] {
  return list.flatMap((r) => [r.fromPath, ...(r.spellings ?? [])].map((fromPath) => ({ fromPath, targetFile: r.targetFile })));
}

const unique = (lines: string[]) => [...new Set(lines)];

/**
 * `_redirects` (Netlify, Cloudflare Pages and others that read its format): `old new 301` a line,
 * for the canonical address and each spelling the old site wrote (deduplicated). An
 * old address with a query is written in Netlify's form `path name=value … new 301` (Cloudflare
 * Pages does not match queries and skips those lines); they come last, after every plain path.
 */
export function netlifyRedirects(list: CopyRedirect[]): string {
  const all = spelled(list);
  const plain = unique(all.filter((r) => !hasQuery(r.fromPath)).map((r) => `${netlifyPath(r.fromPath)} ${targetAddress(r.targetFile)} 301`));
  const queried = unique(all.filter((r) => hasQuery(r.fromPath)).map((r) => {
    const [p, q] = splitQuery(r.fromPath);
    const params = q.split('&').filter(Boolean).map((pair) => pair.split('=').map((s) => asRequested(s).replace(/^:/, '%3A')).join('='));
    return `${netlifyPath(p)} ${params.join(' ')} ${targetAddress(r.targetFile)} 301`;
  }));
  return [
    '# 政府信息公开网站静态副本的永久转向（由 gongkai export-site 生成，请勿手改；说明见平台文档 docs/static-site.md）',
    '# Permanent redirects of the static copy, written by gongkai export-site.',
    ...plain,
    ...(queried.length ? ['# 带查询参数的旧地址（Netlify 格式；Cloudflare Pages 不按查询参数匹配，会跳过以下各行）', ...queried] : []),
    '',
  ].join('\n');
}

/**
 * The nginx include for the `http {}` block: two maps from an old address, in each of its spellings
 * (deduplicated), to its new one. A plain
 * path is matched on `$uri` (nginx's decoded, normalised path, whatever query follows it); an old
 * address with a query, or whose escapes are not UTF-8, on `$request_uri`, the address exactly as
 * requested.
 */
export function nginxMap(list: CopyRedirect[]): string {
  const byUri = new Set<string>();
  const byRequest = new Set<string>();
  for (const r of spelled(list)) {
    const to = targetAddress(r.targetFile);
    const decoded = hasQuery(r.fromPath) ? null : decodedPath(r.fromPath);
    if (decoded !== null && !/[\u0000-\u001f\u007f]/.test(decoded)) byUri.add(`    ${quote(decoded)} ${quote(to)};`);
    else byRequest.add(`    ${quote(asRequested(r.fromPath))} ${quote(to)};`);
  }
  return `# 政府信息公开网站静态副本的永久转向（由 gongkai export-site 生成，请勿手改；说明见平台文档 docs/static-site.md）。
# 在 nginx 的 http {} 中 include 本文件，在该站点的 server {} 中 include ${NGINX_SERVER_FILE}。
# Include this file in nginx's http {} block, and ${NGINX_SERVER_FILE} in the site's server {} block.
map $uri $gongkai_moved {
    default "";
${[...byUri].join('\n')}
}
map $request_uri $gongkai_moved_request {
    default "";
${[...byRequest].join('\n')}
}
`.replace(/\n\n+/g, '\n');
}

/** The nginx include for the site's `server {}` block: answer 301 where a map above found a new address. */
export function nginxServer(): string {
  return `# 政府信息公开网站静态副本的永久转向：在站点的 server {} 中 include 本文件（http {} 中须已 include ${NGINX_MAP_FILE}）。
if ($gongkai_moved_request) {
    return 301 $gongkai_moved_request;
}
if ($gongkai_moved) {
    return 301 $gongkai_moved;
}
`;
}

function splitQuery(address: string): [string, string] {
  const q = address.indexOf('?');
  return q < 0 ? [address, ''] : [address.slice(0, q), address.slice(q + 1)];
}

/** The path with its escapes decoded, or null when they are not UTF-8, or are GBK that is UTF-8 by chance. */
function decodedPath(address: string): string | null {
  const path = splitQuery(address)[0];
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return null;
  }
  if (!/%[89a-f][0-9a-f]/i.test(path)) return decoded;
  const bytes = Buffer.concat(path.split(/(%[0-9a-f]{2})/i).map((part) => (/^%[0-9a-f]{2}$/i.test(part) ? Buffer.from([parseInt(part.slice(1), 16)]) : Buffer.from(part))));
  let gbk: string | null = null;
  try {
    gbk = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
  } catch {
    gbk = null;
  }
  return gbkByChance(decoded, gbk) ? null : decoded;
}

/** An address as a browser sends it: every character outside printable ASCII in UTF-8 escapes, escapes in upper case. */
function asRequested(s: string): string {
  return s.replace(/%[0-9a-f]{2}/gi, (e) => e.toUpperCase()).replace(/[^\x21-\x7e]/gu, (c) => encodeURIComponent(c));
}

/** A path in `_redirects`: as requested, with the characters that file gives a meaning (`*` splat, `:` placeholder) escaped. */
const netlifyPath = (p: string) => asRequested(p).replace(/\*/g, '%2A').replace(/:/g, '%3A');

const quote = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
