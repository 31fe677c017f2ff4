import type { Generated } from 'kysely';

/** Tables of the review area (migrations 002-review, 013-publication-revisions). Conventions: see ../schema.ts. */
export interface ReviewTables {
  review_chain_stages: { organ_id: number; position: number; name: string; role: string };
  review_settings: { organ_id: number; publisher_role: string; updated_at: string };
  review_decisions: {
    id: Generated<number>; publication_id: number; publication_version: number; verb: string; stage_position: number | null;
    stage_name: string | null; role: string | null; comment: string; user_id: number | null; user_label: string; decided_at: string;
  };
  review_forms: {
    publication_id: number; secrecy_level: string; involves_personal_info: number; avoidance_note: string; scan_justification: string;
    scan_findings_json: string; scanned_at: string | null; updated_at: string;
  };
  publication_versions: { id: Generated<number>; publication_id: number; version_no: number; change_note: string; snapshot_json: string; created_by: number | null; created_at: string };
  publication_revisions: {
    id: Generated<number>; publication_id: number; status: 'pending' | 'approved' | 'returned'; input_json: string; change_note: string; based_on_version: number;
    proposed_by: number | null; proposed_by_label: string; proposed_at: string; author_ids: string; decided_by: number | null; decided_at: string | null; decision_comment: Generated<string>;
    /** The published version's scan when the revision started (migration 086); null before. */
    published_findings_json: string | null;
    /** 退回修订 sent it back to its proposer, kept (migration 092); null while in review. */
    returned_at: string | null; returned_by: number | null; returned_by_label: string | null; return_comment: string | null;
    /** Counts every change to the revision (migration 097): which version of it a publisher saw. */
    edit_no: Generated<number>;
  };
  submission_tasks: {
    id: Generated<number>; organ_id: number; unit_id: number; node_id: number | null; title: string; description: string; every_days: number | null;
    next_due_on: string; active: number; created_by: number | null; created_at: string;
  };
  workflow_alerts: { id: Generated<number>; organ_id: number; publication_id: number | null; kind: string; message: string; created_at: string; resolved_at: string | null };
}
