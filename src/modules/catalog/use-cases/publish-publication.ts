import type { AppDeps } from '../../../platform/app-deps.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { chinaDateOf } from '../../../shared/iso-date.ts';
import { actorUserId, type Actor } from '../../identity/index.ts';
import { formatIndexNumber, serialScope } from '../domain/index-number.ts';
import type { Publication } from '../domain/publication.ts';
import type { Executor } from '../storage/executor.ts';
import { findOrganById } from '../storage/organs-repository.ts';
import { allocateSerial, findPublication } from '../storage/publications-repository.ts';
import { indexNumberTaken, updatePublicationAtVersion } from '../storage/publication-writes-repository.ts';
import { requireInterpretationComplete } from './interpretations.ts';

/**
 * Stamps an item public inside the caller's transaction: allocates the permanent 索引号 from the
 * organ's pattern and the publish date, sets the status and records how it got there. Its only
 * caller is the review area, which owns every status change (its verbs, and the system's import) and
 * records the publication.publish entry itself, in the same transaction, through its one builder.
 */
export type PublishStamp = {
  /** How the item got there: review_chain, review_chain_scheduled, force_published, system_import. */
  route: string;
  publishedOn?: string;
  publishedAt?: string;
  /** 条例第二十六条: the last day of the 20 working days, and whether this publication is after it. */
  proactive?: { dueOn: string; late: boolean };
  /** 紧急发布: published without the full chain, for this reason (approved afterwards). */
  forced?: { reason: string };
};

export async function markPublished(trx: Executor, deps: AppDeps, actor: Actor, p: Publication, opts: PublishStamp): Promise<Publication> {
  const now = deps.clock.now();
  const publishedOn = opts.publishedOn ?? chinaDateOf(now);
  // An interpretation goes out only complete and with (or after) its policy, whatever route publishes it.
  await requireInterpretationComplete(trx, p);
  const organ = (await findOrganById(trx, p.organId))!;
  let indexNumber = p.indexNumber;
  for (let attempt = 0; indexNumber === null; attempt++) {
    const serial = await allocateSerial(trx, serialScope(organ.indexPattern, organ.creditCode, publishedOn));
    const candidate = formatIndexNumber(organ.indexPattern, { creditCode: organ.creditCode, publishedOn, serial });
    // A number taken outside the counter (an import, a pattern changed back) is skipped, never reused.
    if (!(await indexNumberTaken(trx, candidate))) indexNumber = candidate;
    else if (attempt > 1000) throw new DomainError('ERR_CATALOG_INDEX_EXHAUSTED', '无法分配不重复的索引号，请检查机关的索引号规则', { httpStatus: 409 });
  }
  const at = now.toISOString();
  const updated = await updatePublicationAtVersion(trx, p.id, p.version, {
    status: 'published', index_number: indexNumber, published_on: publishedOn, published_at: opts.publishedAt ?? at, publish_route: opts.route,
    published_by: actorUserId(actor), scheduled_at: null, review_stage: null, updated_at: at, version: p.version + 1,
    ...(opts.proactive ? { proactive_due_on: opts.proactive.dueOn, published_late: opts.proactive.late ? 1 : 0 } : {}),
    ...(opts.forced ? { force_published: 1, force_reason: opts.forced.reason } : {}),
  });
  if (!updated) throw new DomainError('ERR_CATALOG_VERSION_CONFLICT', '该信息已被他人修改或发布，请刷新后重试', { httpStatus: 409 });
  return (await findPublication(trx, p.id))!;
}
