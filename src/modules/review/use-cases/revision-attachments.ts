import fs from 'node:fs/promises';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import {
  addAttachment, attachmentPath, appendCatalogAudit, findAttachment, findPublication, keepWithRevision, publicationInputSchema, removeWithRevision, retitleWithRevision, titleChanges,
  type Executor, type Publication,
} from '../../catalog/index.ts';
import { actorUserId, type Actor } from '../../identity/index.ts';
import { decide } from '../domain/review-workflow.ts';
import { addRevisionAuthor, findPendingRevision, type PendingRevision } from '../storage/revisions-repository.ts';
import { loadReviewFacts, refusal } from './perform-review-verb.ts';
import { rescanItem } from './scan-publication.ts';

/**
 * A published item's attachments change with its pending revision, by the person who may rework
 * it (its proposer, under the same rule as 修订 itself): an added file is not public until the
 * revision is approved, a removed one stays public until then, and returning the revision undoes
 * both (docs/workflows/review-states.md). Each change, and each 附件名称 changed with it, scans the revision again
 * (rescanItem), so its page and the reviewer's panel show at once what a new file or title holds.
 */
export async function addRevisionAttachment(deps: AppDeps, actor: Actor, publicationId: number, file: { fileName: string; bytes: Buffer; title?: unknown }): Promise<number> {
  const revision = await deps.db.transaction().execute((trx) => revisionToChange(trx, deps, actor, publicationId));
  const id = await addAttachment(deps, actor, publicationId, file, { alsoInTransaction: (trx) => addRevisionAuthor(trx, revision, actorUserId(actor)) });
  await rescanItem(deps, publicationId);
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
  await rescanItem(deps, a.publication_id);
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
  await rescanItem(deps, kept.publicationId);
  return kept;
}

/**
 * A published item's attachment titles change with its pending revision, as its text does: the public
 * keeps a live file's title until the revision is approved, and returning the revision drops the change;
 * a file the revision added takes its title at once (it is not public). Returns how many changed.
 */
export async function retitleRevisionAttachments(deps: AppDeps, actor: Actor, publicationId: number, titles: Map<number, unknown>): Promise<number> {
  const changed = await deps.db.transaction().execute(async (trx) => {
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
  // A title is published with its file: the revision is scanned with the title it would publish.
  if (changed > 0) await rescanItem(deps, publicationId);
  return changed;
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
