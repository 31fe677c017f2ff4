import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/**
 * 建议提案 (docs/workflows/proposals.md): each 人大代表建议 or 政协提案 an organ handles, with its
 * stored due date and publication due date (so "overdue" is a query), its reply, the deputy's
 * 满意度 and whether the result is published; its history; and each organ's months and working days.
 * A number is unique per organ, kind and year among the records not cancelled.
 */
export const migration: Migration = {
  name: '017-proposals',
  async up(db: Kysely<any>, { id }) {
    await db.schema
      .createTable('proposals')
      .addColumn('id', id.type, id.build)
      .addColumn('organ_id', 'integer', (c) => c.notNull().references('organs.id'))
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('suggestion','proposal')`))
      .addColumn('number', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('submitters', 'text', (c) => c.notNull())
      .addColumn('session', 'text', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('received_on', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('lead','co')`))
      .addColumn('partner_organs', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('due_on', 'text', (c) => c.notNull())
      .addColumn('due_explicit', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('registered','replied','published','withheld','cancelled')`))
      .addColumn('reply_text', 'text')
      .addColumn('replied_on', 'text')
      .addColumn('result', 'text', (c) => c.check(sql`result in ('solved','planned','reference')`))
      .addColumn('publish_due_on', 'text')
      .addColumn('satisfaction', 'text', (c) => c.check(sql`satisfaction in ('satisfied','basically_satisfied','dissatisfied')`))
      .addColumn('satisfaction_note', 'text')
      .addColumn('public_text', 'text')
      .addColumn('published_on', 'text')
      .addColumn('withheld_reason', 'text')
      .addColumn('cancel_reason', 'text')
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('proposals_organ_state_due').on('proposals').columns(['organ_id', 'state', 'due_on']).execute();
    await db.schema.createIndex('proposals_organ_year').on('proposals').columns(['organ_id', 'year', 'received_on']).execute();
    await db.schema.createIndex('proposals_organ_published').on('proposals').columns(['organ_id', 'state', 'published_on']).execute();
    // Both databases take a partial unique index: a cancelled registration frees its number.
    await sql`create unique index proposals_number on proposals (organ_id, kind, year, number) where state <> 'cancelled'`.execute(db);

    await db.schema
      .createTable('proposal_events')
      .addColumn('id', id.type, id.build)
      .addColumn('proposal_id', 'integer', (c) => c.notNull().references('proposals.id').onDelete('cascade'))
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
    await db.schema.createIndex('proposal_events_of').on('proposal_events').columns(['proposal_id', 'id']).execute();

    await db.schema
      .createTable('proposal_settings')
      .addColumn('organ_id', 'integer', (c) => c.primaryKey().references('organs.id'))
      .addColumn('due_months', 'integer', (c) => c.notNull())
      .addColumn('publish_working_days', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
  },
};
