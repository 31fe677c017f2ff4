// The applications area (依申请公开): intake, the statutory clock, the workflow verbs, fees, letters,
// reconsideration and litigation, ledger import. Other areas import only from here.
export { APPLICANT_TYPES, APPLICANT_TYPE_LABELS, type ApplicantType } from './domain/applicant-types.ts';
export { APPLICATION_STATES, STATE_LABELS, OPEN_STATES, type ApplicationState } from './domain/application-states.ts';
export { TRANSITIONS, VERBS, nextState, verbsIn, type Command, type Verb } from './domain/application-verbs.ts';
export { decide, type Decision, type DecideFacts } from './domain/decide.ts';
export { OUTCOMES, OUTCOME_INFO, isOutcome, isRefusal, outcomeLabel, type Outcome } from './domain/outcomes.ts';
export { APPEAL_KINDS, APPEAL_RESULTS, APPEAL_KIND_LABELS, APPEAL_RESULT_LABELS, type Appeal, type AppealKind, type AppealResult } from './domain/appeal.ts';
export { CHANNELS, CHANNEL_LABELS, CHANNEL_RULES, type Channel } from './domain/channels.ts';
export { perApplicationFee, perPageFee, monthTotalPerApplication, FEE_PAYMENT_WORKING_DAYS, FEE_WINDOW_PAUSES_CLOCK } from './domain/fee-rules.ts';
export { applicationClock, type ApplicationClock } from './domain/application-clock.ts';
export { applicationStateDiagram, recordCorrectionStateDiagram } from './domain/state-diagram.ts';
// 条例第四十一条 correction requests (更正申请).
export {
  RECORD_CORRECTION_STATES, RECORD_CORRECTION_STATE_LABELS, RECORD_CORRECTION_TRANSITIONS, decideRecordCorrection,
  type RecordCorrection, type RecordCorrectionCommand, type RecordCorrectionState, type RecordCorrectionVerb,
} from './domain/record-correction.ts';
export { registerRecordCorrection, performRecordCorrectionVerb, listRecordCorrectionsOf } from './use-cases/record-corrections.ts';
export { ApplicationErrorCode } from './domain/error-codes.ts';
export type { Application, Pause } from './domain/application.ts';
export { submitOnlineApplication } from './use-cases/submit-online-application.ts';
export { registerApplication } from './use-cases/register-application.ts';
export { performVerb } from './use-cases/perform-verb.ts';
export { checkStatus, type PublicStatus } from './use-cases/check-status.ts';
export { caseDetails } from './use-cases/case-details.ts';
export { listWork, countWork, DEFAULT_DUE_SOON_WORKING_DAYS, UNCONFIRMED_AGEING_WORKING_DAYS, type WorkCounts } from './use-cases/list-work.ts';
export { recordAppeal, decideAppeal } from './use-cases/record-appeal.ts';
export { importApplications, importAppeals } from './use-cases/import-ledgers.ts';
export { recomputeDueDates } from './use-cases/recompute-due-dates.ts';
export { closeLapsedCases, type LapseReport } from './jobs/close-lapsed-cases.ts';
export { listDueSoonCases } from './jobs/list-due-soon.ts';
export { runImportCommand } from './cli/import-command.ts';
export { applicationsPortalRoutes, type PortalFormOptions } from './web/portal/portal-routes.tsx';
export { applicationsAdminRoutes } from './web/admin/admin-routes.tsx';
// Shared with the other public forms (the department mailbox): form token, per-address limits, query codes, sealed receipts.
export { formGuard, HONEYPOT_FIELD, MIN_FILL_SECONDS, refusedFormErrors } from './web/portal/form-guard.ts';
export { statusPages } from './web/portal/status-session.ts';
export { BLANK_FORM_CACHE, repeatGuard, REPEAT_WINDOW_SECONDS } from './web/portal/repeat-guard.ts';
export { addressLimit } from './web/portal/submit-limit.ts';
export { newQueryCode, hashQueryCode, queryCodeMatches } from './use-cases/query-code.ts';
export { sealReceipt, openReceipt, submissionKeyOf } from './use-cases/submission-receipt.ts';
export { isUniqueViolation } from './storage/submissions-repository.ts';
export { chineseDate } from './domain/chinese-date.ts';
// Shared with the department mailbox: a deadline is its last day, included (答复期限：…（含当日）, 最迟于…).
export { INCLUDES_THE_DAY, lastDay, noLaterThan, noLaterThanTheDay, deadlineStanding } from './domain/deadline-wording.ts';
export { DeadlineStanding } from './web/deadline-standing.tsx';
// Shared with the mailbox's 查询码重新设置告知: a phone number that never breaks, and a letter sent as HTML, PDF or Word.
export { unbreakablePhone } from './domain/letters/follow-up.ts';
export { sendLetter, asLetterFormat } from './web/letter-download.ts';
export { getApplicationSettings, saveApplicationSettings } from './use-cases/manage-application-settings.ts';
