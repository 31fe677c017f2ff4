import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/db.ts';
import { contentChanged, contentVersionNow } from './content-version.ts';

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
