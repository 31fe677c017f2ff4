import type { Generated } from 'kysely';
import type { ApplicationsTables } from './schema-areas/applications.ts';
import type { CalendarTables } from './schema-areas/calendar.ts';
import type { InteractionTables } from './schema-areas/interaction.ts';
import type { PrivacyTables } from './schema-areas/privacy.ts';
import type { ReportsTables } from './schema-areas/reports.ts';
import type { ReviewTables } from './schema-areas/review.ts';
import type { SearchTables } from './schema-areas/search.ts';
import type { SupervisionTables } from './schema-areas/supervision.ts';
import type { SiteTables } from './schema-areas/site.ts';
import type { JobsTables } from './schema-areas/jobs.ts';
import type { CatalogVersionsTables } from './schema-areas/catalog-versions.ts';
import type { CatalogChangesTables } from './schema-areas/catalog-changes.ts';
import type { ContentVersionsTables } from './schema-areas/content-versions.ts';
import type { StandardDirectoryTables } from './schema-areas/standard-directories.ts';
import type { AmendmentTables } from './schema-areas/amendments.ts';
import type { DemoTables } from './schema-areas/demo.ts';

/**
 * The database as Kysely sees it. Column conventions: `…_at` UTC ISO instants as text, `…_on`
 * dates `YYYY-MM-DD` as text, booleans as 0/1 integers, JSON as text; row mappers in each area's
 * storage/ turn rows into domain values. Each later area declares its tables in schema-areas/.
 */
export interface Database extends ReviewTables, ApplicationsTables, ReportsTables, PrivacyTables, CalendarTables, SearchTables, InteractionTables, SupervisionTables, SiteTables, JobsTables, CatalogVersionsTables, CatalogChangesTables, ContentVersionsTables, StandardDirectoryTables, AmendmentTables, DemoTables {
  organs: OrgansTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  sessions: SessionsTable;
  recovery_codes: RecoveryCodesTable;
  two_step_policies: TwoStepPoliciesTable;
  api_tokens: ApiTokensTable;
  catalog_nodes: CatalogNodesTable;
  publications: PublicationsTable;
  publication_placements: PublicationPlacementsTable;
  attachments: AttachmentsTable;
  index_serials: IndexSerialsTable;
  audit_events: AuditEventsTable;
  policy_interpretations: PolicyInterpretationsTable;
  interpretation_settings: InterpretationSettingsTable;
  audit_head: { id: number; last_id: number; last_hash: string; entries: number; mac: string | null };
  audit_chain: { id: number; scheme: 'sha256' | 'hmac-sha256'; rekeyed_at: string | null };
}

export interface OrgansTable {
  id: Generated<number>;
  code: string;
  name: string;
  short_name: string;
  kind: string;
  parent_id: number | null;
  credit_code: string;
  index_pattern: string;
  consult_phone: string;
  address: string;
  office_hours: string;
  guide_html: string;
  rules_html: string;
  sort_order: number;
  created_at: string;
  updated_at: string;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  is_active: number;
  failed_logins: number;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
  totp_secret: string | null;
  totp_pending_secret: string | null;
  totp_enabled_at: string | null;
  totp_last_step: number | null;
}

export interface UserRolesTable {
  user_id: number;
  organ_id: number;
  role: string;
}

export interface SessionsTable {
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  /** 'full' acts; 'second_factor' waits for the TOTP code; 'enrol' may only set up two-step sign-in. */
  stage: Generated<'full' | 'second_factor' | 'enrol'>;
  last_seen_at: string | null;
  failed_codes: Generated<number>;
}

export interface RecoveryCodesTable {
  id: Generated<number>;
  user_id: number;
  code_hash: string;
  created_at: string;
  used_at: string | null;
}

export interface TwoStepPoliciesTable {
  organ_id: number;
  required: number;
  updated_by: number | null;
  updated_at: string;
}

export interface ApiTokensTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  expires_at: string | null;
  read_only: Generated<number>;
  /** JSON array of organ ids; null = every organ of the holder. */
  organ_ids: string | null;
  created_by: number | null;
}

export interface CatalogNodesTable {
  id: Generated<number>;
  organ_id: number;
  parent_id: number | null;
  name: string;
  sort_order: number;
  is_standard_directory: number;
  standard_area: string | null;
  description: string;
  created_at: string;
  updated_at: string;
}

export interface PublicationsTable {
  id: Generated<number>;
  organ_id: number;
  index_number: string | null;
  title: string;
  document_number: string | null;
  publishing_organ_name: string;
  formed_on: string;
  published_on: string | null;
  published_at: string | null;
  subject: string;
  genre: string;
  stage: string;
  disclosure_mode: string;
  withheld_reason: string | null;
  disclosure_period: string;
  audience: string;
  validity: string;
  replaced_by_id: number | null;
  keywords: string;
  summary: string;
  body_html: string;
  source: string;
  consult_phone: string | null;
  doc_type: string;
  status: string;
  publish_route: string | null;
  published_by: number | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  version: number;
  view_count: number;
  // Review workflow (migration 002-review)
  review_stage: number | null;
  submitted_by: number | null;
  submitted_at: string | null;
  submitting_unit_id: number | null;
  scheduled_at: string | null;
  force_published: number | null;
  force_reason: string | null;
  retro_approved_by: number | null;
  withdrawn_reason: string | null;
  withdrawn_note: string | null;
  withdrawn_at: string | null;
  repealed_on: string | null;
  proactive_due_on: string | null;
  published_late: number | null;
  task_id: number | null;
  /** The chain as it was when the item was submitted: later changes apply to later submissions. */
  review_chain_json: string | null;
  // Policy interpretation (migration 016-policy-interpretations)
  /** 'document' (an ordinary item) or 'interpretation' (政策解读). */
  item_kind: Generated<string>;
  /** For an interpretation: 'text', 'graphic' (图解) or 'video'; null for a document. */
  interpretation_form: string | null;
  video_url: string | null;
  /** The image attachment a 图解 shows (its body is the full text alternative). */
  graphic_attachment_id: number | null;
  /** The 标准目录 事项 the item fulfils (migration 030-standard-directories), or null. */
  directory_matter_id: number | null;
  /** 1 when the officer set the 成文日期, 0 while it is the date the form or a Word import gave (migration 051). */
  formed_on_set: Generated<number>;
  /** 有效期至: the last China date the document is in force, inclusive, or null (migration 066). */
  valid_through_on: Generated<string | null>;
  /** 1 when the item is 已失效 because its 有效期至 passed, 0 otherwise (an officer's 已失效 too; migration 069). */
  lapsed_by_date: Generated<number>;
}

/** Which policies an interpretation explains (migration 016). */
export interface PolicyInterpretationsTable {
  interpretation_id: number;
  policy_id: number;
  created_at: string;
}

/** Per organ: the catalog nodes whose items need an interpretation, and within how many working days (migration 016). */
export interface InterpretationSettingsTable {
  organ_id: number;
  /** JSON array of node ids. */
  node_ids: string;
  working_days: number;
  updated_at: string;
  updated_by: number | null;
}

export interface PublicationPlacementsTable {
  publication_id: number;
  node_id: number;
}

export interface AttachmentsTable {
  id: Generated<number>;
  publication_id: number;
  file_name: string;
  mime_type: string;
  size_bytes: number;
  storage_key: string;
  sha256: string;
  created_at: string;
  /** null: live; 'pending_add' / 'pending_remove': added or removed by a pending revision (migration 013). */
  revision_state: 'pending_add' | 'pending_remove' | null;
  /** 附件名称 shown in place of the file name; null: the file name (migration 082). */
  title: string | null;
  /** A pending revision's new title for a live file: null no change, '' title taken away (migration 082). */
  pending_title: string | null;
}

export interface IndexSerialsTable {
  scope: string;
  last_serial: number;
}

export interface AuditEventsTable {
  id: Generated<number>;
  occurred_at: string;
  actor_user_id: number | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string;
  organ_id: number | null;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
}
