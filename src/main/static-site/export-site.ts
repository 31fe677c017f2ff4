import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/app-deps.ts';
import { ViewCounter, listRedirects, organByCode, type RedirectEntry } from '../../modules/catalog/index.ts';
import { DomainError } from '../../shared/domain-error.ts';
import { progressReporter } from '../../platform/cli/progress-bar.ts';
import { buildApp } from '../build-app.ts';
import { fileForUrl, isHtml, relativeLink } from './site-paths.ts';
import { linksIn, rewriteHtml } from './rewrite-html.ts';
import { EXPORT_MANIFEST, readManifest, removeStale, writeIfChanged, writeManifest, type ExportManifest } from './export-manifest.ts';
import { UNAVAILABLE_FILE, unavailablePage, formNotice } from './unavailable-page.ts';
import {
  NETLIFY_REDIRECTS_FILE, NGINX_MAP_FILE, NGINX_SERVER_FILE, netlifyRedirects, nginxMap, nginxServer, redirectPage as movedPage, redirectPageFile, type CopyRedirect,
} from './redirect-files.ts';
import { NETLIFY_HEADERS_FILE, NGINX_HEADERS_FILE, copyHeaders, netlifyHeaders, nginxHeaders } from './header-files.ts';

export type ExportSiteOptions = {
  dir: string;
  /** Only this organ's pages (and the files they use); without it the whole region. */
  organCode?: string | null;
  /** The live site (GONGKAI_PUBLIC_URL): forms, search and reading preferences lead there. */
  publicUrl: string | null;
  progress?: (line: string) => void;
  now: Date;
};

export type ExportSiteResult = {
  files: number; pages: number; written: number; unchanged: number; removed: number; writtenFiles: string[]; removedFiles: string[];
  /** Old addresses the copy answers (docs/static-site.md "Redirects"), and of those how many by a page of their own. */
  redirects: number; redirectPages: number;
};

/**
 * What only the live server can do (a form, a search, a cookie): never copied. Links to these lead to
 * the live site when GONGKAI_PUBLIC_URL is set, otherwise to a page of the copy that says so.
 */
const DYNAMIC = [
  /^\/search$/, /^\/prefs$/, /^\/admin(\/|$)/, /^\/api(\/|$)/, /^\/healthz$/, /^\/readyz$/,
  /^\/organs\/[^/]+\/apply(\/|$)/, /^\/organs\/[^/]+\/applications$/, /^\/applications\//,
  /^\/organs\/[^/]+\/letters\/(new|submitted)(\/|$)/, /^\/letters\//,
];
const isDynamic = (pathname: string) => DYNAMIC.some((re) => re.test(pathname));

const INJECT_ORIGIN = 'http://localhost';
const CONCURRENCY = 4;

/** A static export is not a reader: its requests count no views (the copy shows no view counter). */
class UncountedViews extends ViewCounter {
  override count(): number {
    return 0;
  }
}

type Fetched =
  | { kind: 'file'; contentType: string; file: string; staged: string | null; body: Buffer | null }
  | { kind: 'alias'; target: string }
  | { kind: 'absent' };

/**
 * Writes every public page, attachment, asset, the sitemap and the feeds into `dir` as plain files
 * (docs/static-site.md, ADR 0015). Pages are rendered by the application itself (Fastify inject), so
 * the copy holds what the server sends; then their links are rewritten to the copy's files.
 */
export async function exportSite(deps: AppDeps, opts: ExportSiteOptions): Promise<ExportSiteResult> {
  const dir = path.resolve(opts.dir);
  const previous = readManifest(dir);
  const organ = opts.organCode ? await organByCode(deps.db, opts.organCode) : null;
  // The old addresses that lead into the copy: their targets are rendered too, found by link or not.
  const redirects = await listRedirects(deps.db, organ ? { toPrefix: `/organs/${organ.code}` } : {});
  const runtime: Parameters<typeof buildApp>[2] = { viewCounter: new UncountedViews(deps.db, deps.logger) };
  const app = await buildApp(deps, { publicUrl: opts.publicUrl }, runtime);
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-export-'));
  try {
    const fetched = await crawl(app, organ ? `/organs/${organ.code}` : null, opts, staging, redirects.map((r) => r.toPath));
    return await writeCopy(dir, fetched, previous, opts, organ?.code ?? null, redirects);
  } finally {
    await app.close();
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** The address of a link within the portal (path and query), or null for another site, a fragment, mail or phone. */
function internalAddress(value: string, fromUrl: string, publicUrl: string | null): { address: string; hash: string } | null {
  if (/^(#|mailto:|tel:|javascript:|data:)/i.test(value.trim())) return null;
  let u: URL;
  try {
    u = new URL(value, INJECT_ORIGIN + fromUrl);
  } catch {
    return null;
  }
  const own = u.origin === INJECT_ORIGIN || (publicUrl !== null && u.origin === new URL(publicUrl).origin);
  if (!own || !/^https?:$/.test(u.protocol)) return null;
  return { address: u.pathname + u.search, hash: u.hash };
}

async function crawl(app: FastifyInstance, organPrefix: string | null, opts: ExportSiteOptions, staging: string, extraSeeds: string[]): Promise<Map<string, Fetched>> {
  const inScope = (pathname: string) =>
    !isDynamic(pathname) &&
    (organPrefix === null || pathname === organPrefix || pathname.startsWith(`${organPrefix}/`) || /^\/(attachments|assets|site\/emblem)\//.test(pathname));
  const fetched = new Map<string, Fetched>();
  const queue: string[] = [];
  const queued = new Set<string>();
  const enqueue = (address: string) => {
    if (queued.has(address) || !inScope(new URL(address, INJECT_ORIGIN).pathname)) return;
    queued.add(address);
    queue.push(address);
  };
  for (const seed of organPrefix ? [organPrefix] : ['/', '/organs', '/sitemap.xml', '/robots.txt']) enqueue(seed);
  for (const seed of extraSeeds) enqueue(seed);
  let done = 0;
  let staged = 0;
  const fetchOne = async (address: string) => {
    const res = await app.inject({ method: 'GET', url: address });
    const contentType = String(res.headers['content-type'] ?? 'application/octet-stream');
    if (res.statusCode >= 300 && res.statusCode < 400 && res.headers.location) {
      const target = internalAddress(String(res.headers.location), address, opts.publicUrl);
      if (target) {
        fetched.set(address, { kind: 'alias', target: target.address });
        enqueue(target.address);
      } else fetched.set(address, { kind: 'absent' });
      return;
    }
    // A failing server must not make the copy drop pages: stop before anything is written.
    if (res.statusCode >= 500) throw new DomainError('ERR_EXPORT_PAGE_FAILED', `导出已中止，静态副本未做改动：${address} 返回 ${res.statusCode}，请查看服务日志`);
    // 410: a withdrawn item keeps its page, which says so (a static server cannot send the status).
    if (res.statusCode !== 200 && !(res.statusCode === 410 && isHtml(contentType))) {
      fetched.set(address, { kind: 'absent' });
      return;
    }
    const file = fileForUrl(address, contentType);
    if (isHtml(contentType)) {
      const stagedPath = path.join(staging, `${staged++}.html`);
      fs.writeFileSync(stagedPath, res.body);
      fetched.set(address, { kind: 'file', contentType, file, staged: stagedPath, body: null });
      for (const ref of linksIn(res.body)) {
        if (ref.tag === 'form') continue;
        const link = internalAddress(ref.value, address, opts.publicUrl);
        if (!link) continue;
        enqueue(link.address);
        // A page announces one format of its feed; the copy offers both, as the server does.
        const feed = /^(.*\/feed)\.(atom|rss)$/.exec(link.address);
        if (feed) enqueue(`${feed[1]}.${feed[2] === 'atom' ? 'rss' : 'atom'}`);
      }
    } else {
      fetched.set(address, { kind: 'file', contentType, file, staged: null, body: res.rawPayload });
      // The sitemap names every published item: none is left out for want of a link.
      if (/xml/.test(contentType)) for (const m of res.body.matchAll(/<loc>([^<]+)<\/loc>/g)) {
        const link = internalAddress(m[1]!.replace(/&amp;/g, '&'), address, opts.publicUrl);
        if (link) enqueue(link.address);
      }
    }
  };
  const worker = async () => {
    for (let address = queue.shift(); address !== undefined; address = queue.shift()) {
      await fetchOne(address);
      done++;
      if (done % 50 === 0) opts.progress?.(`渲染页面：已取 ${done} 个地址，待取 ${queue.length}    `);
    }
  };
  // Workers stop when the queue is empty; a page still being fetched may add more, so go round again.
  while (queue.length) await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return fetched;
}

async function writeCopy(
  dir: string, fetched: Map<string, Fetched>, previous: ExportManifest['files'], opts: ExportSiteOptions, organCode: string | null, redirects: RedirectEntry[],
): Promise<ExportSiteResult> {
  const fileOf = (address: string, seen = 0): string | null => {
    const f = fetched.get(address);
    if (!f || f.kind === 'absent' || seen > 10) return null;
    return f.kind === 'alias' ? fileOf(f.target, seen + 1) : f.file;
  };
  const live = opts.publicUrl ? opts.publicUrl.replace(/\/+$/, '') : null;
  const current: ExportManifest['files'] = {};
  const writtenFiles: string[] = [];
  let unchanged = 0;
  let pages = 0;
  const titles = new Map<string, string>();
  const put = (rel: string, data: Buffer) => {
    if (current[rel]) return; // two addresses of one file (a query the page ignores): written once
    const r = writeIfChanged(dir, rel, data, previous);
    current[rel] = { sha256: r.sha256, size: r.size };
    if (r.written) writtenFiles.push(rel);
    else unchanged++;
  };
  fs.mkdirSync(dir, { recursive: true });
  const entries = [...fetched].filter((e): e is [string, Extract<Fetched, { kind: 'file' }>] => e[1].kind === 'file');
  let n = 0;
  const report = progressReporter((line) => opts.progress?.(line), '写入静态副本 ');
  for (const [address, f] of entries) {
    report(++n, entries.length);
    if (!f.staged) {
      put(f.file, f.body!);
      continue;
    }
    pages++;
    const html = fs.readFileSync(f.staged, 'utf8');
    // What a redirect page names its target by: the page's heading (its <title> carries the site's name too).
    const heading = /<h1\b[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1]?.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();
    const title = heading || /<title>([^<]*)<\/title>/.exec(html)?.[1]?.trim();
    if (title) titles.set(f.file, title);
    const elsewhere = (address2: string, hash: string) => (live ? `${live}${address2}${hash}` : relativeLink(f.file, UNAVAILABLE_FILE));
    const rewritten = rewriteHtml(html, {
      link: (ref) => {
        const link = internalAddress(ref.value, address, opts.publicUrl);
        if (!link) return null;
        const target = fileOf(link.address);
        return target ? relativeLink(f.file, target, link.hash) : elsewhere(link.address, link.hash);
      },
      postForm: () => formNotice(live ? `${live}${address}` : null),
    })
      // A copy counts no views: the live counter would be frozen at the day of the export.
      .replace(/<span>浏览次数：<span class="view-count">\d+<\/span><\/span>/g, '');
    put(f.file, Buffer.from(rewritten));
  }
  put(UNAVAILABLE_FILE, Buffer.from(unavailablePage()));
  // With --organ the copy is that organ's site: its root opens the organ's home.
  if (organCode && !current['index.html']) {
    const home = fileOf(`/organs/${organCode}`);
    if (home) put('index.html', Buffer.from(redirectPage(home)));
  }
  // The live site's security headers and CSP, for the copy's web server (written before the redirects, which keep clear of them).
  const headers = copyHeaders(opts.publicUrl);
  put(NGINX_HEADERS_FILE, Buffer.from(nginxHeaders(headers)));
  put(NETLIFY_HEADERS_FILE, Buffer.from(netlifyHeaders(headers)));
  const moved = writeRedirects(redirects, fileOf, titles, current, put);
  const removedFiles = removeStale(dir, previous, current);
  writeManifest(dir, { format: 'gongkai-static-site/1', exportedAt: opts.now.toISOString(), organ: organCode, files: current });
  return {
    files: Object.keys(current).length, pages, written: writtenFiles.length, unchanged, removed: removedFiles.length, writtenFiles, removedFiles,
    redirects: moved.listed, redirectPages: moved.pages,
  };
}

/**
 * The old addresses whose target is in the copy: a page at each old path that can be a file, and the
 * lists for nginx and `_redirects`, always written (empty when there is none) so a server's include
 * never breaks. An old path the copy already has a file at is the live site's page, which answers
 * before any redirect there too: left out. Removed old addresses go with the next export's stale files.
 */
function writeRedirects(
  redirects: RedirectEntry[], fileOf: (address: string) => string | null, titles: Map<string, string>, current: ExportManifest['files'], put: (rel: string, data: Buffer) => void,
): { listed: number; pages: number } {
  const reserved = [NETLIFY_REDIRECTS_FILE, NGINX_MAP_FILE, NGINX_SERVER_FILE, NGINX_HEADERS_FILE, NETLIFY_HEADERS_FILE];
  const folders = new Set<string>();
  const addFolders = (rel: string) => {
    for (let d = path.posix.dirname(rel); d !== '.'; d = path.posix.dirname(d)) folders.add(d);
  };
  for (const rel of Object.keys(current)) addFolders(rel);
  // A file where a folder is needed, or a folder where a file is: the two cannot both be in the copy.
  const clashes = (rel: string) => folders.has(rel) || reserved.includes(rel) || [...ancestors(rel)].some((d) => current[d]);
  const livePages = new Set(Object.keys(current));
  const listed: CopyRedirect[] = [];
  let pages = 0;
  for (const r of [...redirects].sort((a, b) => (a.fromPath < b.fromPath ? -1 : a.fromPath > b.fromPath ? 1 : 0))) {
    const targetFile = fileOf(r.toPath);
    // A path the live server answers itself (search, a form) is never redirected there either.
    if (!targetFile || isDynamic(r.fromPath.split('?')[0]!)) continue;
    const pageFile = redirectPageFile(r.fromPath);
    if (pageFile && livePages.has(pageFile)) continue;
    if (pageFile && !current[pageFile] && !clashes(pageFile)) {
      put(pageFile, Buffer.from(movedPage(pageFile, targetFile, titles.get(targetFile) ?? null)));
      addFolders(pageFile);
      pages++;
    }
    listed.push({ fromPath: r.fromPath, targetFile, spellings: r.spellings });
  }
  put(NETLIFY_REDIRECTS_FILE, Buffer.from(netlifyRedirects(listed)));
  put(NGINX_MAP_FILE, Buffer.from(nginxMap(listed)));
  put(NGINX_SERVER_FILE, Buffer.from(nginxServer()));
  return { listed: listed.length, pages };
}

function* ancestors(rel: string) {
  for (let d = path.posix.dirname(rel); d !== '.'; d = path.posix.dirname(d)) yield d;
}

function redirectPage(target: string): string {
  const href = relativeLink('index.html', target);
  return `<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0; url=${href}"><title>政府信息公开</title></head>` +
    `<body><main><p><a href="${href}">进入政府信息公开主页</a></p></main></body></html>\n`;
}

export { EXPORT_MANIFEST };
