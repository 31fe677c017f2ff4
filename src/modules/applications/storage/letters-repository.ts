import type { Selectable } from 'kysely';
import type { ApplicationLettersTable } from '../../../platform/db/schema-areas/applications.ts';
import type { DocumentModel } from '../../../platform/documents/document-model.ts';
import type { IsoDate } from '../../../shared/iso-date.ts';
import type { LetterKind } from '../domain/letters/letter-kinds.ts';
import type { Executor } from './executor.ts';

export type StoredLetter = {
  id: number;
  applicationId: number;
  kind: LetterKind;
  title: string;
  issuedOn: IsoDate;
  document: DocumentModel;
  forApplicant: boolean;
  /** The letter's own number, e.g. 岚建公开〔2026〕第12号; null for letters issued before numbering. */
  letterNo: string | null;
  /** Service (送达): when it reached the addressee, how, and the proof; null until recorded. */
  servedOn: IsoDate | null;
  serviceMethod: string;
  serviceRef: string;
  createdAt: string;
};

export async function insertLetter(
  db: Executor, l: { applicationId: number; kind: LetterKind; title: string; issuedOn: IsoDate; document: DocumentModel; forApplicant: boolean; createdBy: number | null; serviceMethod?: string; letterNo?: string }, at: string,
): Promise<number> {
  const row = await db
    .insertInto('application_letters')
    .values({
      application_id: l.applicationId, kind: l.kind, title: l.title, issued_on: l.issuedOn, document_json: JSON.stringify(l.document),
      public: l.forApplicant ? 1 : 0, created_by: l.createdBy, created_at: at, service_method: l.serviceMethod ?? '', letter_no: l.letterNo ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const toLetter = (r: Selectable<ApplicationLettersTable>): StoredLetter => ({
  id: r.id, applicationId: r.application_id, kind: r.kind as LetterKind, title: r.title, issuedOn: r.issued_on,
  document: JSON.parse(r.document_json) as DocumentModel, forApplicant: Number(r.public) === 1, letterNo: r.letter_no,
  servedOn: r.served_on, serviceMethod: r.service_method, serviceRef: r.service_ref, createdAt: r.created_at,
});

export async function listLetters(db: Executor, applicationId: number): Promise<StoredLetter[]> {
  const rows = await db.selectFrom('application_letters').selectAll().where('application_id', '=', applicationId).orderBy('id').execute();
  return rows.map(toLetter);
}

export async function findLetter(db: Executor, id: number): Promise<StoredLetter | null> {
  const r = await db.selectFrom('application_letters').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toLetter(r) : null;
}

export async function updateLetterService(db: Executor, id: number, servedOn: IsoDate, method: string, ref: string): Promise<void> {
  await db.updateTable('application_letters').set({ served_on: servedOn, service_method: method, service_ref: ref }).where('id', '=', id).execute();
}

/** The next number of an organ's letters in a year (atomic on both databases). */
export async function allocateLetterSerial(db: Executor, organId: number, year: number): Promise<number> {
  const row = await db
    .insertInto('application_letter_serials')
    .values({ organ_id: organId, year, last_serial: 1 })
    .onConflict((oc) => oc.columns(['organ_id', 'year']).doUpdateSet((eb) => ({ last_serial: eb('application_letter_serials.last_serial', '+', 1) })))
    .returning('last_serial')
    .executeTakeFirstOrThrow();
  return row.last_serial;
}
