/**
 * Requests per second of the public portal against nginx serving the same bytes (issue 18;
 * docs/performance.md "Portal against nginx"). Prints figures; never asserts a time.
 *
 *   npm run bench:portal -- [--rounds 3] [--seconds 5] [--connections 32] [--data-dir DIR] [--database-url URL] [--keep]
 *
 * Starts `gongkai serve` (NODE_ENV=production, SQLite, the demo region seeded on first start; with
 * --database-url postgres://… on that PostgreSQL database instead, seeded the same way when empty) and
 * nginx (Debian's, one worker, access log off), both pinned to CPU 0 with taskset; wrk runs on CPU 1.
 * Each page type — the home page, an organ home, a catalog node page, an item page — is fetched once
 * from the server and its bytes saved as a file nginx serves; then, in interleaved rounds, wrk loads
 * the server's page and nginx's file in turn. Each figure is the median of the rounds.
 * Needs nginx, wrk and taskset (apt-get install nginx wrk util-linux). --data-dir reuses a seeded
 * data directory (the first start seeds the demo, which takes a minute or two). The pieces are in
 * bench/portal-load.ts, shared with bench:scale.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { choosePages, comparePages, idle, machineLine, nginxServing, requireTools, startServer, type Nginx, type Server } from './portal-load.ts';

const arg = (name: string) => (process.argv.includes(`--${name}`) ? process.argv[process.argv.indexOf(`--${name}`) + 1] : null);
const opts = { rounds: Number(arg('rounds') ?? 3), seconds: Number(arg('seconds') ?? 5), connections: Number(arg('connections') ?? 32) };
const KEEP = process.argv.includes('--keep');
const APP_PORT = 38_000 + (process.pid % 1000);
const NGINX_PORT = APP_PORT + 1000;

const tools = requireTools('bench:portal');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-portal-bench-'));
const dataDir = arg('data-dir') ? path.resolve(arg('data-dir')!) : path.join(work, 'data');
let server: Server | null = null;
let nginx: Nginx | null = null;

async function stop() {
  nginx?.stop();
  await server?.stop();
  if (!KEEP) fs.rmSync(work, { recursive: true, force: true });
}
process.on('SIGINT', () => { void stop().then(() => process.exit(130)); });

async function main() {
  console.log(`starting the server (data in ${dataDir}; the first start seeds the demo region) …`);
  const databaseUrl = arg('database-url') ?? undefined;
  if (databaseUrl) console.log(`database: ${databaseUrl.replace(/\/\/[^@/]*@/, '//')}`);
  server = await startServer(tools, { dataDir, databaseUrl, port: APP_PORT, logFile: path.join(work, 'server.log') });
  // The first start of a China date runs the nightly site inspection in the background: the page runs wait until it is done.
  const waited = await idle(server, databaseUrl);
  if (waited.seconds > 3) console.log(`waited ${waited.seconds.toFixed(0)} s for the server's start-up jobs to finish (the nightly inspection on a day's first start)`);
  const pages = await choosePages(server.url);
  nginx = await nginxServing(tools, work, server.url, pages, NGINX_PORT);
  console.log(machineLine(nginx.version, opts));
  for (const p of pages) console.log(`  ${p.name}: ${p.path} (${fs.statSync(path.join(work, 'www', p.file)).size} bytes)`);
  comparePages(tools, server, nginx, work, pages, opts);
}

main().then(() => stop(), async (e: unknown) => {
  console.error(e);
  await stop();
  process.exitCode = 1;
});
