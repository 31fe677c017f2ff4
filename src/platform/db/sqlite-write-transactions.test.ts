import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openSqlite } from './connect.ts';

/**
 * Another process writing the SQLite file between a transaction's first read and its first write must make that
 * transaction wait, not fail. An outside tester ran `./bin/gongkai reindex` beside the running server: one run in five
 * stopped at 21 % with ERR_DATABASE_LOCKED (database is locked) — a batch's transaction read the items' stamps, the
 * server wrote meanwhile, and SQLite refuses the later write of a transaction whose snapshot is stale at once
 * (SQLITE_BUSY_SNAPSHOT; the busy timeout does not wait for it). The same trap stopped a first start (operations.md).
 * Transactions begin IMMEDIATE: the write lock is taken at the start and another writer waits its turn.
 */
const dirs: string[] = [];
afterEach(() => { for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true }); });

/** Another process that writes one row as soon as it can (its own 5-second busy timeout), and says when it did. */
function otherWriter(file: string): { wrote: Promise<string> } {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(${JSON.stringify(file)});
    db.pragma('busy_timeout = 5000');
    try { db.prepare("insert into t (v) values ('other')").run(); process.stdout.write('wrote'); }
    catch (e) { process.stdout.write('failed: ' + e.code); }
  `;
  const child = spawn(process.execPath, ['-e', script], { cwd: process.cwd() });
  let out = '';
  child.stdout.on('data', (d) => { out += d; });
  return { wrote: new Promise((resolve) => child.on('close', () => resolve(out))) };
}

it('a transaction that reads, while another process writes, then writes itself waits instead of failing', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-sqlite-tx-'));
  dirs.push(dir);
  const file = path.join(dir, 'db.sqlite');
  const handle = openSqlite(file);
  try {
    await sql`create table t (id integer primary key, v text)`.execute(handle.db);
    await sql`insert into t (v) values ('first')`.execute(handle.db);
    let other: { wrote: Promise<string> } | null = null;
    await handle.db.transaction().execute(async (trx) => {
      const before = await sql<{ n: number }>`select count(*) as n from t`.execute(trx);
      expect(before.rows[0].n).toBe(1);
      // The other process writes now (or waits for this transaction, if it holds the write lock): given 800 ms.
      other = otherWriter(file);
      await Promise.race([other.wrote, new Promise((r) => setTimeout(r, 800))]);
      await sql`insert into t (v) values ('mine')`.execute(trx);
    });
    expect(await other!.wrote).toBe('wrote');
    const rows = await sql<{ v: string }>`select v from t order by id`.execute(handle.db);
    expect(rows.rows.map((r) => r.v)).toEqual(['first', 'mine', 'other']);
  } finally {
    await handle.destroy();
  }
}, 20_000);
