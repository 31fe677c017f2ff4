import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { nextRequestId } from './http-server.ts';
import type { ContentVersion } from '../db/content-version.ts';
import { prefsFromCookies } from '../views/prefs.ts';

/**
 * Rendered public pages kept in this process's memory (issue 18; docs/adr/0021-rendered-page-cache.md).
 *
 * A page is kept under its address with its query and the reader's preferences (字号, 适老化), tagged
 * with the content version read at the start of the request that rendered it. Every request of a
 * cacheable page reads the version (one row by its key) and serves the kept bytes when the version
 * is the same; a change anywhere a public page can show raises the version in the change's own
 * transaction, on whichever instance made it, so no instance serves a page older than the last
 * committed change. Never kept: requests of signed-in staff (they may see more), pages that set a
 * cookie or their own Cache-Control (forms, receipts), any status but 200, any route not listed.
 *
 * One part of a page may stay live (an item's view count): the route renders a marker in its place
 * (`livePart`) and the cache calls the part's function again for every answer with a body — never for a 304,
 * which shows the reader the page their browser has (so an item's 304 counts no view).
 */

/** What a live part may read of the request: Fastify's request on a miss, Node's on the front door. */
/** What a live part may read of the request: Fastify's or, at the front door, Node's (both have these). */
type LiveRequest = { method?: string; headers: IncomingHttpHeaders };
type LivePart = { marker: string; render: (request: LiveRequest) => string };

type Entry = {
  version: number;
  /** The page's bytes, or its bytes before and after the live part. */
  parts: [Buffer] | [Buffer, Buffer];
  live: LivePart['render'] | null;
  etag: string;
  lastModified: string;
  lastModifiedSeconds: number;
  /**
   * Every header the full answer had (security headers included), replayed on a hit: name, value,
   * name, value … — Node writes a flat list about a third faster than an object of the same headers.
   */
  headers: string[];
  bytes: number;
};

declare module 'fastify' {
  interface FastifyRequest {
    /** The content version this request reads, once (see PageCache.versionFor). */
    contentVersion: Promise<ContentVersion> | null;
    /** Set when this request's page may be kept: its key in the cache. */
    pageCacheKey: string | null;
    pageLive: LivePart | null;
  }
}

export type PageCacheOptions = {
  readVersion: () => Promise<ContentVersion>;
  /** The version at once where that is safe (SQLite, connection idle), else null (content-version.ts, contentVersionNow). */
  readVersionNow?: () => ContentVersion | null;
  /** The route addresses (as registered, e.g. `/organs/:code`) whose pages may be kept. */
  routes: Iterable<string>;
  /** True for a request that must never be served from or kept in the cache (a signed-in person); reads only headers. */
  personal: (request: { headers: IncomingHttpHeaders }) => boolean;
  /**
   * Memory for kept pages; the least recently used go first. Default 32 MB — some 4,000 item pages,
   * far more than a burst's few hot pages, and a bounded share of the server's 300 MB (issue 18).
   */
  maxBytes?: number;
};

export const PAGE_CACHE_CONTROL = 'public, no-cache';

let markers = 0;

/**
 * Renders a live part of a page: on a page the cache may keep, a marker the cache replaces by
 * `render(request)` on every answer; elsewhere `render(request)` at once.
 */
export function livePart(request: FastifyRequest, render: (request: LiveRequest) => string): string {
  if (!request.pageCacheKey) return render(request);
  const marker = `\u{E000}live-${++markers}\u{E000}`;
  request.pageLive = { marker, render };
  return marker;
}

export class PageCache {
  private entries = new Map<string, Entry>();
  /**
   * The front door's way to a kept page without Fastify (ADR 0024): the request's raw address and the
   * headers the key and the personal check are made of, as Fastify's requests carried them, mapped to
   * the key Fastify computed for them. Learnt from requests Fastify answered; dropped with the pages.
   */
  private aliases = new Map<string, string>();
  private bytes = 0;
  private version = -1;
  private inflight: Promise<ContentVersion> | null = null;
  private queued: Promise<ContentVersion> | null = null;
  readonly routes: Set<string>;
  private readonly maxBytes: number;

  constructor(private readonly opts: PageCacheOptions) {
    this.routes = new Set(opts.routes);
    this.maxBytes = opts.maxBytes ?? 32 * 1024 * 1024;
  }

  /** How many pages are kept and their size, for tests and /readyz-like reports. */
  stats() {
    return { pages: this.entries.size, bytes: this.bytes, version: this.version };
  }

  /** The content version for this request, read once per request and never before it arrived. */
  versionFor(request: FastifyRequest): Promise<ContentVersion> {
    if (!request.contentVersion) request.contentVersion = this.readVersion();
    return request.contentVersion;
  }

  /**
   * Concurrent requests share reads: a request arriving while a read is under way waits for the
   * next read, which starts when that one ends (a read that began before the request might miss a
   * change committed just before it), so under load one read answers many requests.
   */
  private readVersion(): Promise<ContentVersion> {
    if (!this.inflight) return this.startRead();
    if (!this.queued) {
      this.queued = this.inflight.then(noop, noop).then(() => {
        this.queued = null;
        return this.startRead();
      });
    }
    return this.queued;
  }

  private startRead(): Promise<ContentVersion> {
    const read = this.opts.readVersion().then((v) => this.observe(v));
    this.inflight = read;
    read.then(noop, noop).then(() => { if (this.inflight === read) this.inflight = null; });
    return read;
  }

  /** A version just read: a new one drops every kept page. */
  private observe(v: ContentVersion): ContentVersion {
    if (v.version !== this.version) this.clear(v.version);
    return v;
  }

  private clear(version: number) {
    this.entries.clear();
    this.aliases.clear();
    this.bytes = 0;
    this.version = version;
  }

  keyOf(request: FastifyRequest): string {
    const prefs = prefsFromCookies(request.cookies ?? {});
    // The host too: without GONGKAI_PUBLIC_URL a page's own address (the item's QR code) is built from it.
    return `${prefs.fontSize}${prefs.elder ? 1 : 0} ${request.protocol}://${request.host}${request.url}`;
  }

  lookup(key: string, version: number): Entry | null {
    const e = this.entries.get(key);
    if (!e || e.version !== version) return null;
    // Most recently used last.
    this.entries.delete(key);
    this.entries.set(key, e);
    return e;
  }

  /** Remembers that requests with these raw headers have this key (a bounded map: a flood of odd cookies only empties it). */
  private learn(request: FastifyRequest, key: string) {
    if (this.aliases.size >= MAX_ALIASES) this.aliases.clear();
    this.aliases.set(rawKeyOf(request.raw), key);
  }

  /**
   * The front door (ADR 0024): a GET or HEAD whose raw headers Fastify already answered from a kept page
   * is answered here, with the same bytes, headers, validators and live part, before Fastify parses,
   * routes or runs any hook; anything else — a personal request, an unknown address, a moved version —
   * resolves false and goes to Fastify as before.
   */
  serveRaw(req: IncomingMessage, res: ServerResponse, log: ((line: Record<string, unknown>) => void) | null): boolean | Promise<boolean> {
    if (this.opts.personal(req)) return false;
    const key = this.aliases.get(rawKeyOf(req));
    if (key === undefined) return false;
    const started = performance.now();
    const serve = (version: number) => {
      const hit = this.lookup(key, version);
      if (!hit) return false;
      const reqId = nextRequestId();
      answer(req, res, hit, reqId);
      // The access line Fastify writes (http-server.ts), marked as answered here.
      if (log) log({ reqId, method: req.method, url: (req.url ?? '').split('?')[0], status: res.statusCode, ms: Math.round(performance.now() - started), frontDoor: true });
      return true;
    };
    // On SQLite the version is read at once (no promise, no turn of the event loop); else as Fastify's requests read it.
    const now = this.opts.readVersionNow?.();
    if (now) return serve(this.observe(now).version);
    return this.readVersion().then((v) => serve(v.version));
  }

  store(key: string, entry: Entry) {
    if (entry.version !== this.version || entry.bytes > this.maxBytes / 4) return;
    const old = this.entries.get(key);
    if (old) {
      this.bytes -= old.bytes;
      this.entries.delete(key);
    }
    this.entries.set(key, entry);
    this.bytes += entry.bytes;
    for (const [k, e] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= e.bytes;
    }
  }

  /** Wires the cache onto the server: answers kept pages before any other work, keeps new ones. */
  register(app: FastifyInstance) {
    // A server made by createHttpServer has a front door (a bare Fastify in a test has not).
    if (app.hasDecorator('setFrontDoor')) {
      const log = (line: Record<string, unknown>) => app.log.info(line, 'access');
      // Without access lines (LOG_LEVEL=warn) not even the line's object is made.
      app.setFrontDoor((req, res) => this.serveRaw(req, res, (app.log as unknown as { isLevelEnabled(level: string): boolean }).isLevelEnabled('info') ? log : null));
    }
    app.decorateRequest('contentVersion', null);
    app.decorateRequest('pageCacheKey', null);
    app.decorateRequest('pageLive', null);

    app.addHook('onRequest', async (request, reply) => {
      // HEAD is answered as its GET without the body (RFC 9110 §9.3.2): same validators, same 304s.
      if ((request.method !== 'GET' && request.method !== 'HEAD') || !this.routes.has(request.routeOptions.url ?? '') || this.opts.personal(request)) return;
      const { version } = await this.versionFor(request);
      const key = this.keyOf(request);
      const hit = this.lookup(key, version);
      if (!hit) {
        request.pageCacheKey = key;
        return;
      }
      // A hit is written straight to the socket with the headers the full answer had: it skips the
      // later hooks and the serializer (the access log still runs, on the response's end).
      this.learn(request, key);
      reply.hijack();
      answer(request.raw, reply.raw, hit, request.id);
    });

    app.addHook('onSend', async (request, reply, payload) => {
      const live = request.pageLive;
      if (typeof payload !== 'string' || (!live && !request.pageCacheKey)) return payload;
      const key = request.pageCacheKey;
      const type = String(reply.getHeader('content-type') ?? '');
      if (key && reply.statusCode === 200 && type.startsWith('text/html') && !reply.hasHeader('set-cookie') && !reply.hasHeader('cache-control')) {
        const { version, changedAt } = await request.contentVersion!;
        const split = live ? payload.split(live.marker) : [payload];
        if (split.length <= 2) {
          const parts = split.map((s) => Buffer.from(s)) as Entry['parts'];
          const modified = new Date(changedAt);
          setHeaders(reply, { etag: '', lastModified: '' } as Entry);
          const headers = Object.entries(reply.getHeaders())
            .filter(([k, v]) => v !== undefined && !['content-length', 'x-request-id', 'set-cookie', 'etag', 'last-modified'].includes(k))
            .flatMap(([k, v]) => [v!].flat().flatMap((one) => [k, String(one)]));
          const entry: Entry = {
            version, parts, live: split.length === 2 ? live!.render : null,
            etag: `W/"${createHash('sha1').update(split.join('\u{E000}')).digest('base64url')}"`,
            lastModified: modified.toUTCString(), lastModifiedSeconds: Math.floor(modified.getTime() / 1000), headers,
            bytes: parts.reduce((n, b) => n + b.length, 0) + key.length + 200,
          };
          entry.headers.push('etag', entry.etag, 'last-modified', entry.lastModified);
          this.store(key, entry);
          if (this.entries.get(key) === entry) this.learn(request, key);
          setHeaders(reply, entry);
          // A 304 has no body: its live part is never rendered (an item's 304 is no view, domain/view-count-rule.ts).
          if (notModified(request.headers, entry)) {
            reply.code(304);
            return '';
          }
          return entry.parts.length === 1 ? entry.parts[0] : Buffer.concat([entry.parts[0], Buffer.from(entry.live!(request)), entry.parts[1]]);
        }
      }
      return live && payload.includes(live.marker) ? payload.split(live.marker).join(live.render(request)) : payload;
    });
  }
}

/** Writes a kept page (or its 304) to Node's response: the live part rendered for this request, the headers the full answer had. */
function answer(req: IncomingMessage, res: ServerResponse, hit: Entry, reqId: string) {
  // A 304 has no body: its live part is never rendered (an item's 304 is no view, domain/view-count-rule.ts).
  if (notModified(req.headers, hit)) {
    res.writeHead(304, [...hit.headers, 'x-request-id', reqId]);
    res.end();
    return;
  }
  const live = hit.live ? hit.live(req) : null;
  if (hit.parts.length === 1) {
    res.writeHead(200, [...hit.headers, 'x-request-id', reqId, 'content-length', String(hit.parts[0].length)]);
    res.end(req.method === 'HEAD' ? undefined : hit.parts[0]);
    return;
  }
  // The page around its live part in three writes of one turn (Node sends them together), not copied into one buffer.
  const [before, after] = hit.parts;
  res.writeHead(200, [...hit.headers, 'x-request-id', reqId, 'content-length', String(before.length + Buffer.byteLength(live!) + after.length)]);
  if (req.method === 'HEAD') return void res.end();
  res.write(before);
  res.write(live!);
  res.end(after);
}

const MAX_ALIASES = 20_000;

/**
 * What a page's key and the personal check are made of, as Node received them: the address and the
 * Host, X-Forwarded-Host, X-Forwarded-Proto (Fastify reads the host and scheme from them, depending on
 * trustProxy, which is fixed for a server) and Cookie headers (the preferences; a session). Two
 * requests with the same raw key have the same page key, so the key Fastify computed for one serves
 * the other.
 */
function rawKeyOf(req: IncomingMessage): string {
  const h = req.headers;
  return `${req.url}\n${h.host ?? ''}\n${h['x-forwarded-host'] ?? ''}\n${h['x-forwarded-proto'] ?? ''}\n${h.cookie ?? ''}`;
}

function setHeaders(reply: FastifyReply, e: Entry) {
  reply.header('content-type', 'text/html; charset=utf-8');
  reply.header('cache-control', PAGE_CACHE_CONTROL);
  // The font size and 适老化 cookies change the page.
  reply.header('vary', 'Cookie');
  reply.header('etag', e.etag);
  reply.header('last-modified', e.lastModified);
}

/** RFC 9110 §13.1: If-None-Match decides when present (weak comparison), else If-Modified-Since. */
function notModified(headers: IncomingHttpHeaders, e: Entry): boolean {
  const inm = headers['if-none-match'];
  if (inm !== undefined) {
    const weak = (t: string) => t.trim().replace(/^W\//, '');
    const mine = weak(e.etag);
    return inm.split(',').some((t) => t.trim() === '*' || weak(t) === mine);
  }
  const ims = headers['if-modified-since'];
  if (ims === undefined) return false;
  const since = Date.parse(ims);
  return Number.isFinite(since) && e.lastModifiedSeconds <= Math.floor(since / 1000);
}

function noop() {}
