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

/** Up to this many placements, a node's newest publish date is read from its own items; above, from the organ's newest items down. */
export const NODE_ITEMS_READ_DIRECTLY = 500;

/**
 * The newest publish date of an organ's published items per node (direct placements only). Asked node
 * by node so that no statement reads every item of the organ (200 ms an organ at 1,000,000 items on
 * PostgreSQL, 24 s for the supervision page of 200 organs): a node with few items reads them through
 * its placements; a larger one walks the organ's items newest first (an index of organ, status and
 * date) until one is placed in it, which for a node that is kept up to date is at once.
 */
export async function lastPublishedOnByNode(db: Executor, organId: number, direct = NODE_ITEMS_READ_DIRECTLY): Promise<Map<number, string>> {
  const rows = await db
    .selectFrom('catalog_nodes as n')
    .select((eb) => [
      'n.id as node_id',
      eb.case()
        .when(
          eb.selectFrom((sub) => sub.selectFrom('publication_placements as c').select('c.node_id').whereRef('c.node_id', '=', 'n.id').limit(direct + 1).as('few'))
            .select((f) => f.fn.countAll().as('n')),
          '<=',
          direct,
        )
        .then(
          eb.selectFrom('publication_placements as pp').innerJoin('publications as p', 'p.id', 'pp.publication_id')
            .select((m) => m.fn.max<string>('p.published_on').as('on'))
            .whereRef('pp.node_id', '=', 'n.id').where('p.status', '=', 'published').where('p.published_on', 'is not', null),
        )
        .else(
          eb.selectFrom('publications as p').select('p.published_on')
            .whereRef('p.organ_id', '=', 'n.organ_id').where('p.status', '=', 'published').where('p.published_on', 'is not', null)
            .where((w) => w.exists(w.selectFrom('publication_placements as pp').select('pp.node_id').whereRef('pp.publication_id', '=', 'p.id').whereRef('pp.node_id', '=', 'n.id')))
            .orderBy('p.published_on', 'desc').limit(1),
        )
        .end()
        .as('last_on'),
    ])
    .where('n.organ_id', '=', organId)
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
