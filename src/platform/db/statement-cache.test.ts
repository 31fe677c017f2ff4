import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { keepingStatements } from './statement-cache.ts';

type Db = { t: { id: number; name: string } };

let open: SQLite.Database[] = [];
afterEach(() => {
  for (const raw of open) if (raw.open) raw.close();
  open = [];
});

/** A real in-memory SQLite connection whose prepare calls are counted. */
function counted(max?: number) {
  const raw = new SQLite(':memory:');
  open.push(raw);
  raw.exec('create table t (id integer primary key, name text not null)');
  const prepares: string[] = [];
  const prepare = raw.prepare.bind(raw);
  raw.prepare = ((text: string) => {
    prepares.push(text);
    return prepare(text);
  }) as typeof raw.prepare;
  const db = new Kysely<Db>({ dialect: new SqliteDialect({ database: keepingStatements(raw, max) }) });
  return { raw, db, prepares };
}

describe('keepingStatements', () => {
  it('prepares a query once and binds each run its own values', async () => {
    const { db, prepares } = counted();
    for (const [id, name] of [[1, '住建局'], [2, '财政局'], [3, '县政府']] as const) await db.insertInto('t').values({ id, name }).execute();
    const byId = (id: number) => db.selectFrom('t').select('name').where('id', '=', id).executeTakeFirst();
    expect((await byId(2))?.name).toBe('财政局');
    expect((await byId(3))?.name).toBe('县政府');
    expect(await byId(9)).toBeUndefined();
    expect(prepares.filter((s) => s.startsWith('select')).length).toBe(1);
    expect(prepares.filter((s) => s.startsWith('insert')).length).toBe(1);
  });

  it('keeps at most the given number of statements, the least recently used going first', async () => {
    const { db, prepares } = counted(2);
    const q = (n: number) => sql`select ${sql.lit(n)} as n`.execute(db);
    await q(1); await q(2); await q(1); await q(3); // 2 is the least recently used: dropped
    await q(1); await q(2);
    expect(prepares).toEqual(['select 1 as n', 'select 2 as n', 'select 3 as n', 'select 2 as n']);
  });

  it('runs a kept statement again while a stream of the same query is still open', () => {
    // Kysely holds its one SQLite connection for a stream, so this happens only below it: a
    // statement being iterated cannot run again until the iteration ends, so a stream has its own.
    const raw = new SQLite(':memory:');
    open.push(raw);
    raw.exec("create table t (id integer primary key, name text not null); insert into t values (1, '甲'), (2, '乙')");
    const conn = keepingStatements(raw);
    const text = 'select id, name from t order by id';
    const seen: string[] = [];
    for (const row of conn.prepare(text).iterate([]) as Iterable<{ name: string }>) seen.push(`${row.name}:${conn.prepare(text).all([]).length}`);
    expect(seen).toEqual(['甲:2', '乙:2']);
  });

  it('answers with the new columns after the schema changed under a kept statement', async () => {
    const { raw, db } = counted();
    await db.insertInto('t').values({ id: 1, name: '甲' }).execute();
    const star = () => sql<Record<string, unknown>>`select * from t`.execute(db);
    expect(Object.keys((await star()).rows[0])).toEqual(['id', 'name']);
    raw.exec("alter table t add column code text not null default 'x'");
    expect((await star()).rows[0]).toEqual({ id: 1, name: '甲', code: 'x' });
  });

  it('closes the connection with the kept statements', async () => {
    const { raw, db } = counted();
    await sql`select 1`.execute(db);
    await db.destroy();
    expect(raw.open).toBe(false);
  });
});
