import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/** How long claims are kept (what /readyz and an operator may look back on). */
const KEEP_DAYS = 7;

/**
 * The claim of a job for one time window: true for the one instance whose row went in first, false
 * for every other. Older claims are pruned as new ones are made.
 */
export function databaseJobClaims(db: Kysely<Database>, instance: string) {
  const claim = async (job: string, windowStart: Date, at: Date): Promise<boolean> => {
    const row = await db.insertInto('job_claims')
      .values({ job, window_start: windowStart.toISOString(), claimed_by: instance, claimed_at: at.toISOString() })
      .onConflict((oc) => oc.columns(['job', 'window_start']).doNothing())
      .returning('job')
      .executeTakeFirst();
    if (row) await db.deleteFrom('job_claims').where('job', '=', job).where('window_start', '<', new Date(at.getTime() - KEEP_DAYS * 86_400_000).toISOString()).execute();
    return row !== undefined;
  };
  /** Gives back this instance's claim of a window (its run was interrupted by a stop), so the window runs again. */
  const release = async (job: string, windowStart: Date): Promise<void> => {
    await db.deleteFrom('job_claims').where('job', '=', job).where('window_start', '=', windowStart.toISOString()).where('claimed_by', '=', instance).execute();
  };
  return Object.assign(claim, { release });
}

export type JobClaim = ReturnType<typeof databaseJobClaims>;
