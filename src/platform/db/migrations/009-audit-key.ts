import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/**
 * Keys the audit hash chain (issue 10). `audit_chain` says how the entries are hashed: a database
 * that already has entries starts as `sha256` and is re-keyed to `hmac-sha256` by the first writer
 * that holds the key (it records an `audit.rekey` entry); a new database is keyed from the start.
 * `audit_head.mac` is the keyed seal of the head, so the head cannot be adjusted after deleting rows.
 */
export const migration: Migration = {
  name: '009-audit-key',
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('audit_chain')
      .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
      .addColumn('scheme', 'text', (c) => c.notNull().check(sql`scheme in ('sha256', 'hmac-sha256')`))
      .addColumn('rekeyed_at', 'text')
      .execute();
    await db.schema.alterTable('audit_head').addColumn('mac', 'text').execute();
    const any = await db.selectFrom('audit_events').select('id').limit(1).executeTakeFirst();
    await db.insertInto('audit_chain').values({ id: 1, scheme: any ? 'sha256' : 'hmac-sha256', rekeyed_at: null }).execute();
  },
};
