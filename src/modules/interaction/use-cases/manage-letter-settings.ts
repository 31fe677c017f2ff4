import type { AppDeps } from '../../../platform/app-deps.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { organChain } from '../../catalog/index.ts';
import { actorMay, type Actor } from '../../identity/index.ts';
import { InteractionErrorCode as E } from '../domain/error-codes.ts';
import { LETTER_TYPE_LABELS, LETTER_TYPES, type LetterType } from '../domain/letter.ts';
import { MAX_REPLY_WORKING_DAYS } from '../domain/letter-clock.ts';
import { loadLetterSettings, saveLetterSettings, type LetterSettings } from '../storage/settings-repository.ts';
import { auditLetter } from './audit-letter.ts';

export const getLetterSettings = (deps: AppDeps, organId: number) => loadLetterSettings(deps.db, organId);

/**
 * The organ's reply limits per type and whether a second person reviews each reply. Organ admins
 * only. A new limit applies to letters received from then on: stored due dates are not moved.
 */
export async function updateLetterSettings(deps: AppDeps, actor: Actor, organId: number, raw: Record<string, unknown>): Promise<LetterSettings> {
  const reasons: { code: string; message: string; field: string }[] = [];
  const days = {} as Record<LetterType, number>;
  for (const t of LETTER_TYPES) {
    const v = String(raw[`${t}Days`] ?? '').trim();
    const n = Number(v);
    if (!/^\d{1,3}$/.test(v) || n < 1 || n > MAX_REPLY_WORKING_DAYS) reasons.push({ code: E.invalidInput, message: `${LETTER_TYPE_LABELS[t]}的答复期限应为1至${MAX_REPLY_WORKING_DAYS}个工作日`, field: `${t}Days` });
    days[t] = n;
  }
  if (reasons.length) throw DomainError.fromReasons(reasons);
  const settings: LetterSettings = { replyWorkingDays: days, replyReview: raw.replyReview === true || raw.replyReview === 'yes' || raw.replyReview === 'on' };
  return deps.db.transaction().execute(async (trx) => {
    if (!actorMay(actor, await organChain(trx, organId), 'organ_admin')) throw new DomainError('ERR_AUTH_FORBIDDEN', '只有本机关管理员可以修改部门信箱设置', { httpStatus: 403 });
    const before = await loadLetterSettings(trx, organId);
    const at = deps.clock.now().toISOString();
    await saveLetterSettings(trx, organId, settings, at);
    await auditLetter(trx, deps, actor, at, { action: 'letter.settings', letterId: 0, organId, before, after: settings });
    return settings;
  });
}
