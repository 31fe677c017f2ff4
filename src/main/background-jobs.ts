import type { AppDeps } from '../platform/app-deps.ts';
import type { Job } from '../platform/jobs/job-runner.ts';
import { closeLapsedCases } from '../modules/applications/index.ts';
import { expireLapsedPublications, publishScheduled } from '../modules/review/index.ts';
import { logAuditHead } from '../modules/audit/index.ts';
import { indexUpgradeRun } from '../modules/search/index.ts';
import { INSPECTION_REQUESTS_JOB, inspectionQueued, recoverLapsedInspections, runNightlyInspection, runRequestedInspections } from '../modules/supervision/index.ts';
import type { Mailer } from '../platform/mail/mailer.ts';
import { mailReminders } from './mail-reminders.ts';
import { runInspectionInThread, runNightlyInspectionInThread, type InspectionThreadSetup } from './inspection-thread.ts';

/** Every background job of the platform, wired here so each area's job stays a plain use case. */
export function backgroundJobs(
  deps: AppDeps,
  opts: { publicUrl?: string | null; mailer?: Mailer | null; inspectionThread?: InspectionThreadSetup | null } = {},
): Job[] {
  const publicOrigin = opts.publicUrl ? new URL(opts.publicUrl).origin : null;
  return [
    { name: 'publish-scheduled', everySeconds: 60, run: () => publishScheduled(deps) },
    // An index built by an earlier version (an upgrade changed what an entry holds) is rebuilt a turn at a time, each
    // window claimed by one instance and its turn ended within it, so the portal serves meanwhile (docs/search.md).
    { name: 'search-index-upgrade', everySeconds: 60, run: indexUpgradeRun(deps, { budgetMs: 40_000 }) },
    // 有效期至 (docs/adr/0027): from 00:00 China time the day after its last day a 有效 item is 已失效.
    // Checked every 10 minutes (and at start-up), each window claimed by one instance; the first run of
    // a China day lapses that day's items, later ones find none.
    { name: 'expire-lapsed', everySeconds: 600, run: () => expireLapsedPublications(deps) },
    // 条例第三十条 and the fee rules: corrections and payments not made in time close the case.
    { name: 'close-lapsed-applications', everySeconds: 3600, run: () => closeLapsedCases(deps) },
    // A copy of the audit chain's head outside the database, daily and at start-up (docs/security.md).
    { name: 'audit-head', everySeconds: 86_400, run: () => logAuditHead(deps.db, deps.logger, deps.clock.now()) },
    // The nightly website inspection (docs/rules/website-inspection.md): checked hourly, runs once per
    // China date from 02:00, claimed so that one instance runs it; then the reminders it leads to.
    // The server runs it in a worker thread (opts.inspectionThread) so pages keep their speed.
    {
      name: 'nightly-inspection', everySeconds: 3600,
      // A stop tells it to end between two pages of items; the day's run is then left to the next start.
      run: (signal) => (opts.inspectionThread ? runNightlyInspectionInThread(deps, opts.inspectionThread, publicOrigin, signal) : runNightlyInspection(deps, { publicOrigin, signal })),
    },
    // 立即检查 only records a request; this job runs the queued ones, in the worker thread like the nightly
    // run. Each tick first records runs whose process died (lease lapsed) as interrupted — a request is
    // queued again, and the nightly key freed for its next tick — and starts a thread only when a run waits.
    {
      // Woken at once by 立即检查 on the instance that queued the run (each run is taken with a lease, so a
      // run outside the job's window is safe); the tick finds runs queued elsewhere or left by a crash.
      name: INSPECTION_REQUESTS_JOB, everySeconds: 30, wakeable: true,
      run: async (signal: AbortSignal) => {
        await recoverLapsedInspections(deps);
        if (!(await inspectionQueued(deps))) return undefined;
        return opts.inspectionThread ? runInspectionInThread(deps, opts.inspectionThread, 'requested', publicOrigin, signal) : runRequestedInspections(deps, { publicOrigin, signal });
      },
    },
    // Reminders by e-mail ahead of each deadline and when it passes, when an SMTP server is
    // configured (GONGKAI_SMTP_URL); each reminder is claimed, so one instance sends it once.
    ...(opts.mailer ? [{ name: 'reminder-mails', everySeconds: 3600, run: (signal: AbortSignal) => mailReminders(deps, opts.mailer!, { siteUrl: opts.publicUrl ?? null, signal }) }] : []),
  ];
}
