import type { Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/**
 * Supervision (docs/rules/website-inspection.md, "Monthly dispatch"): the notice (通报) drafted for an
 * organ's month. One per organ and month — the primary key — so 生成通报草稿 pressed again, or twice at
 * once, opens the draft already made instead of making another (the row is written in the transaction
 * that creates the draft).
 */
export const migration: Migration = {
  name: '057-dispatch-notices',
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('dispatch_notices')
      .addColumn('organ_id', 'integer', (c) => c.notNull().references('organs.id'))
      .addColumn('month', 'text', (c) => c.notNull())
      .addColumn('publication_id', 'integer', (c) => c.notNull().references('publications.id').onDelete('cascade'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('dispatch_notices_pk', ['organ_id', 'month'])
      .execute();
  },
};
