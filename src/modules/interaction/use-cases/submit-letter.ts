import { typedNumber } from '../../../shared/typed-number.ts';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { chinaDateOf } from '../../../shared/iso-date.ts';
import { hashQueryCode, isUniqueViolation, newQueryCode, openReceipt, sealReceipt, submissionKeyOf } from '../../applications/index.ts';
import { findOrganByCode } from '../../catalog/index.ts';
import { systemActor } from '../../identity/index.ts';
import { InteractionErrorCode as E } from '../domain/error-codes.ts';
import { letterDueOn, threeMonthLine } from '../domain/letter-clock.ts';
import { letterInputSchema } from '../domain/letter-input.ts';
import { appendLetterEvent } from '../storage/events-repository.ts';
import { allocateLetterSerial, insertLetter } from '../storage/letters-repository.ts';
import { loadLetterSettings } from '../storage/settings-repository.ts';
import { findLetterSubmission, insertLetterSubmission } from '../storage/submissions-repository.ts';
import { auditLetter } from './audit-letter.ts';
import { calendarInForce } from '../../calendar/index.ts';

export type LetterReceipt = { trackingNo: string; queryCode: string; organId: number; created: boolean };

/**
 * The type mark of a letter's number: XJ (信件). Letters numbered before used XX (信箱), which readers took for
 * 某某, a placeholder (found by an outside tester: QLX-ZJJ-XX2026-00002); those numbers stay as they were given —
 * stored, printed on 告知书 and in writers' hands — and are looked up as ever. The serial is the organ's for
 * the year whatever the mark (allocateLetterSerial), so XJ2026-00003 follows XX2026-00002. docs/workflows/mailbox.md.
 */
export const LETTER_NO_MARK = 'XJ';
/** Every mark a letter's number has had, the current one first. */
const LETTER_NO_MARKS = [LETTER_NO_MARK, 'XX'] as const;

/** 〈机关代码〉-XJ〈年〉-〈五位序号〉, e.g. QHX-ZJJ-XJ2026-00012: apart from application numbers, readable on the phone. */
export const letterTrackingNo = (organCode: string, year: number, serial: number) => `${organCode.toUpperCase()}-${LETTER_NO_MARK}${year}-${String(serial).padStart(5, '0')}`;
const LETTER_NO = new RegExp(`^([A-Z0-9][A-Z0-9-]*?)-(?:${LETTER_NO_MARKS.join('|')})\\d{4}-\\d{5}$`, 'i');
/** The organ code a letter's number begins with, under either mark (null for another shape). */
export const organCodeOfLetterNo = (trackingNo: string) => LETTER_NO.exec(typedNumber(trackingNo))?.[1]?.toLowerCase() ?? null;

/** The letter an earlier post of this form token made, if any (docs/workflows/mailbox.md). */
export async function findLetterReceipt(deps: AppDeps, formToken: string): Promise<LetterReceipt | null> {
  if (!formToken) return null;
  const found = await findLetterSubmission(deps.db, submissionKeyOf(formToken));
  return found ? { trackingNo: found.trackingNo, queryCode: openReceipt(formToken, found.sealedReceipt) ?? '', organId: found.organId, created: false } : null;
}

/**
 * A letter written on the portal without an account. It is received the day it arrives (China
 * time); the due date counts the organ's limit for its type in working days. One form token makes at
 * most one letter: the token is recorded in the letter's transaction under a unique key, so of two
 * posts arriving together one makes the letter and the other is answered with its receipt. `admit`
 * runs after the fields are valid and before anything is stored (the per-address limit).
 */
export async function submitLetter(deps: AppDeps, organCode: string, raw: unknown, opts: { formToken?: string; admit?: () => void } = {}): Promise<LetterReceipt> {
  const formToken = opts.formToken ?? '';
  const earlier = await findLetterReceipt(deps, formToken);
  if (earlier) return earlier;
  const parsed = letterInputSchema.safeParse(raw);
  if (!parsed.success) {
    const reasons = parsed.error.issues.map((i) => ({ code: E.invalidInput, message: i.message, field: String(i.path[0] ?? '_form') }));
    throw DomainError.fromReasons(reasons);
  }
  const input = parsed.data;
  opts.admit?.();
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const organ = await findOrganByCode(trx, organCode);
      if (!organ || organ.kind === 'unit') throw new DomainError(E.notFound, '机关不存在', { httpStatus: 404 });
      const now = deps.clock.now();
      const at = now.toISOString();
      const today = chinaDateOf(now);
      const settings = await loadLetterSettings(trx, organ.id);
      const calendar = await calendarInForce(trx);
      const year = Number(today.slice(0, 4));
      const trackingNo = letterTrackingNo(organ.code, year, await allocateLetterSerial(trx, organ.id, year));
      const queryCode = newQueryCode();
      const days = settings.replyWorkingDays[input.type];
      const letter = await insertLetter(trx, {
        organ_id: organ.id, tracking_no: trackingNo, query_code_hash: hashQueryCode(trackingNo, queryCode), type: input.type, subject: input.subject,
        content: input.content, writer_name: input.writerName, contact: input.contact, publish_consent: input.publishConsent ? 1 : 0, state: 'received',
        unit_id: null, submitted_on: today, received_on: today, due_working_days: days, due_on: letterDueOn(calendar, today, days),
        three_month_on: threeMonthLine(today), transfer_count: 0, version: 1, created_at: at, updated_at: at,
      });
      const actor = systemActor('部门信箱');
      await appendLetterEvent(trx, {
        letterId: letter.id, organId: organ.id, verb: 'submit', fromState: null, toState: 'received', occurredOn: today, occurredAt: at,
        actorUserId: null, actorLabel: '来信人', note: `收到来信，${days}个工作日内答复，期限${letter.dueOn}`, data: { dueOn: letter.dueOn },
      });
      await auditLetter(trx, deps, actor, at, { action: 'letter.submit', letterId: letter.id, organId: organ.id, after: { trackingNo, type: input.type, dueOn: letter.dueOn } });
      if (formToken) await insertLetterSubmission(trx, { tokenHash: submissionKeyOf(formToken), letterId: letter.id, sealedReceipt: sealReceipt(formToken, queryCode), createdAt: at });
      return { trackingNo, queryCode, organId: organ.id, created: true };
    });
  } catch (e) {
    // Another post of the same form won the race: its letter stands, this one was rolled back.
    if (formToken && isUniqueViolation(e)) {
      const winner = await findLetterReceipt(deps, formToken);
      if (winner) return winner;
    }
    throw e;
  }
}
