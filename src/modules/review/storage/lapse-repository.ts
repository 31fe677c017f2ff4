import type { Executor } from '../../catalog/index.ts';

/**
 * Published items still 有效 whose 有效期至 is before `today` (a China date): the ones that have
 * lapsed (docs/adr/0027). 已修改 and 已废止 are never read: they keep their validity.
 */
export async function lapsedCandidates(db: Executor, today: string): Promise<{ id: number; organ_id: number; valid_through_on: string }[]> {
  const rows = await db.selectFrom('publications').select(['id', 'organ_id', 'valid_through_on'])
    .where('valid_through_on', '<', today).where('validity', '=', 'valid').where('status', '=', 'published')
    .orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, organ_id: r.organ_id, valid_through_on: r.valid_through_on! }));
}

/**
 * Marks one item 已失效 if it is still published and 有效 (compare-and-set: of two instances running at
 * once, one writes and the other finds nothing); true when this call wrote it. Its end is dated by its
 * last day in force (`repealed_on`, what the annual report's table 二 counts it in force until).
 */
export async function markLapsed(db: Executor, publicationId: number, validThroughOn: string, at: string): Promise<boolean> {
  const res = await db.updateTable('publications').set({ validity: 'expired', repealed_on: validThroughOn, updated_at: at })
    .where('id', '=', publicationId).where('validity', '=', 'valid').where('status', '=', 'published').executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
