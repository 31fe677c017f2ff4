import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/**
 * 依申请公开: applications with their statutory clock, pauses, timeline, letters and templates;
 * reconsideration and litigation (appeals); and the holiday years entered by an administrator.
 * The annual report reads `applications` (received_on, applicant_type, outcome, replied_on) and
 * `appeals` (kind, filed_on, result, decided_on): keep those names.
 */
export const migration: Migration = {
  name: '003-applications',
  async up(db: Kysely<any>, { id }) {
    await db.schema
      .createTable('applications')
      .addColumn('id', id.type, id.build)
      .addColumn('organ_id', 'integer', (c) => c.notNull().references('organs.id'))
      .addColumn('tracking_no', 'text', (c) => c.notNull().unique())
      .addColumn('state', 'text', (c) =>
        c
          .notNull()
          .check(
            sql`state in ('awaiting_confirmation','registered','under_review','in_progress','awaiting_correction','consulting','awaiting_fee','replied','archived','discarded')`,
          ),
      )
      // 条例第三十一条: how it came in, when it arrived, and when both sides confirmed or the agency signed.
      .addColumn('channel', 'text', (c) =>
        c.notNull().check(sql`channel in ('in_person','post_signed','post_ordinary','online','fax','email','imported')`),
      )
      .addColumn('arrived_on', 'text', (c) => c.notNull())
      .addColumn('arrived_at', 'text')
      .addColumn('confirmed_on', 'text')
      .addColumn('receipt_evidence', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('received_on', 'text')
      .addColumn('applicant_type', 'text', (c) =>
        c
          .notNull()
          .check(
            sql`applicant_type in ('natural_person','commercial_enterprise','research_institution','public_interest_org','legal_service_org','other_org')`,
          ),
      )
      .addColumn('applicant_name', 'text', (c) => c.notNull())
      .addColumn('applicant_id_kind', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('applicant_id_number', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('applicant_key', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('contact_person', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('contact_phone', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('contact_email', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('contact_address', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('postal_code', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('document_number', 'text')
      .addColumn('provision_form', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('delivery_method', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('query_code_hash', 'text')
      .addColumn('handler_user_id', 'integer', (c) => c.references('users.id'))
      // 条例第三十条: one correction notice within 7 WD of receipt; the clock restarts on corrected_on.
      .addColumn('correction_notice_due_on', 'text')
      .addColumn('correction_requested_on', 'text')
      .addColumn('correction_due_on', 'text')
      .addColumn('corrected_on', 'text')
      // 条例第三十三条第二款: one extension, at most 20 WD, approved by the head of the disclosure office.
      .addColumn('extension_working_days', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('extension_approved_by', 'integer', (c) => c.references('users.id'))
      .addColumn('extension_approved_on', 'text')
      .addColumn('extension_reason', 'text')
      // The computed reply deadline, stored so that "overdue" and "due soon" are plain SQL.
      .addColumn('due_on', 'text')
      .addColumn('original_due_on', 'text')
      .addColumn('due_provisional', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('due_warnings_json', 'text', (c) => c.notNull().defaultTo('[]'))
      // 国办函〔2020〕109号: one method per application; the payment window is stored as a date.
      .addColumn('fee_method', 'text', (c) => c.check(sql`fee_method in ('per_application','per_page')`))
      .addColumn('fee_units', 'integer')
      .addColumn('fee_amount_yuan', 'integer')
      .addColumn('fee_notice_sent_on', 'text')
      .addColumn('fee_notice_received_on', 'text')
      .addColumn('fee_due_on', 'text')
      .addColumn('fee_paid_on', 'text')
      .addColumn('outcome', 'text', (c) =>
        c.check(
          sql`outcome in ('disclosed','partly_disclosed','withheld.state_secret','withheld.prohibited_by_law','withheld.three_securities_one_stability','withheld.third_party_rights','withheld.internal_affairs','withheld.process_information','withheld.enforcement_case_file','withheld.administrative_inquiry','unable.not_held','unable.needs_creation','unable.still_unclear_after_correction','not_processed.petition_complaint','not_processed.repeated','not_processed.publication','not_processed.mass_unreasonable','not_processed.confirm_or_reissue','other.correction_overdue','other.fee_unpaid','other.other')`,
        ),
      )
      .addColumn('replied_on', 'text')
      .addColumn('reply_text', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('archived_on', 'text')
      .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('portal','staff','import')`))
      .addColumn('imported', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('applications_organ_state_due').on('applications').columns(['organ_id', 'state', 'due_on']).execute();
    await db.schema.createIndex('applications_organ_received').on('applications').columns(['organ_id', 'received_on']).execute();
    await db.schema.createIndex('applications_organ_replied').on('applications').columns(['organ_id', 'replied_on']).execute();
    await db.schema.createIndex('applications_applicant_month').on('applications').columns(['organ_id', 'applicant_key', 'received_on']).execute();

    await db.schema
      .createTable('application_serials')
      .addColumn('organ_id', 'integer', (c) => c.notNull().references('organs.id'))
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('last_serial', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('application_serials_pk', ['organ_id', 'year'])
      .execute();

    // 条例第三十二条、第三十三条第三款 and the fee window (docs/rules/fees.md): working days in (started_on, ended_on] are not counted.
    await db.schema
      .createTable('application_pauses')
      .addColumn('id', id.type, id.build)
      .addColumn('application_id', 'integer', (c) => c.notNull().references('applications.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('third_party','co_agency','fee')`))
      .addColumn('party', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('started_on', 'text', (c) => c.notNull())
      .addColumn('expected_end_on', 'text')
      .addColumn('ended_on', 'text')
      .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('application_pauses_application').on('application_pauses').columns(['application_id', 'started_on']).execute();

    await db.schema
      .createTable('application_events')
      .addColumn('id', id.type, id.build)
      .addColumn('application_id', 'integer', (c) => c.notNull().references('applications.id').onDelete('cascade'))
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
    await db.schema.createIndex('application_events_application').on('application_events').columns(['application_id', 'id']).execute();

    await db.schema
      .createTable('application_letters')
      .addColumn('id', id.type, id.build)
      .addColumn('application_id', 'integer', (c) => c.notNull().references('applications.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) =>
        c.notNull().check(sql`kind in ('acknowledgement','correction_notice','consultation_letter','extension_notice','fee_notice','reply','termination_notice')`),
      )
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('issued_on', 'text', (c) => c.notNull())
      .addColumn('document_json', 'text', (c) => c.notNull())
      .addColumn('public', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('application_letters_application').on('application_letters').columns(['application_id', 'id']).execute();

    // An organ's own wording of a letter; without a row the built-in template applies.
    await db.schema
      .createTable('application_letter_templates')
      .addColumn('id', id.type, id.build)
      .addColumn('organ_id', 'integer', (c) => c.notNull().references('organs.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addUniqueConstraint('application_letter_templates_organ_kind', ['organ_id', 'kind'])
      .execute();

    // 行政复议 and 行政诉讼 about an application (table 四 of the annual report).
    await db.schema
      .createTable('appeals')
      .addColumn('id', id.type, id.build)
      .addColumn('organ_id', 'integer', (c) => c.notNull().references('organs.id'))
      .addColumn('application_id', 'integer', (c) => c.references('applications.id'))
      .addColumn('tracking_no', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) =>
        c.notNull().check(sql`kind in ('reconsideration','litigation_direct','litigation_after_reconsideration')`),
      )
      .addColumn('case_no', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('filed_on', 'text', (c) => c.notNull())
      .addColumn('result', 'text', (c) => c.notNull().check(sql`result in ('upheld','corrected','other','pending')`))
      .addColumn('decided_on', 'text')
      .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('imported', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('appeals_organ_filed').on('appeals').columns(['organ_id', 'filed_on']).execute();
    await db.schema.createIndex('appeals_application').on('appeals').column('application_id').execute();

    // A State Council holiday notice entered by an administrator (docs/rules/working-days.md); overrides a built-in year.
    await db.schema
      .createTable('holiday_years')
      .addColumn('year', 'integer', (c) => c.primaryKey())
      .addColumn('holidays', 'text', (c) => c.notNull())
      .addColumn('workdays', 'text', (c) => c.notNull())
      .addColumn('notice_url', 'text')
      .addColumn('entered_by', 'integer', (c) => c.references('users.id'))
      .addColumn('entered_at', 'text', (c) => c.notNull())
      .execute();
  },
};
