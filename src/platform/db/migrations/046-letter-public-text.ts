import type { Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/**
 * The public version of a 部门信箱 letter as staff edited it (修改公开版本: a neighbour's name or an
 * address in words taken out before or after publication; docs/workflows/mailbox.md). The letter as
 * written stays in `subject` and `content`; null here means the portal shows those (masked).
 */
export const migration: Migration = {
  name: '046-letter-public-text',
  async up(db: Kysely<any>) {
    await db.schema.alterTable('letters').addColumn('public_subject', 'text').execute();
    await db.schema.alterTable('letters').addColumn('public_content', 'text').execute();
  },
};
