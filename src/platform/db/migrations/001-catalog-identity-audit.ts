import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/** Organs, people, the catalog, publications and the audit log: the platform's first schema. */
export const migration: Migration = {
  name: '001-catalog-identity-audit',
  async up(db: Kysely<any>, { id }) {
    await db.schema
      .createTable('organs')
      .addColumn('id', id.type, id.build)
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('short_name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('government','department','unit')`))
      .addColumn('parent_id', 'integer', (c) => c.references('organs.id'))
      .addColumn('credit_code', 'text', (c) => c.notNull())
      .addColumn('index_pattern', 'text', (c) => c.notNull())
      .addColumn('consult_phone', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('office_hours', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('guide_html', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('rules_html', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('users')
      .addColumn('id', id.type, id.build)
      .addColumn('username', 'text', (c) => c.notNull().unique())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('locked_until', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('user_roles')
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('organ_id', 'integer', (c) => c.notNull().references('organs.id'))
      .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('system_admin','organ_admin','editor','unit_head','disclosure_office','leader_in_charge')`))
      .addPrimaryKeyConstraint('user_roles_pk', ['user_id', 'organ_id', 'role'])
      .execute();

    await db.schema
      .createTable('sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('csrf_token', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('api_tokens')
      .addColumn('id', id.type, id.build)
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_used_at', 'text')
      .addColumn('revoked_at', 'text')
      .execute();

    await db.schema
      .createTable('catalog_nodes')
      .addColumn('id', id.type, id.build)
      .addColumn('organ_id', 'integer', (c) => c.notNull().references('organs.id'))
      .addColumn('parent_id', 'integer', (c) => c.references('catalog_nodes.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('is_standard_directory', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('standard_area', 'text')
      .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('catalog_nodes_organ_parent').on('catalog_nodes').columns(['organ_id', 'parent_id', 'sort_order']).execute();

    await db.schema
      .createTable('publications')
      .addColumn('id', id.type, id.build)
      .addColumn('organ_id', 'integer', (c) => c.notNull().references('organs.id'))
      .addColumn('index_number', 'text', (c) => c.unique())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('document_number', 'text')
      .addColumn('publishing_organ_name', 'text', (c) => c.notNull())
      .addColumn('formed_on', 'text', (c) => c.notNull())
      .addColumn('published_on', 'text')
      .addColumn('published_at', 'text')
      .addColumn('subject', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('genre', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('stage', 'text', (c) => c.notNull().check(sql`stage in ('decision','execution','management','service','result')`))
      .addColumn('disclosure_mode', 'text', (c) => c.notNull().check(sql`disclosure_mode in ('proactive','on_application','withheld')`))
      .addColumn('withheld_reason', 'text')
      .addColumn('disclosure_period', 'text', (c) => c.notNull().check(sql`disclosure_period in ('long_term','time_limited')`))
      .addColumn('audience', 'text', (c) => c.notNull().check(sql`audience in ('public','specific')`))
      .addColumn('validity', 'text', (c) => c.notNull().check(sql`validity in ('valid','amended','repealed','expired')`))
      .addColumn('replaced_by_id', 'integer', (c) => c.references('publications.id'))
      .addColumn('keywords', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('body_html', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('source', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('consult_phone', 'text')
      .addColumn('doc_type', 'text', (c) => c.notNull().check(sql`doc_type in ('regulation','normative_document','other')`))
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft','in_review','returned','approved','scheduled','published','withdrawn')`))
      .addColumn('publish_route', 'text')
      .addColumn('published_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('view_count', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('publications_organ_status_published').on('publications').columns(['organ_id', 'status', 'published_on', 'id']).execute();
    await db.schema.createIndex('publications_status_published').on('publications').columns(['status', 'published_on', 'id']).execute();

    await db.schema
      .createTable('publication_placements')
      .addColumn('publication_id', 'integer', (c) => c.notNull().references('publications.id').onDelete('cascade'))
      .addColumn('node_id', 'integer', (c) => c.notNull().references('catalog_nodes.id'))
      .addPrimaryKeyConstraint('publication_placements_pk', ['publication_id', 'node_id'])
      .execute();
    await db.schema.createIndex('publication_placements_node').on('publication_placements').columns(['node_id', 'publication_id']).execute();

    await db.schema
      .createTable('attachments')
      .addColumn('id', id.type, id.build)
      .addColumn('publication_id', 'integer', (c) => c.notNull().references('publications.id').onDelete('cascade'))
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('mime_type', 'text', (c) => c.notNull())
      .addColumn('size_bytes', 'integer', (c) => c.notNull())
      .addColumn('storage_key', 'text', (c) => c.notNull().unique())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('attachments_publication').on('attachments').column('publication_id').execute();

    // One counter per index-number prefix (see serialScope), shared by organs whose numbers share it.
    await db.schema
      .createTable('index_serials')
      .addColumn('scope', 'text', (c) => c.primaryKey())
      .addColumn('last_serial', 'integer', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('audit_events')
      .addColumn('id', id.type, id.build)
      .addColumn('occurred_at', 'text', (c) => c.notNull())
      .addColumn('actor_user_id', 'integer')
      .addColumn('actor_label', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('entity_type', 'text', (c) => c.notNull())
      .addColumn('entity_id', 'text', (c) => c.notNull())
      .addColumn('organ_id', 'integer')
      .addColumn('before_json', 'text')
      .addColumn('after_json', 'text')
      .addColumn('prev_hash', 'text', (c) => c.notNull().unique())
      .addColumn('hash', 'text', (c) => c.notNull().unique())
      .execute();
    await db.schema.createIndex('audit_events_entity').on('audit_events').columns(['entity_type', 'entity_id']).execute();
  },
};
