import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../test/support/db.ts';
import { buildDeps, createNode, createOrgan, createPublished, system, TEST_AUDIT_KEY } from '../../test/support/factories.ts';
import type { DatabaseHandle } from '../platform/db/connect.ts';
import { databaseJobClaims } from '../platform/jobs/job-claims.ts';
import { startJobs } from '../platform/jobs/job-runner.ts';
import { INSPECTION_REQUESTS_JOB, inspectionRun, requestInspection } from '../modules/supervision/index.ts';
import { backgroundJobs } from './background-jobs.ts';
import type { InspectionThreadSetup } from './inspection-thread.ts';

describeEachDialect('stopping the server\'s jobs while the nightly inspection runs', (db) => {
  it('returns within seconds, and the next start runs the day\'s inspection again from the beginning', async () => {
    // An external link whose server does not answer (until told to): the inspection is under way when the stop comes.
    let hang = true;
    const server = http.createServer((_req, res) => { if (!hang) res.writeHead(200).end('ok'); });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const deps = buildDeps(db(), '2026-05-07T02:00:00Z'); // 10:00 in China
      const organ = await createOrgan(deps);
      const node = await createNode(deps, organ.id, { name: '通知公告' });
      await createPublished(deps, organ.id, [node], { title: '关于停水的通知', bodyHtml: `<p>见<a href="http://127.0.0.1:${(server.address() as AddressInfo).port}/map">范围图</a>。</p>` });
      const where = db() as DatabaseHandle & { url?: string; file?: string };
      const inspectionThread: InspectionThreadSetup = {
        databaseUrl: where.url ?? null, sqliteFile: where.file ?? null, dataDir: deps.dataDir,
        auditKey: TEST_AUDIT_KEY.toString('utf8'), logLevel: 'silent',
      };
      const today = () => deps.db.selectFrom('inspection_runs').select(['run_key', 'status']).where('run_key', 'like', 'nightly:2026-05-07%').orderBy('id').execute();
      const nightlyClaims = () => deps.db.selectFrom('job_claims').select('claimed_by').where('job', '=', 'nightly-inspection').execute();
      const logger = pino({ level: 'silent' });

      // As `serve` starts them: every job ticks at once, each window claimed for this instance.
      const first = startJobs(backgroundJobs(deps, { inspectionThread }), logger, () => deps.clock.now(), databaseJobClaims(deps.db, 'first'));
      await expect.poll(today, { interval: 20, timeout: 15_000 }).toEqual([{ run_key: 'nightly:2026-05-07', status: 'running' }]);
      await new Promise((r) => setTimeout(r, 200));
      // Before, this stop waited for the link that never answers (the test's timeout, not a clock, says so).
      await first.stop();
      expect(await today()).toEqual([{ run_key: expect.stringMatching(/^nightly:2026-05-07:interrupted:\d+$/), status: 'failed' }]);
      expect(await nightlyClaims()).toEqual([]);

      // The next start, in the same hour: it claims the window again and the inspection runs to its end.
      hang = false;
      const next = startJobs(backgroundJobs(deps, { inspectionThread }), logger, () => deps.clock.now(), databaseJobClaims(deps.db, 'next'));
      await expect.poll(async () => (await today()).map((r) => r.status), { interval: 50, timeout: 30_000 }).toEqual(['failed', 'done']);
      await next.stop();
      expect(await nightlyClaims()).toEqual([{ claimed_by: 'next' }]);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    }
  }, 90_000);

  it('runs a run 立即检查 queued, in the worker thread, once however many instances tick', async () => {
    const deps = buildDeps(db(), '2026-05-08T02:00:00Z');
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id, { name: '通知公告' });
    await createPublished(deps, organ.id, [node], { bodyHtml: `<p>见<a href="/organs/${organ.code}/items/999999">旧文</a>。</p>` });
    const where = db() as DatabaseHandle & { url?: string; file?: string };
    const inspectionThread: InspectionThreadSetup = {
      databaseUrl: where.url ?? null, sqliteFile: where.file ?? null, dataDir: deps.dataDir,
      auditKey: TEST_AUDIT_KEY.toString('utf8'), logLevel: 'silent',
    };
    const { run } = await requestInspection(deps, system, [organ]);
    const logger = pino({ level: 'silent' });
    // Two `serve` processes on one database, each ticking every job at start-up.
    const a = startJobs(backgroundJobs(deps, { inspectionThread }), logger, () => deps.clock.now(), databaseJobClaims(deps.db, 'a'));
    const b = startJobs(backgroundJobs(deps, { inspectionThread }), logger, () => deps.clock.now(), databaseJobClaims(deps.db, 'b'));
    try {
      await expect.poll(async () => (await inspectionRun(deps, run.id))?.state, { interval: 50, timeout: 30_000 }).toBe('done');
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
    const ended = await inspectionRun(deps, run.id);
    expect(ended?.state === 'done' && ended.result.organs[0]!.findings.map((f) => f.kind)).toContain('broken_link');
    const runs = await deps.db.selectFrom('inspection_runs').select('run_key').where('trigger', '=', 'manual').where('organ_codes', '=', JSON.stringify([organ.code])).execute();
    expect(runs).toEqual([{ run_key: `manual:${organ.code}:done:${run.id}` }]);
  }, 60_000);

  it('runs a run 立即检查 queues at once, not at the job’s next tick 30 seconds on (an officer waits for it)', async () => {
    const deps = buildDeps(db(), '2026-05-08T02:00:00Z');
    const organ = await createOrgan(deps);
    await createPublished(deps, organ.id, [await createNode(deps, organ.id, { name: '通知公告' })]);
    const jobs = startJobs(backgroundJobs(deps).filter((j) => j.name === INSPECTION_REQUESTS_JOB), pino({ level: 'silent' }), () => deps.clock.now(), databaseJobClaims(deps.db, 'a'));
    try {
      // The start-up tick found nothing queued; the next tick is 30 seconds away.
      await expect.poll(() => jobs.status()[0]!.lastCheckedAt, { interval: 20, timeout: 10_000 }).not.toBeNull();
      const { run } = await requestInspection(deps, system, [organ]);
      await expect.poll(async () => (await inspectionRun(deps, run.id))?.state, { interval: 50, timeout: 10_000 }).toBe('done');
    } finally {
      await jobs.stop();
    }
  }, 30_000);
});
