import type { Updateable } from 'kysely';
import type { AppDeps } from '../../../platform/app-deps.ts';
import type { LettersTable } from '../../../platform/db/schema-areas/interaction.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { chinaDateOf } from '../../../shared/iso-date.ts';
import { findOrganById, organChain } from '../../catalog/index.ts';
import { actorLabel, actorMay, actorUserId, type Actor } from '../../identity/index.ts';
import { decideLetter } from '../domain/decide-letter.ts';
import { InteractionErrorCode as E } from '../domain/error-codes.ts';
import type { Letter } from '../domain/letter.ts';
import { letterDueOn, rateByOn } from '../domain/letter-clock.ts';
import type { LetterCommand } from '../domain/letter-verbs.ts';
import { appendLetterEvent, listLetterEvents } from '../storage/events-repository.ts';
import type { Executor } from '../storage/executor.ts';
import { findLetter, updateLetter } from '../storage/letters-repository.ts';
import { loadLetterSettings } from '../storage/settings-repository.ts';
import { auditLetter } from './audit-letter.ts';
import { calendarInForce } from '../../calendar/index.ts';
import { letterAccessOf } from './unit-letters.ts';

const STATUS_OF: Record<string, number> = { [E.verbNotAllowed]: 409, [E.notPublished]: 409, [E.notWithdrawn]: 409, [E.alreadyRated]: 409, [E.ratingClosed]: 409, [E.sameReviewer]: 403, [E.notUnitStaff]: 403 };

/** Staff of the organ (信息员 or 管理员; a role on an organ above reaches it) handle its letters. */
export async function requireLetterStaff(db: Executor, actor: Actor, organId: number): Promise<void> {
  if (!actorMay(actor, await organChain(db, organId), 'editor')) throw new DomainError('ERR_AUTH_FORBIDDEN', '您没有办理该机关部门信箱来信的权限', { httpStatus: 403 });
}

/**
 * Every mailbox verb goes through here: load the letter, ask decideLetter, and in one transaction
 * write the new state and dates with an optimistic version check, the history entry and the audit
 * record. Refused: nothing changes and the error lists every reason. `rate` comes from the writer
 * (already identified by tracking number and query code), `recordUnitOpinion` from staff of the unit
 * the letter is handed to (letterAccess 'unit'), every other verb from staff of the organ.
 */
export async function performLetterVerb(deps: AppDeps, actor: Actor, letterId: number, command: LetterCommand, expectedVersion?: number): Promise<Letter> {
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const at = now.toISOString();
    const today = chinaDateOf(now);
    const before = await findLetter(trx, letterId);
    if (!before) throw new DomainError(E.notFound, '来信不存在', { httpStatus: 404 });
    const access = command.verb === 'rate' ? null : await letterAccessOf(trx, actor, before);
    if (command.verb === 'recordUnitOpinion') {
      if (access === null) throw new DomainError('ERR_AUTH_FORBIDDEN', '您没有查看这件来信的权限', { httpStatus: 403 });
    } else if (command.verb !== 'rate') await requireLetterStaff(trx, actor, before.organId);
    if (expectedVersion !== undefined && expectedVersion !== before.version) throw new DomainError(E.versionConflict, '该来信已被他人处理，请刷新页面后重试', { httpStatus: 409 });
    const settings = await loadLetterSettings(trx, before.organId);
    const unit = command.verb === 'assign' && Number.isInteger(command.unitId) ? await findOrganById(trx, command.unitId) : null;
    const target = command.verb === 'transfer' && Number.isInteger(command.targetOrganId) ? await findOrganById(trx, command.targetOrganId) : null;
    const followUpExists = command.verb === 'attachPhoto'
      ? (await listLetterEvents(trx, before.id)).some((e) => e.id === command.followUpEventId && e.verb === 'recordFollowUp')
      : undefined;
    const decision = decideLetter(before, command, {
      followUpExists, unitStaff: access === 'unit',
      today, actorUserId: actorUserId(actor), replyReview: settings.replyReview,
      unitBelongs: unit !== null && unit.kind === 'unit' && unit.parentId === before.organId,
      targetIsOtherOrgan: target !== null && target.kind !== 'unit' && target.id !== before.organId,
    });
    if (!decision.ok) {
      throw DomainError.fromReasons(decision.reasons, STATUS_OF[decision.reasons[0].code] ?? 400);
    }
    const changes: Updateable<LettersTable> = { state: decision.next };
    const data: Record<string, unknown> = {};
    switch (command.verb) {
      case 'assign':
        changes.unit_id = command.unitId;
        // Handed to another unit: that unit has not answered yet.
        if (command.unitId !== before.unitId) Object.assign(changes, { unit_opinion_on: null, unit_opinion_at: null });
        // Each 交办 states its own 交办意见 and 报送期限 (none given: none), kept in the history and the audit log.
        changes.unit_instructions = (command.instructions ?? '').trim() || null;
        changes.unit_report_by_on = (command.reportByOn ?? '').trim() || null;
        Object.assign(data, { unitId: command.unitId, unitName: unit!.name, instructions: changes.unit_instructions, reportByOn: changes.unit_report_by_on });
        break;
      case 'transfer': {
        // The clock restarts at the organ that now answers, on its own limit for the type.
        const there = await loadLetterSettings(trx, target!.id);
        const days = there.replyWorkingDays[before.type];
        Object.assign(changes, {
          organ_id: target!.id, unit_id: null, unit_opinion_on: null, unit_opinion_at: null, unit_instructions: null, unit_report_by_on: null, received_on: today, due_working_days: days,
          due_on: letterDueOn(await calendarInForce(trx), today, days), transfer_count: before.transferCount + 1, reply_text: null, reply_drafted_by: null, public_reply_text: null,
        });
        Object.assign(data, { fromOrganId: before.organId, toOrganId: target!.id, toOrganName: target!.name, reason: command.reason.trim() });
        break;
      }
      case 'reply':
        changes.reply_text = command.replyText.trim();
        changes.reply_drafted_by = actorUserId(actor);
        changes.public_reply_text = null; // a new reply: the public version of an earlier draft no longer applies
        if (decision.next === 'replied') Object.assign(changes, { replied_on: today, rate_by_on: rateByOn(today) });
        break;
      case 'approveReply':
        Object.assign(changes, { replied_on: today, rate_by_on: rateByOn(today) });
        break;
      case 'notAccept':
        changes.not_accepted_reason = command.reason.trim();
        break;
      case 'recordUnitOpinion': {
        // The unit's note goes into the history the organ's handler reads, and whole into the audit log.
        changes.unit_opinion_on = today;
        changes.unit_opinion_at = at;
        const unitOf = await findOrganById(trx, before.unitId!);
        Object.assign(data, { unitId: before.unitId, unitName: unitOf?.name ?? '', opinion: command.opinion.trim() });
        break;
      }
      case 'recordFollowUp':
        Object.assign(data, { kind: command.kind, on: command.on, participants: command.participants.trim(), notes: command.notes.trim() });
        break;
      case 'rate':
        Object.assign(changes, { rating: command.rating, rating_comment: command.comment.trim() });
        data.rating = command.rating;
        break;
      case 'attachPhoto':
        Object.assign(data, { followUpEventId: command.followUpEventId, fileName: command.fileName, sizeBytes: command.sizeBytes, storageKey: command.storageKey, sha256: command.sha256 });
        break;
      case 'withdrawPublication':
        changes.publication_withdrawn_reason = command.reason.trim();
        data.reason = command.reason.trim();
        break;
      case 'republish':
        changes.publication_withdrawn_reason = null;
        data.withdrawnReason = before.publicationWithdrawnReason;
        break;
      case 'editPublicText': {
        // The text as the writer wrote it is kept; the same text again means no edit (null).
        const subject = command.publicSubject.trim();
        const content = command.publicContent.trim();
        changes.public_subject = subject === before.subject.trim() ? null : subject;
        changes.public_content = content === before.content.trim() ? null : content;
        // The reason goes into the history and the audit log, as 撤下公开's does.
        Object.assign(data, { publicSubjectBefore: before.publicSubject, publicContentBefore: before.publicContent, publicSubject: changes.public_subject, publicContent: changes.public_content, reason: command.reason.trim() });
        if (command.publicReplyText !== undefined && before.replyText !== null) {
          // The reply as sent is kept too; its public version is masked like it (publicVersionOf).
          const reply = command.publicReplyText.trim();
          changes.public_reply_text = reply === before.replyText.trim() ? null : reply;
          Object.assign(data, { publicReplyTextBefore: before.publicReplyText, publicReplyText: changes.public_reply_text });
        }
        break;
      }
      case 'returnReply':
        break;
    }
    // The organ's staff acted on the letter: a unit's note written before this is no longer new to them (unitOpinionUnread).
    if (command.verb !== 'rate' && command.verb !== 'recordUnitOpinion') changes.handler_acted_at = at;
    const after = await updateLetter(trx, before, changes, at);
    if (!after) throw new DomainError(E.versionConflict, '该来信已被他人处理，请刷新页面后重试', { httpStatus: 409 });
    const label = command.verb === 'rate' ? '来信人' : actorLabel(actor);
    // The history of a transferred letter stays with it; each entry names the organ it happened at.
    await appendLetterEvent(trx, {
      letterId: before.id, organId: before.organId, verb: command.verb, fromState: before.state, toState: after.state, occurredOn: today, occurredAt: at,
      actorUserId: actorUserId(actor), actorLabel: label, note: decision.note, data,
    });
    await auditLetter(trx, deps, actor, at, {
      action: `letter.${command.verb}`, letterId: before.id, organId: before.organId,
      before: { state: before.state, organId: before.organId, dueOn: before.dueOn, publicationWithdrawnReason: before.publicationWithdrawnReason, ...(command.verb === 'assign' ? { unitId: before.unitId, instructions: before.unitInstructions, reportByOn: before.unitReportByOn } : {}) },
      after: { state: after.state, organId: after.organId, dueOn: after.dueOn, publicationWithdrawnReason: after.publicationWithdrawnReason, ...data },
    });
    return after;
  });
}
