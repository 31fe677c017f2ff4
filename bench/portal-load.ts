/**
 * What bench:portal and bench:scale share: starting `gongkai serve` pinned to one CPU, choosing one
 * page of each type, nginx serving the same bytes on the same CPU, and interleaved wrk rounds that
 * give each page's requests per second (and per CPU-second) against nginx. Prints figures; never
 * asserts a time. Needs nginx, wrk and taskset (apt-get install nginx wrk util-linux).
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pgModule } from '../src/platform/db/pg-module.ts';

export const SERVER_CPU = '0';
export const LOAD_CPU = '1';

const which = (cmd: string) => {
  for (const dir of (process.env.PATH ?? '').split(':').concat(['/usr/sbin', '/sbin'])) if (fs.existsSync(path.join(dir, cmd))) return path.join(dir, cmd);
  return null;
};

export type Tools = { nginx: string; wrk: string; taskset: string };

/** nginx, wrk and taskset, and two CPUs; exits with a message naming what is missing. */
export function requireTools(bench: string): Tools {
  const [nginx, wrk, taskset] = [which('nginx'), which('wrk'), which('taskset')];
  if (!nginx || !wrk || !taskset) {
    console.error(`${bench} needs nginx, wrk and taskset (missing: ${[!nginx && 'nginx', !wrk && 'wrk', !taskset && 'taskset'].filter(Boolean).join(', ')}); apt-get install nginx wrk`);
    process.exit(1);
  }
  if (os.cpus().length < 2) {
    console.error(`${bench} needs two CPUs: the servers on one, the load generator on the other`);
    process.exit(1);
  }
  return { nginx, wrk, taskset };
}

export async function waitFor(url: string, seconds: number, pollMs = 500) {
  const until = Date.now() + seconds * 1000;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch { /* not up yet */ }
    if (Date.now() > until) throw new Error(`${url} did not answer within ${seconds} s`);
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

export async function page(url: string): Promise<Buffer> {
  const res = await fetch(url);
  if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}

/** CPU seconds a process has used (all its threads), from /proc. */
export function cpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in USER_HZ (100 on Linux)
}

/** Resident set size of a process in MB, from /proc (VmRSS). */
export function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb ?? 0) / 1024;
}

export type Run = { rps: number; perCpu: number };

/**
 * One wrk run on the load CPU: requests per second of wall time, and requests per CPU second of the
 * server process — the figure that stays comparable when other work shares the machine.
 */
export function wrk(tools: Tools, url: string, pid: number, seconds: number, connections: number): Run {
  const cpu0 = cpuSeconds(pid);
  const out = execFileSync(tools.taskset, ['-c', LOAD_CPU, tools.wrk, '-t1', `-c${connections}`, `-d${seconds}s`, url], { encoding: 'utf8' });
  const cpu = cpuSeconds(pid) - cpu0;
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(out)?.[1];
  const total = /(\d+) requests in/.exec(out)?.[1];
  const errors = /Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1];
  if (!rps || !total) throw new Error(`wrk printed no rate:\n${out}`);
  if (errors) throw new Error(`${url}: ${errors} answers were not 2xx/3xx`);
  return { rps: Number(rps), perCpu: Number(total) / Math.max(cpu, 0.01) };
}

/** Node's options of `npm start` (package.json: `node <options> bin/gongkai serve`), so the bench runs the server as it does. */
function startFlags(): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../package.json'), 'utf8')) as { scripts: { start: string } };
  const m = /^node ((?:--\S+ )*)bin\/gongkai serve$/.exec(pkg.scripts.start);
  if (!m) throw new Error(`package.json start is not "node [options] bin/gongkai serve": ${pkg.scripts.start}`);
  return m[1].trim() ? m[1].trim().split(' ') : [];
}

let built = false;

/** `npm run build` (nothing to do when dist/ is already a build of the sources), as `npm start` does. */
function buildOnce(): void {
  if (built) return;
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: path.resolve(import.meta.dirname, '..'), stdio: 'inherit' });
  built = true;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export type Server = { child: ChildProcess; pid: number; url: string; startSeconds: number; stop: () => Promise<void> };

/**
 * `gongkai serve` as an operator runs it (NODE_ENV=production, with `npm start`'s Node options, from
 * the compiled code `npm start` builds first), pinned to the server CPU, on the SQLite database of dataDir or on databaseUrl.
 * startSeconds: from spawning the process until /healthz answers (polled every 50 ms), which
 * includes Node's own start.
 */
export async function startServer(tools: Tools, opts: { dataDir: string; databaseUrl?: string; port: number; logFile: string; timeoutSeconds?: number }): Promise<Server> {
  buildOnce();
  const log = fs.openSync(opts.logFile, 'a');
  const t0 = performance.now();
  const child = spawn(tools.taskset, ['-c', SERVER_CPU, process.execPath, ...startFlags(), 'bin/gongkai', 'serve'], {
    cwd: path.resolve(import.meta.dirname, '..'),
    env: {
      ...process.env, NODE_ENV: 'production', PORT: String(opts.port), HOST: '127.0.0.1', GONGKAI_DATA_DIR: opts.dataDir,
      GONGKAI_ADMIN_PASSWORD: crypto.randomBytes(12).toString('hex'), DATABASE_URL: opts.databaseUrl ?? '',
    },
    stdio: ['ignore', log, log],
  });
  fs.closeSync(log);
  const url = `http://127.0.0.1:${opts.port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await Promise.race([
    waitFor(`${url}/healthz`, opts.timeoutSeconds ?? 600, 50),
    exited.then(() => { throw new Error(`the server exited before answering (${opts.logFile})`); }),
  ]);
  const startSeconds = (performance.now() - t0) / 1000;
  return {
    child, pid: child.pid!, url, startSeconds,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** How many of the database's other sessions are running a statement, and site inspections are queued or under way (PostgreSQL: the server's start-up jobs work there, not in the server's own process). */
async function activeStatements(databaseUrl: string): Promise<number> {
  const client = new (pgModule().Client)({ connectionString: databaseUrl });
  await client.connect();
  try {
    // A site inspection between two of its statements (a page of items, a link's check) runs no statement: its run's row says it is under way.
    const r = await client.query<{ n: string }>(
      "select (select count(*) from pg_stat_activity where datname = current_database() and state = 'active' and pid <> pg_backend_pid())" +
        " + (select count(*) from inspection_runs where status in ('queued', 'running')) as n",
    );
    return Number(r.rows[0].n);
  } finally {
    await client.end();
  }
}

/**
 * Waits until the server is idle (start-up jobs done): less than a tenth of a CPU over two seconds and,
 * on PostgreSQL, no statement of its running at the end of them (the nightly inspection's time is mostly
 * the database's). At most 30 minutes. How long that took and the highest RSS seen meanwhile (sampled
 * every 0.5 s).
 */
export async function idle(server: Server, databaseUrl?: string): Promise<{ seconds: number; peakRss: number }> {
  const t0 = performance.now();
  let peakRss = rssMb(server.pid);
  let quietTurns = 0;
  for (;;) {
    const cpu0 = cpuSeconds(server.pid);
    for (let i = 0; i < 4; i++) {
      await new Promise((r) => setTimeout(r, 500));
      peakRss = Math.max(peakRss, rssMb(server.pid));
    }
    const quiet = cpuSeconds(server.pid) - cpu0 < 0.2 && (!databaseUrl || (await activeStatements(databaseUrl)) === 0);
    // Two quiet turns in a row: a job that waits between its statements is not taken for finished.
    quietTurns = quiet ? quietTurns + 1 : 0;
    if (quietTurns >= 2 || performance.now() - t0 > 30 * 60_000) return { seconds: (performance.now() - t0) / 1000, peakRss };
  }
}

export type PageType = { name: string; path: string; file: string };

/**
 * One page of each type: the home page, an organ home (the 住建局's in the demo, else the first
 * organ listed), its first catalog node with items, and an item there.
 */
export async function choosePages(app: string): Promise<PageType[]> {
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
  return [
    { name: 'home page', path: '/' },
    { name: 'organ home', path: `/organs/${code}` },
    { name: 'catalog node', path: nodeUrl },
    { name: 'item page', path: itemUrl },
  ].map((p, i) => ({ ...p, file: `page-${i}.html` }));
}

export type Nginx = { child: ChildProcess; pid: number; url: string; version: string; stop: () => void };

/** Saves each page's bytes as a file and starts nginx (one worker, access log off) on the server CPU to serve them. */
export async function nginxServing(tools: Tools, work: string, app: string, pages: PageType[], port: number): Promise<Nginx> {
  const www = path.join(work, 'www');
  fs.mkdirSync(www, { recursive: true });
  fs.chmodSync(work, 0o755);
  for (const p of pages) {
    const bytes = await page(`${app}${p.path}`);
    fs.writeFileSync(path.join(www, p.file), bytes);
    fs.chmodSync(path.join(www, p.file), 0o644);
  }
  fs.chmodSync(www, 0o755);
  const conf = path.join(work, 'nginx.conf');
  fs.mkdirSync(path.join(work, 'nginx-tmp'), { recursive: true });
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
  server { listen 127.0.0.1:${port}; root ${www}; }
}
`);
  const child = spawn(tools.taskset, ['-c', SERVER_CPU, tools.nginx, '-c', conf, '-p', work], { stdio: ['ignore', 'inherit', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/${pages[0].file}`, 30);
  const version = spawnSync(tools.nginx, ['-v'], { encoding: 'utf8' }).stderr.trim().replace('nginx version: ', '') || 'nginx';
  return { child, pid: child.pid!, url, version, stop: () => { if (child.exitCode === null) child.kill('SIGTERM'); } };
}

export type PageRatio = { name: string; path: string; bytes: number; app: Run; nginx: Run; ratio: number; ratioPerCpu: number };

/**
 * Warms both servers, then interleaved rounds (the order alternates per round) of each page from
 * the server and the same bytes from nginx, and /healthz once per round; medians of the rounds.
 * Prints the table and every run; returns each page's figures.
 */
export function comparePages(tools: Tools, app: Server, nginx: Nginx, work: string, pages: PageType[], opts: { rounds: number; seconds: number; connections: number }): PageRatio[] {
  const run = (url: string, pid: number, seconds = opts.seconds) => wrk(tools, url, pid, seconds, opts.connections);
  for (const p of pages) { run(`${app.url}${p.path}`, app.pid, 1); run(`${nginx.url}/${p.file}`, nginx.pid, 1); }
  const figures = new Map(pages.map((p) => [p.name, { app: [] as Run[], nginx: [] as Run[] }]));
  const floor: Run[] = [];
  for (let round = 1; round <= opts.rounds; round++) {
    for (const p of pages) {
      const f = figures.get(p.name)!;
      const runApp = () => f.app.push(run(`${app.url}${p.path}`, app.pid));
      const runNginx = () => f.nginx.push(run(`${nginx.url}/${p.file}`, nginx.pid));
      if (round % 2) { runApp(); runNginx(); } else { runNginx(); runApp(); }
    }
    floor.push(run(`${app.url}/healthz`, app.pid));
    console.log(`round ${round}/${opts.rounds} done`);
  }
  const m = (runs: Run[], k: keyof Run) => median(runs.map((r) => r[k]));
  const out: PageRatio[] = [];
  console.log('\n| page | gongkai req/s | nginx req/s | ratio | gongkai req per CPU-s | nginx req per CPU-s | ratio per CPU |\n|---|---|---|---|---|---|---|');
  for (const p of pages) {
    const f = figures.get(p.name)!;
    const [a, n, ac, nc] = [m(f.app, 'rps'), m(f.nginx, 'rps'), m(f.app, 'perCpu'), m(f.nginx, 'perCpu')];
    console.log(`| ${p.name} | ${Math.round(a)} | ${Math.round(n)} | **${(a / n).toFixed(2)}** | ${Math.round(ac)} | ${Math.round(nc)} | ${(ac / nc).toFixed(2)} |`);
    out.push({ name: p.name, path: p.path, bytes: fs.statSync(path.join(work, 'www', p.file)).size, app: { rps: a, perCpu: ac }, nginx: { rps: n, perCpu: nc }, ratio: a / n, ratioPerCpu: ac / nc });
  }
  console.log(`| /healthz (the framework's floor) | ${Math.round(m(floor, 'rps'))} | | | ${Math.round(m(floor, 'perCpu'))} | | |`);
  const all = Object.fromEntries([...figures].map(([k, v]) => [k, { gongkai: v.app.map((r) => Math.round(r.rps)), nginx: v.nginx.map((r) => Math.round(r.rps)) }]));
  console.log(`\nall runs (req/s): ${JSON.stringify(all)}`);
  return out;
}

export function machineLine(nginxVersion: string, opts: { seconds: number; connections: number }): string {
  return `${os.cpus().length} × ${os.cpus()[0].model.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}, ` +
    `${nginxVersion}, wrk -t1 -c${opts.connections} -d${opts.seconds}s, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`;
}
