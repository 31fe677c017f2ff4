import type { Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/**
 * API tokens with an expiry, a read-only flag and an organ scope (docs/security.md, issue 19).
 * Tokens made before have no expiry, may write and reach all their holder's organs, as before.
 */
export const migration: Migration = {
  name: '024-api-token-scope',
  async up(db: Kysely<any>) {
    await db.schema.alterTable('api_tokens').addColumn('expires_at', 'text').execute();
    await db.schema.alterTable('api_tokens').addColumn('read_only', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    // JSON array of organ ids the token is limited to; null = every organ its holder has a role on.
    await db.schema.alterTable('api_tokens').addColumn('organ_ids', 'text').execute();
    await db.schema.alterTable('api_tokens').addColumn('created_by', 'integer', (c) => c.references('users.id')).execute();
    await db.schema.createIndex('api_tokens_user').on('api_tokens').column('user_id').execute();
  },
};
