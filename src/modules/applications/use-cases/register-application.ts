import type { AppDeps } from '../../../platform/app-deps.ts';
import { DomainError, type ErrorReason } from '../../../shared/domain-error.ts';
import { chinaDateOf, type IsoDate } from '../../../shared/iso-date.ts';
import { passingFields, refuseEveryReason } from '../../../shared/every-reason.ts';
import { z } from '../../../shared/zod.ts';
import { findOrganById } from '../../catalog/index.ts';
import type { Actor } from '../../identity/index.ts';
import type { Application } from '../domain/application.ts';
import { applicantFields, staffRegistrationFields } from '../domain/application-input.ts';
import { CHANNEL_RULES, recordsConfirmation } from '../domain/channels.ts';
import { duplicateWindowStart, PossibleDuplicateApplication, possibleDuplicates } from '../domain/duplicate-applications.ts';
import { ApplicationErrorCode as E } from '../domain/error-codes.ts';
import { applicantKeyOf } from '../domain/identity-number.ts';
import { requireCaseStaff } from './case-access.ts';
import { createApplication } from './create-application.ts';
import { findApplication, listApplicantCases } from '../storage/applications-repository.ts';
import { findSubmission, insertSubmission, isUniqueViolation } from '../storage/submissions-repository.ts';
import { openReceipt, sealReceipt, submissionKeyOf } from './submission-receipt.ts';
import { listLetters } from '../storage/letters-repository.ts';
import { withQueryCode } from '../domain/letters/follow-up.ts';
import type { DocumentModel } from '../../../platform/documents/index.ts';

/**
 * Staff register a written application received in person, by post, fax or e-mail. The receipt date
 * follows the channel (条例第三十一条): in person or signed-for post at once; an ordinary letter, fax,
 * e-mail or online application when both sides confirm (given now, or later by confirmReceipt).
 * When the applicant already has an open or recent case asking for the same thing, registration stops
 * with PossibleDuplicateApplication until the officer confirms (`duplicateConfirmed`).
 */
export async function registerApplication(
  deps: AppDeps, actor: Actor, organId: number, raw: unknown, opts: { formToken?: string } = {},
): Promise<Registered & Replay> {
  // One form token, one case (docs/workflows/public-forms.md): a double-clicked or re-sent
  // registration answers with the case the first post made, also when both arrive together.
  const formToken = opts.formToken ?? '';
  const earlier = await registeredWith(deps, formToken);
  if (earlier) {
    await requireCaseStaff(deps.db, actor, earlier.application.organId);
    return earlier;
  }
  try {
    return { ...(await registerOnce(deps, actor, organId, raw, formToken)), created: true, codeWithheld: false, storedReceipt: null };
  } catch (e) {
    if (formToken && isUniqueViolation(e)) {
      const winner = await registeredWith(deps, formToken);
      if (winner) return winner;
    }
    throw e;
  }
}

/**
 * How long after registration the form's token still shows the 查询码: a double click, a refresh or
 * the PDF/Word download from the registration's answer. The token itself never expires as the key of
 * one form, one case (a repeat still answers with the case the first post made), but the code it
 * opens is shown "once": after this, a repeat answers without it, with the stored receipt and the
 * way to a new code (重新设置查询码, reset-query-code.ts). Docs: application-states.md.
 */
export const CODE_REPLAY_MINUTES = 15;

/**
 * The case, its 查询码 (shown once) and, when registered as received, the 申请登记回执 with the code to
 * print now (`receiptWithCode`; the stored receipt never holds the code: follow-up.ts).
 */
export type Registered = { application: Application; queryCode: string; receiptWithCode: DocumentModel | null };

/**
 * `created`: this post made the case. `codeWithheld`: a repeat later than CODE_REPLAY_MINUTES — the
 * code is '' and `receiptWithCode` null; `storedReceipt` is then the receipt as stored (without the code).
 */
export type Replay = { created: boolean; codeWithheld: boolean; storedReceipt: DocumentModel | null };

async function registeredWith(deps: AppDeps, formToken: string): Promise<Registered & Replay | null> {
  if (!formToken) return null;
  const found = await findSubmission(deps.db, submissionKeyOf(formToken));
  const application = found ? await findApplication(deps.db, found.applicationId) : null;
  if (!application) return null;
  const receipt = (await listLetters(deps.db, application.id)).find((l) => l.kind === 'acknowledgement');
  if (deps.clock.now().getTime() - Date.parse(found!.createdAt) > CODE_REPLAY_MINUTES * 60_000) {
    return { application, queryCode: '', receiptWithCode: null, created: false, codeWithheld: true, storedReceipt: receipt?.document ?? null };
  }
  // A repeated post (a double click) answers as the first did: the code opened with the form's token, on the stored receipt.
  const queryCode = openReceipt(formToken, found!.sealedReceipt) ?? '';
  return { application, queryCode, receiptWithCode: receipt && queryCode ? withQueryCode(receipt.document, queryCode) : null, created: false, codeWithheld: false, storedReceipt: null };
}

/**
 * The receipt with the code of a registration this officer may see, by the registration form's token
 * (the code is opened from its sealed copy; neither is ever in an address): to print it as a PDF or
 * Word file from the registration's answer. Null for an unknown token, a case with no receipt yet, or
 * later than CODE_REPLAY_MINUTES after registration.
 */
export async function registeredReceipt(deps: AppDeps, actor: Actor, formToken: string): Promise<{ application: Application; receiptWithCode: DocumentModel } | null> {
  const found = await registeredWith(deps, formToken);
  if (!found?.receiptWithCode) return null;
  await requireCaseStaff(deps.db, actor, found.application.organId);
  return { application: found.application, receiptWithCode: found.receiptWithCode };
}

async function registerOnce(deps: AppDeps, actor: Actor, organId: number, raw: unknown, formToken: string): Promise<Registered> {
  // Both halves of the form and the rules across the receipt fields are checked together (the rules
  // on the fields that passed their own checks), so every mistake is listed at once.
  const receiptResult = staffRegistrationFields.safeParse(raw);
  const fieldsResult = applicantFields.safeParse(raw);
  const today = chinaDateOf(deps.clock.now());
  refuseEveryReason(
    [...(receiptResult.error?.issues ?? []), ...(fieldsResult.error?.issues ?? [])],
    receiptReasons(receiptResult.success ? receiptResult.data : passingFields(staffRegistrationFields, raw), today),
  );
  const receipt = receiptResult.data!;
  const fields = fieldsResult.data!;
  return deps.db.transaction().execute(async (trx) => {
    await requireCaseStaff(trx, actor, organId);
    const organ = await findOrganById(trx, organId);
    if (!organ) throw new DomainError('ERR_NOT_FOUND', '机关不存在', { httpStatus: 404 });
    const now = deps.clock.now();
    // The same applicant asking again for the same thing: shown to the officer, registered once confirmed.
    if (!receipt.duplicateConfirmed) {
      const who = { name: fields.applicantName, applicantKey: applicantKeyOf(fields.applicantIdKind, fields.applicantIdNumber, fields.applicantName, fields.contactPhone) };
      const earlier = possibleDuplicates(fields, await listApplicantCases(trx, organ.id, who, duplicateWindowStart(today)), today);
      if (earlier.length) throw new PossibleDuplicateApplication(earlier);
    }
    const made = await createApplication(
      trx, deps, actor, organ, fields,
      { channel: receipt.channel, arrivedOn: receipt.arrivedOn, arrivedAt: null, confirmedOn: receipt.confirmedOn, evidence: receipt.receiptEvidence, assistedBy: receipt.assistedBy },
      'staff', now.toISOString(), today,
    );
    if (formToken) await insertSubmission(trx, { tokenHash: submissionKeyOf(formToken), applicationId: made.application.id, sealedReceipt: sealReceipt(formToken, made.queryCode), createdAt: now.toISOString() });
    return made;
  });
}

/**
 * The rules across a registration's receipt fields (条例第三十一条), each on the fields it reads when
 * they passed their own checks: every one is reported, a confirmation date before arrival together
 * with a missing 确认方式 (found by an outside tester).
 */
export function receiptReasons(receipt: Partial<z.output<typeof staffRegistrationFields>>, today: IsoDate): ErrorReason[] {
  const reasons: ErrorReason[] = [];
  const { channel, arrivedOn, confirmedOn, receiptEvidence } = receipt;
  if (arrivedOn && arrivedOn > today) reasons.push({ code: E.dateInFuture, field: 'arrivedOn', message: `到达日期${arrivedOn}晚于今天（${today}），不能登记将来的日期` });
  if (confirmedOn) {
    if (channel && !recordsConfirmation(channel)) reasons.push({ code: E.invalidInput, field: 'confirmedOn', message: `${CHANNEL_RULES[channel].rule}，无需填写确认日期` });
    else {
      if (arrivedOn && confirmedOn < arrivedOn) reasons.push({ code: E.dateOutOfOrder, field: 'confirmedOn', message: `确认日期${confirmedOn}早于到达日期${arrivedOn}` });
      else if (confirmedOn > today) reasons.push({ code: E.dateInFuture, field: 'confirmedOn', message: `确认日期${confirmedOn}晚于今天（${today}）` });
      if (receiptEvidence === '') reasons.push({ code: E.reasonRequired, field: 'receiptEvidence', message: '请填写与申请人确认的方式（如电话、短信、电子邮件回执）' });
    }
  }
  if (channel === 'post_signed' && receiptEvidence === '') {
    reasons.push({ code: E.reasonRequired, field: 'receiptEvidence', message: '邮寄申请请填写签收记录（如邮件号、签收人）' });
  }
  return reasons;
}
