import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/** How long claims are kept (what an operator may look back on). */
const KEEP_DAYS = 7;
/**
 * How long claims of a job ticking more often than hourly are kept: an hour of windows (120 for the
 * 30-second inspection-requests job, where a week was about 20,000 rows). A window's row only has to
 * outlive the ticks that could still claim that window — on an instance whose clock is behind, or
 * whose tick was delayed — which an hour covers by far; the run-once guarantee rests on the row of
 * the current window, never pruned.
 */
const SHORT_JOB_KEEP_MS = 3_600_000;

/** How long the claims of a job of this interval are kept (a week without one, as before). */
export const claimsKeptMs = (everySeconds?: number): number =>
  everySeconds !== undefined && everySeconds * 1000 < SHORT_JOB_KEEP_MS ? SHORT_JOB_KEEP_MS : KEEP_DAYS * 86_400_000;

/**
 * The claim of a job for one time window: true for the one instance whose row went in first, false
 * for every other. Older claims are pruned as new ones are made: a week of them, an hour for a job
 * whose interval (`everySeconds`, from the runner) is shorter than an hour.
 */
export function databaseJobClaims(db: Kysely<Database>, instance: string) {
  const claim = async (job: string, windowStart: Date, at: Date, everySeconds?: number): Promise<boolean> => {
    const row = await db.insertInto('job_claims')
      .values({ job, window_start: windowStart.toISOString(), claimed_by: instance, claimed_at: at.toISOString() })
      .onConflict((oc) => oc.columns(['job', 'window_start']).doNothing())
      .returning('job')
      .executeTakeFirst();
    if (row) await db.deleteFrom('job_claims').where('job', '=', job).where('window_start', '<', new Date(at.getTime() - claimsKeptMs(everySeconds)).toISOString()).execute();
    return row !== undefined;
  };
  /** Gives back this instance's claim of a window (its run was interrupted by a stop), so the window runs again. */
  const release = async (job: string, windowStart: Date): Promise<void> => {
    await db.deleteFrom('job_claims').where('job', '=', job).where('window_start', '=', windowStart.toISOString()).where('claimed_by', '=', instance).execute();
  };
  return Object.assign(claim, { release });
}

export type JobClaim = ReturnType<typeof databaseJobClaims>;
