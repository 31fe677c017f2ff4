/**
 * Requests per second of the public portal against nginx serving the same bytes (issue 18;
 * docs/performance.md "Portal against nginx"). Prints figures; never asserts a time.
 *
 *   npm run bench:portal -- [--rounds 3] [--seconds 5] [--connections 32] [--data-dir DIR] [--keep]
 *
 * Starts `gongkai serve` (NODE_ENV=production, SQLite, the demo region seeded on first start) and
 * nginx (Debian's, one worker, access log off), both pinned to CPU 0 with taskset; wrk runs on CPU 1.
 * Each page type — the home page, an organ home, a catalog node page, an item page — is fetched once
 * from the server and its bytes saved as a file nginx serves; then, in interleaved rounds, wrk loads
 * the server's page and nginx's file in turn. Each figure is the median of the rounds.
 * Needs nginx, wrk and taskset (apt-get install nginx wrk util-linux). --data-dir reuses a seeded
 * data directory (the first start seeds the demo, which takes a minute or two).
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const arg = (name: string) => (process.argv.includes(`--${name}`) ? process.argv[process.argv.indexOf(`--${name}`) + 1] : null);
const ROUNDS = Number(arg('rounds') ?? 3);
const SECONDS = Number(arg('seconds') ?? 5);
const CONNECTIONS = Number(arg('connections') ?? 32);
const KEEP = process.argv.includes('--keep');
const SERVER_CPU = '0';
const LOAD_CPU = '1';
const APP_PORT = 38_000 + (process.pid % 1000);
const NGINX_PORT = APP_PORT + 1000;

const which = (cmd: string) => {
  for (const dir of (process.env.PATH ?? '').split(':').concat(['/usr/sbin', '/sbin'])) if (fs.existsSync(path.join(dir, cmd))) return path.join(dir, cmd);
  return null;
};
const nginxBin = which('nginx');
const wrkBin = which('wrk');
const tasksetBin = which('taskset');
if (!nginxBin || !wrkBin || !tasksetBin) {
  console.error(`bench:portal needs nginx, wrk and taskset (missing: ${[!nginxBin && 'nginx', !wrkBin && 'wrk', !tasksetBin && 'taskset'].filter(Boolean).join(', ')}); apt-get install nginx wrk`);
  process.exit(1);
}
if (os.cpus().length < 2) {
  console.error('bench:portal needs two CPUs: the servers on one, the load generator on the other');
  process.exit(1);
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-portal-bench-'));
const dataDir = arg('data-dir') ? path.resolve(arg('data-dir')!) : path.join(work, 'data');
const www = path.join(work, 'www');
fs.mkdirSync(www, { recursive: true });
fs.chmodSync(work, 0o755);
const children: ChildProcess[] = [];

function stop() {
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  if (!KEEP) fs.rmSync(work, { recursive: true, force: true });
}
process.on('SIGINT', () => { stop(); process.exit(130); });

async function waitFor(url: string, seconds: number) {
  const until = Date.now() + seconds * 1000;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch { /* not up yet */ }
    if (Date.now() > until) throw new Error(`${url} did not answer within ${seconds} s`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function page(url: string): Promise<Buffer> {
  const res = await fetch(url);
  if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}

/** CPU seconds a process has used (all its threads), from /proc. */
function cpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in USER_HZ (100 on Linux)
}

/**
 * One wrk run on the load CPU: requests per second of wall time, and requests per CPU second of the
 * server process — the figure that stays comparable when other work shares the machine.
 */
function wrk(url: string, pid: number, seconds = SECONDS): { rps: number; perCpu: number } {
  const cpu0 = cpuSeconds(pid);
  const out = execFileSync(tasksetBin!, ['-c', LOAD_CPU, wrkBin!, '-t1', `-c${CONNECTIONS}`, `-d${seconds}s`, url], { encoding: 'utf8' });
  const cpu = cpuSeconds(pid) - cpu0;
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(out)?.[1];
  const total = /(\d+) requests in/.exec(out)?.[1];
  const errors = /Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1];
  if (!rps || !total) throw new Error(`wrk printed no rate:\n${out}`);
  if (errors) throw new Error(`${url}: ${errors} answers were not 2xx/3xx`);
  return { rps: Number(rps), perCpu: Number(total) / Math.max(cpu, 0.01) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  // The server as an operator runs it, pinned to the server CPU.
  const logFile = fs.openSync(path.join(work, 'server.log'), 'a');
  const server = spawn(tasksetBin!, ['-c', SERVER_CPU, process.execPath, 'bin/gongkai', 'serve'], {
    cwd: path.resolve(import.meta.dirname, '..'),
    env: {
      ...process.env, NODE_ENV: 'production', PORT: String(APP_PORT), HOST: '127.0.0.1', GONGKAI_DATA_DIR: dataDir,
      GONGKAI_ADMIN_PASSWORD: crypto.randomBytes(12).toString('hex'), DATABASE_URL: '',
    },
    stdio: ['ignore', logFile, logFile],
  });
  children.push(server);
  const app = `http://127.0.0.1:${APP_PORT}`;
  console.log(`starting the server (data in ${dataDir}; the first start seeds the demo region) …`);
  await waitFor(`${app}/healthz`, 600);

  // One page of each type from the demo: the 住建局's home, its first catalog node with items, an item there.
  const organs = (await page(`${app}/organs`)).toString();
  const code = /href="\/organs\/([a-z0-9-]+)"[^>]*>[^<]*住房和城乡建设局/.exec(organs)?.[1] ?? /href="\/organs\/([a-z0-9-]+)"/.exec(organs)?.[1];
  if (!code) throw new Error('no organ on /organs');
  const organHome = (await page(`${app}/organs/${code}`)).toString();
  let nodeUrl: string | null = null;
  let itemUrl: string | null = null;
  for (const m of organHome.matchAll(new RegExp(`href="(/organs/${code}/catalog/\\d+)"`, 'g'))) {
    const item = new RegExp(`href="(/organs/${code}/items/\\d+)`).exec((await page(`${app}${m[1]}`)).toString())?.[1];
    if (item) { nodeUrl = m[1]; itemUrl = item; break; }
  }
  if (!nodeUrl || !itemUrl) throw new Error(`no catalog node with items under /organs/${code}`);
  const pages = [
    { name: 'home page', path: '/' },
    { name: 'organ home', path: `/organs/${code}` },
    { name: 'catalog node', path: nodeUrl },
    { name: 'item page', path: itemUrl },
  ].map((p, i) => ({ ...p, file: `page-${i}.html` }));
  for (const p of pages) {
    const bytes = await page(`${app}${p.path}`);
    fs.writeFileSync(path.join(www, p.file), bytes);
    fs.chmodSync(path.join(www, p.file), 0o644);
  }
  fs.chmodSync(www, 0o755);

  // nginx with the same bytes, one worker on the same CPU.
  const conf = path.join(work, 'nginx.conf');
  fs.mkdirSync(path.join(work, 'nginx-tmp'));
  fs.writeFileSync(conf, `
worker_processes 1;
daemon off;
master_process off;
pid ${work}/nginx.pid;
error_log ${work}/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${work}/nginx-tmp/body;
  proxy_temp_path ${work}/nginx-tmp/proxy;
  fastcgi_temp_path ${work}/nginx-tmp/fastcgi;
  uwsgi_temp_path ${work}/nginx-tmp/uwsgi;
  scgi_temp_path ${work}/nginx-tmp/scgi;
  default_type 'text/html; charset=utf-8';
  keepalive_requests 1000000;
  server { listen 127.0.0.1:${NGINX_PORT}; root ${www}; }
}
`);
  const nginx = spawn(tasksetBin!, ['-c', SERVER_CPU, nginxBin!, '-c', conf, '-p', work], { stdio: ['ignore', 'inherit', 'inherit'] });
  children.push(nginx);
  await waitFor(`http://127.0.0.1:${NGINX_PORT}/${pages[0].file}`, 30);

  const machine = `${os.cpus().length} × ${os.cpus()[0].model.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}, ` +
    `${spawnSync(nginxBin!, ['-v'], { encoding: 'utf8' }).stderr.trim().replace('nginx version: ', '') || 'nginx'}, wrk -t1 -c${CONNECTIONS} -d${SECONDS}s, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`;
  console.log(machine);
  for (const p of pages) console.log(`  ${p.name}: ${p.path} (${fs.statSync(path.join(www, p.file)).size} bytes)`);

  // Warm both (the server's cache, the JIT), then interleaved rounds; the order alternates per round.
  const appPid = server.pid!;
  const nginxPid = nginx.pid!;
  for (const p of pages) { wrk(`${app}${p.path}`, appPid, 1); wrk(`http://127.0.0.1:${NGINX_PORT}/${p.file}`, nginxPid, 1); }
  type Run = { rps: number; perCpu: number };
  const figures = new Map(pages.map((p) => [p.name, { app: [] as Run[], nginx: [] as Run[] }]));
  const floor: Run[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    for (const p of pages) {
      const f = figures.get(p.name)!;
      const runApp = () => f.app.push(wrk(`${app}${p.path}`, appPid));
      const runNginx = () => f.nginx.push(wrk(`http://127.0.0.1:${NGINX_PORT}/${p.file}`, nginxPid));
      if (round % 2) { runApp(); runNginx(); } else { runNginx(); runApp(); }
    }
    floor.push(wrk(`${app}/healthz`, appPid));
    console.log(`round ${round}/${ROUNDS} done`);
  }

  const m = (runs: Run[], k: keyof Run) => median(runs.map((r) => r[k]));
  console.log('\n| page | gongkai req/s | nginx req/s | ratio | gongkai req per CPU-s | nginx req per CPU-s | ratio per CPU |\n|---|---|---|---|---|---|---|');
  for (const p of pages) {
    const f = figures.get(p.name)!;
    const [a, n, ac, nc] = [m(f.app, 'rps'), m(f.nginx, 'rps'), m(f.app, 'perCpu'), m(f.nginx, 'perCpu')];
    console.log(`| ${p.name} | ${Math.round(a)} | ${Math.round(n)} | **${(a / n).toFixed(2)}** | ${Math.round(ac)} | ${Math.round(nc)} | ${(ac / nc).toFixed(2)} |`);
  }
  console.log(`| /healthz (the framework's floor) | ${Math.round(m(floor, 'rps'))} | | | ${Math.round(m(floor, 'perCpu'))} | | |`);
  const all = Object.fromEntries([...figures].map(([k, v]) => [k, { gongkai: v.app.map((r) => Math.round(r.rps)), nginx: v.nginx.map((r) => Math.round(r.rps)) }]));
  console.log(`\nall runs (req/s): ${JSON.stringify(all)}`);
}

main().then(() => stop(), (e: unknown) => {
  console.error(e);
  stop();
  process.exitCode = 1;
});
