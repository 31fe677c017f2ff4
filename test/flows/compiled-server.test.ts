import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../support/temp-dirs.ts';
// @ts-expect-error plain JavaScript without types (scripts/ runs before any TypeScript can load)
import { sourceStamp } from '../../scripts/compiled-build.mjs';

/**
 * `npm start` runs the server from the JavaScript `npm run build` compiles (docs/adr/0023): the build
 * must hold everything the server loads — migrations, the report format's JSON, the CSS, the boot
 * files of the worker threads that rebuild the search index — and the compiled code must find the
 * project's own files (standard directories, docs) from dist/, one folder deeper than src/.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const out = path.join(ROOT, `.build-test-${process.pid}`);
// A build also writes the homophone lexicon's compact form (about 0.9 s of CPU, seconds more on a loaded machine).
beforeAll(() => build('--force'), 120_000);
afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

const build = (...args: string[]) => execFileSync(process.execPath, ['scripts/build.mjs', '--out', out, ...args], { cwd: ROOT, encoding: 'utf8' });
const compiledCli = () => pathToFileURL(path.join(out, 'src', 'main', 'cli.js')).href;

/**
 * The compiled command line, in its own process, with `args` (a runner file rather than `node -e`:
 * worker threads inherit the process's node options, and `--input-type` would stop them).
 */
function runCompiled(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const runner = path.join(out, 'run-cli.mjs');
  fs.writeFileSync(runner, `const { main } = await import(${JSON.stringify(compiledCli())});\nprocess.exitCode = await main(process.argv.slice(2));\n`);
  return spawn(process.execPath, [runner, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
}

function started(child: ChildProcess): Promise<{ base: string; said: () => string }> {
  return new Promise((resolve, reject) => {
    let said = '';
    const timer = setTimeout(() => reject(new Error(`the compiled server did not start:\n${said}`)), 150_000);
    const onData = (c: Buffer) => {
      said += c.toString();
      const m = /已启动：(http:\/\/127\.0\.0\.1:\d+)\//.exec(said);
      if (m && said.includes('运行编译后的代码')) {
        clearTimeout(timer);
        resolve({ base: m[1]!, said: () => said });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`the compiled server exited ${code}:\n${said}`)); });
  });
}

describe('the compiled server (npm run build, then npm start)', () => {
  it('builds once, and says so when the build is already current', { timeout: 120_000 }, () => {
    expect(build()).toContain('编译结果已是最新');
    expect(build('--force')).toMatch(/已编译 \d+ 个模块/);
    expect(fs.existsSync(path.join(out, 'src', 'platform', 'db', 'migrations', '001-catalog-identity-audit.js'))).toBe(true);
    expect(fs.readdirSync(path.join(out, 'src'), { recursive: true }).some((f) => String(f).endsWith('.test.js'))).toBe(false);
    // The homophone lexicon's compact form beside its module, which the first search that finds nothing reads (ADR 0035).
    expect(fs.statSync(path.join(out, 'src', 'modules', 'search', 'segmenter', 'jieba-lexicon.bin')).size).toBeGreaterThan(1_000_000);
  });

  it('first start: seeds the demo, rebuilds the search index in worker threads, serves the portal and search', { timeout: 240_000 }, async () => {
    const dataDir = makeTempDir('compiled');
    const child = runCompiled(['serve'], { GONGKAI_DATA_DIR: dataDir, DATABASE_URL: '', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', GONGKAI_ADMIN_PASSWORD: 'compiled-admin-1' });
    try {
      const { base } = await started(child);
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      const home = await (await fetch(`${base}/`)).text();
      const item = /href="(\/organs\/[a-z-]+\/items\/\d+)"/.exec(home)?.[1];
      expect(item).toBeDefined();
      expect((await fetch(`${base}${item}`)).status).toBe(200);
      expect((await fetch(`${base}/assets/site.css`)).status).toBe(200);
      const search = await (await fetch(`${base}/search?q=${encodeURIComponent('住房')}`)).text();
      expect(search).toMatch(/找到(超过 )?[\d,]+ 条/);
    } finally {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
    }
  });

  it('finds the shipped standard directories from dist/', async () => {
    const child = runCompiled(['directory', 'list', '--json'], {});
    let said = '';
    child.stdout!.on('data', (c: Buffer) => { said += c.toString(); });
    const code = await new Promise((r) => child.once('exit', r));
    expect(code).toBe(0);
    expect((JSON.parse(said) as unknown[]).length).toBeGreaterThan(0);
  });
});

describe('whether a build is current (scripts/compiled-build.mjs)', () => {
  it('changes when a source file is edited, added, removed or renamed', () => {
    const dir = makeTempDir('stamp');
    fs.mkdirSync(path.join(dir, 'a'));
    const x = path.join(dir, 'a', 'x.ts');
    fs.writeFileSync(x, 'export const x = 1;');
    const past = new Date(Date.now() - 60_000);
    for (const p of [x, path.join(dir, 'a'), dir]) fs.utimesSync(p, past, past);
    const seen = new Set<string>([sourceStamp(dir)]);
    const changes: (() => void)[] = [
      () => fs.writeFileSync(x, 'export const x = 2;'),
      () => fs.writeFileSync(path.join(dir, 'a', 'y.ts'), ''),
      () => fs.renameSync(path.join(dir, 'a', 'y.ts'), path.join(dir, 'a', 'z.ts')),
      () => fs.rmSync(path.join(dir, 'a', 'z.ts')),
    ];
    for (const change of changes) {
      change();
      const stamp = sourceStamp(dir);
      expect(seen.has(stamp)).toBe(false);
      seen.add(stamp);
    }
  });
});
