import type { PlacedItem } from '../domain/catalog-change.ts';
import type { Executor } from './executor.ts';

/** One recorded change of an organ's catalog, for its history page. */
export type CatalogChangeRecord = {
  id: number; organId: number; kind: string; nodeId: number; summary: string;
  before: Record<string, unknown>; after: Record<string, unknown>; actorUserId: number | null; actorLabel: string; changedAt: string;
};

export async function insertCatalogChange(db: Executor, c: Omit<CatalogChangeRecord, 'id'>): Promise<number> {
  const r = await db.insertInto('catalog_changes').values({
    organ_id: c.organId, kind: c.kind, node_id: c.nodeId, summary: c.summary, before_json: JSON.stringify(c.before), after_json: JSON.stringify(c.after),
    actor_user_id: c.actorUserId, actor_label: c.actorLabel, changed_at: c.changedAt,
  }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** An organ's catalog changes, newest first, a page at a time, with the total. */
export async function pageCatalogChanges(db: Executor, organId: number, page: number, pageSize: number): Promise<{ items: CatalogChangeRecord[]; total: number }> {
  const [rows, count] = await Promise.all([
    db.selectFrom('catalog_changes').selectAll().where('organ_id', '=', organId).orderBy('id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute(),
    db.selectFrom('catalog_changes').select((eb) => eb.fn.countAll<number>().as('n')).where('organ_id', '=', organId).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(count.n),
    items: rows.map((r) => ({
      id: r.id, organId: r.organ_id, kind: r.kind, nodeId: r.node_id, summary: r.summary, before: JSON.parse(r.before_json), after: JSON.parse(r.after_json),
      actorUserId: r.actor_user_id, actorLabel: r.actor_label, changedAt: r.changed_at,
    })),
  };
}

/** The items placed directly in each of these nodes, any status (drafts move with their node too), with the 事项 each names. */
export async function itemsPlacedIn(db: Executor, nodeIds: number[]): Promise<Map<number, PlacedItem[]>> {
  const out = new Map<number, PlacedItem[]>();
  if (nodeIds.length === 0) return out;
  const rows = await db.selectFrom('publication_placements as pp').innerJoin('publications as p', 'p.id', 'pp.publication_id')
    .select(['pp.node_id', 'p.id', 'p.title', 'p.index_number', 'p.status', 'p.directory_matter_id']).where('pp.node_id', 'in', nodeIds).orderBy('p.id').execute();
  for (const r of rows) out.set(r.node_id, [...(out.get(r.node_id) ?? []), { id: r.id, title: r.title, indexNumber: r.index_number, status: r.status, matterId: r.directory_matter_id }]);
  return out;
}

/**
 * Places these items in `toNode` instead of `fromNode`; an item already in `toNode` just leaves
 * `fromNode`. Every other placement of the items stays.
 */
export async function movePlacements(db: Executor, itemIds: number[], fromNode: number, toNode: number): Promise<void> {
  if (itemIds.length === 0) return;
  const already = new Set((await db.selectFrom('publication_placements').select('publication_id')
    .where('node_id', '=', toNode).where('publication_id', 'in', itemIds).execute()).map((r) => r.publication_id));
  await db.deleteFrom('publication_placements').where('node_id', '=', fromNode).where('publication_id', 'in', itemIds).execute();
  const fresh = itemIds.filter((i) => !already.has(i));
  if (fresh.length) await db.insertInto('publication_placements').values(fresh.map((publication_id) => ({ publication_id, node_id: toNode }))).execute();
}

/** Moves every child of `fromNode` under `toNode`, after `toNode`'s own children, keeping their order. */
export async function reparentChildren(db: Executor, fromNode: number, toNode: number, at: string): Promise<void> {
  const last = await db.selectFrom('catalog_nodes').select((eb) => eb.fn.max('sort_order').as('m')).where('parent_id', '=', toNode).executeTakeFirst();
  const start = Number(last?.m ?? 0);
  const children = await db.selectFrom('catalog_nodes').select('id').where('parent_id', '=', fromNode).orderBy('sort_order').orderBy('id').execute();
  for (const [k, c] of children.entries()) {
    await db.updateTable('catalog_nodes').set({ parent_id: toNode, sort_order: start + k + 1, updated_at: at }).where('id', '=', c.id).execute();
  }
}

/**
 * What else names a node that a merge removes, pointed at the node it merged into: its standard
 * directory's required 事项 (so items keep the 事项 they fulfil), submission tasks (报送任务) for the
 * node, the organ's 政策解读 setting. The node's supervision row (责任单位 and cadence) goes with the
 * node (the target keeps its own).
 */
export async function repointNodeReferences(db: Executor, organId: number, fromNode: number, toNode: number): Promise<void> {
  await db.updateTable('directory_matters').set({ node_id: toNode }).where('node_id', '=', fromNode).execute();
  await db.updateTable('submission_tasks').set({ node_id: toNode }).where('node_id', '=', fromNode).execute();
  await db.deleteFrom('node_supervision').where('node_id', '=', fromNode).execute();
  const setting = await db.selectFrom('interpretation_settings').select('node_ids').where('organ_id', '=', organId).executeTakeFirst();
  if (setting) {
    const ids = JSON.parse(setting.node_ids) as number[];
    if (ids.includes(fromNode)) {
      const next = [...new Set(ids.map((n) => (n === fromNode ? toNode : n)))];
      await db.updateTable('interpretation_settings').set({ node_ids: JSON.stringify(next) }).where('organ_id', '=', organId).execute();
    }
  }
}
