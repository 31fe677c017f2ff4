/** The version of each organ's public catalog (migration 029-catalog-versions; the catalog area owns it). */
export interface CatalogVersionsTables {
  catalog_versions: { organ_id: number; version: number; changed_at: string };
}
