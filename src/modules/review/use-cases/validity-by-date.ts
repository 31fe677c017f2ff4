import type { AppDeps } from '../../../platform/app-deps.ts';
import { chinaDateOf } from '../../../shared/iso-date.ts';
import { appendCatalogAudit, type Executor } from '../../catalog/index.ts';
import { systemActor } from '../../identity/index.ts';
import { validityByDate, type ValidityByDate } from '../domain/validity-by-date.ts';
import { datedStandingOf, writeValidityByDate } from '../storage/lapse-repository.ts';

/**
 * Puts into effect, inside the caller's transaction, what an item's 有效期至 says of its 效力 today
 * (China time): the rule `validityByDate` (docs/adr/0027-period-of-validity.md). The lapse job calls it
 * for each item whose day has passed; publishing (the review's verbs, an import) and an approved 修订
 * call it after their own write, so an item already past its date is 已失效 at once and one whose date
 * was moved later is 有效 again. Audited as the system's (`publication.lapse` by 系统：有效期届满,
 * `publication.lapse_lifted` by 系统：有效期至变更). The caller re-indexes the item and raises the
 * catalog's and the site's content version, as it does for its own write; this returns what changed,
 * with the item's organ, or null.
 */
export async function settleValidityByDate(trx: Executor, deps: AppDeps, publicationId: number): Promise<(ValidityByDate & { organId: number }) | null> {
  const now = deps.clock.now();
  const item = await datedStandingOf(trx, publicationId);
  if (!item) return null;
  const change = validityByDate(item, chinaDateOf(now));
  if (!change) return null;
  const at = now.toISOString();
  if (!(await writeValidityByDate(trx, publicationId, item, change, at))) return null;
  const lapse = change.validity === 'expired';
  await appendCatalogAudit(trx, deps, systemActor(lapse ? '有效期届满' : '有效期至变更'), at, {
    action: lapse ? 'publication.lapse' : 'publication.lapse_lifted', entityType: 'publication', entityId: publicationId, organId: item.organId,
    before: { validity: item.validity, endedOn: item.endedOn }, after: { validity: change.validity, endedOn: change.endedOn, validThroughOn: item.validThroughOn },
  });
  return { ...change, organId: item.organId };
}
