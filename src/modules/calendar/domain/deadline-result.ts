import type { IsoDate } from '../../../shared/iso-date.ts';

export type TraceKind =
  | 'start'
  | 'counted'
  | 'skipped_weekend'
  | 'skipped_holiday'
  | 'counted_adjusted_workday'
  | 'paused'
  | 'restart'
  | 'extension'
  | 'due';

/** One line of a deadline's explanation; `count` is the working day reached, on counted days. */
export type TraceStep = { on: IsoDate; kind: TraceKind; count?: number; note: string };

export type DeadlineWarning = { code: string; message: string };

export type DeadlineResult = {
  dueOn: IsoDate;
  /** The due date before any extension (the date the extension is counted on from). */
  originalDueOn: IsoDate;
  /** Non-empty means the date is provisional and must be reviewed (e.g. a year without notice). */
  warnings: DeadlineWarning[];
  trace: TraceStep[];
};
