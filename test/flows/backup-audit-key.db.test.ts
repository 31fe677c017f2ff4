import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import * as tar from 'tar';
import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/db.ts';
import { captureIo, freshCliEnvironment } from '../support/cli.ts';
import { makeTempDir } from '../support/temp-dirs.ts';
import { main } from '../../src/main/cli.ts';
import { makeDeps, prepareDatabase } from '../../src/main/bootstrap.ts';
import { loadConfig } from '../../src/platform/config/config.ts';
import type { DialectName } from '../../src/platform/db/dialect.ts';

/**
 * ADR 0032: the audit key lives apart from the log it protects. A backup leaves audit.key out and
 * says so; on a new machine the platform does not start (nor verify) until the kept copy is back,
 * and with it the restored log verifies; a key lost for good is recorded, and the log goes on.
 */
const BIN = path.resolve(import.meta.dirname, '../../bin/gongkai');

/** `./bin/gongkai serve` on the configured data: its output once it listens (then stopped) or once it exits. */
function serve(): Promise<{ started: boolean; code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'serve'], { env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let started = false;
    const onData = (c: Buffer) => {
      output += c.toString();
      if (!started && /已启动：http:\/\/127\.0\.0\.1:\d+\//.test(output)) {
        started = true;
        child.kill('SIGTERM');
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('exit', (code) => resolve({ started, code, output }));
  });
}

/** What `serve` does before it listens, in this process (migrations, the audit chain's key, the administrator). */
async function startInProcess(): Promise<string> {
  const said: string[] = [];
  const { deps, handle } = makeDeps(loadConfig(), pino({ level: 'silent' }));
  try {
    await prepareDatabase(deps, loadConfig(), (line) => said.push(line));
  } finally {
    await handle.destroy();
  }
  return said.join('\n');
}

const saved = { ...process.env };
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  process.env = { ...saved };
  while (cleanups.length) await cleanups.pop()!();
});

/** A running platform with an audited history, backed up with `gongkai backup`; its key copied apart, as the operator keeps it. */
async function backedUpPlatform(dialect: DialectName) {
  const source = await freshCliEnvironment(dialect, 'audit-key-source');
  cleanups.push(source.drop);
  for (const name of ['GONGKAI_AUDIT_KEY', 'GONGKAI_SECRET_KEY']) delete process.env[name];
  process.env.GONGKAI_DEMO = 'false';
  process.env.GONGKAI_ADMIN_PASSWORD = 'first-admin-pass';
  await startInProcess();
  let c = captureIo();
  expect(await main(['organ', 'add', '--code', 'lx', '--name', '岚溪县人民政府', '--kind', 'government', '--credit-code', '11341525000000001K'], c.io)).toBe(0);
  expect(await startInProcess()).toContain('已创建管理员账号 admin');
  c = captureIo();
  expect(await main(['audit', 'verify'], c.io)).toBe(0);
  const head = /链头哈希：([0-9a-f]{64})/.exec(c.out.join('\n'))![1]!;

  const file = path.join(makeTempDir('backup'), 'gongkai.tar.gz');
  c = captureIo();
  expect(await main(['backup', file], c.io)).toBe(0);
  expect(c.err.join('\n')).toContain('数据目录中的 audit.key（审计日志密钥）有意不放入备份（清单 keysLeftOut 中有记载）');
  const kept = path.join(makeTempDir('kept-keys'), 'audit.key');
  fs.copyFileSync(path.join(source.dataDir, 'audit.key'), kept);
  return { source, file, head, kept };
}

/** Restores the backup with `gongkai restore` onto a new machine: a new data directory and, on PostgreSQL, a new database. */
async function restoreOnNewMachine(dialect: DialectName, file: string) {
  const target = await freshCliEnvironment(dialect, 'audit-key-new');
  cleanups.push(target.drop);
  const c = captureIo();
  expect(await main(['restore', file, ...(dialect === 'postgres' ? ['--force'] : [])], c.io)).toBe(0);
  return { target, said: c.out.join('\n') };
}

for (const dialect of DIALECTS) {
  describe(`the audit key and the backup [${dialect}]`, () => {
    it('leaves audit.key out of the archive and names it in the manifest; the marker of a keyed log goes in', async () => {
      const { file } = await backedUpPlatform(dialect);
      const entries: string[] = [];
      let manifest = '';
      await tar.list({
        file,
        onReadEntry: (e) => {
          entries.push(e.path);
          if (e.path === 'manifest.json') e.on('data', (d: Buffer) => { manifest += d.toString(); });
        },
      });
      expect(entries.filter((p) => /audit\.key|secret\.key/.test(p))).toEqual(['data/audit.keyed']);
      expect(JSON.parse(manifest).keysLeftOut).toEqual([
        { path: 'audit.key', what: '审计日志密钥' },
        { path: 'secret.key', what: '两步验证密钥的加密密钥' },
      ]);
    });

    it('on a new machine: restore says to put the kept key back; nothing starts or verifies without it; with it the server starts and the log verifies', { timeout: 180_000 }, async () => {
      const { file, head, kept } = await backedUpPlatform(dialect);
      const { target, said } = await restoreOnNewMachine(dialect, file);
      const keyFile = path.join(target.dataDir, 'audit.key');
      expect(said).toContain(`备份中不含审计日志密钥：启动服务或运行其他命令之前，请把另行保管的 audit.key 放回 ${keyFile}（权限 600）`);
      expect(fs.existsSync(keyFile)).toBe(false);

      const c = captureIo();
      expect(await main(['audit', 'verify'], c.io)).toBe(1);
      expect(c.err.join('\n')).toContain(`错误（ERR_AUDIT_KEY_MISSING）：数据目录中没有审计日志密钥 ${keyFile}`);
      const refused = await serve();
      expect(refused).toMatchObject({ started: false, code: 1 });
      expect(refused.output).toContain('请把另行保管的 audit.key 放回');
      expect(fs.existsSync(keyFile)).toBe(false);

      fs.copyFileSync(kept, keyFile);
      fs.chmodSync(keyFile, 0o600);
      const started = await serve();
      expect(started.started, started.output).toBe(true);
      expect(started.output).not.toContain('签名与当前的审计日志密钥不符');
      const v = captureIo();
      expect(await main(['audit', 'verify', '--expect-head', head], v.io)).toBe(0);
      expect(v.out.join('\n')).toContain('审计日志完整');
      expect(v.out.join('\n')).toContain('另行记录的 1 个链头均在链中');
    });

    it('restored over this machine\'s data, the key in place stays and the log verifies', async () => {
      const { source, file } = await backedUpPlatform(dialect);
      const key = fs.readFileSync(path.join(source.dataDir, 'audit.key'), 'utf8');
      const c = captureIo();
      expect(await main(['restore', file, '--force'], c.io)).toBe(0);
      expect(c.out.join('\n')).toContain('已沿用本机原有的 audit.key');
      const aside = /原数据目录保留在 (\S+)，/.exec(c.out.join('\n'))![1]!;
      cleanups.push(async () => fs.rmSync(aside, { recursive: true, force: true }));
      expect(fs.readFileSync(path.join(source.dataDir, 'audit.key'), 'utf8')).toBe(key);
      expect(fs.statSync(path.join(source.dataDir, 'audit.key')).mode & 0o777).toBe(0o600);
      expect(await main(['audit', 'verify'], captureIo().io)).toBe(0);
    });
  });
}

describe('an audit key lost for good', () => {
  it('a wrong key put back is told at start; the loss recorded, the log goes on under a new key and verify says what it cannot check', { timeout: 60_000 }, async () => {
    const { file } = await backedUpPlatform('sqlite');
    const { target } = await restoreOnNewMachine('sqlite', file);
    const keyFile = path.join(target.dataDir, 'audit.key');

    // Another key in the file (not the one kept): the start says so at once.
    fs.writeFileSync(keyFile, `${'ab'.repeat(32)}\n`, { mode: 0o600 });
    expect(await startInProcess()).toContain('审计日志链头的签名与当前的审计日志密钥不符');
    let c = captureIo();
    expect(await main(['audit', 'new-key', '--old-key-lost'], c.io)).toBe(1);
    expect(c.err.join('\n')).toContain(`ERR_AUDIT_KEY_EXISTS`);
    fs.rmSync(keyFile);

    c = captureIo();
    expect(await main(['audit', 'new-key'], c.io)).toBe(2);
    expect(fs.existsSync(keyFile)).toBe(false);
    c = captureIo();
    expect(await main(['audit', 'new-key', '--old-key-lost'], c.io)).toBe(0);
    expect(c.out.join('\n')).toContain(`已生成新的审计日志密钥 ${keyFile}（权限 600）`);
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(await startInProcess()).not.toContain('不符');
    c = captureIo();
    expect(await main(['audit', 'verify'], c.io)).toBe(0);
    expect(c.out.join('\n')).toMatch(/原审计日志密钥已于 \S+ 记录为丢失（第 \d+ 条记录）；此前的 \d+ 条记录无法再校验其内容/);
    c = captureIo();
    expect(await main(['audit', 'new-key', '--old-key-lost'], c.io)).toBe(1);
  });
});
