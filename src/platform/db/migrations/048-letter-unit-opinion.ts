import type { Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/**
 * The day the internal unit a 部门信箱 letter is handed to (交办) last wrote its 办理意见 for the organ's
 * handler (docs/workflows/mailbox.md, "Letters handed to a unit"); null: the unit has not answered yet,
 * or the letter is not handed to a unit. Stored so the lists and 待办 can ask it in SQL.
 */
export const migration: Migration = {
  name: '048-letter-unit-opinion',
  async up(db: Kysely<any>) {
    await db.schema.alterTable('letters').addColumn('unit_opinion_on', 'text').execute();
  },
};
