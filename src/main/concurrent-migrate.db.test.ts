import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DIALECTS, createEmptyPostgresDatabase } from '../../test/support/db.ts';
import { makeTempDir } from '../../test/support/temp-dirs.ts';
import { openDatabase } from '../platform/db/connect.ts';
import { pendingMigrations } from '../platform/db/migrate.ts';
import { loadMigrations } from '../platform/db/migrations/index.ts';

/**
 * Two `./bin/gongkai migrate` at once on one new database (two terminals; two instances starting on one PostgreSQL):
 * the second used to read the same list of pending migrations and apply them again beside the first, and stopped with
 * `错误：table "organs" already exists` (SQLite) or `duplicate key value violates unique constraint
 * "pg_type_typname_nsp_index"` (PostgreSQL). Now each migration is applied once, by whichever process claims it first.
 */
const run = (env: NodeJS.ProcessEnv) =>
  new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
    const child = spawn(process.execPath, [path.resolve('bin/gongkai'), 'migrate'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 150_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out, err });
    });
  });

const appliedBy = (out: string): string[] => {
  const m = /已执行迁移：(.+)/.exec(out);
  if (m) return m[1].trim().split(', ');
  expect(out).toContain('数据库已是最新结构');
  return [];
};

for (const dialect of DIALECTS) {
  describe(`two migrate commands at once on ${dialect}`, () => {
    let drop: (() => Promise<void>) | undefined;
    afterAll(async () => {
      await drop?.();
    });

    it('both end well, and every migration is applied once', async () => {
      const dataDir = makeTempDir('two-migrate');
      const env: NodeJS.ProcessEnv = { ...process.env, GONGKAI_DATA_DIR: dataDir };
      delete env.DATABASE_URL;
      if (dialect === 'postgres') {
        const empty = await createEmptyPostgresDatabase();
        drop = empty.drop;
        env.DATABASE_URL = empty.url;
      }
      const [a, b] = await Promise.all([run(env), run(env)]);
      expect(a.code, a.err).toBe(0);
      expect(b.code, b.err).toBe(0);

      const names = (await loadMigrations()).map((m) => m.name);
      const byA = appliedBy(a.out);
      const byB = appliedBy(b.out);
      expect(byA.filter((n) => byB.includes(n))).toEqual([]);
      expect([...byA, ...byB].sort()).toEqual(names);

      const handle = openDatabase({ databaseUrl: env.DATABASE_URL ?? null, dataDir });
      try {
        expect(await pendingMigrations(handle.db)).toEqual([]);
      } finally {
        await handle.destroy();
      }
    }, 200_000);
  });
}
