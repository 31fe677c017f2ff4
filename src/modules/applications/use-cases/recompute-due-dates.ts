import type { AppDeps } from '../../../platform/app-deps.ts';
import { listRunningApplications, setDueColumns } from '../storage/applications-repository.ts';
import { listPauses } from '../storage/pauses-repository.ts';
import { dueColumnsFor } from './due-columns.ts';
import { calendarFor } from './working-calendar.ts';

/**
 * After a holiday year is entered or corrected, every open case's stored due date is recomputed from
 * its inputs (docs/rules/working-days.md, rule 6); provisional dates lose their warning once their year is known.
 * The due date is derived data, so the case's version is not bumped. Returns how many changed.
 */
export async function recomputeDueDates(deps: AppDeps): Promise<number> {
  return deps.db.transaction().execute(async (trx) => {
    const calendar = await calendarFor(trx);
    let changed = 0;
    for (const app of await listRunningApplications(trx)) {
      const due = dueColumnsFor(app, await listPauses(trx, app.id), calendar);
      if (due.due_on === app.dueOn && due.due_warnings_json === JSON.stringify(app.dueWarnings)) continue;
      await setDueColumns(trx, app.id, due);
      changed += 1;
    }
    return changed;
  });
}
