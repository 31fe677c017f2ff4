import type { WorkingDayCalendar } from '../../calendar/index.ts';
import type { Application, Pause } from '../domain/application.ts';
import { applicationClock } from '../domain/application-clock.ts';
import type { DueColumns } from '../storage/application-row.ts';

/** The reply deadline of the case as stored: recomputed from its inputs after every change. */
export function dueColumnsFor(
  app: Pick<Application, 'receivedOn' | 'state' | 'correctedOn' | 'correctionDueOn' | 'extensionWorkingDays'> & Partial<Pick<Application, 'delayedDueOn'>>,
  pauses: readonly Pause[], calendar: WorkingDayCalendar,
): Required<DueColumns> {
  const clock = applicationClock(app, pauses, calendar);
  if (clock.kind !== 'running') return { due_on: null, original_due_on: null, due_provisional: 0, due_warnings_json: '[]' };
  return {
    // 条例第三十五条: a later reply date set and notified replaces the computed one.
    due_on: app.delayedDueOn && app.delayedDueOn > clock.result.dueOn ? app.delayedDueOn : clock.result.dueOn,
    original_due_on: clock.result.originalDueOn,
    due_provisional: clock.result.warnings.length > 0 ? 1 : 0,
    due_warnings_json: JSON.stringify(clock.result.warnings),
  };
}
