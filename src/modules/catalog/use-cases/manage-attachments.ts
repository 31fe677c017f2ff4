import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import type { FastifyReply } from 'fastify';
import path from 'node:path';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import type { Actor } from '../../identity/index.ts';
import type { Executor } from '../storage/executor.ts';
import { findPublication, listAttachments } from '../storage/publications-repository.ts';
import { deleteAttachment, insertAttachment, setAttachmentTitle } from '../storage/attachments-repository.ts';
import { findAttachment } from '../storage/revision-attachments.ts';
import { contentMismatch } from '../domain/file-content.ts';
import { checkAttachmentTitle } from '../domain/attachment-title.ts';
import { audit } from './audit-helper.ts';
import { requireDraftRights } from './authorize.ts';
import { forgetGraphic } from './interpretations.ts';
import { contentDisposition, opensInline } from '../../../platform/http/content-disposition.ts';

export const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;

// The document formats disclosure offices publish; anything else is refused by name.
const TYPES: Record<string, string> = {
  '.pdf': 'application/pdf', '.doc': 'application/msword', '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel', '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', '.wps': 'application/vnd.ms-works',
  '.et': 'application/vnd.ms-excel', '.ofd': 'application/ofd', '.txt': 'text/plain; charset=utf-8', '.zip': 'application/zip', '.rar': 'application/vnd.rar',
  '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png', '.gif': 'image/gif',
};

export const attachmentPath = (dataDir: string, storageKey: string) => path.join(dataDir, 'attachments', storageKey);

/**
 * Adds a file to a draft (its author's right), or — `forRevision`, used by the review area, which has
 * checked the revision and the person's rights — to a published item's pending revision: the file
 * is not public until the revision is approved, and `alsoInTransaction` records who added it.
 */
export type RevisionUpload = { alsoInTransaction: (trx: Executor) => Promise<void> };

/**
 * The checks every attachment passes, uploaded or imported: a publishable type by name, not empty,
 * not too large, and content that is what the name says. Returns the clean name, extension and type.
 */
export function checkAttachmentFile(file: { fileName: string; bytes: Uint8Array }): { fileName: string; ext: string; mimeType: string } {
  const fileName = path.basename(file.fileName.replace(/\\/g, '/')).trim();
  const ext = path.extname(fileName).toLowerCase();
  if (!fileName || !TYPES[ext]) {
    throw new DomainError('ERR_CATALOG_ATTACHMENT_TYPE', `不支持的附件类型“${ext || fileName}”，可上传：${Object.keys(TYPES).join(' ')}`, { field: 'file' });
  }
  if (file.bytes.length === 0) throw new DomainError('ERR_CATALOG_ATTACHMENT_EMPTY', `附件“${fileName}”是空文件`, { field: 'file' });
  if (file.bytes.length > MAX_ATTACHMENT_BYTES) throw new DomainError('ERR_CATALOG_ATTACHMENT_TOO_LARGE', '附件不能超过 50 MB', { field: 'file', httpStatus: 413 });
  // The content must be what the name says: a program renamed setup.pdf is refused (issue 9; docs/errors.md).
  const mismatch = contentMismatch(ext, file.bytes);
  if (mismatch) throw new DomainError('ERR_CATALOG_ATTACHMENT_CONTENT', `附件“${fileName}”${mismatch}`, { field: 'file' });
  return { fileName, ext, mimeType: TYPES[ext] };
}

/** `file.title`: the 附件名称 typed beside the file box (checked: one line, at most 100 characters; empty — none). */
export async function addAttachment(deps: AppDeps, actor: Actor, publicationId: number, file: { fileName: string; bytes: Buffer; title?: unknown }, forRevision?: RevisionUpload) {
  const title = checkAttachmentTitle(file.title);
  const { fileName, ext } = checkAttachmentFile(file);
  const p = await findPublication(deps.db, publicationId);
  if (!p) throw new DomainError('ERR_CATALOG_PUBLICATION_NOT_FOUND', '信息不存在', { httpStatus: 404 });
  if (forRevision) {
    if (p.status !== 'published') throw new DomainError('ERR_CATALOG_LOCKED_IN_REVIEW', '只有已发布信息的修订可以这样增删附件', { httpStatus: 409 });
  } else {
    if (!['draft', 'returned'].includes(p.status)) throw new DomainError('ERR_CATALOG_LOCKED_IN_REVIEW', '只有草稿或退回修改的信息可以增删附件；已发布的信息请使用“修订”', { httpStatus: 409 });
    await requireDraftRights(deps.db, actor, p.organId, p.submittingUnitId);
  }
  const at = deps.clock.now();
  const storageKey = `${at.toISOString().slice(0, 7)}/${randomUUID()}${ext}`;
  const target = attachmentPath(deps.dataDir, storageKey);
  await fs.mkdir(path.dirname(target), { recursive: true });
  await fs.writeFile(target, file.bytes);
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const id = await insertAttachment(trx, {
        publication_id: publicationId, file_name: fileName, mime_type: TYPES[ext], size_bytes: file.bytes.length, storage_key: storageKey,
        sha256: createHash('sha256').update(file.bytes).digest('hex'), created_at: at.toISOString(), revision_state: forRevision ? 'pending_add' : null, title,
      });
      if (forRevision) await forRevision.alsoInTransaction(trx);
      await audit(trx, deps, actor, at.toISOString(), {
        action: 'attachment.add', entityType: 'publication', entityId: publicationId, organId: p.organId, after: { fileName, ...(title ? { title } : {}), sizeBytes: file.bytes.length, ...(forRevision ? { withRevision: true } : {}) },
      });
      return id;
    });
  } catch (e) {
    await fs.rm(target, { force: true }); // nothing partial: no orphan file without its row
    throw e;
  }
}

export async function removeAttachment(deps: AppDeps, actor: Actor, attachmentId: number) {
  const row = await findAttachment(deps.db, attachmentId);
  if (!row) throw new DomainError('ERR_CATALOG_ATTACHMENT_NOT_FOUND', '附件不存在', { httpStatus: 404 });
  const p = (await findPublication(deps.db, row.publication_id))!;
  if (!['draft', 'returned'].includes(p.status)) throw new DomainError('ERR_CATALOG_LOCKED_IN_REVIEW', '只有草稿或退回修改的信息可以增删附件', { httpStatus: 409 });
  await requireDraftRights(deps.db, actor, p.organId, p.submittingUnitId);
  await deps.db.transaction().execute(async (trx) => {
    await deleteAttachment(trx, attachmentId);
    await forgetGraphic(trx, attachmentId);
    await audit(trx, deps, actor, deps.clock.now().toISOString(), { action: 'attachment.remove', entityType: 'publication', entityId: p.id, organId: p.organId, before: { fileName: row.file_name } });
  });
  await fs.rm(attachmentPath(deps.dataDir, row.storage_key), { force: true });
  return (await listAttachments(deps.db, p.id)).length;
}

/**
 * Gives a draft's attachments (draft, returned: its author's right) the titles typed for them, by id:
 * each checked (the field `attachmentTitle-<id>` named in a refusal), all or none stored, and the audit
 * log says which changed. A file not of this item is refused; one not typed is left as it is.
 */
export async function setAttachmentTitles(deps: AppDeps, actor: Actor, publicationId: number, titles: Map<number, unknown>): Promise<number> {
  const p = await findPublication(deps.db, publicationId);
  if (!p) throw new DomainError('ERR_CATALOG_PUBLICATION_NOT_FOUND', '信息不存在', { httpStatus: 404 });
  if (!['draft', 'returned'].includes(p.status)) throw new DomainError('ERR_CATALOG_LOCKED_IN_REVIEW', '只有草稿或退回修改的信息可以这样修改附件名称；已发布的信息请随修订修改', { httpStatus: 409 });
  await requireDraftRights(deps.db, actor, p.organId, p.submittingUnitId);
  const changes = await titleChanges(deps.db, publicationId, titles);
  if (changes.length === 0) return 0;
  await deps.db.transaction().execute(async (trx) => {
    for (const c of changes) await setAttachmentTitle(trx, c.id, c.title);
    await audit(trx, deps, actor, deps.clock.now().toISOString(), {
      action: 'attachment.title', entityType: 'publication', entityId: p.id, organId: p.organId,
      before: { titles: changes.map((c) => ({ fileName: c.fileName, title: c.before })) }, after: { titles: changes.map((c) => ({ fileName: c.fileName, title: c.title })) },
    });
  });
  return changes.length;
}

/**
 * The titles typed that differ from the ones staff's page shows (a published item's: the revision's), each
 * checked; a refusal names every bad one. Used for drafts here and for revisions by the review area.
 */
export async function titleChanges(db: Executor, publicationId: number, titles: Map<number, unknown>) {
  const files = await listAttachments(db, publicationId, 'all');
  const reasons: { code: string; message: string; field: string }[] = [];
  const changes: { id: number; fileName: string; before: string | null; title: string | null }[] = [];
  for (const [id, raw] of titles) {
    const a = files.find((f) => f.id === id);
    if (!a || a.revisionState === 'pending_remove') throw new DomainError('ERR_CATALOG_ATTACHMENT_NOT_FOUND', '附件不存在或已随修订删除', { httpStatus: 404 });
    try {
      const title = checkAttachmentTitle(raw, `attachmentTitle-${id}`);
      const shown = a.pendingTitle !== undefined ? a.pendingTitle || null : a.title;
      if (title !== shown) changes.push({ id, fileName: a.fileName, before: shown, title });
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      reasons.push({ code: e.code, message: `附件“${a.fileName}”：${e.message}`, field: `attachmentTitle-${id}` });
    }
  }
  if (reasons.length) throw DomainError.fromReasons(reasons, 400);
  return changes;
}

/**
 * Answers with an attachment's bytes under its own name — shown in the browser for a PDF or a picture,
 * a download for anything else (opensInline) — or 404 when its file is
 * gone; the caller has decided who may read it (the portal: published items; staff: their organs).
 * With `accelRedirect` (GONGKAI_ACCEL_REDIRECT, behind nginx) the answer carries no bytes but an
 * `X-Accel-Redirect` to that internal location, and nginx sends the file (docs/deployment.md).
 */
export function sendAttachmentFile(
  reply: FastifyReply, dataDir: string, row: { storage_key: string; mime_type: string; file_name: string; size_bytes: number }, accelRedirect: string | null = null,
) {
  const file = attachmentPath(dataDir, row.storage_key);
  if (!existsSync(file)) throw new DomainError('ERR_NOT_FOUND', '附件文件不存在', { httpStatus: 404 });
  reply.type(row.mime_type).header('Content-Disposition', contentDisposition(row.file_name, { inline: opensInline(row.mime_type) }));
  if (accelRedirect) return reply.header('X-Accel-Redirect', accelRedirect + row.storage_key.split('/').map(encodeURIComponent).join('/')).send('');
  return reply.header('Content-Length', row.size_bytes).send(createReadStream(file));
}
