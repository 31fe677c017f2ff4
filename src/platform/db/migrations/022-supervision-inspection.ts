import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/**
 * Supervision's site inspection (docs/rules/website-inspection.md): the link checker's one-day cache
 * of external link results, each inspection run with its findings, the per-organ list of serious
 * wording errors (严重表述错误), the reminders already e-mailed (one per recipient and deadline) and
 * the address each organ or unit gets its reminders at.
 */
export const migration: Migration = {
  name: '022-supervision-inspection',
  async up(db: Kysely<any>, { id }) {
    await db.schema
      .createTable('link_checks')
      .addColumn('url', 'text', (c) => c.primaryKey())
      .addColumn('checked_at', 'text', (c) => c.notNull())
      .addColumn('ok', 'integer', (c) => c.notNull())
      .addColumn('status', 'integer')
      .addColumn('problem', 'text')
      .execute();
    await db.schema
      .createTable('inspection_runs')
      .addColumn('id', id.type, id.build)
      // One row per claimed run: 'nightly:YYYY-MM-DD' for the scheduled run, so only one instance runs it.
      .addColumn('run_key', 'text', (c) => c.notNull().unique())
      .addColumn('trigger', 'text', (c) => c.notNull().check(sql`trigger in ('schedule','manual','cli')`))
      .addColumn('started_at', 'text', (c) => c.notNull())
      .addColumn('finished_at', 'text')
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('running','done','failed')`))
      .addColumn('result_json', 'text')
      .addColumn('error', 'text')
      .execute();
    await db.schema.createIndex('inspection_runs_finished').on('inspection_runs').column('finished_at').execute();
    await db.schema
      .createTable('wording_rules')
      .addColumn('id', id.type, id.build)
      .addColumn('organ_id', 'integer', (c) => c.notNull().references('organs.id'))
      .addColumn('wrong_phrase', 'text', (c) => c.notNull())
      .addColumn('correct_phrase', 'text', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('wording_rules_organ_phrase', ['organ_id', 'wrong_phrase'])
      .execute();
    await db.schema
      .createTable('reminder_mails')
      .addColumn('id', id.type, id.build)
      // What the reminder is about and its deadline, e.g. 'node:12:2026-03-06'; one mail per recipient and key.
      .addColumn('reminder_key', 'text', (c) => c.notNull())
      .addColumn('recipient', 'text', (c) => c.notNull())
      .addColumn('sent_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('reminder_mails_once', ['reminder_key', 'recipient'])
      .execute();
    // Where an organ's or unit's reminders go (the responsible people's shared mailbox).
    await db.schema
      .createTable('reminder_addresses')
      .addColumn('organ_id', 'integer', (c) => c.primaryKey().references('organs.id').onDelete('cascade'))
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
  },
};
