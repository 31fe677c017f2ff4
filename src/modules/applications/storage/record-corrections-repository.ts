import type { Insertable, Selectable, Updateable } from 'kysely';
import type { RecordCorrectionsTable } from '../../../platform/db/schema-areas/applications.ts';
import type { DocumentModel } from '../../../platform/documents/document-model.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import type { IsoDate, IsoInstant } from '../../../shared/iso-date.ts';
import type { ApplicantType, IdKind } from '../domain/applicant-types.ts';
import type { Channel } from '../domain/channels.ts';
import { ApplicationErrorCode as E } from '../domain/error-codes.ts';
import type { RecordCorrection, RecordCorrectionState } from '../domain/record-correction.ts';
import type { Executor } from './executor.ts';

/** 条例第四十一条 correction requests: the request, its history and its 告知书 (migration 008). */

type Row = Selectable<RecordCorrectionsTable> & { application_tracking_no: string | null };

const toRecordCorrection = (r: Row): RecordCorrection => ({
  id: r.id, organId: r.organ_id, trackingNo: r.tracking_no, state: r.state as RecordCorrectionState, channel: r.channel as Channel, receivedOn: r.received_on,
  applicantType: r.applicant_type as ApplicantType, applicantName: r.applicant_name, applicantIdKind: r.applicant_id_kind as IdKind | '', applicantIdNumber: r.applicant_id_number,
  contactPerson: r.contact_person, contactPhone: r.contact_phone, contactEmail: r.contact_email, contactAddress: r.contact_address, postalCode: r.postal_code,
  deliveryMethod: r.delivery_method, applicationId: r.application_id, applicationTrackingNo: r.application_tracking_no,
  recordDescription: r.record_description, claimedCorrection: r.claimed_correction, evidence: r.evidence, registeredBy: r.registered_by,
  decidedOn: r.decided_on, correctedContent: r.corrected_content, decisionReason: r.decision_reason, competentOrgan: r.competent_organ, competentContact: r.competent_contact,
  letterNo: r.letter_no, letterIssuedOn: r.letter_issued_on, version: Number(r.version), createdAt: r.created_at,
});

const selectWithCase = (db: Executor) =>
  db.selectFrom('record_corrections as rc')
    .leftJoin('applications as a', 'a.id', 'rc.application_id')
    .selectAll('rc')
    .select('a.tracking_no as application_tracking_no');

/** The next serial of an organ's correction requests in a year (atomic on both databases). */
export async function allocateRecordCorrectionSerial(db: Executor, organId: number, year: number): Promise<number> {
  const row = await db
    .insertInto('record_correction_serials')
    .values({ organ_id: organId, year, last_serial: 1 })
    .onConflict((oc) => oc.columns(['organ_id', 'year']).doUpdateSet((eb) => ({ last_serial: eb('record_correction_serials.last_serial', '+', 1) })))
    .returning('last_serial')
    .executeTakeFirstOrThrow();
  return row.last_serial;
}

export async function insertRecordCorrection(db: Executor, values: Insertable<RecordCorrectionsTable>): Promise<RecordCorrection> {
  const { id } = await db.insertInto('record_corrections').values(values).returning('id').executeTakeFirstOrThrow();
  return (await findRecordCorrection(db, id))!;
}

export async function findRecordCorrection(db: Executor, id: number): Promise<RecordCorrection | null> {
  const row = await selectWithCase(db).where('rc.id', '=', id).executeTakeFirst();
  return row ? toRecordCorrection(row) : null;
}

export async function requireRecordCorrection(db: Executor, id: number): Promise<RecordCorrection> {
  const rc = await findRecordCorrection(db, id);
  if (!rc) throw new DomainError(E.recordCorrectionNotFound, '更正申请不存在', { httpStatus: 404 });
  return rc;
}

/** The request a registration form token made, if any. */
export async function findRecordCorrectionByToken(db: Executor, tokenHash: string): Promise<RecordCorrection | null> {
  const row = await selectWithCase(db).where('rc.form_token_hash', '=', tokenHash).executeTakeFirst();
  return row ? toRecordCorrection(row) : null;
}

/** Writes the changes only if nobody changed the request since it was read (optimistic `version`). */
export async function updateRecordCorrection(db: Executor, rc: RecordCorrection, set: Updateable<RecordCorrectionsTable>, at: string): Promise<RecordCorrection> {
  const done = await db
    .updateTable('record_corrections')
    .set({ ...set, version: rc.version + 1, updated_at: at })
    .where('id', '=', rc.id)
    .where('version', '=', rc.version)
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) !== 1) throw new DomainError(E.versionConflict, '该更正申请已被他人修改，请刷新页面后重试', { httpStatus: 409 });
  return (await findRecordCorrection(db, rc.id))!;
}

/** An organ's requests, newest receipt first. */
export async function listRecordCorrections(db: Executor, organIds: number[]): Promise<RecordCorrection[]> {
  if (organIds.length === 0) return [];
  const rows = await selectWithCase(db).where('rc.organ_id', 'in', organIds).orderBy('rc.received_on', 'desc').orderBy('rc.id', 'desc').execute();
  return rows.map(toRecordCorrection);
}

/** The 告知书 of a decided request, frozen as issued; null before the outcome. */
export async function findRecordCorrectionLetter(db: Executor, id: number): Promise<{ document: DocumentModel; letterNo: string; issuedOn: IsoDate } | null> {
  const r = await db.selectFrom('record_corrections').select(['letter_json', 'letter_no', 'letter_issued_on']).where('id', '=', id).executeTakeFirst();
  if (!r?.letter_json) return null;
  return { document: JSON.parse(r.letter_json) as DocumentModel, letterNo: r.letter_no ?? '', issuedOn: r.letter_issued_on ?? '' };
}

export type RecordCorrectionEvent = {
  id: number; verb: string; fromState: string | null; toState: string; occurredOn: IsoDate; occurredAt: IsoInstant;
  actorUserId: number | null; actorLabel: string; note: string; data: Record<string, unknown>;
};

export async function appendRecordCorrectionEvent(db: Executor, recordCorrectionId: number, e: Omit<RecordCorrectionEvent, 'id' | 'data'> & { data?: Record<string, unknown> }): Promise<void> {
  await db.insertInto('record_correction_events').values({
    record_correction_id: recordCorrectionId, verb: e.verb, from_state: e.fromState, to_state: e.toState, occurred_on: e.occurredOn, occurred_at: e.occurredAt,
    actor_user_id: e.actorUserId, actor_label: e.actorLabel, note: e.note, data_json: JSON.stringify(e.data ?? {}),
  }).execute();
}

export async function listRecordCorrectionEvents(db: Executor, recordCorrectionId: number): Promise<RecordCorrectionEvent[]> {
  const rows = await db.selectFrom('record_correction_events').selectAll().where('record_correction_id', '=', recordCorrectionId).orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id, verb: r.verb, fromState: r.from_state, toState: r.to_state, occurredOn: r.occurred_on, occurredAt: r.occurred_at,
    actorUserId: r.actor_user_id, actorLabel: r.actor_label, note: r.note, data: JSON.parse(r.data_json) as Record<string, unknown>,
  }));
}
