import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/**
 * Submission and review before publication (条例第十七条; 保守国家秘密法第三十五条): each organ's
 * review chain, every signed decision, the confidentiality review form, versions of published
 * items, submission tasks for units, and alerts for missed schedules.
 */
export const migration: Migration = {
  name: '002-review',
  async up(db: Kysely<any>, { id }) {
    for (const [col, type] of [
      ['review_stage', 'integer'], ['submitted_by', 'integer'], ['submitted_at', 'text'], ['submitting_unit_id', 'integer'],
      ['scheduled_at', 'text'], ['force_published', 'integer'], ['force_reason', 'text'], ['retro_approved_by', 'integer'],
      ['withdrawn_reason', 'text'], ['withdrawn_note', 'text'], ['withdrawn_at', 'text'], ['repealed_on', 'text'],
      ['proactive_due_on', 'text'], ['published_late', 'integer'], ['task_id', 'integer'], ['review_chain_json', 'text'],
    ] as const) {
      await db.schema.alterTable('publications').addColumn(col, type).execute();
    }
    await db.schema.createIndex('publications_review_queue').on('publications').columns(['status', 'review_stage', 'submitted_at']).execute();

    await db.schema
      .createTable('review_chain_stages')
      .addColumn('organ_id', 'integer', (c) => c.notNull().references('organs.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('unit_head','disclosure_office','leader_in_charge','organ_admin')`))
      .addPrimaryKeyConstraint('review_chain_stages_pk', ['organ_id', 'position'])
      .execute();

    await db.schema
      .createTable('review_settings')
      .addColumn('organ_id', 'integer', (c) => c.primaryKey().references('organs.id'))
      .addColumn('publisher_role', 'text', (c) => c.notNull().check(sql`publisher_role in ('unit_head','disclosure_office','leader_in_charge','organ_admin')`))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('review_decisions')
      .addColumn('id', id.type, id.build)
      .addColumn('publication_id', 'integer', (c) => c.notNull().references('publications.id').onDelete('cascade'))
      .addColumn('publication_version', 'integer', (c) => c.notNull())
      .addColumn('verb', 'text', (c) => c.notNull())
      .addColumn('stage_position', 'integer')
      .addColumn('stage_name', 'text')
      .addColumn('role', 'text')
      .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('user_id', 'integer')
      .addColumn('user_label', 'text', (c) => c.notNull())
      .addColumn('decided_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('review_decisions_publication').on('review_decisions').columns(['publication_id', 'id']).execute();

    await db.schema
      .createTable('review_forms')
      .addColumn('publication_id', 'integer', (c) => c.primaryKey().references('publications.id').onDelete('cascade'))
      .addColumn('secrecy_level', 'text', (c) => c.notNull().check(sql`secrecy_level in ('non_secret','secret','confidential','top_secret')`))
      .addColumn('involves_personal_info', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('avoidance_note', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('scan_justification', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('scan_findings_json', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('scanned_at', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('publication_versions')
      .addColumn('id', id.type, id.build)
      .addColumn('publication_id', 'integer', (c) => c.notNull().references('publications.id').onDelete('cascade'))
      .addColumn('version_no', 'integer', (c) => c.notNull())
      .addColumn('change_note', 'text', (c) => c.notNull())
      .addColumn('snapshot_json', 'text', (c) => c.notNull())
      .addColumn('created_by', 'integer')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('publication_versions_publication').on('publication_versions').columns(['publication_id', 'version_no']).unique().execute();

    await db.schema
      .createTable('submission_tasks')
      .addColumn('id', id.type, id.build)
      .addColumn('organ_id', 'integer', (c) => c.notNull().references('organs.id'))
      .addColumn('unit_id', 'integer', (c) => c.notNull().references('organs.id'))
      .addColumn('node_id', 'integer', (c) => c.references('catalog_nodes.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('every_days', 'integer')
      .addColumn('next_due_on', 'text', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_by', 'integer')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('submission_tasks_unit').on('submission_tasks').columns(['unit_id', 'active', 'next_due_on']).execute();

    await db.schema
      .createTable('workflow_alerts')
      .addColumn('id', id.type, id.build)
      .addColumn('organ_id', 'integer', (c) => c.notNull().references('organs.id'))
      .addColumn('publication_id', 'integer', (c) => c.references('publications.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('message', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('resolved_at', 'text')
      .execute();
  },
};
