import type { AppDeps } from '../../../platform/app-deps.ts';
import type { DocumentModel } from '../../../platform/documents/index.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { chinaDateOf } from '../../../shared/iso-date.ts';
import { requireVerifiedBy } from '../../../shared/verified-by.ts';
import { hashQueryCode, newQueryCode, queryCodeMatches } from '../../applications/index.ts';
import { findOrganById } from '../../catalog/index.ts';
import { actorLabel, actorUserId, type Actor } from '../../identity/index.ts';
import { InteractionErrorCode as E } from '../domain/error-codes.ts';
import type { Letter } from '../domain/letter.ts';
import { letterQueryCodeNotice } from '../domain/letter-query-code-notice.ts';
import { LETTER_VERIFICATION_HINT } from '../domain/lost-query-code.ts';
import { appendLetterEvent } from '../storage/events-repository.ts';
import type { Executor } from '../storage/executor.ts';
import { findLetter, findLetterByTrackingNo, setLetterQueryCodeHash } from '../storage/letters-repository.ts';
import { auditLetter } from './audit-letter.ts';
import { requireLetterStaff } from './perform-letter-verb.ts';

/**
 * A writer who lost a letter's 查询码 (only its hash is kept; the receipt showed it once) asks the organ
 * now handling the letter for a new one, as the receipt tells them. Staff of that organ (not of a unit
 * it is handed to) check who asks and write how; the old code stops working and the new one is
 * returned once with the 查询码重新设置告知 to print, never recorded. The letter's history and the audit
 * log say a reset was made, by whom and how the writer was checked (docs/workflows/mailbox.md).
 */
export async function resetLetterQueryCode(deps: AppDeps, actor: Actor, letterId: number, verifiedBy: string): Promise<{ letter: Letter; queryCode: string; notice: DocumentModel }> {
  const how = requireVerifiedBy(verifiedBy, { requiredCode: E.verificationRequired, invalidCode: E.invalidInput, person: '来信人', hint: LETTER_VERIFICATION_HINT });
  return deps.db.transaction().execute(async (trx) => {
    const letter = await requireLetter(trx, letterId);
    await requireLetterStaff(trx, actor, letter.organId);
    const now = deps.clock.now();
    const at = now.toISOString();
    const today = chinaDateOf(now);
    const queryCode = newQueryCode();
    await setLetterQueryCodeHash(trx, letter.id, hashQueryCode(letter.trackingNo, queryCode));
    await appendLetterEvent(trx, {
      letterId: letter.id, organId: letter.organId, verb: 'resetQueryCode', fromState: letter.state, toState: letter.state, occurredOn: today, occurredAt: at,
      actorUserId: actorUserId(actor), actorLabel: actorLabel(actor), note: `原查询码作废；核验方式：${how}`, data: { verifiedBy: how },
    });
    await auditLetter(trx, deps, actor, at, { action: 'letter.reset_query_code', letterId: letter.id, organId: letter.organId, after: { verifiedBy: how } });
    return { letter, queryCode, notice: await noticeOf(deps, trx, letter, queryCode) };
  });
}

/**
 * The 查询码重新设置告知 again, as PDF or Word from the reset's answer, for the code that page shows
 * (posted back, never in an address): only the code now in force opens it, for staff of the organ
 * handling the letter. Nothing is stored; null when the code is not the letter's current one.
 */
export async function letterQueryCodeNoticeFor(deps: AppDeps, actor: Actor, letterId: number, queryCode: string): Promise<DocumentModel | null> {
  const letter = await requireLetter(deps.db, letterId);
  await requireLetterStaff(deps.db, actor, letter.organId);
  const code = (queryCode ?? '').trim().toUpperCase();
  const withHash = await findLetterByTrackingNo(deps.db, letter.trackingNo);
  if (!code || !withHash || !queryCodeMatches(letter.trackingNo, code, withHash.queryCodeHash)) return null;
  return noticeOf(deps, deps.db, letter, code);
}

async function requireLetter(db: Executor, letterId: number): Promise<Letter> {
  const letter = Number.isInteger(letterId) && letterId > 0 ? await findLetter(db, letterId) : null;
  if (!letter) throw new DomainError(E.notFound, '来信不存在', { httpStatus: 404 });
  return letter;
}

async function noticeOf(deps: AppDeps, db: Executor, letter: Letter, queryCode: string): Promise<DocumentModel> {
  const organ = await findOrganById(db, letter.organId);
  const statusUrl = deps.publicUrl ? `${deps.publicUrl.replace(/\/+$/, '')}/letters/status` : null;
  return letterQueryCodeNotice({ letter, organName: organ?.name ?? '', issuedOn: chinaDateOf(deps.clock.now()), queryCode, consultPhone: organ?.consultPhone ?? '', statusUrl });
}
