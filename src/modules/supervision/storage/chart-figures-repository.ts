import { sql } from 'kysely';
import type { Executor } from '../../catalog/index.ts';

/**
 * The counts behind the supervision charts of one organ (docs/rules/website-inspection.md, "Charts").
 * They read the tables of the catalog, applications and mailbox as they stand; nothing is stored.
 */

/** Items of the organ published per month (YYYY-MM) from `fromOn`. */
export async function publishedPerMonth(db: Executor, organId: number, fromOn: string): Promise<Map<string, number>> {
  const month = sql<string>`substr(published_on, 1, 7)`;
  const rows = await db.selectFrom('publications').select([month.as('month'), (eb) => eb.fn.countAll<number>().as('n')])
    .where('organ_id', '=', organId).where('status', '=', 'published').where('published_on', '>=', fromOn).groupBy(month).execute();
  return new Map(rows.map((r) => [String(r.month), Number(r.n)]));
}

/** Items of the organ published in the period per 五公开 stage. */
export async function publishedPerStage(db: Executor, organId: number, fromOn: string, toOn: string): Promise<Map<string, number>> {
  const rows = await db.selectFrom('publications').select(['stage', (eb) => eb.fn.countAll<number>().as('n')])
    .where('organ_id', '=', organId).where('status', '=', 'published').where('published_on', '>=', fromOn).where('published_on', '<=', toOn).groupBy('stage').execute();
  return new Map(rows.map((r) => [r.stage, Number(r.n)]));
}

/** Items of the organ published in the period per submitting unit (null: the organ itself). */
export async function publishedPerUnit(db: Executor, organId: number, fromOn: string, toOn: string): Promise<Map<number | null, number>> {
  const rows = await db.selectFrom('publications').select(['submitting_unit_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('organ_id', '=', organId).where('status', '=', 'published').where('published_on', '>=', fromOn).where('published_on', '<=', toOn).groupBy('submitting_unit_id').execute();
  return new Map(rows.map((r) => [r.submitting_unit_id, Number(r.n)]));
}

/** Applications and letters answered per month (YYYY-MM) from `fromOn`, and how many of them by their due date. */
export async function answeredOnTimePerMonth(db: Executor, organId: number, fromOn: string) {
  const month = sql<string>`substr(replied_on, 1, 7)`;
  const onTime = sql<number>`sum(case when due_on is not null and replied_on <= due_on then 1 else 0 end)`;
  const [apps, letters] = await Promise.all([
    db.selectFrom('applications').select([month.as('month'), (eb) => eb.fn.countAll<number>().as('n'), onTime.as('on_time')])
      .where('organ_id', '=', organId).where('replied_on', '>=', fromOn).groupBy(month).execute(),
    db.selectFrom('letters').select([month.as('month'), (eb) => eb.fn.countAll<number>().as('n'), onTime.as('on_time')])
      .where('organ_id', '=', organId).where('replied_on', '>=', fromOn).groupBy(month).execute(),
  ]);
  const asMap = (rows: { month: string; n: number | string; on_time: number | string }[]) => new Map(rows.map((r) => [String(r.month), { answered: Number(r.n), onTime: Number(r.on_time) }]));
  return { applications: asMap(apps), letters: asMap(letters) };
}
