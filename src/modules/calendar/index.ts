// The calendar area's public surface: working days (State Council holiday notices, 调休) and the
// statutory deadlines counted on them. Other areas import only from here.
export { BUILTIN_YEARS } from './domain/builtin-years.ts';
export { CalendarErrorCode, CalendarWarningCode } from './domain/calendar-codes.ts';
export { computeDeadline } from './domain/compute-deadline.ts';
export { consultationPauses } from './domain/consultation-pause.ts';
export { CORRECTION_NOTICE_WORKING_DAYS, correctionNoticeDeadline } from './domain/correction-notice-deadline.ts';
export {
  MAX_EXTENSION_WORKING_DAYS,
  MAX_PERIOD_WORKING_DAYS,
  REPLY_WORKING_DAYS,
  type DeadlineInput,
  type DeadlinePause,
} from './domain/deadline-input.ts';
export type { DeadlineResult, DeadlineWarning, TraceKind, TraceStep } from './domain/deadline-result.ts';
export { validateHolidayYear, type HolidayYear } from './domain/holiday-year.ts';
export { PROACTIVE_WORKING_DAYS, proactiveDeadline } from './domain/proactive-deadline.ts';
export { WorkingDayCalendar, type DayExplanation, type DayReason } from './domain/working-day-calendar.ts';
export { runDeadlineCommand, type CommandIo } from './cli/deadline-command.ts';
export { calendarInForce } from './use-cases/calendar-in-force.ts';
export { listAdminHolidayYears, loadAdminHolidayYears, loadAdminHolidayYearsIfMigrated, saveAdminHolidayYear, type StoredHolidayYear } from './storage/holiday-years-repository.ts';
export { holidayYearsRoutes, type HolidayYearsOptions } from './web/holiday-years-routes.tsx';
