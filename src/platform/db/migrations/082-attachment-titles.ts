import type { Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/**
 * An attachment's title (附件名称, as a 公文 names its 附件: 附件1：试点小区名单), shown to the public as its
 * link text in place of the file name; null — every row before this — shows the file name as before.
 * `pending_title` is a published item's pending revision's change to a live file's title: null no change,
 * '' the title taken away, else the new one; it becomes `title` when the revision is approved and is
 * dropped when it is returned (docs/workflows/review-states.md).
 */
export const migration: Migration = {
  name: '082-attachment-titles',
  async up(db: Kysely<any>) {
    await db.schema.alterTable('attachments').addColumn('title', 'text').execute();
    await db.schema.alterTable('attachments').addColumn('pending_title', 'text').execute();
  },
};
