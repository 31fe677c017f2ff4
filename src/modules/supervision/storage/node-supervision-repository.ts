import type { Executor } from '../../catalog/index.ts';

export type NodeSupervisionRow = { nodeId: number; responsibleUnitId: number | null; cadence: string | null };

/** The responsible units and cadences set for an organ's nodes (nodes without a row follow the defaults). */
export async function nodeSupervisionRows(db: Executor, organId: number): Promise<Map<number, NodeSupervisionRow>> {
  const rows = await db.selectFrom('node_supervision').select(['node_id', 'responsible_unit_id', 'cadence']).where('organ_id', '=', organId).execute();
  return new Map(rows.map((r) => [r.node_id, { nodeId: r.node_id, responsibleUnitId: r.responsible_unit_id, cadence: r.cadence }]));
}

export async function saveNodeSupervisionRow(
  trx: Executor, row: { nodeId: number; organId: number; responsibleUnitId: number | null; cadence: string | null; updatedBy: number | null; updatedAt: string },
): Promise<void> {
  const values = { responsible_unit_id: row.responsibleUnitId, cadence: row.cadence, updated_by: row.updatedBy, updated_at: row.updatedAt };
  await trx
    .insertInto('node_supervision')
    .values({ node_id: row.nodeId, organ_id: row.organId, ...values })
    .onConflict((oc) => oc.column('node_id').doUpdateSet(values))
    .execute();
}

/** The newest publish date of an organ's published items per node (direct placements only). */
export async function lastPublishedOnByNode(db: Executor, organId: number): Promise<Map<number, string>> {
  const rows = await db
    .selectFrom('publication_placements as pp')
    .innerJoin('publications as p', 'p.id', 'pp.publication_id')
    .select(['pp.node_id', (eb) => eb.fn.max<string>('p.published_on').as('last_on')])
    .where('p.organ_id', '=', organId)
    .where('p.status', '=', 'published')
    .where('p.published_on', 'is not', null)
    .groupBy('pp.node_id')
    .execute();
  return new Map(rows.filter((r) => r.last_on).map((r) => [r.node_id, String(r.last_on)]));
}

/** Each node's distinct publish dates of the organ's published items (placed in the node itself), oldest first. */
export async function publishDatesByNode(db: Executor, organId: number): Promise<Map<number, string[]>> {
  const rows = await db
    .selectFrom('publication_placements as pp')
    .innerJoin('publications as p', 'p.id', 'pp.publication_id')
    .select(['pp.node_id', 'p.published_on'])
    .distinct()
    .where('p.organ_id', '=', organId)
    .where('p.status', '=', 'published')
    .where('p.published_on', 'is not', null)
    .orderBy('pp.node_id')
    .orderBy('p.published_on')
    .execute();
  const out = new Map<number, string[]>();
  for (const r of rows) out.set(r.node_id, [...(out.get(r.node_id) ?? []), String(r.published_on)]);
  return out;
}

/** Items of the organ published in the period after their 20 working days, counted per submitting unit (null: the organ itself). */
export async function latePublishedByUnit(db: Executor, organId: number, fromOn: string, toOn: string): Promise<Map<number | null, number>> {
  const rows = await db
    .selectFrom('publications')
    .select(['submitting_unit_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('organ_id', '=', organId)
    .where('published_late', '=', 1)
    .where('published_on', '>=', fromOn)
    .where('published_on', '<=', toOn)
    .groupBy('submitting_unit_id')
    .execute();
  return new Map(rows.map((r) => [r.submitting_unit_id, Number(r.n)]));
}
