import type { AppDeps } from '../../../platform/app-deps.ts';
import { chinaDateOf } from '../../../shared/iso-date.ts';
import { scanText } from '../../privacy/index.ts';
import type { ParsedQuery } from '../domain/parse-query.ts';
import { countSearchTerm, topTerms } from '../storage/search-repository.ts';

/**
 * Counts a search by its term, day and scope — never who searched, from where or when exactly.
 * A term holding something the privacy scanner recognises as personal data (ID, phone, bank card
 * or e-mail) is not recorded at all (docs/search.md, "Search terms").
 */
export async function recordSearchTerm(deps: AppDeps, query: ParsedQuery, scopeOrganId: number | null, total: number): Promise<boolean> {
  const term = query.display;
  if (!term || scanText(term).length > 0) return false;
  await countSearchTerm(deps.db, { searchedOn: chinaDateOf(deps.clock.now()), term, organId: scopeOrganId ?? 0, zero: total === 0 });
  return true;
}

/** The most searched terms and the most searched terms that found nothing, over the last `days` days. */
export async function searchTermReport(deps: AppDeps, opts: { days: number; organIds: number[] | null; limit?: number }) {
  const from = new Date(deps.clock.now().getTime() - (opts.days - 1) * 86_400_000);
  const fromOn = chinaDateOf(from);
  const limit = opts.limit ?? 50;
  const [popular, zero] = await Promise.all([
    topTerms(deps.db, { fromOn, organIds: opts.organIds, zeroOnly: false, limit }),
    topTerms(deps.db, { fromOn, organIds: opts.organIds, zeroOnly: true, limit }),
  ]);
  return { fromOn, popular, zero };
}
