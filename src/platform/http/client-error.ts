import http from 'node:http';
import type { Socket } from 'node:net';
import { EVERY_ANSWER_HEADERS, PAGE_CONTENT_SECURITY_POLICY } from './security-headers.ts';

/** Node's clientError: a parse error carries the bytes read so far (rawPacket, a Buffer). */
type ClientError = Error & { code?: string; rawPacket?: unknown };

/** The request target of a raw request's first line (bytes, as sent), or null when there is none to read. */
function targetOf(raw: unknown): Buffer | null {
  if (!Buffer.isBuffer(raw)) return null;
  const lineEnd = raw.indexOf('\r\n');
  const line = lineEnd < 0 ? raw : raw.subarray(0, lineEnd);
  const first = line.indexOf(0x20);
  const last = line.lastIndexOf(0x20);
  return first > 0 && last > first ? line.subarray(first + 1, last) : null;
}

/** The target as a browser would send it: every byte outside printable ASCII percent-encoded (UTF-8 stays UTF-8). */
const percentEncoded = (target: Buffer) => [...target].map((b) => (b > 0x20 && b < 0x7f ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * What the server answers a request Node's HTTP parser refused before any route saw it — in the platform's words,
 * where Fastify answered {"error":"Bad Request","message":"Client Error"} in English. The case met in practice
 * (an outside tester): an address with raw UTF-8 bytes, as curl sends `/api/v1/search?q=危房`; HTTP allows only
 * ASCII there and a browser percent-encodes it. That is ERR_BAD_REQUEST_TARGET, with the address as it should be
 * written (a path of this site only, never another's, and not too long to quote); anything else unreadable is
 * ERR_BAD_REQUEST, a header block too large ERR_HEADERS_TOO_LARGE (431), a request not sent in time
 * ERR_REQUEST_TIMEOUT (408). Under /api (or when the address is unknown) the API's JSON; elsewhere a Chinese page.
 */
export function clientErrorAnswer(err: ClientError): string {
  const status = err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : err.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
  const target = status === 400 ? targetOf(err.rawPacket) : null;
  const unencoded = !!target && target.some((b) => b >= 0x80);
  const fixed = target && unencoded ? percentEncoded(target) : null;
  const quotable = fixed && /^\/(?![/\\])/.test(fixed) && fixed.length <= 500 ? fixed : null;
  const code = status === 408 ? 'ERR_REQUEST_TIMEOUT' : status === 431 ? 'ERR_HEADERS_TOO_LARGE' : unencoded ? 'ERR_BAD_REQUEST_TARGET' : 'ERR_BAD_REQUEST';
  const message = status === 408 ? '请求未能在规定时间内发送完毕，请重试'
    : status === 431 ? '请求头过大（如 Cookie 过多），请清除本站 Cookie 后重试'
    : unencoded ? `请求地址中含有未经编码的字符（如汉字）：地址中的汉字等须按 UTF-8 百分号编码${quotable ? `，应写作 ${quotable}` : ''}（curl 可用 -G --data-urlencode 'q=…'）`
    : '请求无法读取，请检查请求格式';
  const page = target !== null && !target.toString('latin1').startsWith('/api/') && target[0] === 0x2f;
  const body = page
    ? `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>请求有误 - 政府信息公开</title><link rel="stylesheet" href="/assets/site.css"></head>`
      + `<body><main class="wrap"><h1>请求有误</h1><p class="wrap-anywhere">${escapeHtml(message)}</p>`
      + (quotable ? `<p class="wrap-anywhere"><a href="${escapeHtml(quotable)}">${escapeHtml(quotable)}</a></p>` : '')
      + `<p class="count">错误代码：${code}</p><p><a href="/">返回首页</a></p></main></body></html>`
    : JSON.stringify({ error: { code, message, reasons: [{ code, message }] } });
  const bytes = Buffer.byteLength(body);
  const headers = [
    `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}`,
    `Content-Type: ${page ? 'text/html' : 'application/json'}; charset=utf-8`,
    `Content-Length: ${bytes}`,
    'Cache-Control: no-store',
    'Connection: close',
    ...EVERY_ANSWER_HEADERS.map(([name, value]) => `${name}: ${value}`),
    ...(page ? [`Content-Security-Policy: ${PAGE_CONTENT_SECURITY_POLICY}`] : []),
  ];
  return `${headers.join('\r\n')}\r\n\r\n${body}`;
}

/** Fastify's clientErrorHandler: as its default (nothing on a reset or closed socket), answering clientErrorAnswer. */
export function answerClientError(err: ClientError, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable) socket.write(clientErrorAnswer(err));
  socket.destroy(err);
}
