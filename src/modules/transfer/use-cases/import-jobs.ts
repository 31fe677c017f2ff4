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
  /** A dry run's import, once it was asked for from the dry run's page (`importAfterDryRun`). */
  importedAs: string | null;
};

type RunImport = (progress: (phase: 'check' | 'write', done: number, total: number) => void) => Promise<ImportReport>;

/** How long a clean dry run's files are kept for its import, and how many bytes of such files at most. */
export const DRY_RUN_KEPT_MINUTES = 30;
const DRY_RUN_KEPT_BYTES = 64 * 1024 * 1024;

const KEEP = 100;

/**
 * The back office's imports of this process (docs/import-export.md): each runs after its upload has
 * been answered, and its page reads the progress from here. Kept in memory: an import is all or
 * nothing, so a restart loses only the report of an import that wrote nothing or everything.
 */
export class ImportJobs {
  private readonly jobs = new Map<string, ImportJob>();
  /**
   * The import of each clean dry run, with the files it checked, so that its page can import them
   * without the officer choosing the files again; kept 30 minutes, 64 MB in all (oldest dropped first).
   */
  private readonly afterDryRun = new Map<string, { run: RunImport; bytes: number; until: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  start(
    meta: Pick<ImportJob, 'organCode' | 'userId' | 'fileName' | 'startedAt'> & { watcher?: JobWatcher; thenImport?: { run: RunImport; bytes: number } },
    run: RunImport,
  ): ImportJob {
    const { thenImport, ...rest } = meta;
    const job: ImportJob = { watcher: null, ...rest, id: randomUUID(), state: 'running', phase: 'check', done: 0, total: 0, report: null, error: null, importedAs: null };
    this.jobs.set(job.id, job);
    for (const old of [...this.jobs.keys()].slice(0, Math.max(0, this.jobs.size - KEEP))) {
      this.jobs.delete(old);
      this.afterDryRun.delete(old);
    }
    void run((phase, done, total) => Object.assign(job, { phase, done, total })).then(
      (report) => {
        Object.assign(job, { state: 'done', report });
        if (thenImport && report.ok && report.dryRun) this.keep(job.id, thenImport);
      },
      (e: unknown) => Object.assign(job, { state: 'failed', error: e instanceof Error ? e.message : String(e) }),
    );
    return job;
  }

  private keep(id: string, thenImport: { run: RunImport; bytes: number }) {
    this.afterDryRun.set(id, { ...thenImport, until: this.now() + DRY_RUN_KEPT_MINUTES * 60_000 });
    let bytes = [...this.afterDryRun.values()].reduce((n, k) => n + k.bytes, 0);
    for (const [old, kept] of this.afterDryRun) {
      if (bytes <= DRY_RUN_KEPT_BYTES || old === id) break;
      this.afterDryRun.delete(old);
      bytes -= kept.bytes;
    }
  }

  /** Whether a clean dry run's files are still kept for its import. */
  canImportAfter(id: string): boolean {
    const kept = this.afterDryRun.get(id);
    if (kept && kept.until <= this.now()) this.afterDryRun.delete(id);
    return this.afterDryRun.has(id);
  }

  /**
   * Imports what a clean dry run checked (the files it kept), as a new job; asked again (a double
   * click, a refresh of the form's answer) it answers the job the first asking started, so a dry run
   * is imported at most once. Null when the files are no longer kept (30 minutes, or a restart).
   */
  importAfterDryRun(id: string, meta: Pick<ImportJob, 'startedAt'> & { watcher?: JobWatcher }): ImportJob | null {
    const dryRun = this.jobs.get(id);
    if (!dryRun) return null;
    if (dryRun.importedAs) return this.jobs.get(dryRun.importedAs) ?? null;
    if (!this.canImportAfter(id)) return null;
    const { run } = this.afterDryRun.get(id)!;
    this.afterDryRun.delete(id);
    const job = this.start({ organCode: dryRun.organCode, userId: dryRun.userId, fileName: dryRun.fileName, ...meta }, run);
    dryRun.importedAs = job.id;
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
