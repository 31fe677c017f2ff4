import type { Logger } from 'pino';

export type Job = { name: string; everySeconds: number; run: () => Promise<unknown> };

/**
 * Runs background jobs on a fixed interval inside the server process. A job never overlaps
 * itself, a failure is logged and retried at the next tick, and stop() waits for running jobs.
 */
export function startJobs(jobs: Job[], logger: Logger): { stop(): Promise<void>; runNow(name: string): Promise<void> } {
  const running = new Map<string, Promise<void>>();
  const tick = (job: Job) => {
    if (running.has(job.name)) return running.get(job.name)!;
    const p = job
      .run()
      .then((result) => {
        if (result !== undefined) logger.debug({ job: job.name, result }, 'job finished');
      })
      .catch((err) => logger.error({ err, job: job.name }, 'job failed'))
      .finally(() => running.delete(job.name));
    running.set(job.name, p);
    return p;
  };
  const timers = jobs.map((job) => {
    const t = setInterval(() => void tick(job), job.everySeconds * 1000);
    t.unref();
    return t;
  });
  // Catch up at start-up (e.g. schedules that fell due while the server was down).
  for (const job of jobs) void tick(job);
  return {
    async stop() {
      timers.forEach(clearInterval);
      await Promise.all(running.values());
    },
    async runNow(name: string) {
      const job = jobs.find((j) => j.name === name);
      if (job) await tick(job);
    },
  };
}
