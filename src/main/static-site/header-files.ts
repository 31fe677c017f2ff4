import { EVERY_ANSWER_HEADERS, HSTS_HEADER, PAGE_CONTENT_SECURITY_POLICY } from '../../platform/http/security-headers.ts';

/**
 * The live site's protective headers for the server of a static copy (docs/static-site.md "Security
 * headers"): the same values as the app sends (src/platform/http/security-headers.ts), so a copy's
 * pages are as protected as the live ones and the two cannot drift apart — the Content-Security-Policy
 * names the standalone pages' stylesheets by their hash, which can change with an upgrade.
 */

export const NGINX_HEADERS_FILE = 'nginx-headers.conf';
export const NETLIFY_HEADERS_FILE = '_headers';

/** The headers for every file of the copy: HSTS when the public address is https, as on the live site. */
export function copyHeaders(publicUrl: string | null): [string, string][] {
  return [
    ...EVERY_ANSWER_HEADERS.map(([n, v]): [string, string] => [n, v]),
    ...((publicUrl ?? '').startsWith('https://') ? [[HSTS_HEADER[0], HSTS_HEADER[1]] as [string, string]] : []),
    ['Content-Security-Policy', PAGE_CONTENT_SECURITY_POLICY],
  ];
}

/**
 * The nginx include for the site's `server {}` block. `always`: also on a 404 or a redirect. nginx
 * drops a server's add_header in a location that has add_header of its own, so such a location
 * includes this file again.
 */
export function nginxHeaders(headers: [string, string][]): string {
  return `# 政府信息公开网站静态副本的安全响应头（由 gongkai export-site 生成，与在线平台发送的相同，请勿手改；说明见平台文档 docs/static-site.md）。
# 在站点的 server {} 中 include 本文件；自带 add_header 的 location 中须再 include 一次。
# Include this file in the site's server {} block (and again in any location that has add_header of its own).
${headers.map(([n, v]) => `add_header ${n} "${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}" always;`).join('\n')}
`;
}

/** `_headers` (Netlify, Cloudflare Pages): the same headers for every address of the site. */
export function netlifyHeaders(headers: [string, string][]): string {
  return `# 政府信息公开网站静态副本的安全响应头（由 gongkai export-site 生成，与在线平台发送的相同，请勿手改）
/*
${headers.map(([n, v]) => `  ${n}: ${v}`).join('\n')}
`;
}
