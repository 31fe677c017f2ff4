import type { Generated } from 'kysely';

/** Safe catalog change (migration 031-catalog-changes; the catalog area owns both tables). */
export interface CatalogChangesTables {
  catalog_changes: {
    id: Generated<number>;
    organ_id: number;
    kind: string;
    node_id: number;
    summary: string;
    before_json: string;
    after_json: string;
    actor_user_id: number | null;
    actor_label: string;
    changed_at: string;
  };
  redirects: { id: Generated<number>; from_path: string; to_path: string; reason: string; created_at: string };
}
