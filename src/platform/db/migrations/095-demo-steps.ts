import type { Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/**
 * The demo's steps done (src/main/seed-demo.ts): the region in one transaction (ADR 0004), then its cases, files,
 * standard directory, proposals, consultations and search log, each in its own. A first start that stopped between
 * them left a partial demo that no later start completed (the database was no longer empty); the next start now runs
 * the steps not written here.
 */
export const migration: Migration = {
  name: '095-demo-steps',
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('demo_steps')
      .addColumn('step', 'text', (c) => c.primaryKey())
      .addColumn('done_at', 'text', (c) => c.notNull())
      .execute();
  },
};
