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
