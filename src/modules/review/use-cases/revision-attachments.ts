import fs from 'node:fs/promises';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import {
  addAttachment, attachmentPath, appendCatalogAudit, findAttachment, findPublication, keepWithRevision, publicationInputSchema, removeWithRevision, retitleWithRevision, titleChanges,
  type Executor, type Publication,
} from '../../catalog/index.ts';
import { actorUserId, type Actor } from '../../identity/index.ts';
import { decide } from '../domain/review-workflow.ts';
import { loadForm, recordScanFindingsIfUnchanged } from '../storage/review-repository.ts';
import { addRevisionAuthor, findPendingRevision, type PendingRevision } from '../storage/revisions-repository.ts';
import { carryAcceptances, loadReviewFacts, refusal } from './perform-review-verb.ts';
import { readAttachmentTexts, scanPublication, scannedItemOf } from './scan-publication.ts';

/**
 * A published item's attachments change with its pending revision, by the person who may rework
 * it (its proposer, under the same rule as 修订 itself): an added file is not public until the
 * revision is approved, a removed one stays public until then, and returning the revision undoes
 * both (docs/workflows/review-states.md). Each change scans the revision again (rescanRevision).
 */
export async function addRevisionAttachment(deps: AppDeps, actor: Actor, publicationId: number, file: { fileName: string; bytes: Buffer; title?: unknown }): Promise<number> {
  const revision = await deps.db.transaction().execute((trx) => revisionToChange(trx, deps, actor, publicationId));
  const id = await addAttachment(deps, actor, publicationId, file, { alsoInTransaction: (trx) => addRevisionAuthor(trx, revision, actorUserId(actor)) });
  await rescanRevision(deps, publicationId);
  return id;
}

/** Marks a live file to go with the revision, or drops a file the revision added. */
export async function removeRevisionAttachment(deps: AppDeps, actor: Actor, attachmentId: number): Promise<{ publicationId: number; fileName: string }> {
  const { deletedKey, a } = await deps.db.transaction().execute(async (trx) => {
    const found = await attachmentOf(trx, attachmentId);
    const revision = await revisionToChange(trx, deps, actor, found.publication_id);
    const removed = await removeWithRevision(trx, found.id);
    await addRevisionAuthor(trx, revision, actorUserId(actor));
    await audited(trx, deps, actor, found, 'attachment.remove');
    return { deletedKey: removed.deletedKey, a: found };
  });
  // A file the revision itself added goes with its row, after commit.
  if (deletedKey) await fs.rm(attachmentPath(deps.dataDir, deletedKey), { force: true });
  await rescanRevision(deps, a.publication_id);
  return { publicationId: a.publication_id, fileName: a.file_name };
}

/** Keeps a live file the revision was going to remove. */
export async function keepRevisionAttachment(deps: AppDeps, actor: Actor, attachmentId: number): Promise<{ publicationId: number; fileName: string }> {
  const kept = await deps.db.transaction().execute(async (trx) => {
    const a = await attachmentOf(trx, attachmentId);
    const revision = await revisionToChange(trx, deps, actor, a.publication_id);
    await keepWithRevision(trx, a.id);
    await addRevisionAuthor(trx, revision, actorUserId(actor));
    await audited(trx, deps, actor, a, 'attachment.keep');
    return { publicationId: a.publication_id, fileName: a.file_name };
  });
  await rescanRevision(deps, kept.publicationId);
  return kept;
}

/**
 * The revision's scan follows its files: once one is added, removed or kept, the revision — its text
 * and the files it would publish — is scanned again and kept as the item's latest scan, so its page
 * and the reviewer's panel show at once what a new file holds (a personal ID number, a 密级标志, a file
 * that cannot be read). Before, a file added after the revision was saved was first scanned by
 * 修订审核通过, whose refusal was the first anyone heard of it (an outside tester). The text is the one
 * scanned when the revision was saved, so the acceptances of findings found again stay, as for any later
 * scan of the same text. The files are read before the transaction opens (a slow file must not hold the
 * database, issue 10), and a scan another request recorded meanwhile is not overwritten by this one.
 */
async function rescanRevision(deps: AppDeps, publicationId: number): Promise<void> {
  const preread = await readAttachmentTexts(deps, publicationId);
  await deps.db.transaction().execute(async (trx) => {
    const p = await findPublication(trx, publicationId);
    const pending = p?.status === 'published' ? await findPendingRevision(trx, publicationId) : null;
    const form = await loadForm(trx, publicationId);
    // No revision, or no 保密审查表 to keep a scan on (修订 itself is refused without one): nothing to follow.
    if (!p || !pending || !form) return;
    const scanned = await scanPublication(trx, deps, scannedItemOf(p, publicationInputSchema.parse(pending.input)), preread);
    await recordScanFindingsIfUnchanged(trx, p.id, carryAcceptances(form.scanFindings, scanned), deps.clock.now().toISOString(), form.scannedAt);
  });
}

/**
 * A published item's attachment titles change with its pending revision, as its text does: the public
 * keeps a live file's title until the revision is approved, and returning the revision drops the change;
 * a file the revision added takes its title at once (it is not public). Returns how many changed.
 */
export async function retitleRevisionAttachments(deps: AppDeps, actor: Actor, publicationId: number, titles: Map<number, unknown>): Promise<number> {
  return deps.db.transaction().execute(async (trx) => {
    const revision = await revisionToChange(trx, deps, actor, publicationId);
    const changes = await titleChanges(trx, publicationId, titles);
    if (changes.length === 0) return 0;
    for (const c of changes) await retitleWithRevision(trx, c.id, c.title);
    await addRevisionAuthor(trx, revision, actorUserId(actor));
    const p = (await findPublication(trx, publicationId))!;
    await appendCatalogAudit(trx, deps, actor, deps.clock.now().toISOString(), {
      action: 'attachment.title', entityType: 'publication', entityId: p.id, organId: p.organId,
      before: { titles: changes.map((c) => ({ fileName: c.fileName, title: c.before })) },
      after: { titles: changes.map((c) => ({ fileName: c.fileName, title: c.title })), withRevision: true },
    });
    return changes.length;
  });
}

async function attachmentOf(trx: Executor, attachmentId: number) {
  const a = await findAttachment(trx, attachmentId);
  if (!a) throw new DomainError('ERR_CATALOG_ATTACHMENT_NOT_FOUND', '附件不存在', { httpStatus: 404 });
  return a;
}

async function revisionToChange(trx: Executor, deps: AppDeps, actor: Actor, publicationId: number): Promise<PendingRevision> {
  const p: Publication | null = await findPublication(trx, publicationId);
  if (!p) throw new DomainError('ERR_CATALOG_PUBLICATION_NOT_FOUND', '信息不存在', { httpStatus: 404 });
  const { facts, pending } = await loadReviewFacts(trx, deps, actor, p);
  if (p.status !== 'published' || !pending) {
    throw new DomainError('ERR_REVIEW_NO_REVISION', '请先在表单中修改内容、填写修订说明并保存修订，再随修订增删附件或修改附件名称', { httpStatus: 409 });
  }
  // The same rule as reworking the revision: a drafter or the publisher, and only its proposer.
  const d = decide('amend', { ...facts, input: { changeNote: '附件' } });
  const reasons = d.ok ? [] : d.reasons.filter((r) => ['ERR_REVIEW_NOT_EDITOR', 'ERR_REVIEW_REVISION_PENDING'].includes(r.code));
  if (reasons.length) throw refusal(reasons);
  return pending;
}

async function audited(trx: Executor, deps: AppDeps, actor: Actor, a: { publication_id: number; file_name: string }, action: string) {
  const p = (await findPublication(trx, a.publication_id))!;
  await appendCatalogAudit(trx, deps, actor, deps.clock.now().toISOString(), {
    action, entityType: 'publication', entityId: p.id, organId: p.organId, before: { fileName: a.file_name }, after: { withRevision: true },
  });
}
