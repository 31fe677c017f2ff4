import type { Generated } from 'kysely';

/** Tables of the privacy area (migration 005-privacy). Conventions: see ../schema.ts. */
export interface PrivacyTables {
  word_lists: {
    id: Generated<number>;
    /** NULL: applies to every organ. */
    organ_id: number | null;
    name: string;
    /** One word a line: 词<TAB>block|warn<TAB>说明<TAB>正确写法 (see parseWordListText). */
    entries_text: string;
    word_count: number;
    updated_by: number | null;
    updated_at: string;
  };
}
