import type { WorkingDayCalendar } from '../../calendar/index.ts';
import type { Application, Pause } from '../domain/application.ts';
import { applicationClock } from '../domain/application-clock.ts';
import type { DueColumns } from '../storage/application-row.ts';

/** The reply deadline of the case as stored: recomputed from its inputs after every change. */
export function dueColumnsFor(app: Pick<Application, 'receivedOn' | 'state' | 'correctedOn' | 'correctionDueOn' | 'extensionWorkingDays'>, pauses: readonly Pause[], calendar: WorkingDayCalendar): Required<DueColumns> {
  const clock = applicationClock(app, pauses, calendar);
  if (clock.kind !== 'running') return { due_on: null, original_due_on: null, due_provisional: 0, due_warnings_json: '[]' };
  return {
    due_on: clock.result.dueOn,
    original_due_on: clock.result.originalDueOn,
    due_provisional: clock.result.warnings.length > 0 ? 1 : 0,
    due_warnings_json: JSON.stringify(clock.result.warnings),
  };
}
