import type { AppDeps } from '../../../platform/app-deps.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { appendAuditEvent } from '../../audit/index.ts';
import { organChain } from '../../catalog/index.ts';
import { actorLabel, actorMay, actorUserId, mayWorkOn, loadPrincipal, type Actor } from '../../identity/index.ts';
import type { Executor } from '../storage/executor.ts';

/** Staff of the organ (信息员 or 管理员, a role on an organ above reaches it) handle its applications. */
export async function requireCaseStaff(db: Executor, actor: Actor, organId: number): Promise<number[]> {
  const chain = await organChain(db, organId);
  if (!actorMay(actor, chain, 'editor')) throw new DomainError('ERR_AUTH_FORBIDDEN', '您没有办理该机关依申请公开事项的权限', { httpStatus: 403 });
  return chain;
}

/** The head of the disclosure office (条例第三十三条第二款), modelled as the organ's administrator. */
/**
 * The head of the organ's own disclosure office (条例第三十三条第二款): its administrator, not an
 * administrator of an organ above it (a county government's admin does not approve a bureau's extension).
 */
export const isOfficeHead = (actor: Actor, chain: number[]): boolean => actorMay(actor, chain.slice(0, 1), 'organ_admin');

export async function requireOfficeHead(db: Executor, actor: Actor, organId: number): Promise<void> {
  if (!isOfficeHead(actor, await organChain(db, organId))) {
    throw new DomainError('ERR_AUTH_FORBIDDEN', '只有本机关管理员（政府信息公开工作机构负责人）可以进行此操作', { httpStatus: 403 });
  }
}

/** Whether a user may be made the handler of a case of this organ. */
export async function isStaffOf(db: Executor, userId: number, chain: number[]): Promise<boolean> {
  const principal = await loadPrincipal(db, userId);
  return principal !== null && mayWorkOn(principal, chain);
}

export function auditApplication(
  trx: Executor, deps: AppDeps, actor: Actor, at: string,
  e: { action: string; entityType?: string; entityId: number; organId: number; before?: unknown; after?: unknown },
) {
  return appendAuditEvent(trx, deps.dialect, {
    occurredAt: at, actorUserId: actorUserId(actor), actorLabel: actorLabel(actor), action: e.action, entityType: e.entityType ?? 'application',
    entityId: String(e.entityId), organId: e.organId, before: e.before ?? null, after: e.after ?? null,
  });
}
