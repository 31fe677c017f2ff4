import type { AppDeps } from '../../../platform/app-deps.ts';
import { DomainError, type ErrorReason } from '../../../shared/domain-error.ts';
import { chinaDateOf } from '../../../shared/iso-date.ts';
import { passingFields, refuseEveryReason } from '../../../shared/every-reason.ts';
import { findOrganById, type Organ } from '../../catalog/index.ts';
import { actorLabel, actorUserId, type Actor } from '../../identity/index.ts';
import { ApplicationErrorCode as E } from '../domain/error-codes.ts';
import { buildRecordCorrectionLetter } from '../domain/letters/record-correction-letter.ts';
import { isServedOnline } from '../domain/letters/remedies.ts';
import {
  decideRecordCorrection, isAdverseRecordCorrection, RECORD_CORRECTION_TRANSITIONS, type RecordCorrection, type RecordCorrectionCommand,
} from '../domain/record-correction.ts';
import { recordCorrectionFields } from '../domain/record-correction-input.ts';
import { findApplicationByTrackingNo } from '../storage/applications-repository.ts';
import type { Executor } from '../storage/executor.ts';
import {
  allocateRecordCorrectionSerial, appendRecordCorrectionEvent, findRecordCorrectionByToken, insertRecordCorrection, listRecordCorrectionEvents,
  listRecordCorrections, requireRecordCorrection, updateRecordCorrection, type RecordCorrectionEvent,
} from '../storage/record-corrections-repository.ts';
import { isUniqueViolation } from '../storage/submissions-repository.ts';
import { auditApplication, requireCaseStaff } from './case-access.ts';
import { requireAnsweringOrgan } from './create-application.ts';
import { letterheadFor, reconsiderationBodyMissing } from './issue-letter.ts';
import { submissionKeyOf } from './submission-receipt.ts';

/** 〈机关代码〉-GZ-〈年〉-〈五位序号〉: the request's own number, apart from the applications' series. */
export const recordCorrectionNoFor = (organCode: string, year: number, serial: number) => `${organCode.toUpperCase()}-GZ-${year}-${String(serial).padStart(5, '0')}`;

/**
 * Staff register a 条例第四十一条 correction request received at the organ (not an internal unit, as
 * for applications). One form token, one request: a double-clicked or re-sent form answers with the
 * request the first post made, also when both arrive together (the token's hash is unique).
 */
export async function registerRecordCorrection(
  deps: AppDeps, actor: Actor, organId: number, raw: unknown, opts: { formToken?: string } = {},
): Promise<{ correction: RecordCorrection; created: boolean }> {
  const tokenHash = opts.formToken ? submissionKeyOf(opts.formToken) : null;
  const earlier = tokenHash ? await findRecordCorrectionByToken(deps.db, tokenHash) : null;
  if (earlier) return { correction: earlier, created: false };
  try {
    return { correction: await registerOnce(deps, actor, organId, raw, tokenHash), created: true };
  } catch (e) {
    if (tokenHash && isUniqueViolation(e)) {
      const winner = await findRecordCorrectionByToken(deps.db, tokenHash);
      if (winner) return { correction: winner, created: false };
    }
    throw e;
  }
}

async function registerOnce(deps: AppDeps, actor: Actor, organId: number, raw: unknown, tokenHash: string | null): Promise<RecordCorrection> {
  // The fields' own checks and the rules across them (a future date, an unknown 原申请编号) are
  // reported together, the rules on the fields that passed (every mistake at once).
  const parsed = recordCorrectionFields.safeParse(raw);
  const checked = parsed.success ? parsed.data : passingFields(recordCorrectionFields, raw);
  return deps.db.transaction().execute(async (trx) => {
    await requireCaseStaff(trx, actor, organId);
    const organ = await findOrganById(trx, organId);
    if (!organ) throw new DomainError('ERR_NOT_FOUND', '机关不存在', { httpStatus: 404 });
    requireAnsweringOrgan(organ);
    const now = deps.clock.now();
    const at = now.toISOString();
    const today = chinaDateOf(now);
    const reasons: ErrorReason[] = [];
    if (checked.receivedOn && checked.receivedOn > today) reasons.push({ code: E.dateInFuture, field: 'receivedOn', message: `收到日期${checked.receivedOn}晚于今天（${today}），不能登记将来的日期` });
    // The application case the record was provided in: a case of this organ, named by its tracking number.
    let applicationId: number | null = null;
    if (checked.applicationTrackingNo) {
      const app = await findApplicationByTrackingNo(trx, checked.applicationTrackingNo.toUpperCase());
      if (!app || app.organId !== organ.id) {
        reasons.push({ code: E.recordCorrectionCaseNotFound, field: 'applicationTrackingNo', message: `本机关没有编号为“${checked.applicationTrackingNo}”的政府信息公开申请，请核对原申请编号或留空` });
      } else applicationId = app.id;
    }
    refuseEveryReason(parsed.error?.issues ?? [], reasons);
    const input = parsed.data!;

    const year = Number(input.receivedOn.slice(0, 4));
    const trackingNo = recordCorrectionNoFor(organ.code, year, await allocateRecordCorrectionSerial(trx, organ.id, year));
    const correction = await insertRecordCorrection(trx, {
      organ_id: organ.id, tracking_no: trackingNo, state: 'received', channel: input.channel, received_on: input.receivedOn,
      applicant_type: input.applicantType, applicant_name: input.applicantName, applicant_id_kind: input.applicantIdKind, applicant_id_number: input.applicantIdNumber,
      contact_person: input.contactPerson, contact_phone: input.contactPhone, contact_email: input.contactEmail, contact_address: input.contactAddress,
      postal_code: input.postalCode, delivery_method: input.deliveryMethod, application_id: applicationId,
      record_description: input.recordDescription, claimed_correction: input.claimedCorrection, evidence: input.evidence,
      registered_by: actorUserId(actor), form_token_hash: tokenHash, version: 1, created_at: at, updated_at: at,
    });
    await appendRecordCorrectionEvent(trx, correction.id, {
      verb: 'register', fromState: null, toState: 'received', occurredOn: today, occurredAt: at, actorUserId: actorUserId(actor), actorLabel: actorLabel(actor),
      note: `登记更正申请（条例第四十一条），收到日期${input.receivedOn}${correction.applicationTrackingNo ? `，涉及申请${correction.applicationTrackingNo}` : ''}`,
    });
    await auditApplication(trx, deps, actor, at, {
      action: 'application.record_correction.register', entityType: 'record_correction', entityId: correction.id, organId: organ.id,
      after: { trackingNo, state: 'received', receivedOn: input.receivedOn, applicationId },
    });
    return correction;
  });
}

/**
 * An outcome of a request: load it, ask `decideRecordCorrection`, and in one transaction write the
 * outcome with an optimistic version check, the 告知书 (built, numbered in the organ's letter series
 * and frozen), the history event and the audit record. Refused: nothing changes, every reason listed.
 */
export async function performRecordCorrectionVerb(
  deps: AppDeps, actor: Actor, id: number, command: RecordCorrectionCommand, expectedVersion?: number,
): Promise<RecordCorrection> {
  return deps.db.transaction().execute(async (trx) => {
    const before = await requireRecordCorrection(trx, id);
    await requireCaseStaff(trx, actor, before.organId);
    if (expectedVersion !== undefined && expectedVersion !== before.version) {
      throw new DomainError(E.versionConflict, '该更正申请已被他人修改，请刷新页面后重试', { httpStatus: 409 });
    }
    const now = deps.clock.now();
    const at = now.toISOString();
    const today = chinaDateOf(now);
    const { organ, reconsideration, nextLetterNo } = await letterheadFor(trx, before.organId);
    const decision = decideRecordCorrection(before, command, { today, organName: organ.name });
    if (!decision.ok) {
      const first = decision.reasons[0];
      throw new DomainError(first.code, decision.reasons.map((r) => r.message).join('；'), {
        httpStatus: first.code === E.recordCorrectionVerbNotAllowed ? 409 : 400, field: first.field, reasons: decision.reasons,
      });
    }
    const decided: RecordCorrection = { ...before, ...decision.changes, state: decision.next };
    const adverse = isAdverseRecordCorrection(decision.next);
    if (adverse && !reconsideration) throw reconsiderationBodyMissing(organ.name);
    const issuedOn = decision.changes.decidedOn!;
    const letterNo = await nextLetterNo(issuedOn);
    const letter = buildRecordCorrectionLetter(decided, {
      organName: organ.name, reconsideration: reconsideration ?? { body: '', address: '', online: '' },
      servedOnline: isServedOnline(before.deliveryMethod), issuedOn, letterNo,
    });
    const after = await updateRecordCorrection(trx, before, {
      state: decision.next, decided_on: decision.changes.decidedOn, corrected_content: decision.changes.correctedContent, decision_reason: decision.changes.decisionReason,
      competent_organ: decision.changes.competentOrgan, competent_contact: decision.changes.competentContact,
      letter_json: JSON.stringify(letter), letter_no: letterNo, letter_issued_on: issuedOn,
    }, at);
    await appendRecordCorrectionEvent(trx, before.id, {
      verb: command.verb, fromState: before.state, toState: after.state, occurredOn: today, occurredAt: at,
      actorUserId: actorUserId(actor), actorLabel: actorLabel(actor), note: `${decision.note}；出具告知书${letterNo}`, data: { letterNo },
    });
    await auditApplication(trx, deps, actor, at, {
      action: `application.record_correction.${command.verb}`, entityType: 'record_correction', entityId: before.id, organId: before.organId,
      before: { state: before.state }, after: { state: after.state, ...decision.changes, letterNo },
    });
    return after;
  });
}

export const recordCorrectionVerbLabel = (command: RecordCorrectionCommand) => RECORD_CORRECTION_TRANSITIONS[command.verb].label;

export type RecordCorrectionDetails = { correction: RecordCorrection; organ: Organ; events: RecordCorrectionEvent[] };

/** Everything the detail page shows; staff of the organ only. */
export async function recordCorrectionDetails(deps: AppDeps, actor: Actor, id: number): Promise<RecordCorrectionDetails> {
  const correction = await requireRecordCorrection(deps.db, id);
  await requireCaseStaff(deps.db, actor, correction.organId);
  const [organ, events] = await Promise.all([findOrganById(deps.db, correction.organId), listRecordCorrectionEvents(deps.db, id)]);
  return { correction, organ: organ!, events };
}

/** An organ's correction requests, newest first; staff of the organ only. */
export async function listRecordCorrectionsOf(deps: AppDeps, actor: Actor, organId: number): Promise<RecordCorrection[]> {
  await requireCaseStaff(deps.db, actor, organId);
  return listRecordCorrections(deps.db as Executor, [organId]);
}
