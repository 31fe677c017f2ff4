import { randomUUID } from 'node:crypto';
import type { ImportReport } from './import-items.ts';

/** An import started from the back office, followed on its page while it runs. */
export type ImportJob = {
  id: string;
  organCode: string;
  userId: number;
  fileName: string;
  startedAt: string;
  state: 'running' | 'done' | 'failed';
  phase: 'check' | 'write';
  done: number;
  total: number;
  report: ImportReport | null;
  /** Why it failed, in Chinese (a file that could not be read, a database error). */
  error: string | null;
};

const KEEP = 100;

/**
 * The back office's imports of this process (docs/import-export.md): each runs after its upload has
 * been answered, and its page reads the progress from here. Kept in memory: an import is all or
 * nothing, so a restart loses only the report of an import that wrote nothing or everything.
 */
export class ImportJobs {
  private readonly jobs = new Map<string, ImportJob>();

  start(
    meta: Pick<ImportJob, 'organCode' | 'userId' | 'fileName' | 'startedAt'>,
    run: (progress: (phase: 'check' | 'write', done: number, total: number) => void) => Promise<ImportReport>,
  ): ImportJob {
    const job: ImportJob = { ...meta, id: randomUUID(), state: 'running', phase: 'check', done: 0, total: 0, report: null, error: null };
    this.jobs.set(job.id, job);
    for (const old of [...this.jobs.keys()].slice(0, Math.max(0, this.jobs.size - KEEP))) this.jobs.delete(old);
    void run((phase, done, total) => Object.assign(job, { phase, done, total })).then(
      (report) => Object.assign(job, { state: 'done', report }),
      (e: unknown) => Object.assign(job, { state: 'failed', error: e instanceof Error ? e.message : String(e) }),
    );
    return job;
  }

  get(id: string): ImportJob | null {
    return this.jobs.get(id) ?? null;
  }

  /** Resolves when the job is no longer running (tests and the API wait on it). */
  async settled(id: string): Promise<ImportJob | null> {
    for (let job = this.get(id); job; job = this.get(id)) {
      if (job.state !== 'running') return job;
      await new Promise((r) => setTimeout(r, 20));
    }
    return null;
  }
}
