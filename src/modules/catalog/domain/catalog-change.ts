import type { ErrorReason } from '../../../shared/domain-error.ts';
import { z } from '../../../shared/zod.ts';
import { moveRefusals, pathTo, subtreeIds } from './catalog-tree.ts';

/**
 * Safe catalog change (issue 17; docs/catalog-changes.md): rename, move, merge and split an organ's
 * catalog nodes in one step. This file is pure: from the organ's nodes and the items placed in them
 * it returns either every reason a change is refused or the plan of exactly what moves — the plan the
 * preview page shows and the transaction then carries out.
 */
export const CATALOG_CHANGE_KINDS = ['rename', 'move', 'merge', 'split'] as const;
export type CatalogChangeKind = (typeof CATALOG_CHANGE_KINDS)[number];
export const CATALOG_CHANGE_LABELS: Record<CatalogChangeKind, string> = { rename: '改名', move: '移动', merge: '合并', split: '拆分' };

const id = (label: string) => z.coerce.number({ message: `请选择${label}` }).int({ message: `请选择${label}` }).positive({ message: `请选择${label}` });
const nodeName = z.string({ message: '请填写栏目名称' }).trim().min(1, { message: '请填写栏目名称' }).max(60, { message: '栏目名称不能超过 60 个字符' });
const list = (v: unknown) => (Array.isArray(v) ? v : typeof v === 'string' && v !== '' ? [v] : []);

/** What a person asks for, from a form or a query string. */
export const catalogChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('rename'), nodeId: id('栏目'), name: nodeName }),
  z.object({
    kind: z.literal('move'), nodeId: id('栏目'),
    parentId: z.preprocess((v) => (v === '' || v === undefined || v === null ? null : v), id('新的上级栏目').nullable()),
  }),
  z.object({ kind: z.literal('merge'), nodeId: id('栏目'), intoId: id('并入的栏目') }),
  z.object({
    kind: z.literal('split'), nodeId: id('栏目'), name: nodeName,
    placement: z.enum(['sibling', 'child'], { message: '请选择新栏目的位置' }),
    itemIds: z.preprocess(list, z.array(z.coerce.number().int().positive()).min(1, { message: '请至少选择一条要移入新栏目的信息' })),
  }),
], { error: '请选择调整方式（改名、移动、合并或拆分）' });
export type CatalogChangeRequest = z.infer<typeof catalogChangeSchema>;

export type ChangeNode = { id: number; organId: number; parentId: number | null; name: string; sortOrder: number };
export type PlacedItem = { id: number; title: string; indexNumber: string | null; status: string; matterId?: number | null };
/** A required 事项 of a standard-directory node (docs/standard-directories.md). */
export type ChangeMatter = { id: number; nodeId: number; name: string };

/** Paths of the portal a node answers on; an item's address holds no node, so it never changes. */
export const nodePaths = (organCode: string, nodeId: number) => [
  `/organs/${organCode}/catalog/${nodeId}`,
  `/organs/${organCode}/catalog/${nodeId}/feed.atom`,
  `/organs/${organCode}/catalog/${nodeId}/feed.rss`,
];

export type CatalogChangePlan = {
  kind: CatalogChangeKind;
  nodeId: number;
  /** One line for the history, e.g. 合并：“通知公告”并入“工作动态”. */
  summary: string;
  /** Nodes whose place or name changes: their path of names before and after. */
  nodesMoved: { id: number; before: string; after: string }[];
  /** Items whose placement changes; `to` null is the node a split creates. */
  itemsMoved: (PlacedItem & { from: number; to: number | null; alreadyThere: boolean })[];
  /** The 事项 the change touches: the node path holding each before and after, and what happens to it. */
  mattersMoved: { id: number; name: string; before: string; after: string; note: string }[];
  /** Addresses that will answer 301 to the new address. */
  redirects: { fromPath: string; toPath: string }[];
  before: Record<string, unknown>;
  after: Record<string, unknown>;
};

export type ChangeOutcome = { ok: true; plan: CatalogChangePlan } | { ok: false; reasons: ErrorReason[] };

const REFUSED = 'ERR_CATALOG_CHANGE_REFUSED';

/**
 * Plans a change of `nodes` (every node of one organ's catalog) or returns every reason it is
 * refused. `placed` gives the items placed directly in each node (any status: drafts move too).
 */
export function planCatalogChange(
  organCode: string, nodes: ChangeNode[], placed: Map<number, PlacedItem[]>, req: CatalogChangeRequest, matters: ChangeMatter[] = [],
): ChangeOutcome {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const node = byId.get(req.nodeId);
  const refuse = (message: string, field?: string): ChangeOutcome => ({ ok: false, reasons: [{ code: REFUSED, message, ...(field ? { field } : {}) }] });
  if (!node) return refuse('栏目不存在或不属于本机关', 'nodeId');
  const pathOf = (list: ChangeNode[], nid: number) => pathTo(list, nid).map((n) => n.name).join(' > ');
  const reasons: ErrorReason[] = [];
  const add = (message: string, field: string) => reasons.push({ code: REFUSED, message, field });
  const nameTaken = (parentId: number | null, name: string, except: number | null) =>
    nodes.some((n) => n.parentId === parentId && n.id !== except && n.name === name);
  const itemsOf = (nid: number) => placed.get(nid) ?? [];
  const mattersIn = (ids: number[]) => matters.filter((m) => ids.includes(m.nodeId));
  /** The 事项 of these nodes, which stay with their node: only the path holding them changes. */
  const mattersWithNodes = (ids: number[], after: ChangeNode[], note: string) =>
    mattersIn(ids).map((m) => ({ id: m.id, name: m.name, before: pathOf(nodes, m.nodeId), after: pathOf(after, m.nodeId), note }));
  const named = (list: { id: number; name: string }[]) => list.map((m) => ({ id: m.id, name: m.name }));

  switch (req.kind) {
    case 'rename': {
      if (req.name === node.name) add('新名称与原名称相同', 'name');
      else if (nameTaken(node.parentId, req.name, node.id)) add(`同一上级栏目下已有名为“${req.name}”的栏目`, 'name');
      if (reasons.length) return { ok: false, reasons };
      const after = nodes.map((n) => (n.id === node.id ? { ...n, name: req.name } : n));
      return {
        ok: true,
        plan: {
          kind: 'rename', nodeId: node.id, summary: `改名：“${node.name}”改为“${req.name}”`,
          nodesMoved: subtreeIds(nodes, node.id).map((nid) => ({ id: nid, before: pathOf(nodes, nid), after: pathOf(after, nid) })),
          itemsMoved: [], redirects: [],
          mattersMoved: mattersWithNodes(subtreeIds(nodes, node.id), after, '随栏目改名，仍属该栏目'),
          before: { name: node.name, path: pathOf(nodes, node.id) }, after: { name: req.name, path: pathOf(after, node.id) },
        },
      };
    }
    case 'move': {
      if (req.parentId !== null && !byId.has(req.parentId)) add('新的上级栏目不存在或不属于本机关', 'parentId');
      else if (req.parentId === node.parentId) add('栏目已在该上级栏目下', 'parentId');
      else {
        for (const m of moveRefusals(nodes, node.id, req.parentId)) add(m, 'parentId');
        if (nameTaken(req.parentId, node.name, node.id)) add(`新的上级栏目下已有名为“${node.name}”的栏目`, 'parentId');
      }
      if (reasons.length) return { ok: false, reasons };
      const after = nodes.map((n) => (n.id === node.id ? { ...n, parentId: req.parentId } : n));
      const parentName = (pid: number | null) => (pid === null ? '（顶级）' : pathOf(nodes, pid));
      return {
        ok: true,
        plan: {
          kind: 'move', nodeId: node.id, summary: `移动：“${node.name}”从 ${parentName(node.parentId)} 移到 ${parentName(req.parentId)}`,
          nodesMoved: subtreeIds(nodes, node.id).map((nid) => ({ id: nid, before: pathOf(nodes, nid), after: pathOf(after, nid) })),
          itemsMoved: [], redirects: [],
          mattersMoved: mattersWithNodes(subtreeIds(nodes, node.id), after, '随栏目移动，仍属该栏目'),
          before: { parentId: node.parentId, path: pathOf(nodes, node.id) },
          after: { parentId: req.parentId, path: pathOf(after, node.id), matters: named(mattersIn(subtreeIds(nodes, node.id))) },
        },
      };
    }
    case 'merge': {
      const into = byId.get(req.intoId);
      if (!into) add('并入的栏目不存在或不属于本机关', 'intoId');
      else if (into.id === node.id) add('栏目不能并入自己', 'intoId');
      else if (subtreeIds(nodes, node.id).includes(into.id)) add('不能把栏目并入它自己的下级栏目', 'intoId');
      if (reasons.length || !into) return { ok: false, reasons };
      const children = nodes.filter((n) => n.parentId === node.id);
      for (const c of children) if (nameTaken(into.id, c.name, c.id)) add(`“${into.name}”下已有名为“${c.name}”的栏目，请先改名`, 'intoId');
      if (reasons.length) return { ok: false, reasons };
      const after = nodes.filter((n) => n.id !== node.id).map((n) => (n.parentId === node.id ? { ...n, parentId: into.id } : n));
      const inInto = new Set(itemsOf(into.id).map((i) => i.id));
      const items = itemsOf(node.id).map((i) => ({ ...i, from: node.id, to: into.id, alreadyThere: inInto.has(i.id) }));
      const moved = subtreeIds(nodes, node.id).filter((nid) => nid !== node.id);
      const [page, atom, rss] = nodePaths(organCode, node.id);
      const [toPage, toAtom, toRss] = nodePaths(organCode, into.id);
      // The node's own 事项 go to the node it merges into (items keep the 事项 they fulfil); its
      // sub-nodes' 事项 stay with their sub-nodes.
      const own = mattersIn([node.id]).map((m) => ({ id: m.id, name: m.name, before: pathOf(nodes, node.id), after: pathOf(nodes, into.id), note: `移入“${into.name}”，已发布的信息仍计入该事项` }));
      const redirects = [{ fromPath: page, toPath: toPage }, { fromPath: atom, toPath: toAtom }, { fromPath: rss, toPath: toRss }];
      return {
        ok: true,
        plan: {
          kind: 'merge', nodeId: node.id, summary: `合并：“${pathOf(nodes, node.id)}”并入“${pathOf(nodes, into.id)}”`,
          nodesMoved: [
            { id: node.id, before: pathOf(nodes, node.id), after: `（并入 ${pathOf(nodes, into.id)} 后删除）` },
            ...moved.map((nid) => ({ id: nid, before: pathOf(nodes, nid), after: pathOf(after, nid) })),
          ],
          itemsMoved: items,
          mattersMoved: [...own, ...mattersWithNodes(moved, after, '随下级栏目移到目标栏目下')],
          redirects,
          before: { node: { id: node.id, name: node.name, parentId: node.parentId }, path: pathOf(nodes, node.id), children: children.map((c) => c.id), items: items.map((i) => i.id) },
          after: {
            intoId: into.id, intoName: into.name, intoPath: pathOf(nodes, into.id), children: children.map((c) => c.id), items: items.map((i) => i.id),
            matters: named(own), redirects,
          },
        },
      };
    }
    case 'split': {
      const mine = new Map(itemsOf(node.id).map((i) => [i.id, i]));
      const parentId = req.placement === 'child' ? node.id : node.parentId;
      if (nameTaken(parentId, req.name, null)) add(`${req.placement === 'child' ? `“${node.name}”` : '同一上级栏目'}下已有名为“${req.name}”的栏目`, 'name');
      const unknown = [...new Set(req.itemIds)].filter((i) => !mine.has(i));
      if (unknown.length) add(`所选信息（编号 ${unknown.join('、')}）不在栏目“${node.name}”中`, 'itemIds');
      if (reasons.length) return { ok: false, reasons };
      const chosen = [...new Set(req.itemIds)].map((i) => ({ ...mine.get(i)!, from: node.id, to: null, alreadyThere: false }));
      const newPath = `${parentId === null ? '' : `${pathOf(nodes, parentId)} > `}${req.name}`;
      // An item may only name a 事项 of a node it is in: a 事项 of this node named by chosen items
      // goes to the new node with them, and so must every other item of this node naming it.
      const chosenIds = new Set(chosen.map((i) => i.id));
      const going = mattersIn([node.id]).filter((m) => chosen.some((i) => i.matterId === m.id));
      for (const m of going) {
        const left = itemsOf(node.id).filter((i) => i.matterId === m.id && !chosenIds.has(i.id));
        if (left.length) add(`事项“${m.name}”随所选信息移入新栏目，请一并选择同样对应该事项的信息：${left.slice(0, 5).map((i) => `“${i.title}”`).join('、')}${left.length > 5 ? ` 等 ${left.length} 条` : ''}`, 'itemIds');
      }
      if (reasons.length) return { ok: false, reasons };
      return {
        ok: true,
        plan: {
          kind: 'split', nodeId: node.id, summary: `拆分：从“${pathOf(nodes, node.id)}”拆出“${newPath}”，移入 ${chosen.length} 条信息`,
          nodesMoved: [{ id: 0, before: '（新栏目）', after: newPath }],
          itemsMoved: chosen, redirects: [],
          mattersMoved: going.map((m) => ({ id: m.id, name: m.name, before: pathOf(nodes, node.id), after: newPath, note: '对应的信息都移入新栏目，事项随之移入' })),
          before: { nodeId: node.id, path: pathOf(nodes, node.id), items: chosen.map((i) => i.id) },
          after: { name: req.name, parentId, placement: req.placement, path: newPath, items: chosen.map((i) => i.id), matters: named(going) },
        },
      };
    }
  }
}
