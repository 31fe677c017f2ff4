import type { AppDeps } from '../../../platform/app-deps.ts';
import { appendAuditEvent } from '../../audit/index.ts';
import { actorLabel, actorUserId, type Actor } from '../../identity/index.ts';
import type { Executor } from '../storage/executor.ts';

export function audit(
  trx: Executor, deps: AppDeps, actor: Actor, at: string,
  e: { action: string; entityType: string; entityId: number | string; organId: number | null; before?: unknown; after?: unknown },
) {
  return appendAuditEvent(trx, deps.dialect, {
    occurredAt: at, actorUserId: actorUserId(actor), actorLabel: actorLabel(actor), action: e.action, entityType: e.entityType,
    entityId: String(e.entityId), organId: e.organId, before: e.before ?? null, after: e.after ?? null,
  });
}
