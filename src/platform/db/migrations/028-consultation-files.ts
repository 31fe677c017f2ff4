import type { Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/**
 * The draft documents of a public consultation (征求意见稿 as PDF, Word or Excel), offered for
 * download on its public page (issue 14; docs/workflows/consultation.md "Files"). The bytes live in
 * the data directory under `consultation-files/`, named by a generated key.
 */
export const migration: Migration = {
  name: '028-consultation-files',
  async up(db: Kysely<any>, { id }) {
    await db.schema
      .createTable('consultation_files')
      .addColumn('id', id.type, id.build)
      .addColumn('consultation_id', 'integer', (c) => c.notNull().references('consultations.id').onDelete('cascade'))
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('mime_type', 'text', (c) => c.notNull())
      .addColumn('size_bytes', 'integer', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('storage_key', 'text', (c) => c.notNull().unique())
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('consultation_files_of').on('consultation_files').columns(['consultation_id', 'id']).execute();
  },
};
