import type { Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/**
 * Which version of a pending revision a publisher saw: `edit_no` counts every change to it — saved again by its
 * proposer, a file added, removed, kept or retitled with it, a suggested mask put in its text. 修订审核通过 and 退回修订
 * carry the number the page (or the API) showed and are refused when it moved since (ERR_REVIEW_REVISION_CHANGED), and
 * each closes or returns the revision only while the number is still the one it read, so a save racing an approval is
 * never published unseen nor lost on a closed revision.
 */
export const migration: Migration = {
  name: '097-revision-edit-number',
  async up(db: Kysely<any>) {
    await db.schema.alterTable('publication_revisions').addColumn('edit_no', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  },
};
