import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, describeEachDialect, DIALECTS } from '../../../test/support/db.ts';
import { CONTENT_VERSION_CHANNEL, contentChanged, contentVersionNow, contentVersionReader } from './content-version.ts';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

let drops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const drop of drops) await drop();
  drops = [];
});

describe('contentVersionNow (SQLite, the kept pages\' front door)', () => {
  it('reads once per turn of the event loop: requests of one wake-up share the read, the next turn sees a change', async () => {
    const handle = await createTestDatabase('sqlite');
    drops.push(() => handle.drop());
    await contentChanged(handle.db, '2026-12-06T06:00:00.000Z');
    await nextTurn();
    const now = contentVersionNow(handle.db);
    const first = now()!;
    await contentChanged(handle.db, '2026-12-06T06:00:01.000Z'); // committed within the same turn (no macrotask between)
    expect(now()).toEqual(first);
    await nextTurn();
    expect(now()!.version).toBe(first.version + 1);
  });
});

describeEachDialect('contentVersionReader (every kept page and kept search checks it)', (handle) => {
  it('reads the committed version and when it changed; the next read sees the next change', async () => {
    const read = contentVersionReader(handle().db);
    await contentChanged(handle().db, '2026-12-06T07:00:00.000Z');
    const first = await read();
    expect(first.changedAt).toBe('2026-12-06T07:00:00.000Z');
    expect(typeof first.version).toBe('number');
    await contentChanged(handle().db, '2026-12-06T07:00:01.000Z');
    expect(await read()).toEqual({ version: first.version + 1, changedAt: '2026-12-06T07:00:01.000Z' });
  });

  it('never reads a raise another connection has not committed (PostgreSQL: the read has its own connection from the pool)', async () => {
    if (handle().dialect !== 'postgres') return; // SQLite: one connection, a read waits for the transaction
    const read = contentVersionReader(handle().db);
    const before = await read();
    await handle().db.transaction().execute(async (trx) => {
      await contentChanged(trx, '2026-12-06T07:00:02.000Z');
      expect(await read()).toEqual(before);
    });
    expect((await read()).version).toBe(before.version + 1);
  });
});

describe('contentVersionNow (PostgreSQL: the version kept between the changes the database announces)', () => {
  const skip = !DIALECTS.includes('postgres');
  /** Turns of the event loop until `ok` holds, at most about five seconds; the last value. */
  async function until<T>(read: () => T, ok: (v: T) => boolean): Promise<T> {
    const end = Date.now() + 5_000;
    let v = read();
    while (!ok(v) && Date.now() < end) {
      await new Promise((r) => setTimeout(r, 5));
      v = read();
    }
    return v;
  }
  /** Another server's connection: its raises come only through the database. */
  async function elsewhere(url: string, run: (c: pg.Client) => Promise<void>) {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      await run(c);
    } finally {
      await c.end();
    }
  }
  async function listened() {
    const handle = await createTestDatabase('postgres');
    drops.push(() => handle.drop());
    await elsewhere(handle.url!, (c) => c.query("insert into content_versions (scope, version, changed_at) values ('site', 7, '2026-12-06T08:00:00.000Z') on conflict (scope) do update set version = 7, changed_at = excluded.changed_at").then(() => {}));
    const now = contentVersionNow(handle.db);
    const first = (await until(now, (v) => v !== null))!;
    return { handle, now, first };
  }

  it.runIf(!skip)('answers from memory once it listens, and hears a raise committed by another server', async () => {
    const { handle, now, first } = await listened();
    expect(first).toEqual({ version: 7, changedAt: '2026-12-06T08:00:00.000Z' });
    await elsewhere(handle.url!, (c) => c.query("update content_versions set version = version + 1, changed_at = '2026-12-06T08:00:01.000Z'").then(() => {}));
    expect(await until(now, (v) => v?.version === 8)).toEqual({ version: 8, changedAt: '2026-12-06T08:00:01.000Z' });
  });

  it.runIf(!skip)('never answers a raise another server has not committed', async () => {
    const { handle, now, first } = await listened();
    await elsewhere(handle.url!, async (c) => {
      await c.query('begin');
      await c.query("update content_versions set version = version + 1, changed_at = '2026-12-06T08:00:02.000Z'");
      for (let i = 0; i < 20; i++) {
        await new Promise((r) => setTimeout(r, 5));
        expect(now()).toEqual(first);
      }
      await c.query('commit');
    });
    expect((await until(now, (v) => v?.version === first.version + 1))?.version).toBe(first.version + 1);
  });

  it.runIf(!skip)("after this process's own change, answers null (read from the database) rather than the version it kept", async () => {
    const { handle, now } = await listened();
    await handle.db.transaction().execute((trx) => contentChanged(trx, '2026-12-06T08:00:03.000Z'));
    expect(now()).toBeNull();
  });

  it.runIf(!skip)('when its connection is lost, answers null until it listens again, then the version of then', async () => {
    const { handle, now, first } = await listened();
    await elsewhere(handle.url!, async (c) => {
      await c.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query = 'listen ${CONTENT_VERSION_CHANNEL}'`);
      expect(await until(now, (v) => v === null)).toBeNull();
      await c.query("update content_versions set version = version + 5, changed_at = '2026-12-06T08:00:04.000Z'");
    });
    expect(await until(now, (v) => v !== null)).toEqual({ version: first.version + 5, changedAt: '2026-12-06T08:00:04.000Z' });
  });
});
