/**
 * The annual report over a large database, on SQLite and on PostgreSQL: one organ-year's report
 * (tables, checks, drafted text — what the staff page computes) over 1,000,000 publications and
 * 100,000 applications, and the county view over 200 organs. Goals: under 200 ms and under 5 s.
 * Prints figures; never asserts a time. Generation time is printed apart from the measurements.
 *   node --import tsx bench/annual-report-bench.ts [--only sqlite|postgres]
 * PostgreSQL: GONGKAI_BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432/postgres); a
 * database gongkai_bench_<pid> is created and dropped.
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
import { loadCountyView, loadReportContext } from '../src/modules/reports/index.ts';
import { APPLICATIONS, GOVERNMENT_CODE, ORGANS, PUBLICATIONS, loadAll, organCode, postgresInserter, sqliteInserter } from './annual-report-data.ts';

const YEAR = 2024;
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
const ms = (t: number) => `${t.toFixed(1)} ms`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const v = await fn();
  return [performance.now() - t0, v];
}

/** The same measurements without the two indexes 004-reports adds on publications, to show what they are for. */
async function withoutReportIndexes(dialect: DialectName, handle: DatabaseHandle) {
  await sql`drop index publications_organ_doc_type`.execute(handle.db);
  await sql`drop index publications_organ_published_stage`.execute(handle.db);
  console.log('  without the indexes of 004-reports on publications:');
  await measure(dialect, handle);
}

async function measure(dialect: DialectName, handle: DatabaseHandle) {
  const deps = { db: handle.db, dialect, clock: fixedClock('2025-01-20T02:00:00Z'), dataDir: os.tmpdir(), logger: pino({ level: 'silent' }) };
  const organ = organCode(100);
  const runs: number[] = [];
  let cold = 0;
  for (let i = 0; i < 11; i++) {
    const [t, ctx] = await time(() => loadReportContext(deps, handle.db, organ, YEAR));
    if (i === 0) {
      cold = t;
      const a = ctx.report.figures.applications;
      console.log(`  ${organ} ${YEAR}: received ${a.received.total}, carried in ${a.carried_in.total}, closed ${a.results_total.total}, carried out ${a.carried_out.total}; published ${Object.values(ctx.report.figures.stages).reduce((s, n) => s + n, 0)}; checks failing: ${ctx.report.checks.filter((c) => !c.ok).map((c) => c.title).join('、') || 'none'}`);
    } else runs.push(t);
  }
  console.log(`  one organ-year report: first ${ms(cold)}, then median ${ms(median(runs))}, best ${ms(Math.min(...runs))} (10 runs)   goal < 200 ms`);
  const county: number[] = [];
  for (let i = 0; i < 3; i++) {
    const [t, view] = await time(() => loadCountyView(deps, handle.db, GOVERNMENT_CODE, YEAR));
    if (i === 0) console.log(`  county view: ${view.rows.length} organs, ${view.totals.applications.received.total} applications received in ${YEAR}`);
    county.push(t);
  }
  console.log(`  county view over ${ORGANS} organs: first ${ms(county[0])}, then ${county.slice(1).map(ms).join(', ')}   goal < 5 s`);
}

async function sqliteBench() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-bench-'));
  const file = path.join(dir, 'bench.sqlite');
  try {
    const h0 = openSqlite(file);
    await migrateToLatest(h0.db, 'sqlite');
    await h0.destroy();
    const [gen] = await time(async () => {
      const ins = sqliteInserter(file);
      await loadAll(ins.insert, console.log);
      ins.close();
    });
    const handle = openSqlite(file);
    console.log(`SQLite (${file}): generated in ${(gen / 1000).toFixed(1)} s`);
    await measure('sqlite', handle);
    await withoutReportIndexes('sqlite', handle);
    await handle.destroy();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function postgresBench() {
  const adminUrl = process.env.GONGKAI_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `gongkai_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = adminUrl.replace(/\/[^/]*$/, `/${name}`);
  try {
    const handle = openPostgres(url);
    await migrateToLatest(handle.db, 'postgres');
    const [gen] = await time(async () => {
      const ins = postgresInserter(url);
      await loadAll(ins.insert, console.log);
      await ins.close();
      await sql`analyze`.execute(handle.db);
    });
    console.log(`PostgreSQL (${name}): generated and analysed in ${(gen / 1000).toFixed(1)} s`);
    await measure('postgres', handle);
    await withoutReportIndexes('postgres', handle);
    await handle.destroy();
  } finally {
    // pg's pool.end() resolves before its sockets close; let them go before the database does.
    await new Promise((resolve) => setTimeout(resolve, 200));
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

console.log(`Annual report benchmark: ${PUBLICATIONS.toLocaleString()} publications, ${APPLICATIONS.toLocaleString()} applications, ${ORGANS} organs, year ${YEAR}`);
if (only !== 'postgres') await sqliteBench();
if (only !== 'sqlite') await postgresBench();
