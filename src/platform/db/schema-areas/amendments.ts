/** Which later documents amended an item marked 已修改 (migration 065; the catalog area owns it, docs/adr/0026). */
export interface AmendmentTables {
  publication_amendments: { amended_id: number; amending_id: number; recorded_on: string; recorded_by: number | null };
}
