import type { Generated } from 'kysely';

/**
 * Tables of the applications area (依申请公开), created by ../migrations/003-applications.ts.
 * Conventions: see ../schema.ts. The annual report reads `applications` and `appeals`.
 */
export interface ApplicationsTables {
  applications: ApplicationsTable;
  application_serials: ApplicationSerialsTable;
  application_pauses: ApplicationPausesTable;
  application_events: ApplicationEventsTable;
  application_letters: ApplicationLettersTable;
  application_letter_templates: ApplicationLetterTemplatesTable;
  appeals: AppealsTable;
  application_settings: ApplicationSettingsTable;
  application_letter_serials: ApplicationSerialsTable;
  application_submissions: ApplicationSubmissionsTable;
  record_corrections: RecordCorrectionsTable;
  record_correction_events: RecordCorrectionEventsTable;
  record_correction_serials: ApplicationSerialsTable;
}

export interface ApplicationsTable {
  id: Generated<number>;
  organ_id: number;
  tracking_no: string;
  /** awaiting_confirmation | registered | under_review | in_progress | awaiting_correction | consulting | awaiting_fee | replied | archived | discarded */
  state: string;
  /** in_person | post_signed | post_ordinary | online | fax | email | imported */
  channel: string;
  arrived_on: string;
  arrived_at: string | null;
  confirmed_on: string | null;
  receipt_evidence: Generated<string>;
  /** 条例第三十一条 receipt date; NULL while awaiting confirmation. */
  received_on: string | null;
  /** natural_person | commercial_enterprise | research_institution | public_interest_org | legal_service_org | other_org */
  applicant_type: string;
  applicant_name: string;
  applicant_id_kind: Generated<string>;
  applicant_id_number: Generated<string>;
  /** Normalised identity used to count one applicant's applications in a month (fees 按件). */
  applicant_key: Generated<string>;
  contact_person: Generated<string>;
  contact_phone: Generated<string>;
  contact_email: Generated<string>;
  contact_address: Generated<string>;
  postal_code: Generated<string>;
  subject: string;
  document_number: string | null;
  provision_form: Generated<string>;
  delivery_method: Generated<string>;
  query_code_hash: string | null;
  handler_user_id: number | null;
  correction_notice_due_on: string | null;
  correction_requested_on: string | null;
  correction_due_on: string | null;
  corrected_on: string | null;
  extension_working_days: Generated<number>;
  extension_approved_by: number | null;
  extension_approved_on: string | null;
  extension_reason: string | null;
  /** Reply due date as currently computed; NULL while the clock has not started or waits for a correction. */
  due_on: string | null;
  original_due_on: string | null;
  /** 1 when the due date reaches into a year without a published holiday notice. */
  due_provisional: Generated<number>;
  due_warnings_json: Generated<string>;
  /** per_application | per_page */
  fee_method: string | null;
  fee_units: number | null;
  fee_amount_yuan: number | null;
  fee_notice_sent_on: string | null;
  fee_notice_received_on: string | null;
  fee_due_on: string | null;
  fee_paid_on: string | null;
  /** NULL while open; else one of the 22 result keys of annual-report-format.json. */
  outcome: string | null;
  /** The date the case closed; NULL while open. */
  replied_on: string | null;
  reply_text: Generated<string>;
  archived_on: string | null;
  /** The reply's structured legal basis (010): { item, withheldGround, withheldReason, responsibleOrgan, responsibleContact }. */
  reply_basis_json: Generated<string>;
  /** 条例第四十条: the form actually provided, and why it differs from the form asked for. */
  provided_form: Generated<string>;
  provided_form_reason: Generated<string>;
  /** '' = a disclosure request; record_correction = 条例第四十一条. */
  request_kind: Generated<string>;
  /** 条例第四十三条: who filled in the application for the applicant. */
  assisted_by: Generated<string>;
  /** 条例第四十四条: flagged to become proactive disclosure. */
  proactive_flag: Generated<number>;
  proactive_flag_reason: Generated<string>;
  /** 条例第三十五条: reasons asked, reasons received, the later reply date notified. */
  reasons_requested_on: string | null;
  reasons_received_on: string | null;
  delayed_due_on: string | null;
  withdrawn_on: string | null;
  /** portal | staff | import */
  source: string;
  imported: Generated<number>;
  created_by: number | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** One row per accepted public form token (007): at most one case per token. */
export interface ApplicationSubmissionsTable {
  /** sha256 of the form token; the primary key is the idempotency guard. */
  token_hash: string;
  application_id: number;
  /** The receipt shown to the applicant (query code), AES-GCM sealed with a key derived from the token. */
  sealed_receipt: string;
  created_at: string;
}

export interface ApplicationSerialsTable {
  organ_id: number;
  year: number;
  last_serial: number;
}

export interface ApplicationPausesTable {
  id: Generated<number>;
  application_id: number;
  /** third_party | co_agency | fee */
  kind: string;
  party: Generated<string>;
  started_on: string;
  expected_end_on: string | null;
  ended_on: string | null;
  note: Generated<string>;
  created_at: string;
}

export interface ApplicationEventsTable {
  id: Generated<number>;
  application_id: number;
  verb: string;
  from_state: string | null;
  to_state: string;
  occurred_on: string;
  occurred_at: string;
  actor_user_id: number | null;
  actor_label: string;
  note: Generated<string>;
  data_json: Generated<string>;
}

export interface ApplicationLettersTable {
  id: Generated<number>;
  application_id: number;
  /** acknowledgement | correction_notice | consultation_letter | extension_notice | fee_notice | reply | termination_notice | disclosure_notice | reasons_request | delay_notice | discard_notice | withdrawal_notice */
  kind: string;
  title: string;
  issued_on: string;
  /** The DocumentModel as issued (src/platform/documents/document-model.ts), frozen. */
  document_json: string;
  /** 1 when the applicant may download it with the query code. */
  public: Generated<number>;
  created_by: number | null;
  created_at: string;
  /** The letter's own number, e.g. 岚建公开〔2026〕第12号 (per organ and year). */
  letter_no: string | null;
  /** Service record (送达): the date the addressee received it, how, and the proof (EMS number, 送达回证, e-mail time). */
  served_on: string | null;
  service_method: Generated<string>;
  service_ref: Generated<string>;
}

/** Per-organ settings of the applications area (010). */
export interface ApplicationSettingsTable {
  organ_id: number;
  /** 复议机关 as named in letters (行政复议法第二十条第三款), its address and online channel. */
  reconsideration_body: Generated<string>;
  reconsideration_address: Generated<string>;
  reconsideration_online: Generated<string>;
  /** The organ's short form in letter numbers, e.g. 岚建公开. */
  letter_prefix: Generated<string>;
  updated_by: number | null;
  updated_at: string;
  version: Generated<number>;
}

export interface ApplicationLetterTemplatesTable {
  id: Generated<number>;
  organ_id: number;
  kind: string;
  title: string;
  body: string;
  updated_by: number | null;
  updated_at: string;
  version: Generated<number>;
}

export interface AppealsTable {
  id: Generated<number>;
  organ_id: number;
  application_id: number | null;
  /** The application's tracking number. */
  tracking_no: string;
  /** reconsideration | litigation_direct | litigation_after_reconsideration */
  kind: string;
  case_no: Generated<string>;
  /** 复议机关 or 法院. */
  body: Generated<string>;
  filed_on: string;
  /** upheld | corrected | other | pending */
  result: string;
  decided_on: string | null;
  /** For a reconsideration: the day the 复议机关 accepted it (受理), and its extension in days (行政复议法第六十二条). */
  accepted_on: string | null;
  extension_days: Generated<number>;
  note: Generated<string>;
  imported: Generated<number>;
  created_by: number | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** 条例第四十一条 correction requests (更正申请), created by ../migrations/008-record-corrections.ts. */
export interface RecordCorrectionsTable {
  id: Generated<number>;
  organ_id: number;
  /** 〈机关代码〉-GZ-〈年〉-〈五位序号〉 */
  tracking_no: string;
  /** received | corrected | not_verified | transferred | referred */
  state: string;
  channel: string;
  received_on: string;
  applicant_type: string;
  applicant_name: string;
  applicant_id_kind: Generated<string>;
  applicant_id_number: Generated<string>;
  contact_person: Generated<string>;
  contact_phone: Generated<string>;
  contact_email: Generated<string>;
  contact_address: Generated<string>;
  postal_code: Generated<string>;
  /** How the 告知书 reaches the applicant (post | email | pickup | online | fax). */
  delivery_method: Generated<string>;
  application_id: number | null;
  record_description: string;
  claimed_correction: string;
  evidence: string;
  registered_by: number | null;
  decided_on: string | null;
  corrected_content: Generated<string>;
  decision_reason: Generated<string>;
  competent_organ: Generated<string>;
  competent_contact: Generated<string>;
  /** The 告知书 as issued (DocumentModel JSON), frozen; its number and date. */
  letter_json: string | null;
  letter_no: string | null;
  letter_issued_on: string | null;
  /** sha256 of the registration form token: one token, one request. */
  form_token_hash: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface RecordCorrectionEventsTable {
  id: Generated<number>;
  record_correction_id: number;
  verb: string;
  from_state: string | null;
  to_state: string;
  occurred_on: string;
  occurred_at: string;
  actor_user_id: number | null;
  actor_label: string;
  note: Generated<string>;
  data_json: Generated<string>;
}
