import { sql } from 'kysely';
import type { Executor } from '../../catalog/index.ts';

/**
 * The counts behind the supervision charts of one organ or of a region's organs
 * (docs/rules/website-inspection.md, "Charts"). They read the tables of the catalog, applications,
 * mailbox and inspection runs as they stand; nothing is stored.
 */

/** Items of the organs published from `fromOn` to `toOn`, per month (YYYY-MM) and 五公开 stage. */
export async function publishedPerMonthAndStage(db: Executor, organIds: number[], fromOn: string, toOn: string): Promise<{ month: string; stage: string; n: number }[]> {
  if (organIds.length === 0) return [];
  const month = sql<string>`substr(published_on, 1, 7)`;
  const rows = await db.selectFrom('publications').select([month.as('month'), 'stage', (eb) => eb.fn.countAll<number>().as('n')])
    .where('organ_id', 'in', organIds).where('status', '=', 'published').where('published_on', '>=', fromOn).where('published_on', '<=', toOn)
    .groupBy([month, 'stage']).execute();
  return rows.map((r) => ({ month: String(r.month), stage: r.stage, n: Number(r.n) }));
}

/**
 * Items published from `fromOn` to `toOn`, and how many of them within their 20 working days
 * (not marked published late), grouped by `by`: the publishing organ, or the submitting unit of one
 * organ (null: the organ itself).
 */
export async function publishedAndOnTime(db: Executor, organIds: number[], fromOn: string, toOn: string, by: 'organ' | 'unit'): Promise<{ key: number | null; published: number; onTime: number }[]> {
  if (organIds.length === 0) return [];
  const column = by === 'organ' ? 'organ_id' : 'submitting_unit_id';
  const onTime = sql<number>`sum(case when published_late = 1 then 0 else 1 end)`;
  const rows = await db.selectFrom('publications').select([`${column} as key`, (eb) => eb.fn.countAll<number>().as('n'), onTime.as('on_time')])
    .where('organ_id', 'in', organIds).where('status', '=', 'published').where('published_on', '>=', fromOn).where('published_on', '<=', toOn)
    .groupBy(column).execute();
  return rows.map((r) => ({ key: r.key, published: Number(r.n), onTime: Number(r.on_time) }));
}

/** Applications and letters of the organs answered per month (YYYY-MM) from `fromOn` to `toOn`, and how many of them by their due date. */
export async function answeredOnTimePerMonth(db: Executor, organIds: number[], fromOn: string, toOn: string) {
  const asMap = (rows: { month: string; n: number | string; on_time: number | string | null }[]) =>
    new Map(rows.map((r) => [String(r.month), { answered: Number(r.n), onTime: Number(r.on_time ?? 0) }]));
  if (organIds.length === 0) return { applications: asMap([]), letters: asMap([]) };
  const month = sql<string>`substr(replied_on, 1, 7)`;
  const onTime = sql<number>`sum(case when due_on is not null and replied_on <= due_on then 1 else 0 end)`;
  const [apps, letters] = await Promise.all([
    db.selectFrom('applications').select([month.as('month'), (eb) => eb.fn.countAll<number>().as('n'), onTime.as('on_time')])
      .where('organ_id', 'in', organIds).where('replied_on', '>=', fromOn).where('replied_on', '<=', toOn).groupBy(month).execute(),
    db.selectFrom('letters').select([month.as('month'), (eb) => eb.fn.countAll<number>().as('n'), onTime.as('on_time')])
      .where('organ_id', 'in', organIds).where('replied_on', '>=', fromOn).where('replied_on', '<=', toOn).groupBy(month).execute(),
  ]);
  return { applications: asMap(apps), letters: asMap(letters) };
}

/** The results of the inspection runs finished at or after `sinceAt` (migration 022's inspection_runs), oldest first. */
export async function finishedRunResultsSince(db: Executor, sinceAt: string): Promise<{ finishedAt: string; resultJson: string }[]> {
  const rows = await db.selectFrom('inspection_runs').select(['finished_at', 'result_json'])
    .where('status', '=', 'done').where('finished_at', '>=', sinceAt).where('result_json', 'is not', null)
    .orderBy('finished_at').orderBy('id').execute();
  return rows.map((r) => ({ finishedAt: r.finished_at!, resultJson: r.result_json! }));
}
