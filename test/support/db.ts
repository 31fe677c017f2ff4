import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { openPostgres, openSqlite, type DatabaseHandle } from '../../src/platform/db/connect.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import type { DialectName } from '../../src/platform/db/dialect.ts';
import { makeTempDir } from './temp-dirs.ts';

/**
 * Every storage test runs on both databases. PostgreSQL is required: set GONGKAI_TEST_SKIP_PG=1
 * to leave it out on a machine without it (CI never sets it, so a missing PostgreSQL fails CI).
 */
export const DIALECTS: DialectName[] = process.env.GONGKAI_TEST_SKIP_PG === '1' ? ['sqlite'] : ['sqlite', 'postgres'];

const PG_ADMIN_URL = process.env.GONGKAI_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A fresh, migrated database of the given dialect; drop() removes it. */
export async function createTestDatabase(dialect: DialectName): Promise<DatabaseHandle & { drop(): Promise<void>; url?: string; file?: string }> {
  if (dialect === 'sqlite') {
    const dir = makeTempDir('test');
    const file = path.join(dir, 'test.sqlite');
    const handle = openSqlite(file);
    await migrateToLatest(handle.db, 'sqlite');
    return {
      ...handle,
      file,
      async drop() {
        await handle.destroy();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const empty = await createEmptyPostgresDatabase();
  const handle = openPostgres(empty.url);
  await migrateToLatest(handle.db, 'postgres');
  return {
    ...handle,
    url: empty.url,
    async drop() {
      await handle.destroy();
      await empty.drop();
    },
  };
}

/** A new PostgreSQL database with nothing in it, not even the migrations (what an operator's `createdb` gives); drop() removes it. */
export async function createEmptyPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `gongkai_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  try {
    await admin.connect();
  } catch (e) {
    throw new Error(
      `无法连接 PostgreSQL（${PG_ADMIN_URL}）：${(e as Error).message}。存储测试需要 PostgreSQL；` +
        '请启动它，或在没有 PostgreSQL 的机器上设置 GONGKAI_TEST_SKIP_PG=1（CI 不允许跳过）。',
    );
  }
  await admin.query(`create database ${name}`);
  await admin.end();
  return {
    url: PG_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`),
    async drop() {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** describe() once per dialect with a fresh database shared by the block's tests. */
export function describeEachDialect(title: string, body: (ctx: () => DatabaseHandle) => void): void {
  for (const dialect of DIALECTS) {
    describe(`${title} [${dialect}]`, () => {
      let handle: Awaited<ReturnType<typeof createTestDatabase>>;
      beforeAll(async () => {
        handle = await createTestDatabase(dialect);
      });
      afterAll(async () => {
        await handle?.drop();
      });
      body(() => handle);
    });
  }
}
