import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/**
 * Staff sign-in (docs/security.md, issue 19): TOTP two-step verification with recovery codes, a
 * per-organ rule that administrators and reviewers must use it, and sessions that end when idle and
 * wait for the second step before they act.
 */
export const migration: Migration = {
  name: '025-staff-two-step',
  async up(db: Kysely<any>, ctx) {
    await db.schema.alterTable('users').addColumn('totp_secret', 'text').execute();
    await db.schema.alterTable('users').addColumn('totp_pending_secret', 'text').execute();
    await db.schema.alterTable('users').addColumn('totp_enabled_at', 'text').execute();
    // The last 30-second step a code was accepted for: a code is never accepted twice.
    await db.schema.alterTable('users').addColumn('totp_last_step', 'bigint').execute();
    await db.schema.alterTable('sessions').addColumn('stage', 'text', (c) => c.notNull().defaultTo('full').check(sql`stage in ('full','second_factor','enrol')`)).execute();
    await db.schema.alterTable('sessions').addColumn('last_seen_at', 'text').execute();
    await db.schema.alterTable('sessions').addColumn('failed_codes', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    await db.schema
      .createTable('recovery_codes')
      .addColumn('id', ctx.id.type, ctx.id.build)
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('code_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text')
      .execute();
    await db.schema.createIndex('recovery_codes_user').on('recovery_codes').column('user_id').execute();
    await db.schema
      .createTable('two_step_policies')
      .addColumn('organ_id', 'integer', (c) => c.primaryKey().references('organs.id').onDelete('cascade'))
      .addColumn('required', 'integer', (c) => c.notNull())
      .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
  },
};
