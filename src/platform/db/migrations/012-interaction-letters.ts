import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/**
 * The department mailbox (部门信箱, docs/workflows/mailbox.md): letters with their stored due date and
 * three-month line (so "overdue" is a query), their history, the per-organ reply limits, the tracking
 * serials, and the accepted form tokens (one form token → one letter, enforced by the primary key).
 */
export const migration: Migration = {
  name: '012-interaction-letters',
  async up(db: Kysely<any>, { id }) {
    await db.schema
      .createTable('letters')
      .addColumn('id', id.type, id.build)
      .addColumn('organ_id', 'integer', (c) => c.notNull().references('organs.id'))
      .addColumn('tracking_no', 'text', (c) => c.notNull().unique())
      .addColumn('query_code_hash', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull().check(sql`type in ('consult','suggest','complain','other')`))
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('writer_name', 'text', (c) => c.notNull())
      .addColumn('contact', 'text', (c) => c.notNull())
      .addColumn('publish_consent', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('received','assigned','reply_review','replied','not_accepted')`))
      .addColumn('unit_id', 'integer', (c) => c.references('organs.id'))
      .addColumn('submitted_on', 'text', (c) => c.notNull())
      .addColumn('received_on', 'text', (c) => c.notNull())
      .addColumn('due_working_days', 'integer', (c) => c.notNull())
      .addColumn('due_on', 'text', (c) => c.notNull())
      .addColumn('three_month_on', 'text', (c) => c.notNull())
      .addColumn('reply_text', 'text')
      .addColumn('reply_drafted_by', 'integer', (c) => c.references('users.id'))
      .addColumn('replied_on', 'text')
      .addColumn('rate_by_on', 'text')
      .addColumn('rating', 'text', (c) => c.check(sql`rating in ('satisfied','basically_satisfied','dissatisfied')`))
      .addColumn('rating_comment', 'text')
      .addColumn('not_accepted_reason', 'text')
      .addColumn('transfer_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('letters_organ_state_due').on('letters').columns(['organ_id', 'state', 'due_on']).execute();
    await db.schema.createIndex('letters_organ_replied').on('letters').columns(['organ_id', 'replied_on']).execute();

    await db.schema
      .createTable('letter_events')
      .addColumn('id', id.type, id.build)
      .addColumn('letter_id', 'integer', (c) => c.notNull().references('letters.id').onDelete('cascade'))
      .addColumn('organ_id', 'integer', (c) => c.notNull().references('organs.id'))
      .addColumn('verb', 'text', (c) => c.notNull())
      .addColumn('from_state', 'text')
      .addColumn('to_state', 'text', (c) => c.notNull())
      .addColumn('occurred_on', 'text', (c) => c.notNull())
      .addColumn('occurred_at', 'text', (c) => c.notNull())
      .addColumn('actor_user_id', 'integer', (c) => c.references('users.id'))
      .addColumn('actor_label', 'text', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('data_json', 'text')
      .execute();
    await db.schema.createIndex('letter_events_letter').on('letter_events').columns(['letter_id', 'id']).execute();

    await db.schema
      .createTable('letter_settings')
      .addColumn('organ_id', 'integer', (c) => c.primaryKey().references('organs.id'))
      .addColumn('consult_days', 'integer', (c) => c.notNull())
      .addColumn('suggest_days', 'integer', (c) => c.notNull())
      .addColumn('complain_days', 'integer', (c) => c.notNull())
      .addColumn('other_days', 'integer', (c) => c.notNull())
      .addColumn('reply_review', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('letter_serials')
      .addColumn('organ_id', 'integer', (c) => c.notNull().references('organs.id'))
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('last_serial', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('letter_serials_pk', ['organ_id', 'year'])
      .execute();

    await db.schema
      .createTable('letter_submissions')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('letter_id', 'integer', (c) => c.notNull().unique().references('letters.id').onDelete('cascade'))
      .addColumn('sealed_receipt', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
  },
};
