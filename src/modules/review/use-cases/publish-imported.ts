import type { AppDeps } from '../../../platform/app-deps.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { chinaDateOf } from '../../../shared/iso-date.ts';
import { appendCatalogAudit, catalogChanged, findPublication, listAttachments, markPublished, publishRefusals, type Executor, type Publication } from '../../catalog/index.ts';
import type { Actor } from '../../identity/index.ts';
import { indexPublication } from '../../search/index.ts';
import { auditedStateOf, verbAuditEntry } from '../domain/verb-audit.ts';
import { reviewRowOf } from '../storage/review-state-repository.ts';
import { settleValidityByDate } from './validity-by-date.ts';

/**
 * Publishes a draft without the review chain. Only the system may do this (content brought in from
 * an old site or ledger, with its original publish date); people publish through the verbs
 * (perform-review-verb.ts). The catalog's content rules still apply.
 */
export type ImportedPublication = {
  /** The original publish date of published history; without it, today (China time). */
  backdatedPublishedOn?: string;
  /** Where the item came from, for its publication.publish entry: the import's file ("items.xlsx"), `API`. */
  importedFrom?: string;
};

export async function publishImported(deps: AppDeps, actor: Actor, id: number, opts: ImportedPublication = {}): Promise<Publication> {
  return deps.db.transaction().execute((trx) => publishImportedIn(trx, deps, actor, id, opts));
}

/** The same, inside the caller's transaction (a content import publishes all its items or none). */
export async function publishImportedIn(trx: Executor, deps: AppDeps, actor: Actor, id: number, opts: ImportedPublication = {}): Promise<Publication> {
  if (actor.kind !== 'system') {
    throw new DomainError('ERR_CATALOG_PUBLISH_REFUSED', '信息须经审核流程和保密审查后发布', {
      httpStatus: 403, reasons: [{ code: 'ERR_CATALOG_PUBLISH_REFUSED', message: '信息须经审核流程和保密审查后发布' }],
    });
  }
  const p = await findPublication(trx, id);
  if (!p) throw new DomainError('ERR_CATALOG_PUBLICATION_NOT_FOUND', '信息不存在', { httpStatus: 404 });
  const publishedOn = opts.backdatedPublishedOn ?? chinaDateOf(deps.clock.now());
  const attachments = await listAttachments(trx, id);
  const reasons = publishRefusals({ publication: p, attachmentCount: attachments.length, publishedOn });
  if (reasons.length) {
    throw new DomainError('ERR_CATALOG_PUBLISH_REFUSED', `不能发布：${reasons.join('；')}`, {
      httpStatus: 409, reasons: reasons.map((message) => ({ code: 'ERR_CATALOG_PUBLISH_REFUSED', message })),
    });
  }
  const before = auditedStateOf(await reviewRowOf(trx, id));
  let published = await markPublished(trx, deps, actor, p, {
    route: 'system_import', publishedOn, publishedAt: opts.backdatedPublishedOn ? `${publishedOn}T01:00:00.000Z` : undefined,
  });
  // Recorded as the review's verbs record 发布 (one builder, verbAuditEntry), with the file it came from;
  // a lapse the publication brings is the system's own publication.lapse entry, after it.
  await appendCatalogAudit(trx, deps, actor, deps.clock.now().toISOString(), {
    action: 'publication.publish', entityType: 'publication', entityId: p.id, organId: p.organId,
    ...verbAuditEntry(before, auditedStateOf(await reviewRowOf(trx, id)), { comment: null, after: { importedFrom: opts.importedFrom ?? null } }),
  });
  // An old document already past its 有效期至 is 已失效 at once, not at the lapse job's next run (docs/adr/0027).
  if (await settleValidityByDate(trx, deps, p.id)) published = (await findPublication(trx, p.id))!;
  // What the public can find changes with the status, in the same transaction (docs/search.md).
  await indexPublication(trx, deps, p.id);
  await catalogChanged(trx, p.organId, deps.clock.now().toISOString());
  return published;
}
