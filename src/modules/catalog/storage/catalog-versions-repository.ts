import { sql } from 'kysely';
import type { Executor } from './executor.ts';

/** Raises an organ's catalog version (the first change makes it 1). */
export async function bumpCatalogVersion(db: Executor, organId: number, at: string): Promise<void> {
  await db.insertInto('catalog_versions').values({ organ_id: organId, version: 1, changed_at: at })
    .onConflict((oc) => oc.column('organ_id').doUpdateSet({ version: sql`catalog_versions.version + 1`, changed_at: at })).execute();
}

/** An organ's catalog version; 0 before its first change. */
export async function catalogVersionOf(db: Executor, organId: number): Promise<number> {
  const r = await db.selectFrom('catalog_versions').select('version').where('organ_id', '=', organId).executeTakeFirst();
  return r ? Number(r.version) : 0;
}
