import { createHash, randomUUID } from 'node:crypto';
import type { ImportReport } from './import-items.ts';

/**
 * Who started a job, as its page needs them while it runs: the session it was started from (by a
 * hash of its token) and what the page's frame shows of the person. See `watchedBy`.
 */
export type JobWatcher = { sessionHash: string; user: { displayName: string; username: string; isSystemAdmin: boolean }; csrf: string };

export const sessionHash = (token: string) => createHash('sha256').update(token).digest('hex');

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
  watcher: JobWatcher | null;
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
    meta: Pick<ImportJob, 'organCode' | 'userId' | 'fileName' | 'startedAt'> & { watcher?: JobWatcher },
    run: (progress: (phase: 'check' | 'write', done: number, total: number) => void) => Promise<ImportReport>,
  ): ImportJob {
    const job: ImportJob = { watcher: null, ...meta, id: randomUUID(), state: 'running', phase: 'check', done: 0, total: 0, report: null, error: null };
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

  /**
   * The job, if it is still running and was started from the session of this token. Its progress
   * page is then answered from memory, without the database: on SQLite the import's transaction
   * holds the one connection until it commits, and a page that asked the database for the session
   * would wait for the end (docs/import-export.md).
   */
  watchedBy(id: string, token: string | undefined): ImportJob | null {
    const job = this.jobs.get(id);
    return job && job.state === 'running' && token && job.watcher && job.watcher.sessionHash === sessionHash(token) ? job : null;
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
