import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration.ts';

const statusCheck = sql.raw(`status in ('queued','running','done','failed')`);

/**
 * Supervision's inspection runs (docs/rules/website-inspection.md, docs/operations.md):
 * - 立即检查 no longer inspects inside the officer's request: it records a run `queued` (with the organs
 *   it is to cover, who asked and when; no start yet) that a background job then takes and runs;
 * - a running run holds a lease (`owner`, `lease_until`) that its process renews while it works, so a
 *   run whose process died (SIGKILL, power loss) is recognised once its lease has lapsed, recorded as
 *   interrupted and run again, instead of staying `running` with the day's key for ever;
 * - how far a running run has got (`organs_done`, `items_read`), shown while it runs.
 * PostgreSQL swaps the status CHECK and drops NOT NULL from started_at; SQLite rebuilds the table.
 */
export const migration: Migration = {
  name: '061-inspection-run-leases',
  async up(db: Kysely<any>, { dialect, id }) {
    if (dialect === 'postgres') {
      await sql`alter table inspection_runs drop constraint if exists inspection_runs_status_check`.execute(db);
      await sql`alter table inspection_runs add constraint inspection_runs_status_check check (${statusCheck})`.execute(db);
      await sql`alter table inspection_runs alter column started_at drop not null`.execute(db);
    } else {
      await db.schema
        .createTable('inspection_runs_new')
        .addColumn('id', id.type, id.build)
        .addColumn('run_key', 'text', (c) => c.notNull().unique())
        .addColumn('trigger', 'text', (c) => c.notNull().check(sql`trigger in ('schedule','manual','cli')`))
        .addColumn('started_at', 'text')
        .addColumn('finished_at', 'text')
        .addColumn('status', 'text', (c) => c.notNull().check(statusCheck))
        .addColumn('result_json', 'text')
        .addColumn('error', 'text')
        .execute();
      await sql`insert into inspection_runs_new (id, run_key, trigger, started_at, finished_at, status, result_json, error)
        select id, run_key, trigger, started_at, finished_at, status, result_json, error from inspection_runs`.execute(db);
      await db.schema.dropTable('inspection_runs').execute();
      await sql`alter table inspection_runs_new rename to inspection_runs`.execute(db);
      await db.schema.createIndex('inspection_runs_finished').on('inspection_runs').column('finished_at').execute();
    }
    // The organs a run covers (a JSON array of codes); who asked for a queued run, and when.
    await db.schema.alterTable('inspection_runs').addColumn('organ_codes', 'text').execute();
    await db.schema.alterTable('inspection_runs').addColumn('requested_by', 'integer', (c) => c.references('users.id')).execute();
    await db.schema.alterTable('inspection_runs').addColumn('requested_at', 'text').execute();
    // The process running it and until when its lease holds; a run `running` past its lease has lost its owner.
    await db.schema.alterTable('inspection_runs').addColumn('owner', 'text').execute();
    await db.schema.alterTable('inspection_runs').addColumn('lease_until', 'text').execute();
    await db.schema.alterTable('inspection_runs').addColumn('organs_done', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    await db.schema.alterTable('inspection_runs').addColumn('items_read', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    // The open runs (queued or running) are looked up on every supervision page.
    await db.schema.createIndex('inspection_runs_status').on('inspection_runs').column('status').execute();
  },
};
