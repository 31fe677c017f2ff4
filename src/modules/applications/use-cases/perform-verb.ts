import type { AppDeps } from '../../../platform/app-deps.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { chinaDateOf, type IsoDate } from '../../../shared/iso-date.ts';
import { actorLabel, actorUserId, type Actor } from '../../identity/index.ts';
import type { Application } from '../domain/application.ts';
import { TRANSITIONS, type Command } from '../domain/application-verbs.ts';
import { decide } from '../domain/decide.ts';
import { ApplicationErrorCode as E } from '../domain/error-codes.ts';
import { changesToColumns } from '../storage/application-row.ts';
import { applicantOrdinalInMonth, requireApplication, sameSubjectDisclosures, updateApplication } from '../storage/applications-repository.ts';
import { appendEvent } from '../storage/events-repository.ts';
import { closePause, listPauses, openPause } from '../storage/pauses-repository.ts';
import { auditApplication, isOfficeHead, isStaffOf, requireCaseStaff } from './case-access.ts';
import { dueColumnsFor } from './due-columns.ts';
import { issueLetterFor } from './issue-letter.ts';
import { calendarFor } from './working-calendar.ts';

const STATUS_OF: Record<string, number> = {
  [E.verbNotAllowed]: 409,
  [E.correctionRepeated]: 409,
  [E.extensionRepeated]: 409,
  [E.extensionAfterDeadline]: 409,
  [E.feeRepeated]: 409,
  [E.correctionNotLapsed]: 409,
  [E.feeNotLapsed]: 409,
  [E.extensionNotApproved]: 403,
};

/** The day a verb's letter carries: the date the official entered for the act, else today. */
function actOn(command: Command, today: IsoDate): IsoDate {
  switch (command.verb) {
    case 'requestCorrection': return command.requestedOn;
    case 'startConsultation': return command.sentOn;
    case 'notifyThirdParty': return command.sentOn;
    case 'extendDeadline': return command.approvedOn;
    case 'issueFeeNotice': return command.sentOn;
    case 'recordReply': return command.repliedOn;
    case 'withdraw': return command.withdrawnOn;
    case 'requestReasons': return command.requestedOn;
    case 'setDelayedReply': return command.reasonsReceivedOn;
    default: return today;
  }
}

/**
 * Every workflow verb goes through here: load the case, ask `decide`, and in one transaction write
 * the new state and dates with an optimistic version check, the recomputed due date, the pause, the
 * timeline event, the audit record and the letter the verb produces. Refused: nothing changes and
 * the error lists every reason.
 */
export async function performVerb(deps: AppDeps, actor: Actor, applicationId: number, command: Command, expectedVersion?: number): Promise<Application> {
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const at = now.toISOString();
    const today = chinaDateOf(now);
    const before = await requireApplication(trx, applicationId);
    const chain = await requireCaseStaff(trx, actor, before.organId);
    if (expectedVersion !== undefined && expectedVersion !== before.version) {
      throw new DomainError(E.versionConflict, '该申请已被他人修改，请刷新页面后重试', { httpStatus: 409 });
    }
    const calendar = await calendarFor(trx);
    const pauses = await listPauses(trx, before.id);
    const decision = decide(before, command, {
      today, calendar, pauses,
      actorIsOfficeHead: isOfficeHead(actor, chain),
      actorUserId: actorUserId(actor),
      ...(command.verb === 'assignHandler' ? { handlerIsStaff: Number.isInteger(command.handlerUserId) && (await isStaffOf(trx, command.handlerUserId, chain)) } : {}),
      ...(command.verb === 'issueFeeNotice' && command.method === 'per_application' ? { feeOrdinal: (await applicantOrdinalInMonth(trx, before)) ?? undefined } : {}),
    });
    if (!decision.ok) {
      const first = decision.reasons[0];
      throw new DomainError(first.code, decision.reasons.map((r) => r.message).join('；'), {
        httpStatus: STATUS_OF[first.code] ?? 400, field: first.field, reasons: decision.reasons,
      });
    }

    let consultationEndOn: IsoDate | null = null;
    if (decision.pause && 'open' in decision.pause) {
      await openPause(trx, before.id, decision.pause.open, at);
      consultationEndOn = decision.pause.open.expectedEndOn;
    } else if (decision.pause) {
      await closePause(trx, decision.pause.close.id, decision.pause.close.endedOn);
    }
    const merged: Application = { ...before, ...decision.changes, state: decision.next };
    // 条例第四十四条: the same information disclosed on application again is flagged to become proactive.
    let proactive: { proactive_flag: number; proactive_flag_reason: string } | Record<string, never> = {};
    if (command.verb === 'recordReply' && (merged.outcome === 'disclosed' || merged.outcome === 'partly_disclosed') && !before.proactiveFlag) {
      const others = await sameSubjectDisclosures(trx, merged);
      if (others > 0) proactive = { proactive_flag: 1, proactive_flag_reason: `同一信息已依申请公开${others + 1}次，建议转为主动公开（条例第四十四条）` };
    }
    const due = dueColumnsFor(merged, await listPauses(trx, before.id), calendar);
    const after = await updateApplication(trx, before, { ...changesToColumns(decision.changes), state: decision.next, ...due, ...proactive }, at);

    await appendEvent(trx, before.id, {
      verb: command.verb, fromState: before.state, toState: after.state, occurredOn: today, occurredAt: at,
      actorUserId: actorUserId(actor), actorLabel: actorLabel(actor), note: decision.note, data: decision.data,
    });
    const letterId = await issueLetterFor(trx, deps, command, before, after, consultationEndOn, actOn(command, today), actorUserId(actor), at);
    await auditApplication(trx, deps, actor, at, {
      action: `application.${command.verb}`, entityId: before.id, organId: before.organId,
      before: { state: before.state, dueOn: before.dueOn }, after: { state: after.state, dueOn: after.dueOn, ...decision.changes, ...(letterId ? { letterId } : {}) },
    });
    return after;
  });
}

export const verbLabel = (command: Command) => TRANSITIONS[command.verb].label;
