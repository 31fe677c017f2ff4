import type { Logger } from 'pino';

export type Job = { name: string; everySeconds: number; run: () => Promise<unknown> };

/** What /readyz reports of a job: when it last started and finished, and its last failure. */
export type JobStatus = {
  name: string; everySeconds: number; running: boolean;
  lastStartedAt: string | null; lastFinishedAt: string | null; lastFailedAt: string | null; lastError: string | null;
};

/**
 * Runs background jobs on a fixed interval inside the server process. A job never overlaps
 * itself, a failure is logged and retried at the next tick, and stop() waits for running jobs.
 */
export function startJobs(
  jobs: Job[], logger: Logger, now: () => Date = () => new Date(),
): { stop(): Promise<void>; runNow(name: string): Promise<void>; status(): JobStatus[] } {
  const running = new Map<string, Promise<void>>();
  const state = new Map<string, JobStatus>(jobs.map((j) => [j.name, {
    name: j.name, everySeconds: j.everySeconds, running: false, lastStartedAt: null, lastFinishedAt: null, lastFailedAt: null, lastError: null,
  }]));
  const tick = (job: Job) => {
    if (running.has(job.name)) return running.get(job.name)!;
    const s = state.get(job.name)!;
    s.lastStartedAt = now().toISOString();
    s.running = true;
    const p = job
      .run()
      .then((result) => {
        s.lastFinishedAt = now().toISOString();
        if (result !== undefined) logger.debug({ job: job.name, result }, 'job finished');
      })
      .catch((err) => {
        s.lastFailedAt = now().toISOString();
        s.lastError = (err as Error)?.message ?? String(err);
        logger.error({ err, job: job.name }, 'job failed');
      })
      .finally(() => {
        s.running = false;
        running.delete(job.name);
      });
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
    status: () => [...state.values()].map((s) => ({ ...s })),
  };
}
