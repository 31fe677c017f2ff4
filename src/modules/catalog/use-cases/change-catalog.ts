import type { AppDeps } from '../../../platform/app-deps.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { actorLabel, actorUserId, type Actor } from '../../identity/index.ts';
import { catalogChangeSchema, planCatalogChange, type CatalogChangePlan, type CatalogChangeRequest } from '../domain/catalog-change.ts';
import type { Organ } from '../domain/organ.ts';
import { insertCatalogChange, itemsPlacedIn, movePlacements, repointNodeReferences, reparentChildren } from '../storage/catalog-changes-repository.ts';
import { deleteCatalogNode, insertCatalogNode, listCatalogNodes, updateCatalogNodeRow } from '../storage/catalog-nodes-repository.ts';
import { listDirectoryMatters, updateDirectoryMatterRow } from '../storage/directory-matters-repository.ts';
import { catalogVersionOf } from '../storage/catalog-versions-repository.ts';
import { catalogChanged } from './catalog-changed.ts';
import type { Executor } from '../storage/executor.ts';
import { recordRedirect } from '../storage/redirects-repository.ts';
import { audit } from './audit-helper.ts';
import { requireRoleOnOrgan } from './authorize.ts';

export type CatalogChangePreview = { request: CatalogChangeRequest; plan: CatalogChangePlan; version: number };

async function planIn(db: Executor, organ: Pick<Organ, 'id' | 'code'>, request: CatalogChangeRequest): Promise<CatalogChangePlan> {
  const nodes = await listCatalogNodes(db, organ.id);
  const ids = [request.nodeId, ...(request.kind === 'merge' ? [request.intoId] : [])].filter((n) => nodes.some((x) => x.id === n));
  const matters = (await listDirectoryMatters(db, organ.id)).map((m) => ({ id: m.id, nodeId: m.nodeId, name: m.name }));
  const outcome = planCatalogChange(organ.code, nodes, await itemsPlacedIn(db, ids), request, matters);
  if (!outcome.ok) {
    throw new DomainError('ERR_CATALOG_CHANGE_REFUSED', outcome.reasons.map((r) => r.message).join('；'), { httpStatus: 409, reasons: outcome.reasons });
  }
  return outcome.plan;
}

/**
 * What a rename, move, merge or split of the organ's catalog would move, without changing anything:
 * the nodes, the items, the addresses that will redirect, and the catalog's version the confirmation
 * must still find. Only the organ's administrator may ask.
 */
export async function previewCatalogChange(deps: AppDeps, actor: Actor, organ: Pick<Organ, 'id' | 'code'>, raw: unknown): Promise<CatalogChangePreview> {
  const request = catalogChangeSchema.parse(raw);
  await requireRoleOnOrgan(deps.db, actor, organ.id, 'organ_admin');
  return { request, plan: await planIn(deps.db, organ, request), version: await catalogVersionOf(deps.db, organ.id) };
}

/**
 * Carries out a change in one transaction: the nodes and placements change, merged-away addresses
 * are recorded as redirects, the change is written to the catalog's history and the audit log, and
 * the catalog's version is raised (docs/performance.md "Catalog counts"). `expectedVersion` is the
 * version the preview showed: when someone changed the catalog since, nothing is saved
 * (ERR_CATALOG_CHANGE_STALE) and the person previews again. Items keep their 索引号 and addresses.
 */
export async function applyCatalogChange(
  deps: AppDeps, actor: Actor, organ: Pick<Organ, 'id' | 'code'>, raw: unknown, expectedVersion: number | null,
): Promise<{ plan: CatalogChangePlan; changeId: number; newNodeId: number | null }> {
  const request = catalogChangeSchema.parse(raw);
  return deps.db.transaction().execute(async (trx) => {
    await requireRoleOnOrgan(trx, actor, organ.id, 'organ_admin');
    const at = deps.clock.now().toISOString();
    // Raised first: the row lock orders concurrent changes of one catalog, and the version tells
    // whether another change came between the preview and this confirmation.
    await catalogChanged(trx, organ.id, at);
    if (expectedVersion !== null && (await catalogVersionOf(trx, organ.id)) !== expectedVersion + 1) {
      throw new DomainError('ERR_CATALOG_CHANGE_STALE', '预览之后公开目录已被修改，请重新预览后再确认', { httpStatus: 409 });
    }
    const plan = await planIn(trx, organ, request);
    let newNodeId: number | null = null;
    const nodes = await listCatalogNodes(trx, organ.id);
    const node = nodes.find((n) => n.id === request.nodeId)!;
    const lastSort = (parentId: number | null) => Math.max(0, ...nodes.filter((n) => n.parentId === parentId).map((n) => n.sortOrder));
    switch (request.kind) {
      case 'rename':
        await updateCatalogNodeRow(trx, node.id, { name: request.name, updated_at: at });
        break;
      case 'move':
        await updateCatalogNodeRow(trx, node.id, { parent_id: request.parentId, sort_order: lastSort(request.parentId) + 1, updated_at: at });
        break;
      case 'merge':
        await movePlacements(trx, plan.itemsMoved.map((i) => i.id), node.id, request.intoId);
        await reparentChildren(trx, node.id, request.intoId, at);
        await repointNodeReferences(trx, organ.id, node.id, request.intoId);
        await deleteCatalogNode(trx, node.id);
        for (const r of plan.redirects) await recordRedirect(trx, { ...r, reason: plan.summary, at });
        break;
      case 'split': {
        const parentId = request.placement === 'child' ? node.id : node.parentId;
        newNodeId = await insertCatalogNode(trx, {
          organ_id: organ.id, parent_id: parentId, name: request.name, sort_order: lastSort(parentId) + 1,
          is_standard_directory: 0, standard_area: null, description: '', created_at: at, updated_at: at,
        });
        await movePlacements(trx, plan.itemsMoved.map((i) => i.id), node.id, newNodeId);
        // The 事项 whose items all moved go with them; the new node is then part of the same standard directory.
        for (const m of plan.mattersMoved) await updateDirectoryMatterRow(trx, m.id, { node_id: newNodeId, updated_at: at });
        if (plan.mattersMoved.length) await updateCatalogNodeRow(trx, newNodeId, { is_standard_directory: 1, standard_area: node.standardArea ?? node.name, updated_at: at });
        break;
      }
    }
    const after = newNodeId === null ? plan.after : { ...plan.after, newNodeId };
    const changeId = await insertCatalogChange(trx, {
      organId: organ.id, kind: plan.kind, nodeId: plan.nodeId, summary: plan.summary, before: plan.before, after,
      actorUserId: actorUserId(actor), actorLabel: actorLabel(actor), changedAt: at,
    });
    await audit(trx, deps, actor, at, { action: `catalog_node.${plan.kind}`, entityType: 'catalog_node', entityId: plan.nodeId, organId: organ.id, before: plan.before, after });
    return { plan, changeId, newNodeId };
  });
}
