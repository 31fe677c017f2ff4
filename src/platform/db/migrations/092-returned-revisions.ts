import type { Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/**
 * 退回修订 sends a revision back to its proposer instead of discarding it (docs/adr/0051): the row stays 'pending' —
 * still the item's one revision, its files still marked with it — and records who returned it, when and why. A
 * returned revision waits on its proposer (待办 退回给我修改), who reworks it (修订 again clears these and it is in
 * review again) or withdraws it (撤回修订, which closes it as 'returned' as before). Null: in review.
 */
export const migration: Migration = {
  name: '092-returned-revisions',
  async up(db: Kysely<any>) {
    await db.schema.alterTable('publication_revisions').addColumn('returned_at', 'text').execute();
    await db.schema.alterTable('publication_revisions').addColumn('returned_by', 'integer', (c) => c.references('users.id')).execute();
    await db.schema.alterTable('publication_revisions').addColumn('returned_by_label', 'text').execute();
    await db.schema.alterTable('publication_revisions').addColumn('return_comment', 'text').execute();
  },
};
