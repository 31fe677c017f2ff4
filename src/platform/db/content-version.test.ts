import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, describeEachDialect } from '../../../test/support/db.ts';
import { contentChanged, contentVersionNow, contentVersionReader } from './content-version.ts';

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
