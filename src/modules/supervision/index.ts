/** Supervision: who keeps each catalog node up to date and how often, and what would fail a website inspection. */
export { CADENCES, CADENCE_LABELS, defaultCadence, freshness, nextUpdateDue, type Cadence, type Freshness, type InspectionClass } from './domain/cadence.ts';
export { nodeCadences, type NodeCadence } from './use-cases/node-cadences.ts';
export { setNodeSupervision, nodeSupervisionSchema } from './use-cases/set-node-supervision.ts';
export { supervisionAdminRoutes } from './web/supervision-admin-routes.tsx';
export { judge, VETO_LABELS, type InspectionFacts, type Verdict, type VetoRule } from './domain/verdict.ts';
export { supervisionDashboard, type OrganSupervision } from './use-cases/supervision-dashboard.ts';
export { runInspectCommand, INSPECT_USAGE } from './cli/inspect-command.ts';
export { inspectSite, supervisionFindings, type Finding, type InspectionResult, type InspectOptions } from './use-cases/site-inspection.ts';
export {
  runNightlyInspection, runInspectionNow, lastInspections, markInspectionInterrupted, runRequestedInspections, inspectionQueued, recoverLapsedInspections,
  requestInspection, inspectionRun, INSPECTION_REQUESTS_JOB, type StoredInspection,
} from './use-cases/inspection-runs.ts';
export { addWordingRule, removeWordingRule, wordingRulesOf, type WordingRule } from './use-cases/wording-rules.ts';
export { supervisionApi } from './web/api/supervision-api.ts';
export { columnDeadlines, sendReminderMails, setReminderAddress, reminderAddressesOf } from './use-cases/reminder-mails.ts';
export { REMIND_DAYS_AHEAD, type Deadline } from './domain/reminder-mails.ts';
