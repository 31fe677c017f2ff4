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
  createdAt: string;
};

export async function insertLetter(
  db: Executor, l: { applicationId: number; kind: LetterKind; title: string; issuedOn: IsoDate; document: DocumentModel; forApplicant: boolean; createdBy: number | null; serviceMethod?: string }, at: string,
): Promise<number> {
  const row = await db
    .insertInto('application_letters')
    .values({
      application_id: l.applicationId, kind: l.kind, title: l.title, issued_on: l.issuedOn, document_json: JSON.stringify(l.document),
      public: l.forApplicant ? 1 : 0, created_by: l.createdBy, created_at: at, service_method: l.serviceMethod ?? '',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function listLetters(db: Executor, applicationId: number): Promise<StoredLetter[]> {
  const rows = await db.selectFrom('application_letters').selectAll().where('application_id', '=', applicationId).orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id, applicationId: r.application_id, kind: r.kind as LetterKind, title: r.title, issuedOn: r.issued_on,
    document: JSON.parse(r.document_json) as DocumentModel, forApplicant: Number(r.public) === 1, createdAt: r.created_at,
  }));
}
