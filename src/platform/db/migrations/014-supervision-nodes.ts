import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/**
 * Supervision (docs/rules/website-inspection.md): per catalog node, the unit that must keep it up to
 * date and the cadence it is expected to follow. A node without a row follows the defaults of its
 * inspection class; a row with a null cadence names only the unit.
 */
export const migration: Migration = {
  name: '014-supervision-nodes',
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('node_supervision')
      .addColumn('node_id', 'integer', (c) => c.primaryKey().references('catalog_nodes.id').onDelete('cascade'))
      .addColumn('organ_id', 'integer', (c) => c.notNull().references('organs.id'))
      .addColumn('responsible_unit_id', 'integer', (c) => c.references('organs.id'))
      .addColumn('cadence', 'text', (c) => c.check(sql`cadence in ('biweekly','monthly','quarterly','half_yearly','yearly','on_change','static')`))
      .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('node_supervision_organ').on('node_supervision').column('organ_id').execute();
  },
};
