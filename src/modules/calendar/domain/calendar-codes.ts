/**
 * The stable codes of the calendar area, documented in docs/workflows/deadline-rules.md.
 * Errors refuse input (DomainError.code); warnings accompany a result that must be reviewed later.
 */
export const CalendarErrorCode = {
  /** A date that is not a real calendar date written YYYY-MM-DD. */
  invalidDate: 'ERR_CALENDAR_INVALID_DATE',
  /** A holiday year (builtin or entered by an admin) that contradicts itself or the week. */
  invalidYear: 'ERR_CALENDAR_INVALID_YEAR',
  /** Two holiday years of the same source for the same year. */
  duplicateYear: 'ERR_CALENDAR_DUPLICATE_YEAR',
  /** A day count that is not a whole number in range. */
  invalidDayCount: 'ERR_CALENDAR_INVALID_DAY_COUNT',
  /** Deadline input that breaks a counting rule (period length, extension not a whole number …). */
  invalidDeadlineInput: 'ERR_DEADLINE_INVALID_INPUT',
  /** Extension beyond 20 working days (条例第三十三条第二款). */
  extensionTooLong: 'ERR_DEADLINE_EXTENSION_TOO_LONG',
  /** A pause whose last day is before its first day. */
  pauseReversed: 'ERR_DEADLINE_PAUSE_REVERSED',
  /** A pause that begins before the application was received. */
  pauseBeforeReceipt: 'ERR_DEADLINE_PAUSE_BEFORE_RECEIPT',
  /** A corrected application received before the original one. */
  restartBeforeReceipt: 'ERR_DEADLINE_RESTART_BEFORE_RECEIPT',
} as const;

export const CalendarWarningCode = {
  /** The count reached a year without a loaded holiday notice; treated as plain Mon–Fri. */
  yearUnknown: 'WARN_CALENDAR_YEAR_UNKNOWN',
} as const;
