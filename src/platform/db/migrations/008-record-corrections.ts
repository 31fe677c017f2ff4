import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/** The state before an outcome and the four outcomes (spelled out: a migration never imports domain code that may change). */
const sqlStates = sql.raw(`state in ('received','corrected','not_verified','transferred','referred')`);

/**
 * 条例第四十一条 correction requests (更正申请, docs/workflows/record-corrections.md): someone shows that
 * a record an organ provided about them is inaccurate and asks the organ to correct it. Each request is
 * its own small case at the organ: who asked, which record, what they say is right and their evidence;
 * then one outcome (corrected / not verified / transferred / referred) with its 告知书, frozen as issued
 * and numbered in the organ's letter series. Its own numbers per organ and year, its own history; the
 * form token's hash keeps a double-submitted registration to one request.
 */
export const migration: Migration = {
  name: '008-record-corrections',
  async up(db: Kysely<any>, { id }) {
    await db.schema
      .createTable('record_correction_serials')
      .addColumn('organ_id', 'integer', (c) => c.notNull().references('organs.id'))
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('last_serial', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('record_correction_serials_pk', ['organ_id', 'year'])
      .execute();

    await db.schema
      .createTable('record_corrections')
      .addColumn('id', id.type, id.build)
      .addColumn('organ_id', 'integer', (c) => c.notNull().references('organs.id'))
      .addColumn('tracking_no', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull().check(sqlStates))
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('received_on', 'text', (c) => c.notNull())
      .addColumn('applicant_type', 'text', (c) => c.notNull())
      .addColumn('applicant_name', 'text', (c) => c.notNull())
      .addColumn('applicant_id_kind', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('applicant_id_number', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('contact_person', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('contact_phone', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('contact_email', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('contact_address', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('postal_code', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('delivery_method', 'text', (c) => c.notNull().defaultTo(''))
      // The application case the record was provided in, if any (same organ).
      .addColumn('application_id', 'integer', (c) => c.references('applications.id'))
      .addColumn('record_description', 'text', (c) => c.notNull())
      .addColumn('claimed_correction', 'text', (c) => c.notNull())
      .addColumn('evidence', 'text', (c) => c.notNull())
      .addColumn('registered_by', 'integer', (c) => c.references('users.id'))
      // The outcome: its date, what was corrected, the reason, the competent organ and its contact.
      .addColumn('decided_on', 'text')
      .addColumn('corrected_content', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('decision_reason', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('competent_organ', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('competent_contact', 'text', (c) => c.notNull().defaultTo(''))
      // The 告知书 as issued (a DocumentModel), its number in the organ's letter series and its date.
      .addColumn('letter_json', 'text')
      .addColumn('letter_no', 'text')
      .addColumn('letter_issued_on', 'text')
      .addColumn('form_token_hash', 'text', (c) => c.unique())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('record_corrections_tracking_no', ['organ_id', 'tracking_no'])
      .execute();
    await db.schema.createIndex('record_corrections_organ').on('record_corrections').columns(['organ_id', 'received_on']).execute();

    await db.schema
      .createTable('record_correction_events')
      .addColumn('id', id.type, id.build)
      .addColumn('record_correction_id', 'integer', (c) => c.notNull().references('record_corrections.id').onDelete('cascade'))
      .addColumn('verb', 'text', (c) => c.notNull())
      .addColumn('from_state', 'text')
      .addColumn('to_state', 'text', (c) => c.notNull())
      .addColumn('occurred_on', 'text', (c) => c.notNull())
      .addColumn('occurred_at', 'text', (c) => c.notNull())
      .addColumn('actor_user_id', 'integer', (c) => c.references('users.id'))
      .addColumn('actor_label', 'text', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('data_json', 'text', (c) => c.notNull().defaultTo('{}'))
      .execute();
    await db.schema.createIndex('record_correction_events_request').on('record_correction_events').columns(['record_correction_id', 'id']).execute();
  },
};
