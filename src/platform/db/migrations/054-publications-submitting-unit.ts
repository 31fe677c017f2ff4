import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/**
 * The items each internal unit (股室) submitted to its organ (报送单位): the 工作台 counts a unit's drafts
 * and published items by it, and 信息管理 filters by it. Only items a unit submitted have the column set,
 * so the index holds only those; the status and organ are key columns so the 工作台's count reads the
 * index alone.
 */
export const migration: Migration = {
  name: '054-publications-submitting-unit',
  async up(db: Kysely<any>) {
    await sql`create index publications_submitting_unit on publications (submitting_unit_id, status, organ_id) where submitting_unit_id is not null`.execute(db);
  },
};
