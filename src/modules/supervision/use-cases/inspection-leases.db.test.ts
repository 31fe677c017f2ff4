import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { buildDeps, createNode, createOrgan, createPublished, system } from '../../../../test/support/factories.ts';
import { inspectionRun, requestInspection, runInspectionNow, runNightlyInspection, runRequestedInspections } from './inspection-runs.ts';

/**
 * A process killed outright (SIGKILL, a power cut) while it inspects writes nothing more: its run stays
 * `running` under its key. Each test writes the row such a process leaves, then asks what the next tick does.
 */
describeEachDialect('an inspection run whose process died', (db) => {
  const runsLike = (deps: ReturnType<typeof buildDeps>, prefix: string) =>
    deps.db.selectFrom('inspection_runs').select(['run_key', 'status', 'error']).where('run_key', 'like', `${prefix}%`).orderBy('id').execute();

  it('is recorded as interrupted once its lease has lapsed, and the next tick runs the day\'s nightly inspection again', async () => {
    const deps = buildDeps(db(), '2026-06-02T18:30:00Z'); // 02:30 on 3 June in China
    await createOrgan(deps);
    // Killed at 02:10: its lease, renewed while it worked, ran until 02:14 — a living process would have renewed it.
    const killed = await deps.db.insertInto('inspection_runs')
      .values({ run_key: 'nightly:2026-06-03', trigger: 'schedule', started_at: '2026-06-02T18:05:00.000Z', status: 'running', owner: 'host-a:4242:0:gone', lease_until: '2026-06-02T18:14:00.000Z', organ_codes: '[]' })
      .returning('id').executeTakeFirstOrThrow();

    const again = await runNightlyInspection(deps, { checkExternal: false });
    expect(again?.result.inspectedOn).toBe('2026-06-03');
    expect(await runsLike(deps, 'nightly:2026-06-03')).toEqual([
      { run_key: `nightly:2026-06-03:interrupted:${killed.id}`, status: 'failed', error: expect.stringContaining('中断') },
      { run_key: 'nightly:2026-06-03', status: 'done', error: null },
    ]);
    // Once done, the day is done.
    expect(await runNightlyInspection(deps, { checkExternal: false })).toBeNull();
  });

  it('is left alone while its lease holds (its process is alive and renewing it), and taken over once it lapses', async () => {
    const deps = buildDeps(db(), '2026-06-03T19:00:00Z'); // 03:00 on 4 June in China
    await createOrgan(deps);
    await deps.db.insertInto('inspection_runs')
      .values({ run_key: 'nightly:2026-06-04', trigger: 'schedule', started_at: '2026-06-03T18:05:00.000Z', status: 'running', owner: 'host-b:77:0:alive', lease_until: '2026-06-03T19:01:00.000Z', organ_codes: '[]' })
      .execute();
    expect(await runNightlyInspection(deps, { checkExternal: false })).toBeNull();
    expect(await runsLike(deps, 'nightly:2026-06-04')).toEqual([{ run_key: 'nightly:2026-06-04', status: 'running', error: null }]);

    deps.clock.set('2026-06-03T19:01:30Z'); // no renewal came
    expect((await runNightlyInspection(deps, { checkExternal: false }))?.result.inspectedOn).toBe('2026-06-04');
    expect((await runsLike(deps, 'nightly:2026-06-04')).map((r) => r.status)).toEqual(['failed', 'done']);
  });

  it('recovers a run left running before runs had leases (nothing renews it)', async () => {
    const deps = buildDeps(db(), '2026-06-05T20:00:00Z'); // 04:00 on 6 June in China
    await createOrgan(deps);
    // As a killed process of the version before leases left it: key, trigger, start and status only.
    await deps.db.insertInto('inspection_runs').values({ run_key: 'nightly:2026-06-06', trigger: 'schedule', started_at: '2026-06-05T18:05:00.000Z', status: 'running' }).execute();
    expect((await runNightlyInspection(deps, { checkExternal: false }))?.result.inspectedOn).toBe('2026-06-06');
    expect((await runsLike(deps, 'nightly:2026-06-06')).map((r) => r.status)).toEqual(['failed', 'done']);
  });

  it('queues a run 立即检查 asked for again when its process died, and the job runs it for the same request', async () => {
    const deps = buildDeps(db(), '2026-06-08T02:00:00Z');
    const organ = await createOrgan(deps);
    const key = `manual:${organ.code}`;
    const killed = await deps.db.insertInto('inspection_runs')
      .values({
        run_key: key, trigger: 'manual', started_at: '2026-06-08T01:50:00.000Z', status: 'running', owner: 'host-c:9:0:gone', lease_until: '2026-06-08T01:53:00.000Z',
        organ_codes: JSON.stringify([organ.code]), requested_at: '2026-06-08T01:49:00.000Z',
      })
      .returning('id').executeTakeFirstOrThrow();

    const done = await runRequestedInspections(deps, { checkExternal: false });
    expect(done?.result.organs.map((o) => o.code)).toEqual([organ.code]);
    const rows = await deps.db.selectFrom('inspection_runs').select(['id', 'run_key', 'status', 'requested_at']).where((eb) => eb.or([eb('run_key', '=', key), eb('run_key', 'like', `${key}:%`)])).orderBy('id').execute();
    expect(rows).toEqual([
      { id: killed.id, run_key: `${key}:interrupted:${killed.id}`, status: 'failed', requested_at: '2026-06-08T01:49:00.000Z' },
      { id: done!.id, run_key: `${key}:done:${done!.id}`, status: 'done', requested_at: '2026-06-08T01:49:00.000Z' },
    ]);
  });
});

describeEachDialect('立即检查 as a queued run', (db) => {
  it('records one run per set of organs however often it is asked, answers with that run, and the job runs it once', async () => {
    const deps = buildDeps(db(), '2026-06-10T02:00:00Z');
    const organ = await createOrgan(deps);
    const other = await createOrgan(deps);
    const node = await createNode(deps, organ.id, { name: '通知公告' });
    await createPublished(deps, organ.id, [node], { bodyHtml: `<p>见<a href="/organs/${organ.code}/items/999999">旧文</a>。</p>` });

    const first = await requestInspection(deps, system, [organ]);
    expect(first).toMatchObject({ created: true, run: { status: 'queued', organCodes: [organ.code], requestedAt: '2026-06-10T02:00:00.000Z', startedAt: null } });
    // Pressed again, or the page sent again: the same run.
    expect(await requestInspection(deps, system, [organ])).toEqual({ created: false, run: first.run });
    // Two instances asked at the same moment: one run between them.
    const [x, y] = await Promise.all([requestInspection(deps, system, [other]), requestInspection(deps, system, [other])]);
    expect([x.created, y.created].sort()).toEqual([false, true]);
    expect(x.run.id).toBe(y.run.id);
    expect(await inspectionRun(deps, first.run.id)).toMatchObject({ state: 'open' });

    // The job takes both, one after the other; asked again, nothing is left to run.
    await runRequestedInspections(deps, { checkExternal: false });
    expect(await runRequestedInspections(deps, { checkExternal: false })).toBeNull();
    const ended = await inspectionRun(deps, first.run.id);
    expect(ended).toMatchObject({ state: 'done', run: { status: 'done', organsDone: 1, itemsRead: 1 } });
    expect(ended?.state === 'done' && ended.result.organs[0]!.findings.map((f) => f.kind)).toContain('broken_link');
    expect(await inspectionRun(deps, x.run.id)).toMatchObject({ state: 'done' });

    // Once it has ended, 立即检查 asks for a new run.
    const next = await requestInspection(deps, system, [organ]);
    expect(next.created).toBe(true);
    expect(next.run.id).not.toBe(first.run.id);
    await runRequestedInspections(deps, { checkExternal: false });
  });

  it('answers with a run already under way over the organ (the nightly one) instead of queuing another', async () => {
    const deps = buildDeps(db(), '2026-06-11T02:00:00Z');
    const organ = await createOrgan(deps);
    await deps.db.insertInto('inspection_runs')
      .values({ run_key: 'nightly:2026-06-11', trigger: 'schedule', started_at: '2026-06-11T01:58:00.000Z', status: 'running', owner: 'here', lease_until: '2026-06-11T02:01:00.000Z', organ_codes: JSON.stringify([organ.code]), items_read: 1200 })
      .execute();
    expect(await requestInspection(deps, system, [organ])).toMatchObject({ created: false, run: { trigger: 'schedule', status: 'running', itemsRead: 1200 } });
    await deps.db.deleteFrom('inspection_runs').where('run_key', '=', 'nightly:2026-06-11').execute();
  });

  it('renews the lease of a run while it works, with how far it has got', async () => {
    // An external link whose server answers only when told to: the run is under way meanwhile.
    const waiting: { answer?: () => void } = {};
    const server = http.createServer((_req, res) => { waiting.answer = () => res.writeHead(200).end('ok'); });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const deps = buildDeps(db(), '2026-06-12T02:00:00Z');
      const organ = await createOrgan(deps);
      const node = await createNode(deps, organ.id, { name: '通知公告' });
      await createPublished(deps, organ.id, [node], { bodyHtml: `<p><a href="http://127.0.0.1:${(server.address() as AddressInfo).port}/map">范围图</a></p>` });
      const run = runInspectionNow(deps, 'cli', [organ], { leaseRenewMs: 10, http: { timeoutMs: 60_000, retries: 0, perHostIntervalMs: 0 } });
      const row = () => deps.db.selectFrom('inspection_runs').select(['status', 'lease_until', 'items_read']).where('run_key', 'like', `cli:%:${organ.code}:%`).executeTakeFirst();
      await expect.poll(row, { interval: 10, timeout: 10_000 }).toEqual({ status: 'running', lease_until: '2026-06-12T02:02:00.000Z', items_read: 1 });
      // The clock moves on while the link is awaited: each renewal holds the lease two minutes from now.
      deps.clock.set('2026-06-12T02:05:00Z');
      await expect.poll(async () => (await row())?.lease_until, { interval: 10, timeout: 10_000 }).toBe('2026-06-12T02:07:00.000Z');
      await expect.poll(() => waiting.answer !== undefined, { interval: 10, timeout: 10_000 }).toBe(true);
      waiting.answer!();
      await run;
      expect(await row()).toEqual({ status: 'done', lease_until: null, items_read: 1 });
    } finally {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    }
  }, 30_000);
});
