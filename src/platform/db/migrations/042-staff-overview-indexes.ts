import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/**
 * Two small partial indexes for what every staff overview asks of the whole catalog (issue 18,
 * docs/performance.md "Staff pages at 1,000,000 items"): the review queue's force-published items still
 * waiting for 补充审核, and this year's items published after their 20 working days. Neither
 * condition had an index, so each question read every row of `publications` (0.8 and 1.1 s at
 * 1,000,000 items on PostgreSQL, on 工作台 and the supervision page); these index only the few rows
 * that answer them.
 */
export const migration: Migration = {
  name: '042-staff-overview-indexes',
  async up(db: Kysely<any>) {
    // The conditions are key columns too: SQLite picks the index that matches the most equalities,
    // and would otherwise take the organ-and-status index and read every published item.
    await sql`create index publications_awaiting_retro_review on publications (organ_id, status, force_published, retro_approved_by) where status = 'published' and force_published = 1 and retro_approved_by is null`.execute(db);
    await sql`create index publications_published_late on publications (organ_id, published_late, published_on) where published_late = 1`.execute(db);
  },
};
