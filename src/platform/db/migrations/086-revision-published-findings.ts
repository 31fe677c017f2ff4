import type { Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/**
 * The published version's scan as it stood when a revision started (its findings with the reviewers'
 * acceptances), kept on the revision: the revision's own scan takes its place on the review form, so
 * without it 退回修订 gave the published version back without the acceptances of the findings the
 * revision had changed, and a reworked revision could not take them back either
 * (docs/workflows/review-states.md, "Acceptances a revision keeps"). Null for revisions started before.
 */
export const migration: Migration = {
  name: '086-revision-published-findings',
  async up(db: Kysely<any>) {
    await db.schema.alterTable('publication_revisions').addColumn('published_findings_json', 'text').execute();
  },
};
