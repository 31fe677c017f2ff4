import type { AppDeps } from '../../../platform/app-deps.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { chinaDateOf } from '../../../shared/iso-date.ts';
import { actorLabel, actorUserId, type Actor } from '../../identity/index.ts';
import { ApplicationErrorCode as E } from '../domain/error-codes.ts';
import { requireApplication, updateApplication } from '../storage/applications-repository.ts';
import { appendEvent } from '../storage/events-repository.ts';
import { auditApplication, requireCaseStaff } from './case-access.ts';

/**
 * 条例第四十四条: information of public interest, or disclosed on application to several applicants, may
 * become proactive disclosure. Staff flag a case for that; the flag is listed in the work list view
 * `proactive` for whoever maintains the catalog.
 */
export async function flagForProactiveDisclosure(deps: AppDeps, actor: Actor, applicationId: number, reason: string): Promise<void> {
  if (!reason?.trim()) throw new DomainError(E.reasonRequired, '请写明建议转为主动公开的理由，如涉及公众利益、多人申请（条例第四十四条）', { field: 'reason' });
  if (reason.trim().length > 500) throw new DomainError(E.invalidInput, '理由不能超过500个字符', { field: 'reason' });
  await deps.db.transaction().execute(async (trx) => {
    const app = await requireApplication(trx, applicationId);
    await requireCaseStaff(trx, actor, app.organId);
    const now = deps.clock.now();
    const at = now.toISOString();
    await updateApplication(trx, app, { proactive_flag: 1, proactive_flag_reason: reason.trim() }, at);
    await appendEvent(trx, app.id, {
      verb: 'flagProactive', fromState: app.state, toState: app.state, occurredOn: chinaDateOf(now), occurredAt: at,
      actorUserId: actorUserId(actor), actorLabel: actorLabel(actor), note: `建议转为主动公开（条例第四十四条）：${reason.trim()}`,
    });
    await auditApplication(trx, deps, actor, at, { action: 'application.flag_proactive', entityId: app.id, organId: app.organId, after: { reason: reason.trim() } });
  });
}
