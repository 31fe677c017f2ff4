import type { Insertable, Selectable, Updateable } from 'kysely';
import type { CatalogNodesTable } from '../../../platform/db/schema.ts';
import type { Executor } from './executor.ts';

export type CatalogNode = {
  id: number;
  organId: number;
  parentId: number | null;
  name: string;
  sortOrder: number;
  isStandardDirectory: boolean;
  standardArea: string | null;
  description: string;
};

export const toCatalogNode = (r: Selectable<CatalogNodesTable>): CatalogNode => ({
  id: r.id,
  organId: r.organ_id,
  parentId: r.parent_id,
  name: r.name,
  sortOrder: r.sort_order,
  isStandardDirectory: r.is_standard_directory === 1,
  standardArea: r.standard_area,
  description: r.description,
});

export async function listCatalogNodes(db: Executor, organId: number): Promise<CatalogNode[]> {
  const rows = await db.selectFrom('catalog_nodes').selectAll().where('organ_id', '=', organId).orderBy('sort_order').orderBy('id').execute();
  return rows.map(toCatalogNode);
}

/** The organs (and units) that have at least one catalog node: where a new item has somewhere to go. */
export async function organIdsWithNodes(db: Executor): Promise<Set<number>> {
  const rows = await db.selectFrom('catalog_nodes').select('organ_id').distinct().execute();
  return new Set(rows.map((r) => r.organ_id));
}

export async function findCatalogNode(db: Executor, id: number): Promise<CatalogNode | null> {
  const r = await db.selectFrom('catalog_nodes').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toCatalogNode(r) : null;
}

/** Every placement of a published item of the organ (for counting distinct items per subtree). */
export async function publishedPlacements(db: Executor, organId: number) {
  return db
    .selectFrom('publication_placements as pp')
    .innerJoin('publications as p', 'p.id', 'pp.publication_id')
    .select(['pp.node_id', 'pp.publication_id'])
    .where('p.organ_id', '=', organId)
    .where('p.status', '=', 'published')
    .execute();
}

/** Published item counts per node (direct placements only). */
export async function publishedCountsByNode(db: Executor, organId: number): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('publication_placements as pp')
    .innerJoin('publications as p', 'p.id', 'pp.publication_id')
    .select(['pp.node_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('p.organ_id', '=', organId)
    .where('p.status', '=', 'published')
    .groupBy('pp.node_id')
    .execute();
  return new Map(rows.map((r) => [r.node_id, Number(r.n)]));
}

/** The organ of each of these nodes that exists, as id and organ_id. */
export async function nodeOrgans(db: Executor, nodeIds: number[]) {
  return db.selectFrom('catalog_nodes').select(['id', 'organ_id']).where('id', 'in', nodeIds).execute();
}

/** Inserts a node; returns its id. */
export async function insertCatalogNode(db: Executor, values: Insertable<CatalogNodesTable>): Promise<number> {
  return (await db.insertInto('catalog_nodes').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

/** Updates a node's fields; returns nothing. */
export async function updateCatalogNodeRow(db: Executor, id: number, values: Updateable<CatalogNodesTable>): Promise<void> {
  await db.updateTable('catalog_nodes').set(values).where('id', '=', id).execute();
}

/** Whether the node has at least one sub-node. */
export async function hasChildNodes(db: Executor, nodeId: number): Promise<boolean> {
  return !!(await db.selectFrom('catalog_nodes').select('id').where('parent_id', '=', nodeId).executeTakeFirst());
}

/** Whether at least one item is placed in the node. */
export async function hasPlacements(db: Executor, nodeId: number): Promise<boolean> {
  return !!(await db.selectFrom('publication_placements').select('publication_id').where('node_id', '=', nodeId).executeTakeFirst());
}

/** Deletes a node; returns nothing. */
export async function deleteCatalogNode(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('catalog_nodes').where('id', '=', id).execute();
}
