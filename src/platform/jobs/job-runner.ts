import type { Logger } from 'pino';

/**
 * A background job. `signal` is aborted when the server stops: a long job checks it between its
 * batches (each batch its own transaction) and ends by throwing `signal.reason`, leaving nothing half
 * written; a job that ignores it is left behind after the stop's grace period.
 */
export type Job = {
  name: string; everySeconds: number; run: (signal: AbortSignal) => Promise<unknown>;
  /**
   * May run at once when this process is asked to (`wakeJob`), outside its window and without claiming
   * one: only for a job whose run claims its own work (rows taken with a lease or SKIP LOCKED), so a run
   * on two instances at once still does each piece of work once.
   */
  wakeable?: boolean;
};

const wakeups = new Set<(name: string) => void>();

/**
 * Asks this process's job runner to run a wakeable job now rather than at its next tick: someone is
 * waiting for it (立即检查 queued a run). Nothing happens for a job that is not wakeable, or when no
 * runner is started (a test app, the CLI).
 */
export function wakeJob(name: string): void {
  for (const wake of wakeups) wake(name);
}

/** How long a stop waits for running jobs to end after telling them to stop (docs/operations.md). */
export const STOP_GRACE_MS = 5_000;

/** Why a job was told to stop: what it throws, and what /readyz and the log show. */
export class JobStopped extends Error {
  constructor() {
    super('服务停止，任务中断（下次启动时重新运行）');
    this.name = 'JobStopped';
  }
}

/** What /readyz reports of a job: when it last started and finished, and its last failure. */
export type JobStatus = {
  name: string; everySeconds: number; running: boolean;
  lastStartedAt: string | null; lastFinishedAt: string | null; lastFailedAt: string | null; lastError: string | null;
  /** When this instance last ticked the job, whether it ran it or another instance had claimed the window. */
  lastCheckedAt?: string | null;
};

/**
 * Claims a job's time window for this instance; true when this instance is to run it. `release`
 * gives a window back (a run interrupted by a stop), so the next start or another instance runs it.
 */
export type ClaimWindow = ((job: string, windowStart: Date, at: Date, everySeconds?: number) => Promise<boolean>) & {
  release?: (job: string, windowStart: Date) => Promise<void>;
};

/**
 * Runs background jobs on a fixed interval inside the server process. A job never overlaps
 * itself, and a failure is logged and retried at the next tick. stop() aborts the running jobs'
 * signal and waits for them at most `graceMs` (a job that ignores its signal is abandoned, logged at
 * warn); a job that did not finish is logged as interrupted and its window released, so it runs again.
 * With `claim` (several instances on one database), each tick first claims the job's current
 * window — time cut into slices of the job's interval — and only the instance that gets it runs.
 */
export function startJobs(
  jobs: Job[], logger: Logger, now: () => Date = () => new Date(), claim: ClaimWindow | null = null,
): { stop(opts?: { graceMs?: number }): Promise<void>; runNow(name: string): Promise<void>; status(): JobStatus[] } {
  const running = new Map<string, Promise<void>>();
  const stopping = new AbortController();
  /** The window each running job claimed (to release it when the run is interrupted). */
  const windows = new Map<string, Date>();
  const state = new Map<string, JobStatus>(jobs.map((j) => [j.name, {
    name: j.name, everySeconds: j.everySeconds, running: false, lastStartedAt: null, lastFinishedAt: null, lastFailedAt: null, lastError: null, lastCheckedAt: null,
  }]));
  const claimed = async (job: Job): Promise<boolean> => {
    if (!claim) return true;
    const at = now();
    const slice = job.everySeconds * 1000;
    const windowStart = new Date(Math.floor(at.getTime() / slice) * slice);
    try {
      const mine = await claim(job.name, windowStart, at, job.everySeconds);
      if (mine) windows.set(job.name, windowStart);
      return mine;
    } catch (err) {
      logger.error({ err, job: job.name }, 'job claim failed');
      return false;
    }
  };
  const SKIPPED = Symbol('claimed by another instance');
  const release = async (job: Job) => {
    const windowStart = windows.get(job.name);
    windows.delete(job.name);
    if (!windowStart || !claim?.release) return;
    try {
      await claim.release(job.name, windowStart);
    } catch (err) {
      logger.error({ err, job: job.name }, 'job window not released after the interrupted run');
    }
  };
  const tick = (job: Job, viaClaim = true) => {
    if (running.has(job.name)) return running.get(job.name)!;
    if (stopping.signal.aborted) return Promise.resolve();
    const s = state.get(job.name)!;
    s.running = true;
    const runIt = () => {
      s.lastStartedAt = now().toISOString();
      return job.run(stopping.signal);
    };
    const p = (claim && viaClaim ? claimed(job).then((mine) => (mine ? runIt() : SKIPPED)) : runIt())
      .then((result) => {
        s.lastCheckedAt = now().toISOString();
        if (result === SKIPPED) return;
        s.lastFinishedAt = s.lastCheckedAt;
        if (result !== undefined) logger.debug({ job: job.name, result }, 'job finished');
      })
      .catch(async (err) => {
        if (stopping.signal.aborted) {
          // Told to stop: not a failure of the job; it runs again at the next start.
          s.lastError = (stopping.signal.reason as Error).message;
          logger.warn({ job: job.name, startedAt: s.lastStartedAt, reason: (err as Error)?.message ?? String(err) }, 'job interrupted by the stop; its window is released to run again');
          await release(job);
          return;
        }
        s.lastFailedAt = now().toISOString();
        s.lastCheckedAt = s.lastFailedAt;
        s.lastError = (err as Error)?.message ?? String(err);
        logger.error({ err, job: job.name }, 'job failed');
      })
      .finally(() => {
        s.running = false;
        running.delete(job.name);
        windows.delete(job.name);
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
  const wake = (name: string) => {
    const job = jobs.find((j) => j.name === name && j.wakeable);
    if (job) void tick(job, false);
  };
  wakeups.add(wake);
  return {
    async stop({ graceMs = STOP_GRACE_MS }: { graceMs?: number } = {}) {
      wakeups.delete(wake);
      timers.forEach(clearInterval);
      stopping.abort(new JobStopped());
      const left = [...running.keys()];
      if (left.length === 0) return;
      let timer: NodeJS.Timeout | undefined;
      const ended = await Promise.race([
        Promise.all(running.values()).then(() => true),
        new Promise<false>((r) => { timer = setTimeout(() => r(false), graceMs); }),
      ]);
      clearTimeout(timer);
      if (ended) return;
      // Still running after the grace period: left behind (the process exits); its window is freed.
      await Promise.all([...running.keys()].map(async (name) => {
        const job = jobs.find((j) => j.name === name)!;
        const s = state.get(name)!;
        s.running = false;
        s.lastError = (stopping.signal.reason as Error).message;
        logger.warn({ job: name, startedAt: s.lastStartedAt, graceMs }, 'job abandoned by the stop after the grace period; its window is released to run again');
        await release(job);
      }));
    },
    async runNow(name: string) {
      const job = jobs.find((j) => j.name === name);
      if (job) await tick(job, false);
    },
    status: () => [...state.values()].map((s) => ({ ...s })),
  };
}
