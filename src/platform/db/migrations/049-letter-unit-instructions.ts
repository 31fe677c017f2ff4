import type { Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/**
 * What the organ asks of the internal unit it hands a 部门信箱 letter to (交办意见), the day by which the
 * unit must send its 办理意见 (报送期限, on or before the letter's reply due date), and two instants that
 * tell the organ's handler a note came in: when the unit last wrote it and when the organ's handler last
 * acted on the letter (docs/workflows/mailbox.md, "Letters handed to a unit"). Stored so the lists and
 * 待办 ask 逾期 and "new note" in SQL.
 */
export const migration: Migration = {
  name: '049-letter-unit-instructions',
  async up(db: Kysely<any>) {
    await db.schema.alterTable('letters').addColumn('unit_instructions', 'text').execute();
    await db.schema.alterTable('letters').addColumn('unit_report_by_on', 'text').execute();
    await db.schema.alterTable('letters').addColumn('unit_opinion_at', 'text').execute();
    await db.schema.alterTable('letters').addColumn('handler_acted_at', 'text').execute();
  },
};
