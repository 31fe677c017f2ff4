import type { AppDeps } from '../../../platform/app-deps.ts';
import { findOrganById, type Organ } from '../../catalog/index.ts';
import { actorUserId, type Actor } from '../../identity/index.ts';
import { chinaDateOf } from '../../../shared/iso-date.ts';
import type { ErrorReason } from '../../../shared/domain-error.ts';
import type { Verb } from '../domain/application-verbs.ts';
import { refusalsBeforeInput } from '../domain/verb-refusals.ts';
import type { Application, Pause } from '../domain/application.ts';
import { applicationClock, type ApplicationClock } from '../domain/application-clock.ts';
import { correctionNoticeDeadline, type DeadlineResult } from '../../calendar/index.ts';
import { requireApplication } from '../storage/applications-repository.ts';
import { listEvents, type ApplicationEvent } from '../storage/events-repository.ts';
import { listLetters, type StoredLetter } from '../storage/letters-repository.ts';
import { listPauses } from '../storage/pauses-repository.ts';
import { listAppeals, type Appeal } from '../storage/appeals-repository.ts';
import type { StaffMember } from '../storage/staff-repository.ts';
import { handlerCandidates } from './handler-candidates.ts';
import { isOfficeHead, requireCaseStaff } from './case-access.ts';
import { calendarFor } from './working-calendar.ts';
import { remedyPeriods } from '../domain/remedy-periods.ts';

export type CaseDetails = {
  application: Application;
  organ: Organ;
  pauses: Pause[];
  events: ApplicationEvent[];
  letters: StoredLetter[];
  appeals: Appeal[];
  staff: StaffMember[];
  clock: ApplicationClock;
  correctionNotice: DeadlineResult | null;
  actorIsOfficeHead: boolean;
  /** Verbs of the case's state that decide refuses today whatever their form says, with the reasons. */
  verbRefusals: Partial<Record<Verb, ErrorReason[]>>;
  /** For each served reply or termination notice: the last days to apply for reconsideration and to sue. */
  remedyPeriods: Record<number, { reconsiderationBy: string; lawsuitBy: string | null }>;
};

/** Everything the staff case page shows, including the due date recomputed with its trace. */
export async function caseDetails(deps: AppDeps, actor: Actor, applicationId: number): Promise<CaseDetails> {
  const application = await requireApplication(deps.db, applicationId);
  const chain = await requireCaseStaff(deps.db, actor, application.organId);
  const calendar = await calendarFor(deps.db);
  const [organ, pauses, events, letters, appeals, staff] = await Promise.all([
    findOrganById(deps.db, application.organId), listPauses(deps.db, application.id), listEvents(deps.db, application.id),
    listLetters(deps.db, application.id), listAppeals(deps.db, { applicationId: application.id }), handlerCandidates(deps.db, chain),
  ]);
  return {
    application, organ: organ!, pauses, events, letters, appeals, staff,
    clock: applicationClock(application, pauses, calendar),
    correctionNotice: application.receivedOn ? correctionNoticeDeadline(application.receivedOn, calendar) : null,
    actorIsOfficeHead: isOfficeHead(actor, chain),
    verbRefusals: refusalsBeforeInput(application, {
      today: chinaDateOf(deps.clock.now()), calendar, pauses, actorIsOfficeHead: isOfficeHead(actor, chain), actorUserId: actorUserId(actor),
      handlersAvailable: staff.length > 0,
    }),
    remedyPeriods: Object.fromEntries(letters.flatMap((l) => {
      const p = (l.kind === 'reply' || l.kind === 'termination_notice') ? remedyPeriods(l, application.outcome, calendar) : null;
      return p ? [[l.id, p]] : [];
    })),
  };
}
