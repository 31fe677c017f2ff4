import type { Selectable } from 'kysely';
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
