import type { Executor } from '../../catalog/index.ts';
import type { DatedStanding, ValidityByDate } from '../domain/validity-by-date.ts';

/**
 * Published items still 有效 whose 有效期至 is before `today` (a China date): the ones that have
 * lapsed (docs/adr/0027). 已修改 and 已废止 are never read: they keep their validity. The rule itself is
 * `validityByDate`; this is the job's question for it, answered by a partial index (migration 067).
 */
export async function lapsedCandidates(db: Executor, today: string): Promise<{ id: number; organ_id: number; valid_through_on: string }[]> {
  const rows = await db.selectFrom('publications').select(['id', 'organ_id', 'valid_through_on'])
    .where('valid_through_on', '<', today).where('validity', '=', 'valid').where('status', '=', 'published')
    .orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, organ_id: r.organ_id, valid_through_on: r.valid_through_on! }));
}

/** What the 有效期至 rule reads of one item, with its organ; null when there is no such item. */
export async function datedStandingOf(db: Executor, publicationId: number): Promise<(DatedStanding & { organId: number }) | null> {
  const r = await db.selectFrom('publications').select(['organ_id', 'status', 'validity', 'valid_through_on', 'repealed_on', 'lapsed_by_date'])
    .where('id', '=', publicationId).executeTakeFirst();
  return r ? { organId: r.organ_id, status: r.status, validity: r.validity, validThroughOn: r.valid_through_on, endedOn: r.repealed_on, lapsedByDate: r.lapsed_by_date === 1 } : null;
}

/**
 * Writes what the date gives an item if it still stands as `was` (compare-and-set: of two instances
 * running at once, one writes and the other finds nothing); true when this call wrote it. A lapse is
 * recorded as one by date (`lapsed_by_date`), so that moving the date later may undo it, and its end is
 * dated by its last day in force (`repealed_on`, what the annual report's table 二 counts it in force until).
 */
export async function writeValidityByDate(db: Executor, publicationId: number, was: DatedStanding, change: ValidityByDate, at: string): Promise<boolean> {
  let q = db.updateTable('publications')
    .set({ validity: change.validity, repealed_on: change.endedOn, lapsed_by_date: change.validity === 'expired' ? 1 : 0, updated_at: at })
    .where('id', '=', publicationId).where('status', '=', 'published').where('validity', '=', was.validity)
    .where('lapsed_by_date', '=', was.lapsedByDate ? 1 : 0);
  q = was.validThroughOn === null ? q.where('valid_through_on', 'is', null) : q.where('valid_through_on', '=', was.validThroughOn);
  return Number((await q.executeTakeFirst()).numUpdatedRows) === 1;
}
