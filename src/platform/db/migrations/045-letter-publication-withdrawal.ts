import type { Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/**
 * Staff may take a published 部门信箱 letter off the portal (撤下公开) — a personal detail the masking
 * missed, a writer who asks — and put it back (docs/workflows/mailbox.md). The reason is kept with the
 * letter while it is off (null: shown, when the writer allowed it); who did it and when are in the
 * letter's history and the audit log.
 */
export const migration: Migration = {
  name: '045-letter-publication-withdrawal',
  async up(db: Kysely<any>) {
    await db.schema.alterTable('letters').addColumn('publication_withdrawn_reason', 'text').execute();
  },
};
