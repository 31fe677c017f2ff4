import type { AppDeps } from '../../../platform/app-deps.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { z } from '../../../shared/zod.ts';
import { appendCatalogAudit, findCatalogNode, findOrganByCode, organChain } from '../../catalog/index.ts';
import { actorUserId, mayKeepSupervision, type Actor } from '../../identity/index.ts';
import { CADENCES } from '../domain/cadence.ts';
import { nodeSupervisionRows, saveNodeSupervisionRow } from '../storage/node-supervision-repository.ts';

const blankToNull = (v: unknown) => (v === '' || v === undefined || v === null ? null : v);

export const nodeSupervisionSchema = z.object({
  cadence: z.preprocess(blankToNull, z.enum(CADENCES, { message: '更新周期应为每两周、每月、每季度、每半年、每年、有变化时更新或静态之一' }).nullable()),
  unitCode: z.preprocess(blankToNull, z.string().trim().max(64).nullable()),
});


/**
 * Sets a node's responsible unit and expected cadence; an empty cadence returns the node to its
 * class default (docs/rules/website-inspection.md). The unit must be the organ itself or one of its units.
 */
export async function setNodeSupervision(deps: AppDeps, actor: Actor, nodeId: number, raw: unknown): Promise<void> {
  const input = nodeSupervisionSchema.parse(raw);
  await deps.db.transaction().execute(async (trx) => {
    const node = await findCatalogNode(trx, nodeId);
    if (!node) throw new DomainError('ERR_SUPERVISION_NODE_NOT_FOUND', '栏目不存在', { httpStatus: 404 });
    if (actor.kind === 'user' && !mayKeepSupervision(actor.principal, await organChain(trx, node.organId))) {
      throw new DomainError('ERR_AUTH_FORBIDDEN', '只有政务公开办公室或机关管理员可以设置栏目的责任单位和更新周期', { httpStatus: 403 });
    }
    let unitId: number | null = null;
    if (input.unitCode) {
      const unit = await findOrganByCode(trx, input.unitCode);
      if (!unit || (unit.id !== node.organId && unit.parentId !== node.organId)) {
        throw new DomainError('ERR_SUPERVISION_UNIT_INVALID', '责任单位应为本机关或其下属单位', { field: 'unitCode' });
      }
      unitId = unit.id;
    }
    const before = (await nodeSupervisionRows(trx, node.organId)).get(nodeId) ?? null;
    const at = deps.clock.now().toISOString();
    await saveNodeSupervisionRow(trx, { nodeId, organId: node.organId, responsibleUnitId: unitId, cadence: input.cadence, updatedBy: actorUserId(actor), updatedAt: at });
    await appendCatalogAudit(trx, deps, actor, at, {
      action: 'supervision.node_set', entityType: 'catalog_node', entityId: nodeId, organId: node.organId,
      before, after: { responsibleUnitId: unitId, cadence: input.cadence },
    });
  });
}
