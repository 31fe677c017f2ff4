import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/**
 * Policy interpretation (政策解读, issue 14; docs/rules/proactive-disclosure.md "Policy interpretation"):
 * an item's kind (an ordinary document or an interpretation) and, for an interpretation, its form —
 * text, 图解 (an image attachment with the body as its full text alternative) or a video link; which
 * policies an interpretation explains (both directions are read from one table); and each organ's
 * setting of which catalog nodes hold policies that need one, and within how many working days.
 */
export const migration: Migration = {
  name: '016-policy-interpretations',
  async up(db: Kysely<any>) {
    await db.schema.alterTable('publications')
      .addColumn('item_kind', 'text', (c) => c.notNull().defaultTo('document').check(sql`item_kind in ('document','interpretation')`))
      .execute();
    await db.schema.alterTable('publications')
      .addColumn('interpretation_form', 'text', (c) => c.check(sql`interpretation_form in ('text','graphic','video')`))
      .execute();
    await db.schema.alterTable('publications').addColumn('video_url', 'text').execute();
    // No foreign key: removing the attachment clears it in the same transaction (manage-attachments.ts).
    await db.schema.alterTable('publications').addColumn('graphic_attachment_id', 'integer').execute();

    await db.schema
      .createTable('policy_interpretations')
      .addColumn('interpretation_id', 'integer', (c) => c.notNull().references('publications.id').onDelete('cascade'))
      .addColumn('policy_id', 'integer', (c) => c.notNull().references('publications.id').onDelete('cascade'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('policy_interpretations_pk', ['interpretation_id', 'policy_id'])
      .execute();
    // A policy's page asks "which interpretations explain me?".
    await db.schema.createIndex('policy_interpretations_policy').on('policy_interpretations').columns(['policy_id', 'interpretation_id']).execute();

    await db.schema
      .createTable('interpretation_settings')
      .addColumn('organ_id', 'integer', (c) => c.primaryKey().references('organs.id'))
      // JSON array of catalog node ids: items placed in these nodes or below them need an interpretation.
      .addColumn('node_ids', 'text', (c) => c.notNull())
      .addColumn('working_days', 'integer', (c) => c.notNull().defaultTo(3))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
      .execute();
  },
};
