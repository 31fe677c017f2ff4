import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/**
 * The head of the audit hash chain (last entry, its hash, the number of entries), written in the
 * same transaction as each entry, so that deleting entries from the end is detected too.
 */
export const migration: Migration = {
  name: '006-audit-head',
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('audit_head')
      .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
      .addColumn('last_id', 'integer', (c) => c.notNull())
      .addColumn('last_hash', 'text', (c) => c.notNull())
      .addColumn('entries', 'integer', (c) => c.notNull())
      .execute();
    const last = await db.selectFrom('audit_events').select(['id', 'hash']).orderBy('id', 'desc').limit(1).executeTakeFirst();
    const count = await db.selectFrom('audit_events').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    if (last) await db.insertInto('audit_head').values({ id: 1, last_id: last.id, last_hash: last.hash, entries: Number(count.n) }).execute();
  },
};
