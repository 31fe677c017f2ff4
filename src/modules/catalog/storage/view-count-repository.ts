import type { Executor } from './executor.ts';

/** An item's stored view count (the views written so far by every instance), or null when there is no such item. */
export async function storedViewCount(db: Executor, id: number): Promise<number | null> {
  const row = await db.selectFrom('publications').select('view_count').where('id', '=', id).executeTakeFirst();
  return row ? Number(row.view_count) : null;
}
