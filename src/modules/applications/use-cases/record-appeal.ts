import type { AppDeps } from '../../../platform/app-deps.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { chinaDateOf, isIsoDate } from '../../../shared/iso-date.ts';
import { actorUserId, type Actor } from '../../identity/index.ts';
import { appealProblems, suitAfterReconsiderationNotes, type Appeal, type AppealKind, type AppealResult } from '../domain/appeal.ts';
import { ApplicationErrorCode as E } from '../domain/error-codes.ts';
import { requireApplication } from '../storage/applications-repository.ts';
import { appealFactsOf, findAppeal, insertAppeal, updateAppealDecision } from '../storage/appeals-repository.ts';
import { auditApplication, requireCaseStaff } from './case-access.ts';

const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
const days = (v: unknown) => (typeof v === 'number' ? v : v === undefined || v === null || str(v) === '' ? 0 : /^\d+$/.test(String(v).trim()) ? Number(String(v).trim()) : Number.NaN);

/** Records a reconsideration or lawsuit about an application (行政复议法, 行政诉讼法; table 四 of the annual report). */
export async function recordAppeal(deps: AppDeps, actor: Actor, applicationId: number, raw: Record<string, unknown>): Promise<{ appeal: Appeal; notes: string[] }> {
  return deps.db.transaction().execute(async (trx) => {
    const app = await requireApplication(trx, applicationId);
    await requireCaseStaff(trx, actor, app.organId);
    const now = deps.clock.now();
    const input = {
      kind: str(raw.kind), filedOn: str(raw.filedOn), result: str(raw.result) || 'pending', decidedOn: str(raw.decidedOn) || null, caseNo: str(raw.caseNo), body: str(raw.body), note: str(raw.note),
      acceptedOn: str(raw.acceptedOn) || null, extensionDays: days(raw.extensionDays),
    };
    const { reasons, notes } = appealProblems(input, { today: chinaDateOf(now), application: app });
    const earlier = await appealFactsOf(trx, app.id);
    if (input.caseNo && earlier.some((a) => a.case_no === input.caseNo)) {
      reasons.push({ code: E.appealInvalid, field: 'caseNo', message: `案号“${input.caseNo}”已登记，请勿重复登记；如结果有变化，请更新原记录` });
    }
    // The ledger records what was filed: a suit after reconsideration is never refused, only flagged
    // when the reconsideration was neither decided nor out of time (行政复议法第三十四条、第六十二条).
    if (input.kind === 'litigation_after_reconsideration' && isIsoDate(input.filedOn)) {
      const recons = earlier.filter((a) => a.kind === 'reconsideration').map((a) => ({ filedOn: a.filed_on, acceptedOn: a.accepted_on, extensionDays: a.extension_days, decidedOn: a.decided_on }));
      notes.push(...suitAfterReconsiderationNotes(input.filedOn, recons));
    }
    if (reasons.length) throw new DomainError(E.appealInvalid, reasons.map((r) => r.message).join('；'), { field: reasons[0].field, reasons });
    const at = now.toISOString();
    const appeal = await insertAppeal(trx, {
      organ_id: app.organId, application_id: app.id, tracking_no: app.trackingNo, kind: input.kind as AppealKind, case_no: input.caseNo, body: input.body,
      filed_on: input.filedOn, result: input.result as AppealResult, decided_on: input.decidedOn, accepted_on: input.acceptedOn, extension_days: input.extensionDays, note: input.note, imported: 0, created_by: actorUserId(actor),
      version: 1, created_at: at, updated_at: at,
    });
    await auditApplication(trx, deps, actor, at, { action: 'appeal.record', entityType: 'appeal', entityId: appeal.id, organId: app.organId, after: input });
    return { appeal, notes };
  });
}

/** Records the decision (or correction of the result) of a reconsideration or lawsuit. */
export async function decideAppeal(deps: AppDeps, actor: Actor, appealId: number, raw: Record<string, unknown>): Promise<Appeal> {
  return deps.db.transaction().execute(async (trx) => {
    const appeal = await findAppeal(trx, appealId);
    if (!appeal) throw new DomainError(E.appealNotFound, '复议或诉讼记录不存在', { httpStatus: 404 });
    await requireCaseStaff(trx, actor, appeal.organId);
    const app = appeal.applicationId ? await requireApplication(trx, appeal.applicationId) : null;
    const now = deps.clock.now();
    const input = {
      kind: appeal.kind, filedOn: appeal.filedOn, result: str(raw.result), decidedOn: str(raw.decidedOn) || null, note: str(raw.note) || appeal.note,
      acceptedOn: raw.acceptedOn === undefined ? appeal.acceptedOn : str(raw.acceptedOn) || null,
      extensionDays: raw.extensionDays === undefined ? appeal.extensionDays : days(raw.extensionDays),
    };
    const { reasons } = appealProblems(input, { today: chinaDateOf(now), application: app });
    if (reasons.length) throw new DomainError(E.appealInvalid, reasons.map((r) => r.message).join('；'), { field: reasons[0].field, reasons });
    const at = now.toISOString();
    const updated = await updateAppealDecision(trx, appeal, input.result as AppealResult, input.decidedOn, input.note, at, { acceptedOn: input.acceptedOn, extensionDays: input.extensionDays });
    if (!updated) throw new DomainError(E.versionConflict, '该记录已被他人修改，请刷新页面后重试', { httpStatus: 409 });
    await auditApplication(trx, deps, actor, at, { action: 'appeal.decide', entityType: 'appeal', entityId: appeal.id, organId: appeal.organId, before: { result: appeal.result, decidedOn: appeal.decidedOn }, after: { result: updated.result, decidedOn: updated.decidedOn } });
    return updated;
  });
}
