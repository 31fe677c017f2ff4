import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../test/support/db.ts';
import { buildDeps, createNode, createOrgan, createPublished, TEST_AUDIT_KEY } from '../../test/support/factories.ts';
import { makeTempDir } from '../../test/support/temp-dirs.ts';
import { lastInspections } from '../modules/supervision/index.ts';
import type { DatabaseHandle } from '../platform/db/connect.ts';
import { runNightlyInspectionInThread, type InspectionThreadSetup } from './inspection-thread.ts';

describeEachDialect('the nightly inspection in a worker thread', (db) => {
  it('inspects the same database off the server thread, stores the run once per China date, and says what it found', async () => {
    const deps = buildDeps(db(), '2026-03-10T02:00:00Z');
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id, { name: '工作动态' });
    await createPublished(deps, organ.id, [node], { title: '关于开展检查的通知', bodyHtml: `<p>详见<a href="/organs/${organ.code}/items/999999">旧文</a>。</p>` });
    const where = db() as DatabaseHandle & { url?: string; file?: string };
    const setup: InspectionThreadSetup = {
      databaseUrl: where.url ?? null, sqliteFile: where.file ?? null, dataDir: deps.dataDir,
      auditKey: TEST_AUDIT_KEY.toString('utf8'), logLevel: 'silent',
    };

    const first = await runNightlyInspectionInThread(deps, setup, null);
    expect(first.threadId).not.toBe(threadId);
    expect(first.run).toMatchObject({ organs: expect.any(Number), findings: expect.any(Number) });
    const stored = (await lastInspections(deps, [organ.code])).get(organ.code);
    expect(stored?.id).toBe(first.run!.id);
    expect(stored?.organ.findings).toContainEqual(expect.objectContaining({ kind: 'broken_link', title: '关于开展检查的通知' }));
    // The worker took the server's clock: the run is the day's, so the next tick finds it claimed.
    expect(stored?.startedAt.slice(0, 10)).toBe('2026-03-10');
    expect((await runNightlyInspectionInThread(deps, setup, null)).run).toBeNull();
  });

  it('stops promptly when the server stops, records the run as interrupted and leaves the day\'s run to the next start', async () => {
    // An external link whose server does not answer (until told to): the inspection is still under way when the stop comes.
    let hang = true;
    const server = http.createServer((_req, res) => { if (!hang) res.writeHead(200).end('ok'); });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const deps = buildDeps(db(), '2026-05-06T02:00:00Z');
      const organ = await createOrgan(deps);
      const node = await createNode(deps, organ.id, { name: '通知公告' });
      await createPublished(deps, organ.id, [node], { title: '关于征求意见的公告', bodyHtml: `<p>见<a href="http://127.0.0.1:${(server.address() as AddressInfo).port}/slow">附件</a>。</p>` });
      const where = db() as DatabaseHandle & { url?: string; file?: string };
      const setup: InspectionThreadSetup = {
        databaseUrl: where.url ?? null, sqliteFile: where.file ?? null, dataDir: deps.dataDir,
        auditKey: TEST_AUDIT_KEY.toString('utf8'), logLevel: 'silent',
      };
      const today = () => deps.db.selectFrom('inspection_runs').select(['run_key', 'status', 'error']).where('run_key', 'like', 'nightly:2026-05-06%').execute();
      const stop = new AbortController();
      const run = runNightlyInspectionInThread(deps, setup, null, stop.signal);
      run.catch(() => undefined);
      await expect.poll(today, { interval: 20, timeout: 10_000 }).toEqual([{ run_key: 'nightly:2026-05-06', status: 'running', error: null }]);
      await new Promise((r) => setTimeout(r, 200)); // the thread is waiting on the link
      stop.abort(new Error('服务停止'));
      await expect(run).rejects.toThrow('服务停止');
      expect(await today()).toEqual([{ run_key: expect.stringMatching(/^nightly:2026-05-06:interrupted:\d+$/), status: 'failed', error: expect.stringContaining('中断') }]);

      hang = false;
      const again = await runNightlyInspectionInThread(deps, setup, null);
      expect(again.run).toMatchObject({ organs: expect.any(Number) });
      expect((await today()).map((r) => r.status).sort()).toEqual(['done', 'failed']);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    }
  }, 60_000);
});

it('rejects with the thread\'s reason when the inspection cannot run', async () => {
  const dir = makeTempDir('inspection-thread');
  const setup: InspectionThreadSetup = { databaseUrl: null, sqliteFile: path.join(dir, 'empty.sqlite'), dataDir: dir, auditKey: 'k', logLevel: 'silent' };
  const deps = { clock: { now: () => new Date('2026-03-10T02:00:00Z') } } as Parameters<typeof runNightlyInspectionInThread>[0];
  await expect(runNightlyInspectionInThread(deps, setup, null)).rejects.toThrow(/网站巡检失败：.*no such table/);
});
