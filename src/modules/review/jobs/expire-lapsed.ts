import type { AppDeps } from '../../../platform/app-deps.ts';
import { chinaDateOf } from '../../../shared/iso-date.ts';
import { catalogChanged } from '../../catalog/index.ts';
import { indexPublication } from '../../search/index.ts';
import { lapsedCandidates } from '../storage/lapse-repository.ts';
import { settleValidityByDate } from '../use-cases/validity-by-date.ts';

/** At most this many items lapse in one transaction; more wait for the next run (minutes later). */
const BATCH = 200;

/**
 * 有效期届满 (docs/adr/0027-period-of-validity.md): every published item still 有效 whose 有效期至 is
 * before today's China date becomes 已失效, through the one rule (`settleValidityByDate`) that publishing
 * and an approved 修订 also apply. Each item is set, re-indexed (its 效力 tag, so the search's filter and
 * facet agree) and audited, and the organs' catalog and the site's content version raised, all in one
 * transaction: no kept page or kept search outlives the change. An item another instance lapsed first
 * is skipped (compare-and-set), so two instances running at once lapse it once.
 */
export async function expireLapsedPublications(deps: AppDeps): Promise<{ expired: number[] }> {
  const now = deps.clock.now();
  const today = chinaDateOf(now);
  const at = now.toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const expired: number[] = [];
    const organs = new Set<number>();
    for (const item of (await lapsedCandidates(trx, today)).slice(0, BATCH)) {
      const changed = await settleValidityByDate(trx, deps, item.id);
      if (changed?.validity !== 'expired') continue;
      await indexPublication(trx, deps, item.id);
      expired.push(item.id);
      organs.add(item.organ_id);
    }
    for (const organId of organs) await catalogChanged(trx, organId, at);
    return { expired };
  });
}
