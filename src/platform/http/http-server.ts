import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import { EVERY_ANSWER_HEADERS, HSTS_HEADER, PAGE_CONTENT_SECURITY_POLICY } from './security-headers.ts';
import { toApiError } from './error-handler.ts';
import { answerClientError } from './client-error.ts';
import { DOCUMENT_CSS } from '../documents/document-css.ts';
import { DOCUMENT_STYLESHEET, RECEIPT_PRINT_STYLESHEET, REPORT_STYLESHEET } from '../views/stylesheets.ts';
import { DomainError } from '../../shared/domain-error.ts';
import { editorScript } from '../editor/editor-bundle.ts';

/**
 * A database row id as an address writes it: a whole number from 0 to 2^31 − 1 (the INTEGER columns of both databases),
 * written plainly — no leading zero, so /admin/publications/05 is no second address of record 5 (a page's GET there is
 * redirected first to the plain address, plain-numbers.ts; anything else is 404).
 */
const isRowId = (v: string) => /^(0|[1-9]\d{0,9})$/.test(v) && Number(v) <= 2_147_483_647;

function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 20 || value === null || typeof value !== 'object') return false;
  if (Buffer.isBuffer(value)) return false;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) if (k.includes('\u0000') || containsNul(v, depth + 1)) return true;
  return false;
}

export type RegisteredRoute = { method: string; url: string };

declare module 'fastify' {
  interface FastifyInstance {
    registeredRoutes: RegisteredRoute[];
  }
  interface FastifyRequest {
    /** Whose site a portal page belongs to (set for portal pages by a hook src/main registers). */
    portalFrame: import('../views/portal-frame.ts').PortalFrame | null;
    /**
     * Frames the page as this organ's: for a page whose address names no organ but whose content is
     * one organ's (a case found by its number). Set by src/main; absent on a bare server in a test.
     */
    frameAsOrgan?: (organCode: string) => Promise<void>;
  }
}

/**
 * Answers a GET or HEAD before Fastify sees it, when it can (the page cache's kept pages, ADR 0024):
 * resolves true when it has answered, false to hand the request to Fastify untouched.
 */
export type FrontDoor = (req: http.IncomingMessage, res: http.ServerResponse) => boolean | Promise<boolean>;

declare module 'fastify' {
  interface FastifyInstance {
    /** Puts a front door before the routes (one per server; app.inject does not pass through it). */
    setFrontDoor(door: FrontDoor): void;
  }
}

export type HtmlErrorPage = (request: FastifyRequest, status: number, message: string) => string | Promise<string>;

/** A red seal-like square with a white page on it, drawn without text (no font needed at 16 px). */
const FAVICON_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#b0191e"/><path d="M10 6h9l5 5v15H10z" fill="#fff"/><path d="M13 15h8M13 19h8M13 23h5" stroke="#b0191e" stroke-width="2"/></svg>';
const asset = (name: string) => fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '../views/assets', name), 'utf8');
/** Every stylesheet the pages link (src/platform/views/stylesheets.ts): the CSP allows no inline style. */
const STYLESHEETS: Record<string, string> = {
  '/assets/site.css': asset('site.css'),
  [DOCUMENT_STYLESHEET]: DOCUMENT_CSS,
  [REPORT_STYLESHEET]: asset('report.css'),
  [RECEIPT_PRINT_STYLESHEET]: asset('receipt-print.css'),
};
const PORTAL_JS = asset('portal.js');
const ERROR_SUMMARY_JS = asset('error-summary.js');

/**
 * What the portal answers for an address that found nothing but is in the redirect table: a 301 to
 * the location, or a 404 page with a notice (an imported item not yet published).
 */
export type MovedAnswer = { location: string } | { notice: string };

/**
 * The HTTP plumbing every route shares: parsers, cookies, uploads, security headers, and errors
 * answered as JSON under /api and as a Chinese page elsewhere. Routes are added by src/main.
 */
export async function createHttpServer(opts: {
  logger: Logger; htmlErrorPage: HtmlErrorPage; maxUploadBytes: number; trustProxy?: boolean;
  /** Send Strict-Transport-Security: the platform is served over https (GONGKAI_PUBLIC_URL). */
  hsts?: boolean;
  /**
   * Where a page that moved now lives (the catalog's redirect table), for the request's path and query
   * string: asked only when a GET or HEAD outside /api found nothing. A location is answered with a
   * 301; a notice (the page is not published yet) with a 404 page saying so, which nobody may keep.
   */
  movedTo?: (url: string) => Promise<MovedAnswer | null>;
}): Promise<FastifyInstance> {
  let door: FrontDoor | null = null;
  const app = Fastify({
    loggerInstance: opts.logger as unknown as FastifyBaseLogger, trustProxy: opts.trustProxy ?? false, bodyLimit: 6 * 1024 * 1024,
    // Node's HTTP server as Fastify would make it, with the front door before Fastify's handler.
    serverFactory: (handler, fastifyOptions) => {
      // Fastify passes its options with defaults filled in (lib/server.js applies the same four).
      const o = fastifyOptions as { keepAliveTimeout: number; requestTimeout: number; connectionTimeout: number; maxRequestsPerSocket: number };
      const server = http.createServer((req, res) => {
        if (!door || (req.method !== 'GET' && req.method !== 'HEAD')) return handler(req, res);
        const failed = (err: unknown) => {
          app.log.error({ err }, 'front door failed; Fastify answers');
          if (!res.headersSent) handler(req, res);
        };
        let answered: boolean | Promise<boolean>;
        try {
          answered = door(req, res);
        } catch (err) {
          return failed(err);
        }
        if (answered === true) return;
        if (answered === false) return handler(req, res);
        answered.then((done) => { if (!done) handler(req, res); }, failed);
      });
      server.keepAliveTimeout = o.keepAliveTimeout;
      server.requestTimeout = o.requestTimeout;
      server.setTimeout(o.connectionTimeout);
      if (o.maxRequestsPerSocket > 0) server.maxRequestsPerSocket = o.maxRequestsPerSocket;
      return server;
    },
    // One access line per request (below), not Fastify's two; a request id on every answer, in the
    // log lines of the request and on error pages, so a citizen's "请求编号" finds the log (docs/operations.md).
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: nextRequestId,
    // A request the HTTP parser refuses (raw UTF-8 in the address, as curl sends it) is answered in Chinese, in the API's format under /api.
    clientErrorHandler: answerClientError,
  });
  app.decorate('setFrontDoor', (d: FrontDoor) => { door = d; });
  app.addHook('onRequest', async (request, reply) => {
    reply.header('X-Request-Id', request.id);
  });
  // Input no handler should have to think about (found by test/security/fuzz-inputs): a NUL
  // character, which PostgreSQL cannot store and SQLite silently keeps, and a path id that no row
  // can have ("NaN", "1e20", 20 digits: PostgreSQL answers with an error where SQLite finds nothing).
  // Every path parameter named id or …Id is a row id; other keys have other names.
  app.addHook('preValidation', async (request) => {
    if (containsNul(request.params) || containsNul(request.query) || containsNul(request.body)) {
      throw new DomainError('ERR_VALIDATION', '输入包含无法保存的控制字符（NUL），请删除后重新提交', { httpStatus: 400 });
    }
    for (const [name, value] of Object.entries((request.params ?? {}) as Record<string, string>)) {
      if ((name === 'id' || name.endsWith('Id')) && !isRowId(value)) {
        throw new DomainError('ERR_NOT_FOUND', '您访问的内容不存在', { httpStatus: 404 });
      }
    }
  });
  app.addHook('onResponse', async (request, reply) => {
    request.log.info({ method: request.method, url: request.url.split('?')[0], status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'access');
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // Every route as registered, for the security suite that walks them all (test/security/).
  const routes: RegisteredRoute[] = [];
  app.decorate('registeredRoutes', routes);
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) if (method !== 'HEAD') routes.push({ method, url: r.url });
  });
  await app.register(cookie);
  await app.register(formbody);
  await app.register(multipart, { limits: { fileSize: opts.maxUploadBytes, files: 5, fields: 100 } });
  await app.register(rateLimit, { global: false });

  const isApi = (request: FastifyRequest) => request.url.startsWith('/api/');

  app.addHook('onSend', async (request, reply, payload) => {
    for (const [name, value] of EVERY_ANSWER_HEADERS) reply.header(name, value);
    if (opts.hsts) reply.header(...HSTS_HEADER);
    // Back-office pages show drafts and personal data, and authenticated API answers may too: no
    // browser or proxy may keep them (docs/security.md). Routes that set their own policy keep it.
    if (!reply.hasHeader('cache-control') && (request.url === '/admin' || request.url.startsWith('/admin/') || request.url.startsWith('/admin?') || (isApi(request) && request.headers.authorization))) {
      reply.header('Cache-Control', 'private, no-store');
    }
    if (String(reply.getHeader('content-type') ?? '').startsWith('text/html')) {
      reply.header('Content-Security-Policy', PAGE_CONTENT_SECURITY_POLICY);
    }
    return payload;
  });

  // A page that moved (a merged catalog node, an old site's address) answers 301 instead of 404.
  const redirectIfMoved = async (request: FastifyRequest, reply: FastifyReply): Promise<boolean> => {
    if (!opts.movedTo || isApi(request) || (request.method !== 'GET' && request.method !== 'HEAD')) return false;
    let moved: MovedAnswer | null = null;
    try {
      moved = await opts.movedTo(request.url);
    } catch (err) {
      request.log.error({ err }, 'redirect lookup failed');
    }
    if (!moved) return false;
    if ('location' in moved) reply.redirect(moved.location, 301);
    else reply.status(404).header('Cache-Control', 'no-store').type('text/html; charset=utf-8').send(await opts.htmlErrorPage(request, 404, moved.notice));
    return true;
  };

  /**
   * A page's address with a slash at its end (typed, or a link in a letter or a chat: /organs/x/items/5/, /search/) answered
   * 404; it leads to the address without it, the query kept. Only GET and HEAD of the pages (the API answers as it does);
   * never to an address that starts with two slashes, which a browser reads as another site.
   */
  const redirectWithoutEndSlash = async (request: FastifyRequest, reply: FastifyReply) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || isApi(request)) return false;
    const at = request.url.indexOf('?');
    const path = at < 0 ? request.url : request.url.slice(0, at);
    const bare = path.replace(/\/+$/, '');
    if (bare === path || !bare || bare.startsWith('//')) return false;
    reply.redirect(bare + (at < 0 ? '' : request.url.slice(at)), 301);
    return true;
  };

  app.setErrorHandler(async (err, request, reply: FastifyReply) => {
    const { status, body } = toApiError(err);
    if (status === 404 && (await redirectIfMoved(request, reply))) return reply;
    if (status >= 500) {
      request.log.error({ err }, 'unhandled error');
      // Never a stack trace to the user; the request id lets the operator find it in the log.
      body.error.message = `${body.error.message}（请求编号 ${request.id}）`;
    }
    if (isApi(request)) return reply.status(status).type('application/json; charset=utf-8').send(body);
    return reply.status(status).type('text/html; charset=utf-8').send(await opts.htmlErrorPage(request, status, body.error.message));
  });

  app.setNotFoundHandler(async (request, reply) => {
    if (await redirectIfMoved(request, reply)) return reply;
    if (await redirectWithoutEndSlash(request, reply)) return reply;
    if (isApi(request)) {
      return reply.status(404).send({ error: { code: 'ERR_NOT_FOUND', message: `接口不存在：${request.method} ${request.url.split('?')[0]}`, reasons: [] } });
    }
    return reply.status(404).type('text/html; charset=utf-8').send(await opts.htmlErrorPage(request, 404, '您访问的页面不存在或已被移除。'));
  });

  for (const [address, css] of Object.entries(STYLESHEETS)) {
    app.get(address, async (_request, reply) => reply.type('text/css; charset=utf-8').header('Cache-Control', 'public, max-age=3600').send(css));
  }
  // The portal's small progressive enhancement (Esc closes the phone's 菜单); the CSP allows no inline script.
  app.get('/assets/portal.js', async (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').header('Cache-Control', 'public, max-age=3600').send(PORTAL_JS),
  );
  // A refused form's error summary takes the focus on load (components.tsx ErrorSummary loads it, staff and public pages alike).
  app.get('/assets/error-summary.js', async (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').header('Cache-Control', 'public, max-age=3600').send(ERROR_SUMMARY_JS),
  );
  // The officer's rich-text editor, bundled on first use (docs/adr/0017); back-office pages load it.
  app.get('/assets/editor.js', async (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').header('Cache-Control', 'public, max-age=3600').send(await editorScript()),
  );
  // The site's icon for browsers' tabs and bookmarks (a page links it; browsers also ask /favicon.ico
  // on their own, which answered 404 on every page). A site with an emblem links that instead.
  const icon = async (_request: FastifyRequest, reply: FastifyReply) => reply.type('image/svg+xml').header('Cache-Control', 'public, max-age=86400').send(FAVICON_SVG);
  app.get('/assets/favicon.svg', icon);
  app.get('/favicon.ico', icon);
  app.get('/healthz', async () => ({ status: 'ok' }));
  return app;
}

/**
 * Request ids: this process's random prefix and a counter — unique among instances sharing a log,
 * and without a call into the random generator per request (it was 3 % of a kept page's time).
 */
const REQUEST_ID_PREFIX = crypto.randomBytes(4).toString('hex');
let requestCount = 0;
export function nextRequestId(): string {
  return `${REQUEST_ID_PREFIX}-${(++requestCount).toString(36)}`;
}
