import type { Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/**
 * Whose site it is (issue 15; docs/operations.md "The portal's identity and filing data"): the
 * site-wide identity (scope `site`) and each organ's own (scope `organ:<id>`), field by field
 * overriding the site's — name, emblem, 主办单位, 承办单位, address, phone, ICP备案号, 公安机关备案号,
 * 网站标识码 and the 政府网站找错 link.
 */
export const migration: Migration = {
  name: '026-site-identity',
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('site_identity')
      .addColumn('scope', 'text', (c) => c.primaryKey())
      .addColumn('site_name', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('host_unit', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('operator_unit', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('icp_number', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('police_number', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('site_code', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('error_report_url', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('emblem_key', 'text')
      .addColumn('emblem_mime', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
      .execute();
  },
};
