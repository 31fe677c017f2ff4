import { DomainError } from '../../../shared/domain-error.ts';

export type TreeNode = { id: number; parentId: number | null; organId: number; sortOrder: number };

/**
 * Why moving `nodeId` under `newParentId` is refused, if it is: a node cannot sit under itself
 * or under one of its own descendants (that would cut the branch off the tree), and a node
 * stays inside its organ's catalog.
 */
export function moveRefusals(nodes: TreeNode[], nodeId: number, newParentId: number | null): string[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const node = byId.get(nodeId);
  if (!node) return ['栏目不存在'];
  if (newParentId === null) return [];
  const parent = byId.get(newParentId);
  if (!parent) return ['目标上级栏目不存在'];
  const reasons: string[] = [];
  if (parent.organId !== node.organId) reasons.push('不能移动到其他机关的公开目录下');
  if (newParentId === nodeId) reasons.push('栏目不能成为自己的下级');
  else {
    for (let cur: TreeNode | undefined = parent, guard = 0; cur && guard <= nodes.length; cur = cur.parentId === null ? undefined : byId.get(cur.parentId), guard++) {
      if (cur.id === nodeId) {
        reasons.push('不能把栏目移动到它自己的下级栏目中（会形成循环）');
        break;
      }
    }
  }
  return reasons;
}

export function assertMoveAllowed(nodes: TreeNode[], nodeId: number, newParentId: number | null): void {
  const reasons = moveRefusals(nodes, nodeId, newParentId);
  if (reasons.length > 0) {
    throw new DomainError('ERR_CATALOG_MOVE_REFUSED', reasons.join('；'), {
      httpStatus: 409,
      field: 'parentId',
      reasons: reasons.map((message) => ({ code: 'ERR_CATALOG_MOVE_REFUSED', message, field: 'parentId' })),
    });
  }
}

/** The path from the root to `nodeId`, root first (for breadcrumbs). */
export function pathTo<T extends { id: number; parentId: number | null }>(nodes: T[], nodeId: number): T[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const path: T[] = [];
  for (let cur = byId.get(nodeId); cur && path.length <= nodes.length; cur = cur.parentId === null ? undefined : byId.get(cur.parentId)) {
    path.unshift(cur);
  }
  return path;
}

/**
 * A name for each node of one organ's tree that no other node of it shares: its own name where that is unique,
 * otherwise as few of its ancestors before it as tell it apart (保障性住房 › 政策文件 beside the top-level 政策文件;
 * the grandparent too only when the parents read the same). The rule of the search's 目录栏目 facets
 * (docs/search.md), for any page or report that lists columns by name.
 */
export function distinctNodeLabels<T extends { id: number; parentId: number | null; name: string }>(nodes: T[]): Map<number, string> {
  const paths = new Map(nodes.map((n) => [n.id, pathTo(nodes, n.id).map((x) => x.name)]));
  const depth = new Map(nodes.map((n) => [n.id, 1]));
  const labelOf = (id: number) => paths.get(id)!.slice(-depth.get(id)!).join(' › ');
  for (let grown = true; grown;) {
    grown = false;
    const counts = new Map<string, number>();
    for (const n of nodes) counts.set(labelOf(n.id), (counts.get(labelOf(n.id)) ?? 0) + 1);
    for (const n of nodes) {
      if (counts.get(labelOf(n.id))! > 1 && depth.get(n.id)! < paths.get(n.id)!.length) {
        depth.set(n.id, depth.get(n.id)! + 1);
        grown = true;
      }
    }
  }
  return new Map(nodes.map((n) => [n.id, labelOf(n.id)]));
}

export type TreeBranch<T> = T & { children: TreeBranch<T>[] };

/** Nests a flat list of nodes, siblings by sortOrder then id. */
export function buildTree<T extends { id: number; parentId: number | null; sortOrder: number }>(nodes: T[]): TreeBranch<T>[] {
  const branches = new Map<number, TreeBranch<T>>(nodes.map((n) => [n.id, { ...n, children: [] }]));
  const roots: TreeBranch<T>[] = [];
  for (const b of branches.values()) {
    const parent = b.parentId === null ? undefined : branches.get(b.parentId);
    (parent ? parent.children : roots).push(b);
  }
  const sort = (list: TreeBranch<T>[]) => {
    list.sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id);
    list.forEach((b) => sort(b.children));
  };
  sort(roots);
  return roots;
}

/** Ids of a node and all its descendants. */
export function subtreeIds(nodes: { id: number; parentId: number | null }[], rootId: number): number[] {
  const children = new Map<number, number[]>();
  for (const n of nodes) if (n.parentId !== null) children.set(n.parentId, [...(children.get(n.parentId) ?? []), n.id]);
  const out: number[] = [];
  const stack = [rootId];
  while (stack.length) {
    const id = stack.pop()!;
    out.push(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}

/** Nodes in tree order (parents before children, siblings by sortOrder), each with its depth — for pickers. */
export function inTreeOrder<T extends { id: number; parentId: number | null; sortOrder: number }>(nodes: T[]): (T & { depth: number })[] {
  const out: (T & { depth: number })[] = [];
  const walk = (list: TreeBranch<T>[], depth: number) => {
    for (const b of list) {
      const { children, ...node } = b;
      out.push({ ...(node as unknown as T), depth });
      walk(children, depth + 1);
    }
  };
  walk(buildTree(nodes), 0);
  return out;
}
