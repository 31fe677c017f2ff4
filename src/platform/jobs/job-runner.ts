import type { Logger } from 'pino';

export type Job = { name: string; everySeconds: number; run: () => Promise<unknown> };

/** What /readyz reports of a job: when it last started and finished, and its last failure. */
export type JobStatus = {
  name: string; everySeconds: number; running: boolean;
  lastStartedAt: string | null; lastFinishedAt: string | null; lastFailedAt: string | null; lastError: string | null;
  /** When this instance last ticked the job, whether it ran it or another instance had claimed the window. */
  lastCheckedAt?: string | null;
};

/** Claims a job's time window for this instance; true when this instance is to run it. */
export type ClaimWindow = (job: string, windowStart: Date, at: Date) => Promise<boolean>;

/**
 * Runs background jobs on a fixed interval inside the server process. A job never overlaps
 * itself, a failure is logged and retried at the next tick, and stop() waits for running jobs.
 * With `claim` (several instances on one database), each tick first claims the job's current
 * window — time cut into slices of the job's interval — and only the instance that gets it runs.
 */
export function startJobs(
  jobs: Job[], logger: Logger, now: () => Date = () => new Date(), claim: ClaimWindow | null = null,
): { stop(): Promise<void>; runNow(name: string): Promise<void>; status(): JobStatus[] } {
  const running = new Map<string, Promise<void>>();
  const state = new Map<string, JobStatus>(jobs.map((j) => [j.name, {
    name: j.name, everySeconds: j.everySeconds, running: false, lastStartedAt: null, lastFinishedAt: null, lastFailedAt: null, lastError: null, lastCheckedAt: null,
  }]));
  const claimed = async (job: Job): Promise<boolean> => {
    if (!claim) return true;
    const at = now();
    const slice = job.everySeconds * 1000;
    try {
      return await claim(job.name, new Date(Math.floor(at.getTime() / slice) * slice), at);
    } catch (err) {
      logger.error({ err, job: job.name }, 'job claim failed');
      return false;
    }
  };
  const SKIPPED = Symbol('claimed by another instance');
  const tick = (job: Job, viaClaim = true) => {
    if (running.has(job.name)) return running.get(job.name)!;
    const s = state.get(job.name)!;
    s.running = true;
    const runIt = () => {
      s.lastStartedAt = now().toISOString();
      return job.run();
    };
    const p = (claim && viaClaim ? claimed(job).then((mine) => (mine ? runIt() : SKIPPED)) : runIt())
      .then((result) => {
        s.lastCheckedAt = now().toISOString();
        if (result === SKIPPED) return;
        s.lastFinishedAt = s.lastCheckedAt;
        if (result !== undefined) logger.debug({ job: job.name, result }, 'job finished');
      })
      .catch((err) => {
        s.lastFailedAt = now().toISOString();
        s.lastCheckedAt = s.lastFailedAt;
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
      if (job) await tick(job, false);
    },
    status: () => [...state.values()].map((s) => ({ ...s })),
  };
}
