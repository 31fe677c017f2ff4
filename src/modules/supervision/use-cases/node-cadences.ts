import { chinaDateOf } from '../../../shared/iso-date.ts';
import { buildTree, listCatalogNodes, listOrgans, subtreeIds, type CatalogNode, type Executor, type TreeBranch } from '../../catalog/index.ts';
import { CADENCES, defaultCadence, freshness, type Cadence, type Freshness, type InspectionClass } from '../domain/cadence.ts';
import { lastPublishedOnByNode, nodeSupervisionRows } from '../storage/node-supervision-repository.ts';

export type NodeCadence = {
  node: CatalogNode;
  depth: number;
  cadence: Cadence;
  /** `set` when someone chose the cadence for this node, `default` when it follows its inspection class. */
  cadenceSource: 'set' | 'default';
  defaultCadence: Cadence;
  defaultReason: string;
  inspectionClass: InspectionClass;
  /** The unit that must keep the node up to date; null means the organ itself (its disclosure office). */
  responsibleUnit: { id: number; code: string; name: string } | null;
  /** Newest publish date in the node and the nodes below it (a column counts as updated when any sub-column is). */
  lastUpdatedOn: string | null;
  freshness: Freshness;
};

/** Every node of an organ in tree order with its responsible unit, cadence and freshness on the China date of `now`. */
export async function nodeCadences(db: Executor, organId: number, now: Date): Promise<NodeCadence[]> {
  const today = chinaDateOf(now);
  const [nodes, rows, lastOn, organs] = await Promise.all([listCatalogNodes(db, organId), nodeSupervisionRows(db, organId), lastPublishedOnByNode(db, organId), listOrgans(db)]);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const organById = new Map(organs.map((o) => [o.id, o]));
  const out: NodeCadence[] = [];
  const walk = (branches: TreeBranch<CatalogNode>[], depth: number) => {
    for (const b of branches) {
      const { children, ...node } = b;
      const row = rows.get(node.id);
      const def = defaultCadence(node, byId);
      const cadence = row?.cadence && (CADENCES as readonly string[]).includes(row.cadence) ? (row.cadence as Cadence) : def.cadence;
      let last: string | null = null;
      for (const id of subtreeIds(nodes, node.id)) {
        const on = lastOn.get(id);
        if (on && (last === null || on > last)) last = on;
      }
      const unit = row?.responsibleUnitId != null ? organById.get(row.responsibleUnitId) : undefined;
      out.push({
        node, depth, cadence, cadenceSource: row?.cadence ? 'set' : 'default', defaultCadence: def.cadence, defaultReason: def.reason,
        inspectionClass: def.inspectionClass, responsibleUnit: unit ? { id: unit.id, code: unit.code, name: unit.name } : null,
        lastUpdatedOn: last, freshness: freshness(cadence, last, today),
      });
      walk(children, depth + 1);
    }
  };
  walk(buildTree(nodes), 0);
  return out;
}
