import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { appendAuditEvent } from '../../audit/index.ts';
import { organChain } from '../../catalog/index.ts';
import { actorLabel, actorMay, actorUserId, type Actor } from '../../identity/index.ts';
import { extractText, FINDING_TYPE_LABELS, scanText } from '../../privacy/index.ts';
import { ConsultationErrorCode as E } from '../domain/consultation.ts';
import { CONSULTATION_FILE_TYPES, consultationFileRefusal, safeFileName } from '../domain/consultation-files.ts';
import {
  deleteConsultationFile, findConsultation, findConsultationFile, insertConsultationFile, listConsultationFiles, type ConsultationFile,
} from '../storage/consultations-repository.ts';

/** Where a consultation's files live in the data directory. */
export const consultationFilePath = (dataDir: string, storageKey: string) => path.join(dataDir, 'consultation-files', storageKey);

async function staffConsultation(deps: AppDeps, actor: Actor, consultationId: number) {
  const c = await findConsultation(deps.db, consultationId);
  if (!c) throw new DomainError(E.notFound, '意见征集不存在', { httpStatus: 404 });
  if (!actorMay(actor, await organChain(deps.db, c.organId), 'editor')) throw new DomainError('ERR_AUTH_FORBIDDEN', '您没有管理该机关意见征集的权限', { httpStatus: 403 });
  return c;
}

/**
 * Adds a draft document to a consultation: checked by name and content, read and scanned like an
 * item's attachment (personal data or a secrecy marking that would block publication refuses it),
 * stored under a generated name, recorded and audited — nothing partial: no file without its record.
 */
export async function addConsultationFile(deps: AppDeps, actor: Actor, consultationId: number, file: { fileName: string; bytes: Buffer }): Promise<ConsultationFile> {
  const c = await staffConsultation(deps, actor, consultationId);
  const fileName = safeFileName(file.fileName);
  const refusal = consultationFileRefusal(fileName, file.bytes);
  if (refusal) throw new DomainError(E.fileInvalid, refusal, { field: 'file' });
  let text: string;
  try {
    text = (await extractText(file.bytes, fileName)).text;
  } catch (e) {
    throw new DomainError(E.fileInvalid, `“${fileName}”无法读取：${(e as Error).message}`, { field: 'file' });
  }
  const blocking = scanText(text).filter((f) => f.severity === 'block');
  if (blocking.length > 0) {
    const kinds = [...new Set(blocking.map((f) => FINDING_TYPE_LABELS[f.type]))].join('、');
    throw new DomainError(E.fileFindings, `“${fileName}”中有${kinds}（${blocking.length} 处），请处理后再上传`, { field: 'file', httpStatus: 409 });
  }
  const ext = path.extname(fileName).toLowerCase();
  const storageKey = `${deps.clock.now().toISOString().slice(0, 7)}/${randomUUID()}${ext}`;
  const target = consultationFilePath(deps.dataDir, storageKey);
  await fs.mkdir(path.dirname(target), { recursive: true });
  await fs.writeFile(target, file.bytes);
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const at = deps.clock.now().toISOString();
      const id = await insertConsultationFile(trx, {
        consultationId, fileName, mimeType: CONSULTATION_FILE_TYPES[ext], sizeBytes: file.bytes.length, sha256: createHash('sha256').update(file.bytes).digest('hex'),
        storageKey, createdBy: actorUserId(actor), createdAt: at,
      });
      await appendAuditEvent(trx, deps.dialect, {
        occurredAt: at, actorUserId: actorUserId(actor), actorLabel: actorLabel(actor), action: 'consultation.file_add', entityType: 'consultation',
        entityId: String(consultationId), organId: c.organId, before: null, after: { fileId: id, fileName, sizeBytes: file.bytes.length },
      });
      return (await findConsultationFile(trx, id))!;
    });
  } catch (e) {
    await fs.rm(target, { force: true });
    throw e;
  }
}

/** Takes a draft document off a consultation (and its bytes off the disk once the record is gone). */
export async function removeConsultationFile(deps: AppDeps, actor: Actor, fileId: number): Promise<ConsultationFile> {
  const f = await findConsultationFile(deps.db, fileId);
  if (!f) throw new DomainError(E.notFound, '文件不存在', { httpStatus: 404 });
  const c = await staffConsultation(deps, actor, f.consultationId);
  await deps.db.transaction().execute(async (trx) => {
    const at = deps.clock.now().toISOString();
    await deleteConsultationFile(trx, f.id);
    await appendAuditEvent(trx, deps.dialect, {
      occurredAt: at, actorUserId: actorUserId(actor), actorLabel: actorLabel(actor), action: 'consultation.file_remove', entityType: 'consultation',
      entityId: String(f.consultationId), organId: c.organId, before: { fileId: f.id, fileName: f.fileName }, after: null,
    });
  });
  await fs.rm(consultationFilePath(deps.dataDir, f.storageKey), { force: true });
  return f;
}

/** A consultation's files (for its public page and the back office). */
export const consultationFiles = (deps: AppDeps, consultationId: number) => listConsultationFiles(deps.db, consultationId);

/** One file of a consultation, for download: from the consultation's organ, or 404. */
export async function consultationFileOf(deps: AppDeps, consultationId: number, fileId: number): Promise<ConsultationFile> {
  const f = await findConsultationFile(deps.db, fileId);
  if (!f || f.consultationId !== consultationId) throw new DomainError(E.notFound, '文件不存在', { httpStatus: 404 });
  return f;
}
