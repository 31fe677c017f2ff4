import type { Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/**
 * Background jobs claimed across instances (issue 18; docs/operations.md "Several instances"): one row
 * per job and time window; the instance whose insert succeeds runs the job for that window, so a job
 * runs once however many `serve` processes share the database.
 */
export const migration: Migration = {
  name: '027-job-claims',
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('job_claims')
      .addColumn('job', 'text', (c) => c.notNull())
      .addColumn('window_start', 'text', (c) => c.notNull())
      .addColumn('claimed_by', 'text', (c) => c.notNull())
      .addColumn('claimed_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('job_claims_pk', ['job', 'window_start'])
      .execute();
  },
};
