import type { Executor } from './executor.ts';

/** The ids of an organ's published items, oldest first (an export's order: by publish date, then id). */
export async function publishedItemIds(db: Executor, organId: number): Promise<number[]> {
  const rows = await db.selectFrom('publications').select('id').where('organ_id', '=', organId).where('status', '=', 'published')
    .orderBy('published_on').orderBy('id').execute();
  return rows.map((r) => r.id);
}
