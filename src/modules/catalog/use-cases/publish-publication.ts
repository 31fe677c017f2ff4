import type { AppDeps } from '../../../platform/app-deps.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { chinaDateOf } from '../../../shared/iso-date.ts';
import { actorMay, actorUserId, type Actor } from '../../identity/index.ts';
import { formatIndexNumber, serialPeriod } from '../domain/index-number.ts';
import type { Publication } from '../domain/publication.ts';
import { publishRefusals } from '../domain/publish-rules.ts';
import { findOrganById, organChain } from '../storage/organs-repository.ts';
import { allocateSerial, findPublication } from '../storage/publications-repository.ts';
import { audit } from './audit-helper.ts';

/**
 * Publishes a draft directly (an organ administrator; the route is recorded as `direct_by_admin`).
 * The 索引号 is allocated here, from the organ's pattern and the publish date, and never changes.
 * `backdatedPublishedOn` is for the demo seed and ledger imports only; people cannot set it.
 */
export async function publishPublication(
  deps: AppDeps, actor: Actor, id: number, opts: { backdatedPublishedOn?: string } = {},
): Promise<Publication> {
  return deps.db.transaction().execute(async (trx) => {
    const p = await findPublication(trx, id);
    if (!p) throw new DomainError('ERR_CATALOG_PUBLICATION_NOT_FOUND', '信息不存在', { httpStatus: 404 });
    const now = deps.clock.now();
    const publishedOn = opts.backdatedPublishedOn && actor.kind === 'system' ? opts.backdatedPublishedOn : chinaDateOf(now);
    const attachments = await trx.selectFrom('attachments').select((eb) => eb.fn.countAll<number>().as('n')).where('publication_id', '=', id).executeTakeFirstOrThrow();
    const mayPublish = actorMay(actor, await organChain(trx, p.organId), 'organ_admin');
    const reasons = publishRefusals({ publication: p, attachmentCount: Number(attachments.n), actorMayPublish: mayPublish, publishedOn });
    if (reasons.length) {
      throw new DomainError('ERR_CATALOG_PUBLISH_REFUSED', `不能发布：${reasons.join('；')}`, {
        httpStatus: mayPublish ? 409 : 403,
        reasons: reasons.map((message) => ({ code: 'ERR_CATALOG_PUBLISH_REFUSED', message })),
      });
    }
    const organ = (await findOrganById(trx, p.organId))!;
    const serial = await allocateSerial(trx, organ.id, serialPeriod(organ.indexPattern, publishedOn));
    const indexNumber = formatIndexNumber(organ.indexPattern, { creditCode: organ.creditCode, publishedOn, serial });
    const at = now.toISOString();
    const res = await trx
      .updateTable('publications')
      .set({
        status: 'published', index_number: indexNumber, published_on: publishedOn, published_at: opts.backdatedPublishedOn && actor.kind === 'system' ? `${publishedOn}T01:00:00.000Z` : at,
        publish_route: actor.kind === 'system' ? 'system_import' : 'direct_by_admin', published_by: actorUserId(actor), updated_at: at, version: p.version + 1,
      })
      .where('id', '=', id)
      .where('status', '=', 'draft')
      .where('version', '=', p.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new DomainError('ERR_CATALOG_VERSION_CONFLICT', '该信息已被他人修改或发布，请刷新后重试', { httpStatus: 409 });
    await audit(trx, deps, actor, at, {
      action: 'publication.publish', entityType: 'publication', entityId: id, organId: p.organId,
      before: { status: p.status }, after: { status: 'published', indexNumber, publishedOn, route: actor.kind === 'system' ? 'system_import' : 'direct_by_admin' },
    });
    return (await findPublication(trx, id))!;
  });
}
