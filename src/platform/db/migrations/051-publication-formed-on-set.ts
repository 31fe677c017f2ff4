import type { Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/**
 * Whether a draft's 成文日期 was set by the officer (1) or is still the date the form gave it — the day
 * the item was started, or what a Word import took from the 落款 (0). While it is not the officer's, a
 * later import into the draft fills it from the document's 落款 (docs/adr/0017). Every item saved before
 * this column counts as set: nothing recorded otherwise, and a date the officer chose is never changed.
 */
export const migration: Migration = {
  name: '051-publication-formed-on-set',
  async up(db: Kysely<any>) {
    await db.schema.alterTable('publications').addColumn('formed_on_set', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  },
};
