import type { Generated } from 'kysely';

/** Required 事项 of standard-directory nodes (migration 030-standard-directories; the catalog area owns it). */
export interface StandardDirectoryTables {
  directory_matters: {
    id: Generated<number>;
    organ_id: number;
    node_id: number;
    template_id: string;
    matter_key: string;
    name: string;
    stage: string;
    elements: string;
    legal_basis: string;
    time_limit: string;
    subject: string;
    /** JSON array of 公开渠道和载体. */
    channels: string;
    audience: string;
    disclosure_mode: string;
    /** JSON array of 公开层级. */
    levels: string;
    sort_order: number;
    created_at: string;
    updated_at: string;
  };
}
