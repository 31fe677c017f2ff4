import { describe, expect, it } from 'vitest';
import { BatchedWrites } from './batched-writes.ts';

const silent = { error: () => {} };

function recorder(opts: { failFirst?: number; everyMs?: number; maxPending?: number } = {}) {
  const written: [string, number][][] = [];
  const events: string[] = [];
  let failures = opts.failFirst ?? 0;
  let started: () => void = () => {};
  const writeStarted = new Promise<void>((r) => { started = r; });
  const w = new BatchedWrites<string, number>({
    write: async (batch) => {
      started();
      await new Promise((r) => setTimeout(r, 1));
      if (failures > 0) {
        failures--;
        throw new Error('database away');
      }
      written.push(batch);
    },
    merge: (a, b) => a + b,
    logger: silent,
    what: 'test counts',
    everyMs: opts.everyMs ?? 60_000,
    maxPending: opts.maxPending,
    onWriting: (b) => events.push(`writing ${b.length}`),
    onWritten: (b) => events.push(`written ${b.length}`),
    onEnded: () => events.push('ended'),
  });
  return { w, written, events, writeStarted };
}

describe('amounts counted in memory and written in batches', () => {
  it('writes a burst once, with the amounts of each key added up, and nothing twice', async () => {
    const { w, written, events } = recorder();
    expect([w.add('a', 1), w.add('a', 2), w.add('b', 5)]).toEqual([1, 3, 5]);
    expect(w.waitingFor('a')).toBe(3);
    expect(written).toEqual([]);
    await w.flush();
    await w.flush();
    expect(written).toEqual([[['a', 3], ['b', 5]]]);
    expect(w.waitingFor('a')).toBeUndefined();
    expect(events).toEqual(['writing 2', 'written 2', 'ended']);
  });

  it('keeps a failed batch, adds what was counted since, and writes it all on its own later', async () => {
    const { w, written, events, writeStarted } = recorder({ failFirst: 1, everyMs: 20 });
    w.add('a', 2);
    const first = w.flush();
    await writeStarted;
    expect(w.waitingFor('a')).toBeUndefined(); // the batch is being written
    w.add('a', 1); // counted while the first write is under way
    await first;
    expect(written).toEqual([]);
    expect(w.waitingFor('a')).toBe(3);
    await expect.poll(() => written, { interval: 5, timeout: 5_000 }).toEqual([[['a', 3]]]);
    expect(events).toEqual(['writing 1', 'ended', 'writing 1', 'written 1', 'ended']);
  });

  it('writes after the interval without being asked', async () => {
    const { w, written } = recorder({ everyMs: 10 });
    w.add('a', 1);
    await expect.poll(() => written, { interval: 5, timeout: 5_000 }).toEqual([[['a', 1]]]);
  });

  it('writes at once when as many keys wait as allowed', async () => {
    const { w, written } = recorder({ maxPending: 3 });
    w.add('a', 1);
    w.add('b', 1);
    expect(written).toEqual([]);
    w.add('c', 1);
    await w.flush();
    expect(written).toEqual([[['a', 1], ['b', 1], ['c', 1]]]);
  });
});
