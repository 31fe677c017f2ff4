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
  // from_path: a path with its query string when the old site had one (catalog/domain/redirect-address.ts); item_id: the item a
  // redirect to an item page leads to, acted on only while it is published (migration 040); spellings: the address as the old
  // site wrote it where that differs from from_path, one a line (migration 041), for a static copy's web server.
  redirects: { id: Generated<number>; from_path: string; to_path: string; reason: string; created_at: string; item_id: number | null; spellings: string | null };
}
