import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/**
 * 先审查后公开 for changed text too (issue 9; docs/workflows/review-states.md): an amendment of a
 * published item waits as a pending revision until someone other than its authors approves it, and
 * the published version stays live meanwhile. Attachments added or removed with a revision carry
 * its state until it is approved (then they go live or go) or returned (then they are undone).
 */
export const migration: Migration = {
  name: '013-publication-revisions',
  async up(db: Kysely<any>, { id }) {
    await db.schema
      .createTable('publication_revisions')
      .addColumn('id', id.type, id.build)
      .addColumn('publication_id', 'integer', (c) => c.notNull().references('publications.id').onDelete('cascade'))
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending','approved','returned')`))
      // The full new metadata and body, as the create and amend forms take them.
      .addColumn('input_json', 'text', (c) => c.notNull())
      .addColumn('change_note', 'text', (c) => c.notNull())
      .addColumn('based_on_version', 'integer', (c) => c.notNull())
      .addColumn('proposed_by', 'integer', (c) => c.references('users.id'))
      .addColumn('proposed_by_label', 'text', (c) => c.notNull())
      .addColumn('proposed_at', 'text', (c) => c.notNull())
      // JSON array of everyone who wrote the revision (its text or its attachments): none may approve it.
      .addColumn('author_ids', 'text', (c) => c.notNull())
      .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
      .addColumn('decided_at', 'text')
      .addColumn('decision_comment', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
    await db.schema.createIndex('publication_revisions_publication').on('publication_revisions').columns(['publication_id', 'status']).execute();
    // One pending revision per item, whatever arrives concurrently.
    await sql`create unique index publication_revisions_one_pending on publication_revisions (publication_id) where status = 'pending'`.execute(db);
    // null: live; 'pending_add': comes with the pending revision; 'pending_remove': goes with it.
    await db.schema.alterTable('attachments').addColumn('revision_state', 'text').execute();
  },
};
