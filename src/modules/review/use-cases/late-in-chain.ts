import type { AppDeps } from '../../../platform/app-deps.ts';
import { chinaDateOf } from '../../../shared/iso-date.ts';
import { calendarInForce, proactiveDeadline } from '../../calendar/index.ts';
import { inChainWithFormation } from '../storage/late-publications.ts';

export type InChainDeadline = { id: number; organId: number; title: string; status: string; formedOn: string; dueOn: string; late: boolean; submittingUnitId: number | null };

/**
 * The 20-working-day limit of 条例第二十六条 for every item still in the review chain, on the
 * calendar in force: staff see an item is already late (or about to be) before it is published,
 * not only in the lateness count afterwards (docs/rules/proactive-disclosure.md).
 */
export async function inChainDeadlines(deps: AppDeps, organIds: number[]): Promise<InChainDeadline[]> {
  const rows = await inChainWithFormation(deps.db, organIds);
  if (rows.length === 0) return [];
  const calendar = await calendarInForce(deps.db);
  const today = chinaDateOf(deps.clock.now());
  return rows.map((r) => {
    const dueOn = proactiveDeadline(r.formed_on, calendar).dueOn;
    return { id: r.id, organId: r.organ_id, title: r.title, status: r.status, formedOn: r.formed_on, dueOn, late: today > dueOn, submittingUnitId: r.submitting_unit_id };
  });
}

/** Per organ, how many items in the chain are already past their 20 working days. */
export async function countLateInChain(deps: AppDeps, organIds: number[]): Promise<Map<number, number>> {
  const counts = new Map<number, number>();
  for (const d of await inChainDeadlines(deps, organIds)) if (d.late) counts.set(d.organId, (counts.get(d.organId) ?? 0) + 1);
  return counts;
}
