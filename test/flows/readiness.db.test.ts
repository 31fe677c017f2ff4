import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../support/db.ts';
import { buildDeps } from '../support/factories.ts';
import { buildApp } from '../../src/main/build-app.ts';
import { startJobs } from '../../src/platform/jobs/job-runner.ts';
import type { FastifyInstance } from 'fastify';

describeEachDialect('/readyz', (db) => {
  let app: FastifyInstance;
  let deps: ReturnType<typeof buildDeps>;
  let jobs: ReturnType<typeof startJobs>;
  beforeAll(async () => {
    deps = buildDeps(db(), '2026-12-03T08:00:00Z');
    jobs = startJobs([{ name: 'publish-scheduled', everySeconds: 60, run: async () => undefined }], pino({ level: 'silent' }), () => deps.clock.now());
    app = await buildApp(deps, { publicUrl: null }, { jobStatus: () => jobs.status() });
  });
  afterAll(async () => {
    await jobs.stop();
    await app.close();
  });

  it('is ready when the database answers, its migrations are current and the jobs tick', async () => {
    const res = await app.inject({ method: 'GET', url: '/readyz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ready', problems: [], checks: { database: 'ok', pendingMigrations: [] } });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('is not ready, saying why, when a migration is missing or a job has stopped ticking', async () => {
    const raw = db().db as unknown as import('kysely').Kysely<{ schema_migrations: { name: string; applied_at: string } }>;
    const last = await raw.selectFrom('schema_migrations').select(['name', 'applied_at']).orderBy('name', 'desc').limit(1).executeTakeFirstOrThrow();
    await raw.deleteFrom('schema_migrations').where('name', '=', last.name).execute();
    try {
      deps.clock.set('2026-12-03T08:05:00Z');
      const res = await app.inject({ method: 'GET', url: '/readyz' });
      expect(res.statusCode).toBe(503);
      expect(res.json().problems).toEqual([
        `数据库尚未执行迁移：${last.name}（请运行 ./bin/gongkai migrate 或重启服务）`,
        '后台任务 publish-scheduled 已超过 180 秒未运行',
      ]);
      expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    } finally {
      await raw.insertInto('schema_migrations').values(last).execute();
      deps.clock.set('2026-12-03T08:00:00Z');
    }
  });
});
