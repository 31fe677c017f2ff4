import type { Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/**
 * The public version of a 部门信箱 letter's reply as staff edited it (修改公开版本: a detail the masking
 * missed in a reply already sent, taken out without withdrawing the whole letter; docs/workflows/mailbox.md).
 * The reply as sent stays in `reply_text`; null here means the portal shows that (masked).
 */
export const migration: Migration = {
  name: '047-letter-public-reply-text',
  async up(db: Kysely<any>) {
    await db.schema.alterTable('letters').addColumn('public_reply_text', 'text').execute();
  },
};
