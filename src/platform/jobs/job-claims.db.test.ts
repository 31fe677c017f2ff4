import pino from 'pino';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/db.ts';
import { databaseJobClaims } from './job-claims.ts';
import { startJobs } from './job-runner.ts';

describeEachDialect('background jobs claimed across instances', (db) => {
  it('runs a job once per window however many instances tick it, and again in the next window', async () => {
    const handle = db();
    const name = `publish-${handle.dialect}-${Math.random().toString(36).slice(2)}`;
    let at = new Date('2026-12-04T08:00:10Z');
    let runs = 0;
    const job = { name, everySeconds: 60, run: async () => { runs++; } };
    const logger = pino({ level: 'silent' });
    // Two `serve` processes on one database: each ticks the job at start-up in the same minute.
    const a = startJobs([job], logger, () => at, databaseJobClaims(handle.db, 'a'));
    const b = startJobs([job], logger, () => at, databaseJobClaims(handle.db, 'b'));
    await Promise.all([a.stop(), b.stop()]);
    expect(runs).toBe(1);
    // Both report the loop alive: one ran it, the other saw it claimed.
    expect([...a.status(), ...b.status()].every((s) => s.lastCheckedAt === '2026-12-04T08:00:10.000Z')).toBe(true);
    expect([...a.status(), ...b.status()].filter((s) => s.lastStartedAt !== null)).toHaveLength(1);

    // The next minute is a new window: exactly one of them runs it again.
    at = new Date('2026-12-04T08:01:05Z');
    const c = startJobs([job], logger, () => at, databaseJobClaims(handle.db, 'a'));
    const d = startJobs([job], logger, () => at, databaseJobClaims(handle.db, 'b'));
    await Promise.all([c.stop(), d.stop()]);
    expect(runs).toBe(2);
    const rows = await handle.db.selectFrom('job_claims').select(['window_start']).where('job', '=', name).orderBy('window_start').execute();
    expect(rows.map((r) => r.window_start)).toEqual(['2026-12-04T08:00:00.000Z', '2026-12-04T08:01:00.000Z']);
    await handle.db.deleteFrom('job_claims').where('job', '=', name).execute();
  });
});

describeEachDialect('claims kept per job', (db) => {
  it('keeps an hour of claims for a job every 30 s (not a week: 20,000 rows), a week for an hourly one, and a kept window is never run twice', async () => {
    const handle = db();
    const name = `requests-${handle.dialect}-${Math.random().toString(36).slice(2)}`;
    const a = databaseJobClaims(handle.db, 'a');
    const b = databaseJobClaims(handle.db, 'b');
    const start = Date.parse('2026-12-04T08:00:00Z');
    // Three hours of 30-second windows, each claimed by one instance; the other, ticking in the same window, is refused.
    for (let i = 0; i < 360; i++) {
      const windowStart = new Date(start + i * 30_000);
      const at = new Date(windowStart.getTime() + 5_000);
      expect(await a(name, windowStart, at, 30)).toBe(true);
      if (i % 40 === 0) expect(await b(name, windowStart, at, 30)).toBe(false);
    }
    const windows = async () => (await handle.db.selectFrom('job_claims').select('window_start').where('job', '=', name).orderBy('window_start').execute()).map((r) => r.window_start);
    const lastAt = start + 359 * 30_000 + 5_000;
    const kept = await windows();
    expect(kept.length).toBeLessThanOrEqual(121);
    expect(Date.parse(kept[0])).toBeGreaterThanOrEqual(lastAt - 3_600_000);
    // A window of the last hour is still held: another instance (a clock a little behind) does not run it again.
    expect(await b(name, new Date(start + 300 * 30_000), new Date(lastAt), 30)).toBe(false);

    // Through the runner, which names the job's interval: a tick two hours on leaves only its last hour.
    const job = { name, everySeconds: 30, run: async () => {} };
    const later = new Date(lastAt + 2 * 3_600_000);
    await startJobs([job], pino({ level: 'silent' }), () => later, a).stop();
    expect(await windows()).toEqual([new Date(Math.floor(later.getTime() / 30_000) * 30_000).toISOString()]);

    // An hourly job keeps its week (what an operator looks back on).
    const hourly = `${name}-hourly`;
    for (let h = 0; h < 48; h++) expect(await a(hourly, new Date(start + h * 3_600_000), new Date(start + h * 3_600_000 + 1_000), 3600)).toBe(true);
    expect(await handle.db.selectFrom('job_claims').select('job').where('job', '=', hourly).execute()).toHaveLength(48);
    await handle.db.deleteFrom('job_claims').where('job', 'in', [name, hourly]).execute();
  });
});

describeEachDialect('a stop while a job runs', (db) => {
  it('does not wait for a long job: tells it to stop, waits a bounded time, and frees its window for the next start', async () => {
    const handle = db();
    const name = `nightly-${handle.dialect}-${Math.random().toString(36).slice(2)}`;
    const at = new Date('2026-12-05T18:30:10Z');
    const logged: { msg: string; job?: string }[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => { logged.push(JSON.parse(line)); } });
    let runs = 0;
    let toldToStop = 0;
    // A job over many batches that checks its signal between them, like the nightly inspection.
    const polite = {
      name, everySeconds: 3600,
      run: async (signal: AbortSignal) => {
        runs++;
        for (let batch = 0; batch < 1_000_000; batch++) {
          if (signal.aborted) { toldToStop++; throw signal.reason; }
          await new Promise((r) => setTimeout(r, 5));
        }
      },
    };
    const a = startJobs([polite], logger, () => at, databaseJobClaims(handle.db, 'a'));
    await expect.poll(() => runs, { interval: 5, timeout: 5_000 }).toBe(1);
    // Without the signal this stop would wait for all 1,000,000 batches (the test's timeout says so, not a clock).
    await a.stop();
    expect(toldToStop).toBe(1);
    expect(logged.filter((l) => l.job === name).map((l) => l.msg)).not.toContainEqual(expect.stringContaining('abandoned'));
    expect(a.status()[0]).toMatchObject({ running: false, lastFinishedAt: null, lastError: expect.stringContaining('中断') });
    expect(logged).toContainEqual(expect.objectContaining({ job: name, msg: expect.stringContaining('interrupted') }));
    // Its window is free again: the next start (this instance or another) runs it in the same hour.
    const claimsLeft = await handle.db.selectFrom('job_claims').select('job').where('job', '=', name).execute();
    expect(claimsLeft).toEqual([]);

    // A job that never looks at its signal is left behind after the grace period; its window is freed all the same.
    let stuckRuns = 0;
    const stuck = { name, everySeconds: 3600, run: async () => { stuckRuns++; await new Promise(() => {}); } };
    const b = startJobs([stuck], logger, () => at, databaseJobClaims(handle.db, 'b'));
    await expect.poll(() => stuckRuns, { interval: 5, timeout: 5_000 }).toBe(1);
    await b.stop({ graceMs: 200 });
    expect(logged).toContainEqual(expect.objectContaining({ job: name, msg: expect.stringContaining('abandoned') }));
    expect(await handle.db.selectFrom('job_claims').select('job').where('job', '=', name).execute()).toEqual([]);

    // A job that finished before the stop keeps its window: it is not run twice.
    let quickRuns = 0;
    const quick = { name, everySeconds: 3600, run: async () => { quickRuns++; } };
    const c = startJobs([quick], logger, () => at, databaseJobClaims(handle.db, 'c'));
    await c.stop();
    const d = startJobs([quick], logger, () => at, databaseJobClaims(handle.db, 'd'));
    await d.stop();
    expect(quickRuns).toBe(1);
    await handle.db.deleteFrom('job_claims').where('job', '=', name).execute();
  });
});
