import { z } from '../../../shared/zod.ts';
import { catalogChanged } from './catalog-changed.ts';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { actorLabel, actorUserId, type Actor } from '../../identity/index.ts';
import { assertMoveAllowed, pathTo } from '../domain/catalog-tree.ts';
import { insertCatalogChange } from '../storage/catalog-changes-repository.ts';
import {
  deleteCatalogNode, findCatalogNode, hasChildNodes, hasPlacements, insertCatalogNode, listCatalogNodes, updateCatalogNodeRow, type CatalogNode,
} from '../storage/catalog-nodes-repository.ts';
import { mattersOfNode } from '../storage/directory-matters-repository.ts';
import type { Executor } from '../storage/executor.ts';
import { audit } from './audit-helper.ts';
import { requireRoleOnOrgan } from './authorize.ts';

export const nodeInputSchema = z.object({
  name: z.string({ message: '请填写栏目名称' }).trim().min(1, { message: '请填写栏目名称' }).max(60, { message: '栏目名称不能超过 60 个字符' }),
  parentId: z.preprocess((v) => (v === '' || v === undefined ? null : v), z.coerce.number({ message: '上级栏目应为栏目编号' }).int().positive({ message: '上级栏目应为栏目编号' }).nullable()),
  isStandardDirectory: z.preprocess((v) => v === true || v === 'on' || v === 'true' || v === '1', z.boolean()),
  standardArea: z.string().trim().max(60, { message: '标准目录领域不能超过 60 个字符' }).nullish().transform((v) => (v ? v : null)),
  description: z.string().trim().max(500, { message: '栏目说明不能超过 500 个字符' }).optional().default(''),
});

async function loadNodeForChange(trx: Executor, actor: Actor, nodeId: number): Promise<CatalogNode> {
  const node = await findCatalogNode(trx, nodeId);
  if (!node) throw new DomainError('ERR_CATALOG_NODE_NOT_FOUND', '栏目不存在', { httpStatus: 404 });
  await requireRoleOnOrgan(trx, actor, node.organId, 'organ_admin');
  return node;
}

async function assertParentInOrgan(trx: Executor, organId: number, parentId: number | null) {
  if (parentId === null) return;
  const parent = await findCatalogNode(trx, parentId);
  if (!parent || parent.organId !== organId) throw new DomainError('ERR_CATALOG_NODE_NOT_FOUND', '上级栏目不存在或不属于本机关', { field: 'parentId' });
}

export async function addCatalogNode(deps: AppDeps, actor: Actor, organId: number, raw: unknown): Promise<number> {
  const input = nodeInputSchema.parse(raw);
  return deps.db.transaction().execute(async (trx) => {
    await requireRoleOnOrgan(trx, actor, organId, 'organ_admin');
    await assertParentInOrgan(trx, organId, input.parentId);
    const siblings = (await listCatalogNodes(trx, organId)).filter((n) => n.parentId === input.parentId);
    const at = deps.clock.now().toISOString();
    const id = await insertCatalogNode(trx, {
      organ_id: organId, parent_id: input.parentId, name: input.name, sort_order: Math.max(0, ...siblings.map((s) => s.sortOrder)) + 1,
      is_standard_directory: input.isStandardDirectory ? 1 : 0, standard_area: input.isStandardDirectory ? input.standardArea ?? input.name : null,
      description: input.description, created_at: at, updated_at: at,
    });
    await audit(trx, deps, actor, at, { action: 'catalog_node.add', entityType: 'catalog_node', entityId: id, organId, after: input });
    await catalogChanged(trx, organId, at);
    return id;
  });
}

/** Renames a node, changes its standard-directory mark or description, and moves it when the parent changes. */
export async function updateCatalogNode(deps: AppDeps, actor: Actor, nodeId: number, raw: unknown): Promise<void> {
  const input = nodeInputSchema.parse(raw);
  await deps.db.transaction().execute(async (trx) => {
    const node = await loadNodeForChange(trx, actor, nodeId);
    const all = await listCatalogNodes(trx, node.organId);
    let sortOrder = node.sortOrder;
    if (input.parentId !== node.parentId) {
      assertMoveAllowed(all, nodeId, input.parentId);
      sortOrder = Math.max(0, ...all.filter((n) => n.parentId === input.parentId).map((s) => s.sortOrder)) + 1;
    }
    const at = deps.clock.now().toISOString();
    await updateCatalogNodeRow(trx, nodeId, {
      name: input.name, parent_id: input.parentId, sort_order: sortOrder, is_standard_directory: input.isStandardDirectory ? 1 : 0,
      standard_area: input.isStandardDirectory ? input.standardArea ?? input.name : null, description: input.description, updated_at: at,
    });
    await audit(trx, deps, actor, at, { action: 'catalog_node.update', entityType: 'catalog_node', entityId: nodeId, organId: node.organId, before: node, after: input });
    // A rename or a move through this form is in the catalog's history too (docs/catalog-changes.md).
    const pathOf = (parentId: number | null) => (parentId === null ? '（顶级）' : pathTo(all, parentId).map((n) => n.name).join(' > '));
    const who = { organId: node.organId, nodeId, actorUserId: actorUserId(actor), actorLabel: actorLabel(actor), changedAt: at };
    if (input.name !== node.name) {
      await insertCatalogChange(trx, { ...who, kind: 'rename', summary: `改名：“${node.name}”改为“${input.name}”`, before: { name: node.name, path: pathOf(node.id) }, after: { name: input.name } });
    }
    if (input.parentId !== node.parentId) {
      await insertCatalogChange(trx, {
        ...who, kind: 'move', summary: `移动：“${input.name}”从 ${pathOf(node.parentId)} 移到 ${pathOf(input.parentId)}`,
        before: { parentId: node.parentId, path: input.name === node.name ? pathOf(node.id) : `${node.parentId === null ? '' : `${pathOf(node.parentId)} > `}${input.name}` },
        after: { parentId: input.parentId, path: `${input.parentId === null ? '' : `${pathOf(input.parentId)} > `}${input.name}` },
      });
    }
    await catalogChanged(trx, node.organId, at);
  });
}

/** Moves a node one place up or down among its siblings. */
export async function reorderCatalogNode(deps: AppDeps, actor: Actor, nodeId: number, direction: 'up' | 'down'): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const node = await loadNodeForChange(trx, actor, nodeId);
    const siblings = (await listCatalogNodes(trx, node.organId)).filter((n) => n.parentId === node.parentId);
    siblings.sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id);
    const i = siblings.findIndex((s) => s.id === nodeId);
    const j = direction === 'up' ? i - 1 : i + 1;
    if (j < 0 || j >= siblings.length) return;
    [siblings[i], siblings[j]] = [siblings[j], siblings[i]];
    const at = deps.clock.now().toISOString();
    for (const [k, s] of siblings.entries()) {
      if (s.sortOrder !== k + 1) await updateCatalogNodeRow(trx, s.id, { sort_order: k + 1, updated_at: at });
    }
    await audit(trx, deps, actor, at, { action: `catalog_node.move_${direction}`, entityType: 'catalog_node', entityId: nodeId, organId: node.organId });
    await catalogChanged(trx, node.organId, at);
  });
}

/** Removes an empty node (no sub-nodes, no items placed in it). */
export async function removeCatalogNode(deps: AppDeps, actor: Actor, nodeId: number): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const node = await loadNodeForChange(trx, actor, nodeId);
    const reasons: string[] = [];
    if (await hasChildNodes(trx, nodeId)) reasons.push('该栏目下还有子栏目');
    if (await hasPlacements(trx, nodeId)) reasons.push('该栏目中还有信息');
    if (reasons.length) {
      throw new DomainError('ERR_CATALOG_NODE_NOT_EMPTY', `不能删除栏目“${node.name}”：${reasons.join('；')}`, {
        httpStatus: 409, reasons: reasons.map((message) => ({ code: 'ERR_CATALOG_NODE_NOT_EMPTY', message })),
      });
    }
    // A standard-directory node's 事项 go with it: the audit entry names them, so supervision's count
    // of missing 事项 never drops without a trace of what was removed and by whom.
    const matters = (await mattersOfNode(trx, nodeId)).map((m) => ({ templateId: m.templateId, key: m.key, name: m.name, legalBasis: m.legalBasis, timeLimit: m.timeLimit }));
    await deleteCatalogNode(trx, nodeId);
    const at = deps.clock.now().toISOString();
    await audit(trx, deps, actor, at, { action: 'catalog_node.remove', entityType: 'catalog_node', entityId: nodeId, organId: node.organId, before: matters.length ? { ...node, matters } : node });
    await catalogChanged(trx, node.organId, at);
  });
}
