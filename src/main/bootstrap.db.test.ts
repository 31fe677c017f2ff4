import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../test/support/temp-dirs.ts';
import { DIALECTS } from '../../test/support/db.ts';
import { captureIo, freshCliEnvironment } from '../../test/support/cli.ts';
import { main } from './cli.ts';
import { loadConfig } from '../platform/config/config.ts';
import { makeDeps, prepareDatabase } from './bootstrap.ts';

/**
 * The start creates `admin` when there is no system administrator (an active user with the role
 * system_admin), not only when there is no user: an outside tester ran the README's `user add` lines
 * while the first start was loading the demo, and the start then created no admin and said nothing,
 * so GONGKAI_ADMIN_PASSWORD was silently ignored. When it creates none, it says why in one line.
 */
for (const dialect of DIALECTS) {
  describe(`the start's administrator on ${dialect}`, () => {
    const saved = { ...process.env };
    let drop: (() => Promise<void>) | undefined;
    beforeAll(async () => {
      drop = (await freshCliEnvironment(dialect, 'first-admin')).drop;
      process.env.GONGKAI_DEMO = 'false';
      process.env.GONGKAI_ADMIN_PASSWORD = 'Tester-Pass-2026';
    });
    afterAll(async () => {
      process.env = saved;
      await drop?.();
    });

    const start = async () => {
      const said: string[] = [];
      const { deps, handle } = makeDeps(loadConfig());
      try {
        await prepareDatabase(deps, loadConfig(), (line) => said.push(line));
        const users = await deps.db.selectFrom('users').innerJoin('user_roles', 'user_roles.user_id', 'users.id').select(['username', 'role', 'is_active']).orderBy('users.id').execute();
        return { said, users };
      } finally {
        await handle.destroy();
      }
    };
    const cli = async (...argv: string[]) => {
      const c = captureIo();
      const code = await main(argv, c.io);
      expect(code, c.err.join('\n')).toBe(0);
    };
    const setActive = async (username: string, active: boolean) => {
      const { deps, handle } = makeDeps(loadConfig());
      try {
        await deps.db.updateTable('users').set({ is_active: active ? 1 : 0 }).where('username', '=', username).execute();
      } finally {
        await handle.destroy();
      }
    };

    it('creates admin beside staff added before it, says why it creates none, and leaves a kept system administrator alone', async () => {
      await cli('organ', 'add', '--code', 'lx', '--name', '岚溪县人民政府', '--kind', 'government', '--credit-code', '11341525000000001K');
      // The README's review-workflow lines, run before (or while) the start prepares the database.
      await cli('user', 'add', '--username', 'xxy', '--password', 'demo-pass-1', '--name', '信息员', '--organ', 'lx', '--role', 'editor');
      await cli('user', 'add', '--username', 'fgld', '--password', 'demo-pass-1', '--name', '分管领导', '--organ', 'lx', '--role', 'leader_in_charge');

      const first = await start();
      expect(first.users).toContainEqual({ username: 'admin', role: 'system_admin', is_active: 1 });
      expect(first.said).toContain('已创建管理员账号 admin（密码为 GONGKAI_ADMIN_PASSWORD 的值）');

      // Every later start says in one line why it creates none, and that the password variable was not used.
      const again = await start();
      expect(again.users.filter((u) => u.username === 'admin')).toHaveLength(1);
      expect(again.said).toContain('已有系统管理员 admin，未创建 admin；GONGKAI_ADMIN_PASSWORD 未使用');

      // An operator who keeps another system administrator and deactivated admin on purpose: nothing is created.
      await cli('user', 'add', '--username', 'zhang', '--password', 'demo-pass-1', '--name', '张三', '--organ', 'lx', '--role', 'system_admin');
      await setActive('admin', false);
      const kept = await start();
      expect(kept.users.filter((u) => u.username === 'admin')).toEqual([{ username: 'admin', role: 'system_admin', is_active: 0 }]);
      expect(kept.said).toContain('已有系统管理员 zhang，未创建 admin；GONGKAI_ADMIN_PASSWORD 未使用');

      // An ordinary restart without the variable has nothing to say about admin: every start would print the same line.
      delete process.env.GONGKAI_ADMIN_PASSWORD;
      const quiet = await start();
      expect(quiet.said.filter((line) => line.includes('admin'))).toEqual([]);
      process.env.GONGKAI_ADMIN_PASSWORD = 'Tester-Pass-2026';

      // No active system administrator, and the name admin is held by the deactivated account: said, with the way back.
      await setActive('zhang', false);
      const none = await start();
      expect(none.users.filter((u) => u.role === 'system_admin' && u.is_active === 1)).toEqual([]);
      expect(none.said.join('\n')).toContain('没有在用的系统管理员，但用户名 admin 已被停用的账号占用，未创建 admin；GONGKAI_ADMIN_PASSWORD 未使用。');
      expect(none.said.join('\n')).toContain('./bin/gongkai user reactivate --username admin');
    }, 60_000);
  });
}

/**
 * A command run in another shell while a start prepares the database waits for it (the `starting` file of the data
 * directory, src/main/start-marker.ts) instead of writing beside it: its writes made SQLite refuse the start's
 * (database is locked) and the start stopped.
 */
for (const dialect of DIALECTS) {
  describe(`a command beside a start on ${dialect}`, () => {
    const saved = { ...process.env };
    let drop: (() => Promise<void>) | undefined;
    let dataDir = '';
    beforeAll(async () => {
      ({ dataDir, drop } = await freshCliEnvironment(dialect, 'beside-start'));
      process.env.GONGKAI_DEMO = 'false';
      const c = captureIo();
      expect(await main(['organ', 'add', '--code', 'lx', '--name', '岚溪县人民政府', '--kind', 'government', '--credit-code', '11341525000000001K'], c.io)).toBe(0);
    });
    afterAll(async () => {
      process.env = saved;
      await drop?.();
    });
    const mark = (pid: number) => fs.writeFileSync(path.join(dataDir, 'starting'), JSON.stringify({ pid, host: os.hostname(), since: new Date().toISOString() }));

    it('user add waits while the start prepares, says so, and runs once it is done', async () => {
      mark(process.pid);
      const c = captureIo();
      let code: number | undefined;
      const running = main(['user', 'add', '--username', 'xxy', '--password', 'demo-pass-1', '--name', '信息员', '--organ', 'lx', '--role', 'editor'], c.io).then((n) => (code = n));
      await new Promise((r) => setTimeout(r, 1500));
      expect(code).toBeUndefined();
      expect(c.err.join('\n')).toContain('服务正在启动');
      fs.rmSync(path.join(dataDir, 'starting'));
      await running;
      expect(code, c.err.join('\n')).toBe(0);
      expect(c.out.join('')).toContain('已新增用户 xxy');
    });

    it('a start that was killed (its process gone) holds nothing up', async () => {
      const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
      mark(Number(gone.stdout));
      const c = captureIo();
      const began = Date.now();
      expect(await main(['user', 'add', '--username', 'gkb', '--password', 'demo-pass-1', '--name', '公开办', '--organ', 'lx', '--role', 'disclosure_office'], c.io)).toBe(0);
      expect(Date.now() - began).toBeLessThan(5000);
      expect(c.err.join('')).not.toContain('服务正在启动');
    });
  });
}

/**
 * A start that fails ends the process with exit status 1 and one Chinese line: the tester's start printed only
 * `错误：database is locked` (another program held the SQLite write lock) and stayed alive without listening.
 */
describe('a start whose SQLite database another program keeps locked', () => {
  it('stops with exit status 1, says why in Chinese, and leaves no `starting` mark', async () => {
    const dataDir = makeTempDir('locked-start');
    const file = path.join(dataDir, 'gongkai.sqlite');
    const holder = new SQLite(file);
    holder.pragma('journal_mode = WAL');
    holder.exec('create table held (x integer)');
    holder.exec('begin immediate');
    holder.exec('insert into held values (1)');
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, GONGKAI_DATA_DIR: dataDir, GONGKAI_DEMO: 'false', PORT: '0', GONGKAI_ADMIN_PASSWORD: 'Tester-Pass-2026' };
      delete env.DATABASE_URL;
      const child = spawn(process.execPath, [path.resolve('bin/gongkai'), 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let err = '';
      child.stderr.on('data', (b: Buffer) => (err += b.toString()));
      child.stdout.resume();
      const code = await new Promise<number | null>((resolve) => {
        const timer = setTimeout(() => { child.kill('SIGKILL'); resolve(null); }, 90_000);
        child.on('exit', (n) => { clearTimeout(timer); resolve(n); });
      });
      expect(code, err).toBe(1);
      expect(err).toContain('服务未启动：数据库被另一个程序锁定（database is locked）');
      expect(fs.existsSync(path.join(dataDir, 'starting'))).toBe(false);
    } finally {
      holder.exec('rollback');
      holder.close();
    }
  }, 120_000);
});
