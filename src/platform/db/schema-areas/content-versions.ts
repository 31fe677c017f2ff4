/** The version of what the public portal shows (migration 034-content-version; src/platform/db/content-version.ts). */
export interface ContentVersionsTables {
  content_versions: { scope: string; version: number; changed_at: string };
}
