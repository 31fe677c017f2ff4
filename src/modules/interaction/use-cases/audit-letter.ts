import type { AppDeps } from '../../../platform/app-deps.ts';
import { appendAuditEvent } from '../../audit/index.ts';
import { actorLabel, actorUserId, type Actor } from '../../identity/index.ts';
import type { Executor } from '../storage/executor.ts';

/** Every mailbox verb is one entry of the hash-chained audit log, written in the verb's transaction. */
export function auditLetter(trx: Executor, deps: AppDeps, actor: Actor, at: string, e: { action: string; letterId: number; organId: number; before?: unknown; after?: unknown }) {
  return appendAuditEvent(trx, deps.dialect, {
    occurredAt: at, actorUserId: actorUserId(actor), actorLabel: actorLabel(actor), action: e.action, entityType: 'letter',
    entityId: String(e.letterId), organId: e.organId, before: e.before ?? null, after: e.after ?? null,
  });
}
