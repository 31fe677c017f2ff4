/** Tables of supervision's site inspection, created by ../migrations/022-supervision-inspection.ts. Conventions: see ../schema.ts. */
import type { Generated } from 'kysely';

export interface SupervisionInspectionTables {
  link_checks: LinkChecksTable;
  inspection_runs: InspectionRunsTable;
  wording_rules: WordingRulesTable;
  reminder_mails: ReminderMailsTable;
  reminder_addresses: ReminderAddressesTable;
}

/** The last result for an external URL; reused for a day. */
export interface LinkChecksTable {
  url: string;
  checked_at: string;
  ok: number;
  status: number | null;
  problem: string | null;
}

/** Migrations 022 and 061: a run queued (立即检查), running under a renewed lease, done or failed. */
export interface InspectionRunsTable {
  id: Generated<number>;
  run_key: string;
  trigger: 'schedule' | 'manual' | 'cli';
  /** Null while queued. */
  started_at: string | null;
  finished_at: string | null;
  status: 'queued' | 'running' | 'done' | 'failed';
  result_json: string | null;
  error: string | null;
  /** JSON array of the organ codes the run covers (null on runs older than 061). */
  organ_codes: string | null;
  requested_by: number | null;
  requested_at: string | null;
  owner: string | null;
  lease_until: string | null;
  organs_done: Generated<number>;
  items_read: Generated<number>;
}

export interface WordingRulesTable {
  id: Generated<number>;
  organ_id: number;
  wrong_phrase: string;
  correct_phrase: string;
  note: Generated<string>;
  created_by: number | null;
  created_at: string;
}

export interface ReminderMailsTable {
  id: Generated<number>;
  reminder_key: string;
  recipient: string;
  sent_at: string;
}

export interface ReminderAddressesTable {
  organ_id: number;
  email: string;
  updated_at: string;
}
