import type { AppDeps } from '../../../platform/app-deps.ts';
import { DomainError, type ErrorReason } from '../../../shared/domain-error.ts';
import { chinaDateOf, isIsoDate } from '../../../shared/iso-date.ts';
import { actorLabel, actorUserId, type Actor } from '../../identity/index.ts';
import { ApplicationErrorCode as E } from '../domain/error-codes.ts';
import { LETTER_KIND_LABELS } from '../domain/letters/letter-kinds.ts';
import { isServiceMethod, SERVICE_METHOD_LABELS, SERVICE_METHODS } from '../domain/remedy-periods.ts';
import { requireApplication } from '../storage/applications-repository.ts';
import { appendEvent } from '../storage/events-repository.ts';
import { findLetter, updateLetterService } from '../storage/letters-repository.ts';
import { auditApplication, requireCaseStaff } from './case-access.ts';

const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/**
 * Records how and when a letter reached its addressee (送达回证, EMS number, e-mail time). For a reply the
 * service date starts the 60-day reconsideration and 6-month lawsuit periods (domain/remedy-periods.ts).
 */
export async function recordService(deps: AppDeps, actor: Actor, letterId: number, raw: Record<string, unknown>): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const letter = await findLetter(trx, letterId);
    if (!letter) throw new DomainError(E.letterNotFound, '文书不存在', { httpStatus: 404 });
    const app = await requireApplication(trx, letter.applicationId);
    await requireCaseStaff(trx, actor, app.organId);
    const now = deps.clock.now();
    const today = chinaDateOf(now);
    const input = { servedOn: str(raw.servedOn), method: str(raw.method), ref: str(raw.ref) };
    const reasons: ErrorReason[] = [];
    if (!isIsoDate(input.servedOn)) reasons.push({ code: E.invalidDate, field: 'servedOn', message: `送达日期“${input.servedOn}”不是有效日期，应为YYYY-MM-DD格式的真实日期` });
    else if (input.servedOn > today) reasons.push({ code: E.dateInFuture, field: 'servedOn', message: `送达日期${input.servedOn}晚于今天（${today}）` });
    else if (input.servedOn < letter.issuedOn) reasons.push({ code: E.dateOutOfOrder, field: 'servedOn', message: `送达日期${input.servedOn}早于文书日期${letter.issuedOn}` });
    if (!isServiceMethod(input.method)) reasons.push({ code: E.invalidInput, field: 'method', message: `送达方式应为${SERVICE_METHODS.map((m) => SERVICE_METHOD_LABELS[m]).join('、')}之一` });
    if (!input.ref) reasons.push({ code: E.reasonRequired, field: 'ref', message: '请填写送达凭证：送达回证签收人、EMS单号、电子邮件发送时间或网上送达记录' });
    if (input.ref.length > 200) reasons.push({ code: E.invalidInput, field: 'ref', message: '送达凭证不能超过200个字符' });
    if (reasons.length) throw new DomainError(reasons[0].code, reasons.map((r) => r.message).join('；'), { field: reasons[0].field, reasons });
    const at = now.toISOString();
    await updateLetterService(trx, letter.id, input.servedOn, input.method, input.ref);
    await appendEvent(trx, app.id, {
      verb: 'recordService', fromState: app.state, toState: app.state, occurredOn: today, occurredAt: at, actorUserId: actorUserId(actor), actorLabel: actorLabel(actor),
      note: `${LETTER_KIND_LABELS[letter.kind]}${letter.letterNo ? `（${letter.letterNo}）` : ''}于${input.servedOn}送达：${SERVICE_METHOD_LABELS[input.method as keyof typeof SERVICE_METHOD_LABELS]}，${input.ref}`,
    });
    await auditApplication(trx, deps, actor, at, { action: 'application.record_service', entityType: 'application_letter', entityId: letter.id, organId: app.organId, before: { servedOn: letter.servedOn }, after: input });
  });
}
