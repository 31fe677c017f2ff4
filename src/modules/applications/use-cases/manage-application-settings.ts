import type { AppDeps } from '../../../platform/app-deps.ts';
import { DomainError, type ErrorReason } from '../../../shared/domain-error.ts';
import { actorUserId, type Actor } from '../../identity/index.ts';
import { ApplicationErrorCode as E } from '../domain/error-codes.ts';
import { settingsFor, upsertSettings, type ApplicationSettings } from '../storage/settings-repository.ts';
import { auditApplication, requireCaseStaff, requireOfficeHead } from './case-access.ts';

const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

export async function getApplicationSettings(deps: AppDeps, actor: Actor, organId: number): Promise<ApplicationSettings> {
  await requireCaseStaff(deps.db, actor, organId);
  return settingsFor(deps.db, organId);
}

/**
 * The organ's administrator names its reconsideration body (行政复议法第二十条第三款: letters name it,
 * with address and online channel) and the short form used in its letter numbers (岚建公开〔2026〕第12号).
 */
export async function saveApplicationSettings(deps: AppDeps, actor: Actor, organId: number, raw: Record<string, unknown>): Promise<void> {
  const input = {
    organId,
    reconsiderationBody: str(raw.reconsiderationBody),
    reconsiderationAddress: str(raw.reconsiderationAddress),
    reconsiderationOnline: str(raw.reconsiderationOnline),
    letterPrefix: str(raw.letterPrefix),
  };
  const reasons: ErrorReason[] = [];
  const refuse = (field: string, message: string) => reasons.push({ code: E.settingsInvalid, field, message });
  if (input.reconsiderationBody.length > 60) refuse('reconsiderationBody', '复议机关名称不能超过60个字符');
  if (input.reconsiderationBody && !/(人民政府|局|厅|部|委员会|署|办公室)$/.test(input.reconsiderationBody)) {
    refuse('reconsiderationBody', '请填写复议机关的全称，如“青岚县人民政府”');
  }
  if (!input.reconsiderationBody && (input.reconsiderationAddress || input.reconsiderationOnline)) refuse('reconsiderationBody', '填写地址或网上渠道时，请同时填写复议机关名称');
  if (input.reconsiderationAddress.length > 200) refuse('reconsiderationAddress', '地址不能超过200个字符');
  if (input.reconsiderationOnline.length > 200) refuse('reconsiderationOnline', '网上申请渠道不能超过200个字符');
  if (input.letterPrefix && !/^[\u4e00-\u9fa5A-Za-z0-9]{2,12}$/.test(input.letterPrefix)) refuse('letterPrefix', '文书编号的机关代字应为2至12个汉字、字母或数字，如“岚建公开”');
  if (reasons.length) throw new DomainError(E.settingsInvalid, reasons.map((r) => r.message).join('；'), { field: reasons[0].field, reasons });
  await deps.db.transaction().execute(async (trx) => {
    await requireOfficeHead(trx, actor, organId);
    const before = await settingsFor(trx, organId);
    const at = deps.clock.now().toISOString();
    await upsertSettings(trx, input, actorUserId(actor), at);
    await auditApplication(trx, deps, actor, at, { action: 'application_settings.save', entityType: 'application_settings', entityId: organId, organId, before, after: input });
  });
}
