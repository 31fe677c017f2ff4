import type { FastifyInstance } from 'fastify';
import type { JobStatus } from '../jobs/job-runner.ts';

export type ReadinessChecks = {
  /** Throws when the database cannot answer. */
  database(): Promise<void>;
  /** Migrations this version has that the database has not applied. */
  pendingMigrations(): Promise<string[]>;
  /** The background jobs of this process, or null when this process runs none (tests, web-only). */
  jobs(): JobStatus[] | null;
  now(): Date;
};

/** A job is stalled when it has not started for two of its intervals plus a minute (and is not running). */
export function stalledJobs(jobs: JobStatus[], now: Date): JobStatus[] {
  return jobs.filter((j) => {
    if (j.running) return false;
    // A tick whose window another instance had claimed shows the job loop alive as well.
    const seen = [j.lastStartedAt, j.lastCheckedAt].filter((x): x is string => !!x).sort().at(-1) ?? null;
    const last = seen ? Date.parse(seen) : null;
    return last === null || now.getTime() - last > (2 * j.everySeconds + 60) * 1000;
  });
}

/**
 * /readyz for load balancers and monitoring (docs/operations.md): 200 when the database answers,
 * its migrations are current and the background jobs tick; 503 with the reasons in Chinese
 * otherwise. A job whose last run failed is reported but does not take the instance out of service.
 * /healthz stays the liveness check (the process answers).
 */
export function readinessRoute(app: FastifyInstance, checks: ReadinessChecks): void {
  app.get('/readyz', async (_request, reply) => {
    const problems: string[] = [];
    let database = 'ok';
    let pending: string[] = [];
    try {
      await checks.database();
      pending = await checks.pendingMigrations();
    } catch (e) {
      database = 'unreachable';
      problems.push(`数据库无法访问：${(e as Error).message}`);
    }
    if (pending.length) problems.push(`数据库尚未执行迁移：${pending.join(', ')}（请运行 ./bin/gongkai migrate 或重启服务）`);
    const jobs = checks.jobs();
    const stalled = jobs ? stalledJobs(jobs, checks.now()) : [];
    for (const j of stalled) problems.push(`后台任务 ${j.name} 已超过 ${2 * j.everySeconds + 60} 秒未运行`);
    const body = {
      status: problems.length ? 'not_ready' : 'ready',
      problems,
      checks: {
        database,
        pendingMigrations: pending,
        jobs: jobs === null ? 'not_run_here' : jobs.map((j) => ({ name: j.name, running: j.running, lastStartedAt: j.lastStartedAt, lastFailedAt: j.lastFailedAt, lastError: j.lastError })),
      },
    };
    return reply.status(problems.length ? 503 : 200).header('Cache-Control', 'no-store').send(body);
  });
}
