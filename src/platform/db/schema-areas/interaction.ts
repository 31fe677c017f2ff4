import type { Generated } from 'kysely';

/** Tables of the interaction area, created by ../migrations/012-interaction-letters.ts. Conventions: see ../schema.ts. */
export interface InteractionTables extends ConsultationTables, ProposalTables {
  letters: LettersTable;
  letter_events: LetterEventsTable;
  letter_settings: LetterSettingsTable;
  letter_serials: { organ_id: number; year: number; last_serial: number };
  letter_submissions: { token_hash: string; letter_id: number; sealed_receipt: string; created_at: string };
}

export interface LettersTable {
  id: Generated<number>;
  organ_id: number;
  tracking_no: string;
  query_code_hash: string;
  type: string;
  subject: string;
  content: string;
  writer_name: string;
  contact: string;
  publish_consent: number;
  state: string;
  unit_id: number | null;
  submitted_on: string;
  received_on: string;
  due_working_days: number;
  due_on: string;
  three_month_on: string;
  reply_text: string | null;
  reply_drafted_by: number | null;
  replied_on: string | null;
  rate_by_on: string | null;
  rating: string | null;
  rating_comment: string | null;
  not_accepted_reason: string | null;
  /** Migration 045: staff took the published letter off the portal, and why. */
  publication_withdrawn_reason: string | null;
  /** Migration 046: the public version as staff edited it; null: the letter as written. */
  public_subject: string | null;
  public_content: string | null;
  /** Migration 047: the public version of the reply as staff edited it; null: the reply as sent. */
  public_reply_text: string | null;
  /** Migration 048: the day the unit the letter is handed to last wrote its 办理意见; null: not yet, or no unit. */
  unit_opinion_on: string | null;
  /** Migration 049: 交办意见 and 报送期限 of the hand-over; null: none given. */
  unit_instructions: string | null;
  unit_report_by_on: string | null;
  /** Migration 049: when the unit last wrote its 办理意见, and when the organ's handler last used a verb on the letter. */
  unit_opinion_at: string | null;
  handler_acted_at: string | null;
  transfer_count: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface LetterEventsTable {
  id: Generated<number>;
  letter_id: number;
  organ_id: number;
  verb: string;
  from_state: string | null;
  to_state: string;
  occurred_on: string;
  occurred_at: string;
  actor_user_id: number | null;
  actor_label: string;
  note: string;
  data_json: string | null;
}

export interface LetterSettingsTable {
  organ_id: number;
  consult_days: number;
  suggest_days: number;
  complain_days: number;
  other_days: number;
  reply_review: number;
  updated_at: string;
}

/** Tables of public consultation, created by ../migrations/015-interaction-consultations.ts. */
export interface ConsultationTables {
  consultations: ConsultationsTable;
  consultation_comments: ConsultationCommentsTable;
  consultation_submissions: { token_hash: string; comment_id: number; created_at: string };
  /** Migration 028: a consultation's draft documents offered for download. */
  consultation_files: {
    id: Generated<number>; consultation_id: number; file_name: string; mime_type: string; size_bytes: number; sha256: string; storage_key: string;
    created_by: number | null; created_at: string;
  };
}

export interface ConsultationsTable {
  id: Generated<number>;
  organ_id: number;
  title: string;
  body: string;
  how_to_comment: string;
  start_on: string;
  end_on: string;
  feedback_due_on: string;
  feedback_published_on: string | null;
  feedback_received: number | null;
  feedback_adopted: string | null;
  feedback_not_adopted: string | null;
  version: Generated<number>;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface ConsultationCommentsTable {
  id: Generated<number>;
  consultation_id: number;
  author_name: string;
  content: string;
  state: string;
  flagged: number;
  findings_json: string;
  submitted_on: string;
  submitted_at: string;
  moderated_by: number | null;
  moderated_at: string | null;
  reject_reason: string | null;
}

/** Tables of 建议提案 (人大代表建议 / 政协提案), created by ../migrations/017-proposals.ts. */
export interface ProposalTables {
  proposals: ProposalsTable;
  proposal_events: ProposalEventsTable;
  proposal_settings: { organ_id: number; due_months: number; publish_working_days: number; updated_at: string };
}

export interface ProposalsTable {
  id: Generated<number>;
  organ_id: number;
  kind: string;
  number: string;
  title: string;
  submitters: string;
  session: string;
  year: number;
  received_on: string;
  role: string;
  partner_organs: string;
  due_on: string;
  due_explicit: number;
  state: string;
  reply_text: string | null;
  replied_on: string | null;
  result: string | null;
  publish_due_on: string | null;
  satisfaction: string | null;
  satisfaction_note: string | null;
  public_text: string | null;
  published_on: string | null;
  withheld_reason: string | null;
  cancel_reason: string | null;
  version: Generated<number>;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface ProposalEventsTable {
  id: Generated<number>;
  proposal_id: number;
  organ_id: number;
  verb: string;
  from_state: string | null;
  to_state: string;
  occurred_on: string;
  occurred_at: string;
  actor_user_id: number | null;
  actor_label: string;
  note: string;
  data_json: string | null;
}
