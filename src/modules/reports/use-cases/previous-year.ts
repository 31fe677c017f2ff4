import { ROW_CARRIED_OUT } from '../domain/report-format.ts';
import type { PreviousYear } from '../domain/report-types.ts';
import type { Executor } from '../storage/executor.ts';
import { inputsFor } from '../storage/inputs-repository.ts';
import { versionsFor } from '../storage/reports-repository.ts';

/**
 * Last year's row 四 for the across-years rule, per organ: from last year's report as published
 * here, else from the figures staff entered for a year before the platform, else null (the check
 * says so).
 */
export async function previousYearsFor(db: Executor, organIds: number[], year: number): Promise<Map<number, PreviousYear | null>> {
  const [versions, entered] = await Promise.all([versionsFor(db, organIds, year - 1), inputsFor(db, organIds, year - 1)]);
  const out = new Map<number, PreviousYear | null>();
  for (const id of organIds) {
    const frozen = versions.get(id)?.published?.frozen;
    const carriedOut = entered.get(id)?.carriedOut;
    if (frozen) out.set(id, { carriedOut: frozen.figures.applications[ROW_CARRIED_OUT], source: 'published' });
    else out.set(id, carriedOut ? { carriedOut, source: 'entered' } : null);
  }
  return out;
}

export async function previousYearOf(db: Executor, organId: number, year: number): Promise<PreviousYear | null> {
  return (await previousYearsFor(db, [organId], year)).get(organId) ?? null;
}
