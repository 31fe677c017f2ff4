/**
 * Full-text search over a synthetic corpus (bench/search-data.ts), on SQLite and on PostgreSQL:
 * index build time and size, then p50/p95/p99 latency of the search the portal runs (matching,
 * facet counts, ranking, one page of results with snippets) over a few hundred mixed queries, and
 * listings by filters without a word (timed apart, not in ALL), and a LIKE scan over the same data for comparison. Prints figures; never asserts a time.
 *   npm run bench:search -- [--items 100000] [--million] [--queries 300] [--listings 120] [--like 10] [--only sqlite|postgres] [--threads N] [--keep]
 *   npm run bench:search -- --only sqlite --reuse /tmp/…/bench.sqlite   (queries again over a kept database)
 *   npm run bench:search -- --only postgres --reuse gongkai_bench_search_<pid>   (the same on PostgreSQL)
 *   --organ-tags: on SQLite, answer a search within an organ through the organ tags of search_items, as
 *   before migration 068 (to compare with its organ-major rows over the same database)
 * --million is --items 1000000 (hours of indexing on a small shared machine; see docs/performance.md).
 * PostgreSQL: GONGKAI_BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432/postgres); a database
 * gongkai_bench_search_<pid> is created and dropped.
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
import { reindex, searchPublications } from '../src/modules/search/index.ts';
import { ORGANS, sqliteInserter } from './annual-report-data.ts';
import { DEFAULT_TUNING, fullTextIndexFor } from '../src/modules/search/storage/full-text-index.ts';
import { loadSearchCorpus, percentile as pct, searchPostgresInserter, timeListings, timeSearches } from './search-data.ts';

const arg = (name: string) => (process.argv.includes(`--${name}`) ? process.argv[process.argv.indexOf(`--${name}`) + 1] : null);
const ITEMS = process.argv.includes('--million') ? 1_000_000 : Number(arg('items') ?? 100_000);
const QUERIES = Number(arg('queries') ?? 300);
const only = arg('only');
const PG_ADMIN = process.env.GONGKAI_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ms = (t: number) => `${t.toFixed(1)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function sizeOf(dialect: DialectName, handle: DatabaseHandle, file?: string): Promise<string> {
  if (dialect === 'sqlite') {
    await sql`pragma wal_checkpoint(truncate)`.execute(handle.db);
    return mb(fs.statSync(file!).size);
  }
  const r = await sql<{ docs: string; chunks: string; pieces: string; pubs: string }>`select pg_total_relation_size('search_docs') as docs, pg_total_relation_size('search_chunks') as chunks,
    pg_total_relation_size('search_item_pieces') as pieces, pg_total_relation_size('publications') as pubs`.execute(handle.db);
  const row = r.rows[0];
  return `search_chunks (text + 2 tsvectors, with their indexes) ${mb(Number(row.chunks))}, search_item_pieces ${mb(Number(row.pieces))}, search_docs ${mb(Number(row.docs))}, publications ${mb(Number(row.pubs))}`;
}

async function run(dialect: DialectName) {
  // With --reuse the database says how many items it holds (printed once it is open).
  if (!arg('reuse')) console.log(`\n== ${dialect}: ${ITEMS.toLocaleString()} items, ${ORGANS} organs ==`);
  let handle: DatabaseHandle;
  let file: string | undefined;
  let dropPg: (() => Promise<void>) | null = null;
  let t0 = performance.now();
  const reuse = arg('reuse');
  if (dialect === 'sqlite' && reuse) {
    // A database kept by an earlier run (--keep): only the queries are measured again.
    file = reuse;
    handle = openSqlite(file);
  } else if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-search-bench-'));
    file = path.join(dir, 'bench.sqlite');
    const boot = openSqlite(file);
    await migrateToLatest(boot.db, 'sqlite');
    await boot.destroy();
    const ins = sqliteInserter(file);
    await loadSearchCorpus(ins.insert, ITEMS);
    ins.close();
    handle = openSqlite(file);
    dropPg = async () => fs.rmSync(dir, { recursive: true, force: true });
  } else if (reuse) {
    // A database kept by an earlier run (--keep prints its name): only the queries are measured again.
    handle = openPostgres(PG_ADMIN.replace(/\/[^/]*$/, `/${reuse}`));
  } else {
    const name = `gongkai_bench_search_${process.pid}`;
    const admin = new pg.Client({ connectionString: PG_ADMIN });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = PG_ADMIN.replace(/\/[^/]*$/, `/${name}`);
    handle = openPostgres(url);
    await migrateToLatest(handle.db, 'postgres');
    const ins = searchPostgresInserter(url);
    await loadSearchCorpus(ins.insert, ITEMS);
    await ins.close();
    dropPg = async () => {
      const c = new pg.Client({ connectionString: PG_ADMIN });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  }
  if (reuse) {
    const held = await handle.db.selectFrom('search_docs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    console.log(`\n== ${dialect}: reused database, ${Number(held.n).toLocaleString()} items in the index ==`);
  } else console.log(`  generated and loaded in ${((performance.now() - t0) / 1000).toFixed(0)} s; database ${await sizeOf(dialect, handle, file)}`);
  const deps = { db: handle.db, dialect, clock: fixedClock('2026-06-01T02:00:00Z'), dataDir: os.tmpdir(), logger: pino({ level: 'silent' }) };
  try {
    t0 = performance.now();
    let shown = 0;
    if (reuse) console.log('  reusing the index of an earlier run (--reuse)');
    else {
    await reindex(deps, { threads: arg('threads') ? Number(arg('threads')) : undefined, onProgress: (done, total) => { if (done / total >= shown / 10) { shown++; process.stderr.write(`\r  indexing ${done}/${total}`); } } });
    const build = (performance.now() - t0) / 1000;
    process.stderr.write('\n');
    if (dialect === 'postgres') await sql`vacuum analyze`.execute(handle.db);
    else await sql`pragma optimize`.execute(handle.db);
    console.log(`  index build (gongkai reindex, ${arg('threads') ?? os.availableParallelism()} tokenizer threads): ${build.toFixed(0)} s = ${(ITEMS / build).toFixed(0)} items/s; size after: ${await sizeOf(dialect, handle, file)}`);
    }

    const { queries, byKind: times, all, relevance: allRelevance, newest: allNewest, meanMatches } = await timeSearches(deps, QUERIES, process.argv.includes('--organ-tags') ? fullTextIndexFor(dialect, { ...DEFAULT_TUNING, organMajor: false }) : undefined);
    if (process.argv.includes('--organ-tags')) console.log('  within an organ: through the organ tags of search_items (--organ-tags)');
    const line = (label: string, xs: number[], after = '') => console.log(`  ${label.padEnd(26)} n=${String(xs.length).padStart(4)}  p50 ${ms(pct(xs, 50)).padStart(10)}  p95 ${ms(pct(xs, 95)).padStart(10)}  p99 ${ms(pct(xs, 99)).padStart(10)}${after}`);
    console.log(`  search with facet counts and one page of 20 (mean ${meanMatches.toFixed(0)} matches per query):`);
    for (const [kind, xs] of Object.entries(times)) line(kind, xs);
    line('ALL relevance', allRelevance);
    line('ALL newest first', allNewest);
    line('ALL', all);

    // Listings without a word (filters only), timed apart so that the lines above stay comparable with older runs.
    const listings = await timeListings(deps, Number(arg('listings') ?? 120), process.argv.includes('--organ-tags') ? fullTextIndexFor(dialect, { ...DEFAULT_TUNING, organMajor: false }) : undefined);
    console.log('  listing by filters without a word (newest first; the newest 1,001 keys, facets, one page of 20) — not in ALL:');
    for (const [kind, xs] of Object.entries(listings.byKind)) line(kind, xs, `  (mean listed ${listings.meanListed[kind].toFixed(0)})`);
    line('ALL listings', listings.all);

    // What a general CMS does: LIKE over title and body — the newest 20 and the count — for the
    // first single-keyword queries of the mix, against the search of the same words.
    const likeWords = [...new Set(queries.filter((q) => !q.organ && !q.year && !q.q.includes(' ')).map((q) => q.q))].slice(0, Number(arg('like') ?? 10));
    const likeTimes: number[] = [];
    const searchTimes: number[] = [];
    for (const w of likeWords) {
      const s = performance.now();
      const like = (eb: any) => eb.or([eb('title', 'like', `%${w}%`), eb('body_html', 'like', `%${w}%`)]);
      const r = await handle.db.selectFrom('publications').select((eb) => eb.fn.countAll<number>().as('n')).where(like).executeTakeFirstOrThrow();
      await handle.db.selectFrom('publications').select(['id', 'title']).where(like).orderBy('published_on', 'desc').limit(20).execute();
      const likeMs = performance.now() - s;
      const s2 = performance.now();
      const mine = await searchPublications(deps, { q: w, sort: 'relevance', page: 1, pageSize: 20, filters: { scopeOrganId: null } });
      const searchMs = performance.now() - s2;
      likeTimes.push(likeMs);
      searchTimes.push(searchMs);
      console.log(`  LIKE “${w}”: ${Number(r.n)} rows, count + newest 20 in ${ms(likeMs)}; search: ${mine.totalCapped ? `>${mine.total - 1}` : mine.total} in ${ms(searchMs)}`);
    }
    if (likeTimes.length) console.log(`  LIKE p50 ${ms(pct(likeTimes, 50))} vs search p50 ${ms(pct(searchTimes, 50))}: search ${(pct(likeTimes, 50) / pct(searchTimes, 50)).toFixed(0)}× faster (median over ${likeTimes.length} words)`);
  } finally {
    await handle.destroy();
    if (!process.argv.includes('--keep')) await dropPg?.();
    else console.log(`  kept the database (--keep): ${dialect === 'sqlite' ? file : `gongkai_bench_search_${process.pid}`}`);
  }
}

console.log(`search benchmark — ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM, Node ${process.version}`);
for (const d of ['sqlite', 'postgres'] as const) if (!only || only === d) await run(d);
