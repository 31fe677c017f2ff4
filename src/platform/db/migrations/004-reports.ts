import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/**
 * Annual reports (条例第四十九条、第五十条): every version of an organ-year's report with its text,
 * status and — once published — its frozen figures; and the figures staff enter because they come
 * from other systems (table 二's decisions and fees) or from years before the platform (last year's
 * row 四). Plus the indexes the report's aggregate queries need on other areas' tables.
 */
export const migration: Migration = {
  name: '004-reports',
  async up(db: Kysely<any>, { id }) {
    await db.schema
      .createTable('annual_reports')
      .addColumn('id', id.type, id.build)
      .addColumn('organ_id', 'integer', (c) => c.notNull().references('organs.id'))
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('version_no', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft','in_review','published')`))
      .addColumn('sections_json', 'text', (c) => c.notNull())
      // The whole report as published (figures, text, checks): never recomputed afterwards.
      .addColumn('frozen_json', 'text')
      .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('submitted_by', 'integer', (c) => c.references('users.id'))
      .addColumn('submitted_at', 'text')
      .addColumn('published_by', 'integer', (c) => c.references('users.id'))
      .addColumn('published_at', 'text')
      .addColumn('published_on', 'text')
      .addColumn('row_version', 'integer', (c) => c.notNull().defaultTo(1))
      .addUniqueConstraint('annual_reports_organ_year_version', ['organ_id', 'year', 'version_no'])
      .execute();
    await db.schema.createIndex('annual_reports_year_status').on('annual_reports').columns(['year', 'status', 'organ_id']).execute();

    await db.schema
      .createTable('annual_report_inputs')
      .addColumn('organ_id', 'integer', (c) => c.notNull().references('organs.id'))
      .addColumn('year', 'integer', (c) => c.notNull())
      // Table 二 figures from other systems, keyed by the row labels of annual-report-format.json.
      .addColumn('proactive_json', 'text', (c) => c.notNull().defaultTo('{}'))
      // Row 四 of this year's table 三 as published before the platform, keyed by column; NULL if not entered.
      .addColumn('carried_out_json', 'text')
      .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('staff','csv','seed')`))
      .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('annual_report_inputs_pk', ['organ_id', 'year'])
      .execute();

    // Table 二 reads an organ's 规章 and 规范性文件 only; section 一 counts items per stage and year.
    await db.schema.createIndex('publications_organ_doc_type').on('publications').columns(['organ_id', 'doc_type', 'status']).execute();
    await db.schema.createIndex('publications_organ_published_stage').on('publications').columns(['organ_id', 'status', 'published_on', 'stage']).execute();
  },
};
