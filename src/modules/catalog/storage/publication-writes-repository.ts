import type { Insertable, Updateable } from 'kysely';
import type { PublicationsTable } from '../../../platform/db/schema.ts';
import type { Executor } from './executor.ts';

/** Writes to an item's row and its placements, for the draft and publish use cases. */

/** Whether an item with this id exists. */
export async function publicationExists(db: Executor, id: number): Promise<boolean> {
  return !!(await db.selectFrom('publications').select('id').where('id', '=', id).executeTakeFirst());
}

/** Whether some item already carries this 索引号. */
export async function indexNumberTaken(db: Executor, indexNumber: string): Promise<boolean> {
  return !!(await db.selectFrom('publications').select('id').where('index_number', '=', indexNumber).executeTakeFirst());
}

/** Inserts an item; returns its id. */
export async function insertPublication(db: Executor, values: Insertable<PublicationsTable>): Promise<number> {
  return (await db.insertInto('publications').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

/** Updates an item only if it is still at `version`; returns whether it was updated. */
export async function updatePublicationAtVersion(db: Executor, id: number, version: number, values: Updateable<PublicationsTable>): Promise<boolean> {
  const res = await db.updateTable('publications').set(values).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Places an item in these nodes; returns nothing. */
export async function insertPlacements(db: Executor, publicationId: number, nodeIds: number[]): Promise<void> {
  await db.insertInto('publication_placements').values(nodeIds.map((node_id) => ({ publication_id: publicationId, node_id }))).execute();
}

/** Replaces all of an item's placements with these nodes; returns nothing. */
export async function replacePlacements(db: Executor, publicationId: number, nodeIds: number[]): Promise<void> {
  await db.deleteFrom('publication_placements').where('publication_id', '=', publicationId).execute();
  await insertPlacements(db, publicationId, nodeIds);
}

/** Keeps the published version as it was before an amendment replaces it (the item's 修订记录). */
export async function snapshotVersion(db: Executor, v: { publicationId: number; versionNo: number; changeNote: string; snapshotJson: string; createdBy: number | null; at: string }): Promise<void> {
  await db.insertInto('publication_versions').values({
    publication_id: v.publicationId, version_no: v.versionNo, change_note: v.changeNote, snapshot_json: v.snapshotJson, created_by: v.createdBy, created_at: v.at,
  }).execute();
}

/** Which of these 索引号 some item already carries. */
export async function indexNumbersTaken(db: Executor, indexNumbers: string[]): Promise<Set<string>> {
  const taken = new Set<string>();
  for (let i = 0; i < indexNumbers.length; i += 500) {
    const rows = await db.selectFrom('publications').select('index_number').where('index_number', 'in', indexNumbers.slice(i, i + 500)).execute();
    for (const r of rows) if (r.index_number) taken.add(r.index_number);
  }
  return taken;
}
