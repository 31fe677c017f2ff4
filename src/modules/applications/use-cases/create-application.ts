import { typedNumber } from '../../../shared/typed-number.ts';
import type { AppDeps } from '../../../platform/app-deps.ts';
import type { IsoDate } from '../../../shared/iso-date.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { ApplicationErrorCode as E } from '../domain/error-codes.ts';
import { actorLabel, actorUserId, type Actor } from '../../identity/index.ts';
import type { Organ } from '../../catalog/index.ts';
import type { Application } from '../domain/application.ts';
import { correctionNoticeDueOn } from '../domain/application-clock.ts';
import type { ApplicantFields } from '../domain/application-input.ts';
import { CHANNEL_RULES, receiptWarnings, receivedOnFor, recordsConfirmation, type Channel } from '../domain/channels.ts';
import { applicantKeyOf } from '../domain/identity-number.ts';
import { allocateTrackingSerial, insertApplication } from '../storage/applications-repository.ts';
import { appendEvent } from '../storage/events-repository.ts';
import type { Executor } from '../storage/executor.ts';
import { auditApplication } from './case-access.ts';
import { dueColumnsFor } from './due-columns.ts';
import { issueAcknowledgement } from './issue-letter.ts';
import { withQueryCode } from '../domain/letters/follow-up.ts';
import type { DocumentModel } from '../../../platform/documents/index.ts';
import { hashQueryCode, newQueryCode } from './query-code.ts';
import { calendarFor } from './working-calendar.ts';

/** 条例第二十七条: the 行政机关 takes applications (and 第四十一条 correction requests) in its own name, not its internal units. */
export function requireAnsweringOrgan(organ: Organ): void {
  if (organ.kind === 'unit') {
    throw new DomainError(E.organNotAnswering, `${organ.name}是下属单位，不单独受理政府信息公开申请，请登记到其所属的行政机关（条例第二十七条）`, { httpStatus: 400, field: 'organ' });
  }
}

/** 〈机关代码〉-〈年〉-〈五位序号〉, e.g. QHX-ZJJ-2026-00012: unique, readable on the phone. */
export const trackingNoFor = (organCode: string, year: number, serial: number) => `${organCode.toUpperCase()}-${year}-${String(serial).padStart(5, '0')}`;
/** The organ code a number made by trackingNoFor begins with (null for another shape, such as an imported ledger's). */
export const organCodeOfTrackingNo = (trackingNo: string) => /^([A-Z0-9][A-Z0-9-]*?)-\d{4}-\d{5}$/i.exec(typedNumber(trackingNo))?.[1]?.toLowerCase() ?? null;

export type Receipt = { channel: Channel; arrivedOn: IsoDate; arrivedAt: string | null; confirmedOn: IsoDate | null; evidence: string; assistedBy?: string };

/**
 * Stores a new application, received now or awaiting confirmation (条例第三十一条), with a fresh
 * tracking number and query code. Returns the code once: only its hash is kept. `receiptWithCode`:
 * the 申请登记回执 of a case registered by staff as received, with the code, to print now; the stored
 * receipt never holds the code.
 */
export async function createApplication(
  trx: Executor, deps: AppDeps, actor: Actor, organ: Organ, fields: ApplicantFields, receipt: Receipt, source: 'portal' | 'staff', at: string, today: IsoDate,
): Promise<{ application: Application; queryCode: string; receiptWithCode: DocumentModel | null }> {
  requireAnsweringOrgan(organ);
  const calendar = await calendarFor(trx);
  const receivedOn = receivedOnFor(receipt.channel, receipt.arrivedOn, receipt.confirmedOn);
  const state = receivedOn ? 'registered' : 'awaiting_confirmation';
  const serial = await allocateTrackingSerial(trx, organ.id, Number(receipt.arrivedOn.slice(0, 4)));
  const trackingNo = trackingNoFor(organ.code, Number(receipt.arrivedOn.slice(0, 4)), serial);
  const queryCode = newQueryCode();
  const base = {
    organ_id: organ.id, tracking_no: trackingNo, state, channel: receipt.channel, arrived_on: receipt.arrivedOn, arrived_at: receipt.arrivedAt,
    confirmed_on: recordsConfirmation(receipt.channel) ? receipt.confirmedOn : null, receipt_evidence: receipt.evidence, received_on: receivedOn,
    applicant_type: fields.applicantType, applicant_name: fields.applicantName, applicant_id_kind: fields.applicantIdKind, applicant_id_number: fields.applicantIdNumber,
    applicant_key: applicantKeyOf(fields.applicantIdKind, fields.applicantIdNumber, fields.applicantName, fields.contactPhone),
    contact_person: fields.contactPerson, contact_phone: fields.contactPhone, contact_email: fields.contactEmail, contact_address: fields.contactAddress,
    postal_code: fields.postalCode, subject: fields.subject, document_number: fields.documentNumber || null, provision_form: fields.provisionForm,
    delivery_method: fields.deliveryMethod, assisted_by: receipt.assistedBy ?? '', query_code_hash: hashQueryCode(trackingNo, queryCode),
    correction_notice_due_on: correctionNoticeDueOn(receivedOn, calendar), source, imported: 0, created_by: actorUserId(actor), version: 1, created_at: at, updated_at: at,
  };
  const due = dueColumnsFor({ receivedOn, state, correctedOn: null, correctionDueOn: null, extensionWorkingDays: 0 }, [], calendar);
  const application = await insertApplication(trx, { ...base, ...due });
  await appendEvent(trx, application.id, {
    verb: source === 'portal' ? 'submitOnline' : 'register', fromState: null, toState: state, occurredOn: today, occurredAt: at,
    actorUserId: actorUserId(actor), actorLabel: actorLabel(actor),
    note: receivedOn
      ? [`登记申请：${CHANNEL_RULES[receipt.channel].rule}，收到申请日期${receivedOn}`, ...receiptWarnings(application), ...(receipt.assistedBy ? [`由${receipt.assistedBy}代为填写（条例第二十九条第一款、第四十三条）`] : [])].join('；')
      : `申请已到达（${receipt.arrivedOn}），${CHANNEL_RULES[receipt.channel].rule}，待确认`,
  });
  // Every application registered as received gets its 申请登记回执 (one waiting for confirmation, on confirmation).
  // The stored receipt says the code was given at registration; the copy printed now carries it (follow-up.ts).
  const acknowledgement = receivedOn ? await issueAcknowledgement(trx, deps, application, today, actorUserId(actor), at) : null;
  await auditApplication(trx, deps, actor, at, { action: source === 'portal' ? 'application.submit_online' : 'application.register', entityId: application.id, organId: organ.id, after: { trackingNo, state, channel: receipt.channel, receivedOn } });
  return { application, queryCode, receiptWithCode: acknowledgement && source === 'staff' ? withQueryCode(acknowledgement.document, queryCode) : null };
}
