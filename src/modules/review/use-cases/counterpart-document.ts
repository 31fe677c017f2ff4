import { documentDatesOf as datesOf, findPublication, type CounterpartDocument, type Executor, type Publication } from '../../catalog/index.ts';
import type { ReviewFacts, ReviewVerb } from '../domain/review-workflow.ts';

/**
 * For 标记已修改 and 废止: the document named as amending or replacing `p`, as `decide` weighs it (counterpart-document.ts),
 * and `p`'s own dates. Nothing for other verbs, or when no published document is named (decide says why then).
 */
export async function counterpartFacts(
  trx: Executor, p: Publication, verb: ReviewVerb | null, input: { amendingId?: number | null; replacedById?: number | null },
): Promise<Pick<ReviewFacts['input'], 'counterpart' | 'ownDates'>> {
  const id = verb === 'mark_amended' ? input.amendingId : verb === 'repeal' ? input.replacedById : null;
  if (id === null || id === undefined || !Number.isSafeInteger(id) || id === p.id) return {};
  const other = await findPublication(trx, id);
  if (!other || other.status !== 'published') return {};
  const counterpart: CounterpartDocument = { itemKind: other.itemKind, title: other.title, ...datesOf(other) };
  return { counterpart, ownDates: datesOf(p) };
}
