import type { AppDeps } from '../../../platform/app-deps.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { chinaDateOf } from '../../../shared/iso-date.ts';
import { actorUserId, type Actor } from '../../identity/index.ts';
import { formatIndexNumber, serialScope } from '../domain/index-number.ts';
import type { Publication } from '../domain/publication.ts';
import { publishRefusals } from '../domain/publish-rules.ts';
import type { Executor } from '../storage/executor.ts';
import { findOrganById } from '../storage/organs-repository.ts';
import { allocateSerial, findPublication } from '../storage/publications-repository.ts';
import { audit } from './audit-helper.ts';

/**
 * Makes an item public inside the caller's transaction: allocates the permanent 索引号 from the
 * organ's pattern and the publish date, sets the status and records how it got there. Callers
 * are the review workflow (after the chain and the confidentiality review) and imports.
 */
export async function markPublished(
  trx: Executor, deps: AppDeps, actor: Actor, p: Publication,
  opts: { route: string; publishedOn?: string; publishedAt?: string; extra?: Record<string, unknown> },
): Promise<Publication> {
  const now = deps.clock.now();
  const publishedOn = opts.publishedOn ?? chinaDateOf(now);
  const organ = (await findOrganById(trx, p.organId))!;
  let indexNumber = p.indexNumber;
  for (let attempt = 0; indexNumber === null; attempt++) {
    const serial = await allocateSerial(trx, serialScope(organ.indexPattern, organ.creditCode, publishedOn));
    const candidate = formatIndexNumber(organ.indexPattern, { creditCode: organ.creditCode, publishedOn, serial });
    // A number taken outside the counter (an import, a pattern changed back) is skipped, never reused.
    const taken = await trx.selectFrom('publications').select('id').where('index_number', '=', candidate).executeTakeFirst();
    if (!taken) indexNumber = candidate;
    else if (attempt > 1000) throw new DomainError('ERR_CATALOG_INDEX_EXHAUSTED', '无法分配不重复的索引号，请检查机关的索引号规则', { httpStatus: 409 });
  }
  const at = now.toISOString();
  const res = await trx
    .updateTable('publications')
    .set({
      status: 'published', index_number: indexNumber, published_on: publishedOn, published_at: opts.publishedAt ?? at, publish_route: opts.route,
      published_by: actorUserId(actor), scheduled_at: null, review_stage: null, updated_at: at, version: p.version + 1, ...(opts.extra ?? {}),
    })
    .where('id', '=', p.id)
    .where('version', '=', p.version)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw new DomainError('ERR_CATALOG_VERSION_CONFLICT', '该信息已被他人修改或发布，请刷新后重试', { httpStatus: 409 });
  await audit(trx, deps, actor, at, {
    action: 'publication.publish', entityType: 'publication', entityId: p.id, organId: p.organId,
    before: { status: p.status }, after: { status: 'published', indexNumber, publishedOn, route: opts.route },
  });
  return (await findPublication(trx, p.id))!;
}

/**
 * Publishes a draft without the review chain. Only the system may do this (the demo seed, ledger
 * imports); people publish through the review workflow (src/modules/review).
 */
export async function publishPublication(deps: AppDeps, actor: Actor, id: number, opts: { backdatedPublishedOn?: string } = {}): Promise<Publication> {
  if (actor.kind !== 'system') {
    throw new DomainError('ERR_CATALOG_PUBLISH_REFUSED', '信息须经审核流程和保密审查后发布', {
      httpStatus: 403, reasons: [{ code: 'ERR_CATALOG_PUBLISH_REFUSED', message: '信息须经审核流程和保密审查后发布' }],
    });
  }
  return deps.db.transaction().execute(async (trx) => {
    const p = await findPublication(trx, id);
    if (!p) throw new DomainError('ERR_CATALOG_PUBLICATION_NOT_FOUND', '信息不存在', { httpStatus: 404 });
    const publishedOn = opts.backdatedPublishedOn ?? chinaDateOf(deps.clock.now());
    const attachments = await trx.selectFrom('attachments').select((eb) => eb.fn.countAll<number>().as('n')).where('publication_id', '=', id).executeTakeFirstOrThrow();
    const reasons = publishRefusals({ publication: p, attachmentCount: Number(attachments.n), publishedOn });
    if (reasons.length) {
      throw new DomainError('ERR_CATALOG_PUBLISH_REFUSED', `不能发布：${reasons.join('；')}`, {
        httpStatus: 409, reasons: reasons.map((message) => ({ code: 'ERR_CATALOG_PUBLISH_REFUSED', message })),
      });
    }
    return markPublished(trx, deps, actor, p, {
      route: 'system_import', publishedOn, publishedAt: opts.backdatedPublishedOn ? `${publishedOn}T01:00:00.000Z` : undefined,
    });
  });
}
