import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/**
 * Public consultation (意见征集, docs/workflows/consultation.md): drafts open for comments with their
 * dates and stored feedback due date (so "feedback late" is a query), the comments with their
 * moderation state and scanner findings, and the accepted form tokens (one form token → one comment).
 */
export const migration: Migration = {
  name: '015-interaction-consultations',
  async up(db: Kysely<any>, { id }) {
    await db.schema
      .createTable('consultations')
      .addColumn('id', id.type, id.build)
      .addColumn('organ_id', 'integer', (c) => c.notNull().references('organs.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('how_to_comment', 'text', (c) => c.notNull())
      .addColumn('start_on', 'text', (c) => c.notNull())
      .addColumn('end_on', 'text', (c) => c.notNull())
      .addColumn('feedback_due_on', 'text', (c) => c.notNull())
      .addColumn('feedback_published_on', 'text')
      .addColumn('feedback_received', 'integer')
      .addColumn('feedback_adopted', 'text')
      .addColumn('feedback_not_adopted', 'text')
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('consultations_organ_dates').on('consultations').columns(['organ_id', 'start_on', 'end_on']).execute();

    await db.schema
      .createTable('consultation_comments')
      .addColumn('id', id.type, id.build)
      .addColumn('consultation_id', 'integer', (c) => c.notNull().references('consultations.id').onDelete('cascade'))
      .addColumn('author_name', 'text', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('pending','approved','rejected')`))
      .addColumn('flagged', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('findings_json', 'text', (c) => c.notNull())
      .addColumn('submitted_on', 'text', (c) => c.notNull())
      .addColumn('submitted_at', 'text', (c) => c.notNull())
      .addColumn('moderated_by', 'integer', (c) => c.references('users.id'))
      .addColumn('moderated_at', 'text')
      .addColumn('reject_reason', 'text')
      .execute();
    await db.schema.createIndex('consultation_comments_state').on('consultation_comments').columns(['consultation_id', 'state', 'id']).execute();

    await db.schema
      .createTable('consultation_submissions')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('comment_id', 'integer', (c) => c.notNull().unique().references('consultation_comments.id').onDelete('cascade'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
  },
};
