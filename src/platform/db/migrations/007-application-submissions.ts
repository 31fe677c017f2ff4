import type { Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/**
 * The public application form is idempotent (docs/workflows/public-forms.md): each accepted form
 * token is recorded once, in the same transaction as the case it made. The primary key on the
 * token's hash is what stops a double click, a refresh or a re-sent post from making a second
 * case, whatever arrives concurrently. The receipt (the query code) is sealed with the token
 * itself, so only the browser that holds the token can see it again; the hash alone reveals nothing.
 */
export const migration: Migration = {
  name: '007-application-submissions',
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('application_submissions')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('application_id', 'integer', (c) => c.notNull().unique().references('applications.id').onDelete('cascade'))
      .addColumn('sealed_receipt', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
  },
};
