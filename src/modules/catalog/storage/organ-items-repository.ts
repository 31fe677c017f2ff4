import type { Executor } from './executor.ts';

/** The ids of an organ's published items, oldest first (an export's order: by publish date, then id). */
export async function publishedItemIds(db: Executor, organId: number): Promise<number[]> {
  const rows = await db.selectFrom('publications').select('id').where('organ_id', '=', organId).where('status', '=', 'published')
    .orderBy('published_on').orderBy('id').execute();
  return rows.map((r) => r.id);
}

/**
 * The published items among `ids`, each with its organ's code and title: what another area's page names when its
 * text gives an item's address (a consultation's 公告原文：/organs/x/items/5). Withdrawn and draft items are left out.
 */
export async function publishedItemTitles(db: Executor, ids: readonly number[]): Promise<{ id: number; organCode: string; title: string }[]> {
  const wanted = [...new Set(ids)].filter((id) => Number.isSafeInteger(id) && id > 0 && id <= 2_147_483_647);
  if (!wanted.length) return [];
  return db.selectFrom('publications as p').innerJoin('organs as o', 'o.id', 'p.organ_id').select(['p.id', 'o.code as organCode', 'p.title'])
    .where('p.id', 'in', wanted).where('p.status', '=', 'published').execute();
}
