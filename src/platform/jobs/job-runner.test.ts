import pino from 'pino';
import { describe, expect, it, vi } from 'vitest';
import { startJobs, wakeJob } from './job-runner.ts';

describe('job runner', () => {
  it('runs each job at start, never overlaps a job with itself, and survives a failing job', async () => {
    let runs = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const jobs = startJobs(
      [
        { name: 'slow', everySeconds: 3600, run: async () => { runs++; await gate; } },
        { name: 'broken', everySeconds: 3600, run: async () => { throw new Error('boom'); } },
      ],
      pino({ level: 'silent' }),
    );
    const again = jobs.runNow('slow');
    expect(runs).toBe(1);
    release();
    await again;
    await jobs.runNow('slow');
    expect(runs).toBe(2);
    await jobs.runNow('broken');
    await jobs.stop();
  });

  it('runs a wakeable job at once when woken (someone waits for it), outside its window, and no other job', async () => {
    let woken = 0;
    let plain = 0;
    const jobs = startJobs(
      [
        { name: 'requests', everySeconds: 3600, wakeable: true, run: async () => { woken++; } },
        { name: 'plain', everySeconds: 3600, run: async () => { plain++; } },
      ],
      pino({ level: 'silent' }),
      undefined,
      async () => false, // every window already claimed by another instance
    );
    await vi.waitFor(() => expect(jobs.status().every((j) => j.lastCheckedAt)).toBe(true));
    expect([woken, plain]).toEqual([0, 0]);
    wakeJob('requests');
    wakeJob('plain');
    await vi.waitFor(() => expect(woken).toBe(1));
    expect(plain).toBe(0);
    await jobs.stop();
    wakeJob('requests');
    await new Promise((r) => setImmediate(r));
    expect(woken).toBe(1);
  });

  it('reports when each job last started, finished and failed, for /readyz', async () => {
    let at = new Date('2026-12-03T08:00:00Z');
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const jobs = startJobs(
      [
        { name: 'ok', everySeconds: 60, run: async () => { await gate; } },
        { name: 'broken', everySeconds: 60, run: async () => { throw new Error('数据库连接中断'); } },
      ],
      pino({ level: 'silent' }),
      () => at,
    );
    expect(jobs.status().find((j) => j.name === 'ok')).toMatchObject({ running: true, lastStartedAt: '2026-12-03T08:00:00.000Z', lastFinishedAt: null });
    at = new Date('2026-12-03T08:00:05Z');
    release();
    await jobs.runNow('ok');
    await jobs.runNow('broken');
    const [ok, broken] = jobs.status();
    expect(ok).toMatchObject({ running: false, lastFinishedAt: '2026-12-03T08:00:05.000Z', lastFailedAt: null });
    expect(broken).toMatchObject({ running: false, lastFailedAt: '2026-12-03T08:00:05.000Z', lastError: '数据库连接中断' });
    await jobs.stop();
  });
});
