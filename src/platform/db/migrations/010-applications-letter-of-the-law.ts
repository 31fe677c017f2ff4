import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/** Every letter kind the applications area issues (docs/workflows/application-states.md, "Outcomes and letters"). */
const LETTER_KINDS = [
  'acknowledgement', 'correction_notice', 'consultation_letter', 'extension_notice', 'fee_notice', 'reply', 'termination_notice',
  'disclosure_notice', 'reasons_request', 'delay_notice', 'discard_notice', 'withdrawal_notice',
];
const kindCheck = sql.raw(`kind in (${LETTER_KINDS.map((k) => `'${k}'`).join(',')})`);

/**
 * Applications to the letter of the law (条例第二十七条至第四十四条, 行政复议法第二十条):
 * - per-organ settings: the named reconsideration body with address and online channel, the letter-number prefix;
 * - letters: their own number per organ and year, the service record (method, date, reference), more kinds;
 * - applications: the structured legal basis of a reply, the form actually provided (第四十条), 第三十五条 steps,
 *   第四十三条 assistance, 第四十一条 record-correction requests, the 第四十四条 flag;
 * - appeals: the date the reconsideration was accepted (受理) and its extension (行政复议法第六十二条).
 */
export const migration: Migration = {
  name: '010-applications-letter-of-the-law',
  async up(db: Kysely<any>, { dialect, id }) {
    await db.schema
      .createTable('application_settings')
      .addColumn('organ_id', 'integer', (c) => c.primaryKey().references('organs.id'))
      .addColumn('reconsideration_body', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('reconsideration_address', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('reconsideration_online', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('letter_prefix', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();

    await db.schema
      .createTable('application_letter_serials')
      .addColumn('organ_id', 'integer', (c) => c.notNull().references('organs.id'))
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('last_serial', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('application_letter_serials_pk', ['organ_id', 'year'])
      .execute();

    // The letter kinds grow: PostgreSQL swaps the CHECK, SQLite rebuilds the table (it cannot drop a CHECK).
    if (dialect === 'postgres') {
      await sql`alter table application_letters drop constraint if exists application_letters_kind_check`.execute(db);
      await sql`alter table application_letters add constraint application_letters_kind_check check (${kindCheck})`.execute(db);
    } else {
      await db.schema
        .createTable('application_letters_new')
        .addColumn('id', id.type, id.build)
        .addColumn('application_id', 'integer', (c) => c.notNull().references('applications.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull().check(kindCheck))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('issued_on', 'text', (c) => c.notNull())
        .addColumn('document_json', 'text', (c) => c.notNull())
        .addColumn('public', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_by', 'integer', (c) => c.references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await sql`insert into application_letters_new (id, application_id, kind, title, issued_on, document_json, public, created_by, created_at)
        select id, application_id, kind, title, issued_on, document_json, public, created_by, created_at from application_letters`.execute(db);
      await db.schema.dropTable('application_letters').execute();
      await sql`alter table application_letters_new rename to application_letters`.execute(db);
      await db.schema.createIndex('application_letters_application').on('application_letters').columns(['application_id', 'id']).execute();
    }
    for (const [name, build] of [
      ['letter_no', (c: any) => c],
      ['served_on', (c: any) => c],
      ['service_method', (c: any) => c.notNull().defaultTo('')],
      ['service_ref', (c: any) => c.notNull().defaultTo('')],
    ] as const) {
      await db.schema.alterTable('application_letters').addColumn(name, 'text', build).execute();
    }

    const text = (name: string) => db.schema.alterTable('applications').addColumn(name, 'text', (c) => c.notNull().defaultTo('')).execute();
    const date = (name: string) => db.schema.alterTable('applications').addColumn(name, 'text').execute();
    // The reply's structured legal basis: the one item cited, the withheld part's ground and reason, the responsible organ.
    await db.schema.alterTable('applications').addColumn('reply_basis_json', 'text', (c) => c.notNull().defaultTo('{}')).execute();
    await text('provided_form'); // 条例第四十条
    await text('provided_form_reason');
    await text('request_kind'); // '' = disclosure; 'record_correction' = 条例第四十一条
    await text('assisted_by'); // 条例第二十九条第一款、第四十三条: who filled in the form for the applicant
    await db.schema.alterTable('applications').addColumn('proactive_flag', 'integer', (c) => c.notNull().defaultTo(0)).execute(); // 条例第四十四条
    await text('proactive_flag_reason');
    await date('reasons_requested_on'); // 条例第三十五条
    await date('reasons_received_on');
    await date('delayed_due_on');
    await date('withdrawn_on');

    await db.schema.alterTable('appeals').addColumn('accepted_on', 'text').execute();
    await db.schema.alterTable('appeals').addColumn('extension_days', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  },
};
