import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/**
 * Partial indexes for what the staff overviews (工作台, 审核, the supervision page) ask of the whole
 * catalog (issue 18, docs/performance.md "Staff pages at 1,000,000 items"): the review queue's
 * force-published items still waiting for 补充审核 and this year's items published after their 20
 * working days — neither condition had an index, so each question read every published row (7 and 6 s
 * on SQLite, 0.8 and 1.1 s on PostgreSQL at 1,000,000 items); these index only the few rows that
 * answer them — and the documents in force that may await a 政策解读, with every column the count
 * reads, so that on SQLite the count never reads the rows themselves (their bodies come first in
 * the row: 26 s at 1,000,000 items; 1.3 s with it and the count asked against one list of the policy
 * nodes’ items).
 */
export const migration: Migration = {
  name: '042-staff-overview-indexes',
  async up(db: Kysely<any>) {
    // The conditions are key columns too: SQLite picks the index that matches the most equalities,
    // and would otherwise take the organ-and-status index and read every published item.
    await sql`create index publications_awaiting_retro_review on publications (organ_id, status, force_published, retro_approved_by) where status = 'published' and force_published = 1 and retro_approved_by is null`.execute(db);
    await sql`create index publications_published_late on publications (organ_id, published_late, published_on) where published_late = 1`.execute(db);
    // 信息管理's list of the whole catalog, the most recently changed first (a system administrator's).
    await sql`create index publications_updated on publications (updated_at, id)`.execute(db);
    await sql`create index publications_policy_candidates on publications (organ_id, published_on, publish_route, status, item_kind, validity) where status = 'published' and item_kind = 'document' and validity = 'valid'`.execute(db);
  },
};
