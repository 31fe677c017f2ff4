import type { Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/**
 * The audit log's list (/admin/audit) reads newest first by when each entry happened, ties by sequence, and
 * pages back by that pair (keyset): this index gives that order and its date filter (起始日期 / 截止日期) a range
 * to read, so a page deep in a long log costs what the first does, as the primary key did when the list went by
 * sequence. The hash chain is not touched: it is verified in sequence (docs/security.md).
 */
export const migration: Migration = {
  name: '081-audit-events-occurred',
  async up(db: Kysely<any>) {
    await db.schema.createIndex('audit_events_occurred').on('audit_events').columns(['occurred_at', 'id']).execute();
  },
};
