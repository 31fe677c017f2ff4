/**
 * The platform at a large catalog (issue 18; docs/performance.md "Scale"): N generated items loaded
 * into SQLite and/or PostgreSQL through the bulk path of bench:search and indexed by the real rebuild
 * (`reindex`), then: load time and database size, search latency percentiles, the annual report's time
 * per organ-year, the server's start time and RSS (after start, a few seconds later, after the page
 * runs, after searches, after a crawl of --crawl distinct item pages, and on a restart), and the
 * portal's page ratios against nginx at that size. Prints figures;
 * never asserts a time.
 *
 *   npm run bench:scale -- [--items 100000] [--only sqlite|postgres] [--keep] [--rounds 3] [--seconds 5]
 *                          [--connections 32] [--queries 200] [--crawl 20000] [--threads N] [--no-search-index]
 *   npm run bench:scale -- --only sqlite --reuse /tmp/gongkai-scale-…/data          (a kept data directory)
 *   npm run bench:scale -- --only sqlite --reuse /tmp/gongkai-search-bench-…/bench.sqlite   (one of bench:search --keep)
 *   npm run bench:scale -- --only postgres --reuse gongkai_bench_scale_1234          (a kept PostgreSQL database)
 *
 * --keep keeps the database (1,000,000 items take about an hour to build on a small machine) and
 * prints what to pass to --reuse. PostgreSQL: GONGKAI_BENCH_PG_URL (default
 * postgres://postgres@127.0.0.1:5432/postgres); a database gongkai_bench_scale_<pid> is created and,
 * without --keep, dropped. Needs nginx, wrk and taskset, like bench:portal (bench/portal-load.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import pino from 'pino';
import { sql } from 'kysely';
import { openPostgres, openSqlite, type DatabaseHandle } from '../src/platform/db/connect.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import type { DialectName } from '../src/platform/db/dialect.ts';
import { fixedClock } from '../src/shared/clock.ts';
import { reindex, TOKENIZER_VERSION } from '../src/modules/search/index.ts';
import { loadReportContext } from '../src/modules/reports/index.ts';
import { appealColumns, applicationColumns, ORGANS, organCode, postgresInserter, sqliteInserter, type Columns } from './annual-report-data.ts';
import { benchQueries, loadSearchCorpus, percentile, searchPostgresInserter, timeSearches } from './search-data.ts';
import { choosePages, comparePages, cpuSeconds, idle, machineLine, nginxServing, page, requireTools, rssMb, startServer, type Nginx, type PageRatio, type Server } from './portal-load.ts';

const arg = (name: string) => (process.argv.includes(`--${name}`) ? process.argv[process.argv.indexOf(`--${name}`) + 1] : null);
const ITEMS = Number(arg('items') ?? 100_000);
const only = arg('only');
const reuse = arg('reuse');
const KEEP = process.argv.includes('--keep');
/** Skips the search index (an hour at 1,000,000 items on a small machine): marked built but empty, so the server does not rebuild it at start; no search figures. */
const NO_INDEX = process.argv.includes('--no-search-index');
const QUERIES = Number(arg('queries') ?? 200);
const load = { rounds: Number(arg('rounds') ?? 3), seconds: Number(arg('seconds') ?? 5), connections: Number(arg('connections') ?? 32) };
const PG_ADMIN = process.env.GONGKAI_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const APP_PORT = 37_000 + (process.pid % 1000);
const NGINX_PORT = APP_PORT + 1000;
const YEAR = 2024;
const CRAWL = Number(arg('crawl') ?? 20_000);

if (reuse && !only) {
  console.error('--reuse needs --only sqlite or --only postgres');
  process.exit(1);
}
const tools = requireTools('bench:scale');
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const ms = (t: number) => `${t.toFixed(1)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function dropPostgres(name: string) {
  // pg's pool.end() resolves before its sockets close; let them go before the database does.
  await new Promise((resolve) => setTimeout(resolve, 200));
  const c = new pg.Client({ connectionString: PG_ADMIN });
  await c.connect();
  await c.query(`drop database if exists ${name} with (force)`);
  await c.end();
}

async function sizeOf(dialect: DialectName, handle: DatabaseHandle, file: string | null): Promise<string> {
  if (dialect === 'sqlite') {
    await sql`pragma wal_checkpoint(truncate)`.execute(handle.db);
    return mb(fs.statSync(file!).size);
  }
  const r = await sql<{ all: string; pubs: string }>`select pg_database_size(current_database()) as all, pg_total_relation_size('publications') as pubs`.execute(handle.db);
  return `${mb(Number(r.rows[0].all))} (publications with indexes ${mb(Number(r.rows[0].pubs))})`;
}

/** Applications (a tenth of the items' number) and appeals, so that an organ-year's report has cases to count. */
async function loadApplications(insert: (table: string, cols: Columns) => Promise<void>, count: number) {
  const ids = Array.from({ length: ORGANS }, (_, i) => i + 1);
  for (let from = 0; from < count; from += 20_000) await insert('applications', applicationColumns(ids, from, Math.min(20_000, count - from)));
  await insert('appeals', appealColumns(ids, Math.floor(count / 30)));
}

type Prepared = { handle: DatabaseHandle; dataDir: string; databaseUrl?: string; file: string | null; items: number; drop: () => Promise<void>; keepHint: string };

/** A new database loaded and indexed, or the one --reuse names. */
async function prepare(dialect: DialectName, work: string): Promise<Prepared> {
  const dataDir = path.join(work, 'data');
  fs.mkdirSync(dataDir, { recursive: true });
  const count = async (handle: DatabaseHandle) => Number((await handle.db.selectFrom('publications').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const indexBuild = async (handle: DatabaseHandle) => {
    if (NO_INDEX) {
      await sql`insert into search_state (id, tokenizer_version, rebuilt_at) values (1, ${TOKENIZER_VERSION}, ${new Date().toISOString()})`.execute(handle.db);
      console.log('  search index skipped (--no-search-index): marked built, left empty');
      // Statistics as after an index build: a PostgreSQL without autovacuum would otherwise plan from defaults.
      if (handle.dialect === 'postgres') await sql`vacuum analyze`.execute(handle.db);
      return 0;
    }
    const deps = { db: handle.db, dialect, clock: fixedClock('2026-06-01T02:00:00Z'), dataDir, logger: pino({ level: 'silent' }) };
    let shown = 0;
    const t0 = performance.now();
    await reindex(deps, { threads: arg('threads') ? Number(arg('threads')) : undefined, onProgress: (done, total) => { if (done / total >= shown / 10) { shown++; process.stderr.write(`\r  indexing ${done}/${total}`); } } });
    process.stderr.write('\n');
    if (dialect === 'postgres') await sql`vacuum analyze`.execute(handle.db);
    else await sql`pragma optimize`.execute(handle.db);
    return performance.now() - t0;
  };

  if (dialect === 'sqlite') {
    const file = path.join(dataDir, 'gongkai.sqlite');
    if (reuse) {
      const from = path.resolve(reuse);
      if (fs.statSync(from).isDirectory()) {
        const handle = openSqlite(path.join(from, 'gongkai.sqlite'));
        const items = await count(handle);
        await ensureApplications(dialect, handle, path.join(from, 'gongkai.sqlite'));
        console.log(`  reusing ${from} (${items.toLocaleString()} items, index kept); database ${await sizeOf(dialect, handle, path.join(from, 'gongkai.sqlite'))}`);
        return { handle, dataDir: from, file: path.join(from, 'gongkai.sqlite'), items, drop: async () => {}, keepHint: from };
      }
      // A file kept by bench:search: linked into a data directory of its own, as the server expects.
      fs.linkSync(from, file);
      const handle = openSqlite(file);
      const items = await count(handle);
      await ensureApplications(dialect, handle, file);
      console.log(`  reusing ${from} (${items.toLocaleString()} items, index kept); database ${await sizeOf(dialect, handle, file)}`);
      return { handle, dataDir, file, items, drop: async () => {}, keepHint: dataDir };
    }
    const boot = openSqlite(file);
    await migrateToLatest(boot.db, 'sqlite');
    await boot.destroy();
    const t0 = performance.now();
    const ins = sqliteInserter(file);
    await loadSearchCorpus(ins.insert, ITEMS, (done) => process.stderr.write(`\r  loading ${done}/${ITEMS}`));
    process.stderr.write('\n');
    await loadApplications(ins.insert, Math.ceil(ITEMS / 10));
    ins.close();
    const loaded = performance.now() - t0;
    const handle = openSqlite(file);
    console.log(`  generated and inserted in ${s(loaded)}; database ${await sizeOf(dialect, handle, file)}`);
    const built = await indexBuild(handle);
    if (!NO_INDEX) console.log(`  search index built (reindex) in ${s(built)} = ${(ITEMS / (built / 1000)).toFixed(0)} items/s; load time in all ${s(loaded + built)}; database ${await sizeOf(dialect, handle, file)}`);
    return { handle, dataDir, file, items: ITEMS, drop: async () => {}, keepHint: dataDir };
  }

  const name = reuse ?? `gongkai_bench_scale_${process.pid}`;
  const url = PG_ADMIN.replace(/\/[^/]*$/, `/${name}`);
  if (reuse) {
    const handle = openPostgres(url);
    const items = await count(handle);
    await ensureApplications(dialect, handle, null, url);
    console.log(`  reusing the database ${name} (${items.toLocaleString()} items, index kept); size ${await sizeOf(dialect, handle, null)}`);
    return { handle, dataDir, databaseUrl: url, file: null, items, drop: async () => {}, keepHint: name };
  }
  const admin = new pg.Client({ connectionString: PG_ADMIN });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const handle = openPostgres(url);
  await migrateToLatest(handle.db, 'postgres');
  const t0 = performance.now();
  const ins = searchPostgresInserter(url);
  await loadSearchCorpus(ins.insert, ITEMS, (done) => process.stderr.write(`\r  loading ${done}/${ITEMS}`));
  process.stderr.write('\n');
  await ins.close();
  const apps = postgresInserter(url);
  await loadApplications(apps.insert, Math.ceil(ITEMS / 10));
  await apps.close();
  const loaded = performance.now() - t0;
  console.log(`  generated and inserted in ${s(loaded)}; database ${await sizeOf(dialect, handle, null)}`);
  const built = await indexBuild(handle);
  if (!NO_INDEX) console.log(`  search index built (reindex) in ${s(built)} = ${(ITEMS / (built / 1000)).toFixed(0)} items/s; load time in all ${s(loaded + built)}; database ${await sizeOf(dialect, handle, null)}`);
  return { handle, dataDir, databaseUrl: url, file: null, items: ITEMS, drop: () => dropPostgres(name), keepHint: name };
}

/** A database of bench:search has no applications: add them once, so the annual report has cases to count. */
async function ensureApplications(dialect: DialectName, handle: DatabaseHandle, file: string | null, url?: string) {
  const n = Number((await handle.db.selectFrom('applications').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  if (n > 0) return;
  const items = Number((await handle.db.selectFrom('publications').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const ins = dialect === 'sqlite' ? sqliteInserter(file!) : postgresInserter(url!);
  await loadApplications(ins.insert, Math.ceil(items / 10));
  await ins.close();
}

/** The annual report's computation (what the staff page computes) for several organ-years: first run and the median of the rest. */
async function annualReports(dialect: DialectName, p: Prepared) {
  const deps = { db: p.handle.db, dialect, clock: fixedClock('2025-01-20T02:00:00Z'), dataDir: p.dataDir, logger: pino({ level: 'silent' }) };
  const times: number[] = [];
  let first = 0;
  let published = 0;
  for (const [i, organ] of [100, 1, 57, 142, 199].entries()) {
    for (const year of [YEAR, YEAR - 3]) {
      const t0 = performance.now();
      const ctx = await loadReportContext(deps, p.handle.db, organCode(organ), year);
      const t = performance.now() - t0;
      if (i === 0 && year === YEAR) {
        first = t;
        published = Object.values(ctx.report.figures.stages).reduce((a, b) => a + b, 0);
      } else times.push(t);
    }
  }
  console.log(`  annual report per organ-year (${organCode(100)} ${YEAR}: ${published} items published that year): first ${ms(first)}, then median ${ms(median(times))}, max ${ms(Math.max(...times))} over ${times.length} more organ-years`);
}

async function searches(dialect: DialectName, p: Prepared) {
  const deps = { db: p.handle.db, dialect, clock: fixedClock('2026-06-01T02:00:00Z'), dataDir: p.dataDir, logger: pino({ level: 'silent' }) };
  const r = await timeSearches(deps, QUERIES);
  const line = (label: string, xs: number[]) => console.log(`    ${label.padEnd(18)} n=${String(xs.length).padStart(4)}  p50 ${ms(percentile(xs, 50)).padStart(9)}  p95 ${ms(percentile(xs, 95)).padStart(9)}  p99 ${ms(percentile(xs, 99)).padStart(9)}`);
  console.log(`  search (the portal's, with facets and a page of 20; mean ${r.meanMatches.toFixed(0)} matches):`);
  line('relevance', r.relevance);
  line('newest first', r.newest);
  line('all', r.all);
}

/**
 * Searches through the portal page (the first loads the tokenizer's dictionary), distinct ones, then
 * the same again, which the server answers from the results it keeps (search-cache.ts): time of each
 * and RSS after.
 */
async function searchPages(server: Server) {
  const urls = [...new Set(benchQueries(40, ORGANS).map((q) => `${server.url}/search?q=${encodeURIComponent(q.q)}${q.sort === 'newest' ? '&sort=newest' : ''}`))];
  const timed = async () => {
    const times: number[] = [];
    for (const url of urls) {
      const t0 = performance.now();
      await page(url);
      times.push(performance.now() - t0);
    }
    return times;
  };
  const first = await timed();
  const again = await timed();
  console.log(`  ${urls.length} distinct searches through /search: first ${ms(first[0])}, then p50 ${ms(percentile(first.slice(1), 50))}, p95 ${ms(percentile(first.slice(1), 95))}; the same again (kept results) p50 ${ms(percentile(again, 50))}, p95 ${ms(percentile(again, 95))}; server RSS after: ${rssMb(server.pid).toFixed(0)} MB`);
}

/**
 * A crawler's visit: CRAWL distinct item pages (spread over the id range, 8 at a time), each
 * rendered once and kept by the page cache (bounded by its size), then the RSS. The corpus puts item
 * n under organ (n - 1) mod ORGANS, whose code is organCode of that index.
 */
async function crawl(server: Server, items: number) {
  const n = Math.min(CRAWL, items);
  if (!n) return;
  const ids = Array.from({ length: n }, (_, i) => 1 + Math.floor((i * items) / n));
  const t0 = performance.now();
  let next = 0;
  let failed = 0;
  await Promise.all(Array.from({ length: 8 }, async () => {
    while (next < ids.length) {
      const id = ids[next++];
      // A kept-alive connection the server has just closed fails once; the page is asked again.
      for (let attempt = 1; ; attempt++) {
        try {
          await page(`${server.url}/organs/${organCode((id - 1) % ORGANS)}/items/${id}`);
          break;
        } catch (e) {
          failed++;
          if (attempt === 3) throw e;
        }
      }
    }
  }));
  const t = performance.now() - t0;
  console.log(`  a crawl of ${n.toLocaleString()} distinct item pages: ${s(t)} (${(n / (t / 1000)).toFixed(0)} pages/s${failed ? `, ${failed} requests failed and were repeated` : ''}); server RSS after: ${rssMb(server.pid).toFixed(0)} MB`);
}

/** RSS and CPU of the server over a few idle seconds after it answered: background work started at start-up shows here. */
async function settle(server: Server, seconds: number) {
  const cpu0 = cpuSeconds(server.pid);
  await new Promise((r) => setTimeout(r, seconds * 1000));
  return { rss: rssMb(server.pid), cpu: cpuSeconds(server.pid) - cpu0 };
}

async function run(dialect: DialectName) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), `gongkai-scale-${dialect}-`));
  fs.chmodSync(work, 0o755);
  console.log(`\n== ${dialect}: ${reuse ? 'reused database' : `${ITEMS.toLocaleString()} items`}, ${ORGANS} organs (work directory ${work}) ==`);
  const p = await prepare(dialect, work);
  let server: Server | null = null;
  let nginx: Nginx | null = null;
  let open = true;
  try {
    if (!NO_INDEX) await searches(dialect, p);
    await annualReports(dialect, p);
    await p.handle.destroy();
    open = false;

    const logFile = path.join(work, 'server.log');
    server = await startServer(tools, { dataDir: p.dataDir, databaseUrl: p.databaseUrl, port: APP_PORT, logFile });
    const startRss = rssMb(server.pid);
    const later = await settle(server, 5);
    console.log(`  server, ${reuse ? "start on the reused database" : "first start on this database (creates admin)"}: answered /healthz after ${server.startSeconds.toFixed(1)} s; RSS ${startRss.toFixed(0)} MB, 5 s later ${later.rss.toFixed(0)} MB (${later.cpu.toFixed(1)} CPU-s used meanwhile)`);
    // The first start of a China date runs the nightly site inspection in the background (over every
    // item); the page runs wait until it is done, so they measure pages and not the inspection.
    const waited = await idle(server, p.databaseUrl);
    if (waited.seconds > 3) console.log(`  waited ${waited.seconds.toFixed(0)} s for the server's start-up jobs to finish (the nightly inspection on a day's first start); RSS at most ${waited.peakRss.toFixed(0)} MB meanwhile, ${rssMb(server.pid).toFixed(0)} MB then`);
    const pages = await choosePages(server.url);
    nginx = await nginxServing(tools, work, server.url, pages, NGINX_PORT);
    console.log(`  ${machineLine(nginx.version, load)}`);
    for (const pt of pages) console.log(`    ${pt.name}: ${pt.path} (${fs.statSync(path.join(work, 'www', pt.file)).size} bytes)`);
    const ratios: PageRatio[] = comparePages(tools, server, nginx, work, pages, load);
    console.log(`  server RSS after the page runs: ${rssMb(server.pid).toFixed(0)} MB`);
    if (!NO_INDEX) await searchPages(server);
    await crawl(server, p.items);
    nginx.stop();
    nginx = null;
    await server.stop();

    // A restart: what an operator sees every time after the first.
    server = await startServer(tools, { dataDir: p.dataDir, databaseUrl: p.databaseUrl, port: APP_PORT, logFile });
    const rss2 = rssMb(server.pid);
    const later2 = await settle(server, 5);
    console.log(`  server restart: answered /healthz after ${server.startSeconds.toFixed(1)} s; RSS ${rss2.toFixed(0)} MB, 5 s later ${later2.rss.toFixed(0)} MB (${later2.cpu.toFixed(1)} CPU-s used meanwhile)`);
    await server.stop();
    server = null;
    console.log(`  summary (${dialect}, ${p.items.toLocaleString()} items): ${ratios.map((r) => `${r.name} ${r.ratio.toFixed(2)} (per CPU ${r.ratioPerCpu.toFixed(2)})`).join(', ')}`);
  } finally {
    nginx?.stop();
    await server?.stop();
    if (open) await p.handle.destroy();
    if (KEEP || reuse) {
      console.log(`  kept the database: --only ${dialect} --reuse ${p.keepHint}`);
      if (reuse) console.log(`  server log: ${path.join(work, 'server.log')}`); // the data directory is a hard link at most: the reused file stays
      else for (const f of fs.readdirSync(work)) if (f !== 'data' && f !== 'server.log') fs.rmSync(path.join(work, f), { recursive: true, force: true });
    } else {
      await p.drop();
      fs.rmSync(work, { recursive: true, force: true });
    }
  }
}

console.log(`scale benchmark — ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM, Node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
for (const d of ['sqlite', 'postgres'] as const) if (!only || only === d) await run(d);
