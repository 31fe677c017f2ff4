import type { Updateable } from 'kysely';
import type { AppDeps } from '../../../platform/app-deps.ts';
import type { ProposalsTable } from '../../../platform/db/schema-areas/interaction.ts';
import { DomainError, type ErrorReason } from '../../../shared/domain-error.ts';
import { chinaDateOf, type IsoDate } from '../../../shared/iso-date.ts';
import { isUniqueViolation } from '../../applications/index.ts';
import { appendAuditEvent } from '../../audit/index.ts';
import { calendarInForce } from '../../calendar/index.ts';
import { findOrganById, organChain, type Organ } from '../../catalog/index.ts';
import { actorLabel, actorMay, actorUserId, type Actor } from '../../identity/index.ts';
import { scanText } from '../../privacy/index.ts';
import { checkProposalInput, decideProposal, type CleanProposalInput } from '../domain/decide-proposal.ts';
import type { Rating } from '../domain/letter.ts';
import {
  MAX_DUE_MONTHS, MAX_PUBLISH_WORKING_DAYS, monthsAfter, PROPOSAL_DUE_SOON_WORKING_DAYS, PROPOSAL_KIND_LABELS, ProposalErrorCode as E,
  type Proposal, type ProposalInput, type ProposalResult, type ProposalSettings,
} from '../domain/proposal.ts';
import { PROPOSAL_TRANSITIONS, type ProposalCommand } from '../domain/proposal-verbs.ts';
import type { Executor } from '../storage/executor.ts';
import {
  appendProposalEvent, countProposalWork as countWork, findProposal, proposalDeadlines, insertProposal, listProposalEvents, loadProposalSettings, pageProposals,
  proposalNumberTaken, proposalYears, saveProposalSettings, updateProposal, type ProposalEvent, type ProposalFilter, type ProposalPage,
  type ProposalWorkCounts,
} from '../storage/proposals-repository.ts';

/** The HTTP status of a refusal, by its first reason. */
const STATUS_OF: Record<string, number> = { [E.verbNotAllowed]: 409, [E.duplicate]: 409, [E.secrecyMarking]: 409 };
const refuse = (reasons: ErrorReason[]): never => {
  throw DomainError.fromReasons(reasons, STATUS_OF[reasons[0].code] ?? 400);
};
const notFound = () => new DomainError(E.notFound, '建议提案不存在', { httpStatus: 404 });
const today = (deps: AppDeps) => chinaDateOf(deps.clock.now());

/** Every verb, the registration and a change of settings is one entry of the hash-chained audit log, in the change's transaction. */
const audit = (trx: Executor, deps: AppDeps, actor: Actor, at: string, e: { action: string; proposalId: number; organId: number; before?: unknown; after?: unknown }) =>
  appendAuditEvent(trx, deps.dialect, {
    occurredAt: at, actorUserId: actorUserId(actor), actorLabel: actorLabel(actor), action: e.action, entityType: 'proposal',
    entityId: String(e.proposalId), organId: e.organId, before: e.before ?? null, after: e.after ?? null,
  });

/** Staff of the organ (any staff role; a role on an organ above reaches it) handle its 建议提案. */
async function requireProposalStaff(db: Executor, actor: Actor, organId: number): Promise<void> {
  if (!actorMay(actor, await organChain(db, organId), 'editor')) throw new DomainError('ERR_AUTH_FORBIDDEN', '您没有办理该机关建议提案的权限', { httpStatus: 403 });
}

const dueOf = (input: CleanProposalInput, settings: ProposalSettings) => input.dueOn ?? monthsAfter(input.receivedOn, settings.dueMonths);
const inputColumns = (input: CleanProposalInput, settings: ProposalSettings) => ({
  kind: input.kind, number: input.number, title: input.title, submitters: input.submitters, session: input.session, year: input.year,
  received_on: input.receivedOn, role: input.role, partner_organs: input.partnerOrgans, due_on: dueOf(input, settings), due_explicit: input.dueOn ? 1 : 0,
});
const duplicateOf = (input: CleanProposalInput): ErrorReason => ({ code: E.duplicate, message: `本机关已登记${input.year}年度${input.number}`, field: 'number' });

/**
 * Staff register a 建议 or 提案 the organ received: every wrong field at once, a number the organ
 * already has for the kind and year refused (also when two registrations race), the due date as
 * typed from the assignment letter or the organ's months after the day received (default 3).
 */
export async function registerProposal(deps: AppDeps, actor: Actor, organId: number, raw: Partial<ProposalInput>): Promise<Proposal> {
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const organ = await findOrganById(trx, organId);
      if (!organ || organ.kind === 'unit') throw new DomainError(E.notFound, '机关不存在（下属单位不单独承办建议提案）', { httpStatus: 404 });
      await requireProposalStaff(trx, actor, organId);
      const { value: input, reasons } = checkProposalInput(raw, today(deps));
      if (reasons.length > 0) refuse(reasons);
      if (await proposalNumberTaken(trx, { organId, ...input })) refuse([duplicateOf(input)]);
      const settings = await loadProposalSettings(trx, organId);
      const at = deps.clock.now().toISOString();
      const p = await insertProposal(trx, {
        organ_id: organId, ...inputColumns(input, settings), state: 'registered', reply_text: null, replied_on: null, result: null, publish_due_on: null,
        satisfaction: null, satisfaction_note: null, public_text: null, published_on: null, withheld_reason: null, cancel_reason: null,
        created_by: actorUserId(actor), created_at: at, updated_at: at,
      });
      const data = { kind: p.kind, number: p.number, year: p.year, receivedOn: p.receivedOn, role: p.role, dueOn: p.dueOn, dueExplicit: p.dueExplicit };
      await appendProposalEvent(trx, {
        proposalId: p.id, organId, verb: 'register', fromState: null, toState: p.state, occurredOn: today(deps), occurredAt: at,
        actorUserId: actorUserId(actor), actorLabel: actorLabel(actor), note: '', data,
      });
      await audit(trx, deps, actor, at, { action: 'proposal.register', proposalId: p.id, organId, after: { state: p.state, ...data } });
      return p;
    });
  } catch (e) {
    // Another registration of the same number committed first: the unique index refused this one.
    if (isUniqueViolation(e)) {
      const { value } = checkProposalInput(raw, today(deps));
      refuse([duplicateOf(value)]);
    }
    throw e;
  }
}

/** A staff verb from a form or a JSON body, every field a string as decide checks it. */
export function proposalCommandFrom(verb: ProposalCommand['verb'], b: Record<string, unknown>): ProposalCommand {
  const s = (k: string) => (typeof b[k] === 'string' ? (b[k] as string) : typeof b[k] === 'number' ? String(b[k]) : '');
  switch (verb) {
    case 'edit':
      return { verb, input: { kind: s('kind'), number: s('number'), title: s('title'), submitters: s('submitters'), session: s('session'), year: s('year'), receivedOn: s('receivedOn'), role: s('role'), partnerOrgans: s('partnerOrgans'), dueOn: s('dueOn') } };
    case 'reply': return { verb, replyText: s('replyText'), repliedOn: s('repliedOn'), result: s('result') };
    case 'recordSatisfaction': return { verb, satisfaction: s('satisfaction'), note: s('satisfactionNote') };
    case 'publish': return { verb, publicText: s('publicText') };
    case 'withhold': return { verb, reason: s('withheldReason') };
    case 'cancel': return { verb, reason: s('cancelReason') };
  }
}

/**
 * Every verb goes through here: load, ask decideProposal, and in one transaction write the new state
 * with an optimistic version check, the history entry and the audit record. Refused: nothing changes
 * and the error lists every reason.
 */
export async function performProposalVerb(deps: AppDeps, actor: Actor, id: number, command: ProposalCommand, expectedVersion?: number): Promise<Proposal> {
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const now = deps.clock.now();
      const at = now.toISOString();
      const day = chinaDateOf(now);
      const before = Number.isInteger(id) && id > 0 ? await findProposal(trx, id) : null;
      if (!before) throw notFound();
      await requireProposalStaff(trx, actor, before.organId);
      if (expectedVersion !== undefined && expectedVersion !== before.version) throw new DomainError(E.versionConflict, '该建议提案已被他人修改，请刷新页面后重试', { httpStatus: 409 });
      const edited = command.verb === 'edit' ? checkProposalInput(command.input, day).value : null;
      // Only a well-formed key is looked up; a wrong kind or year is refused by decide with the rest.
      const wellFormed = edited !== null && edited.number !== '' && Number.isInteger(edited.year) && ['suggestion', 'proposal'].includes(edited.kind);
      const duplicate = wellFormed ? await proposalNumberTaken(trx, { organId: before.organId, ...edited!, exceptId: before.id }) : false;
      const secrecyMarkings = command.verb === 'publish'
        ? scanText(`${before.title}\n${command.publicText}`).filter((f) => f.type === 'classified_marking').length : 0;
      const decision = decideProposal(before, command, { today: day, duplicate, secrecyMarkings });
      if (!decision.ok) return refuse(decision.reasons);
      const settings = await loadProposalSettings(trx, before.organId);
      const changes: Updateable<ProposalsTable> = { state: decision.next };
      const data: Record<string, unknown> = {};
      switch (command.verb) {
        case 'edit': {
          // The computed due date stays as registered unless the day received changed: a new setting applies to new records only.
          const input = decision.input!;
          const keep = !input.dueOn && !before.dueExplicit && input.receivedOn === before.receivedOn;
          Object.assign(changes, inputColumns(input, settings), keep ? { due_on: before.dueOn } : {});
          Object.assign(data, { number: input.number, year: input.year, receivedOn: input.receivedOn, dueOn: changes.due_on, role: input.role });
          break;
        }
        case 'reply': {
          // The publication decision falls due the organ's working days after the reply, on the one calendar.
          const publishDueOn = (await calendarInForce(trx)).addWorkingDays(command.repliedOn, settings.publishWorkingDays);
          Object.assign(changes, { reply_text: command.replyText.trim(), replied_on: command.repliedOn, result: command.result as ProposalResult, publish_due_on: publishDueOn });
          Object.assign(data, { repliedOn: command.repliedOn, result: command.result, late: command.repliedOn > before.dueOn, publishDueOn });
          break;
        }
        case 'recordSatisfaction':
          Object.assign(changes, { satisfaction: command.satisfaction as Rating, satisfaction_note: command.note.trim() || null });
          data.satisfaction = command.satisfaction;
          break;
        case 'publish':
          Object.assign(changes, { public_text: command.publicText.trim(), published_on: day, withheld_reason: null });
          data.publishedOn = day;
          break;
        case 'withhold':
          Object.assign(changes, { withheld_reason: command.reason.trim(), published_on: null });
          data.reason = command.reason.trim();
          break;
        case 'cancel':
          changes.cancel_reason = command.reason.trim();
          data.reason = command.reason.trim();
          break;
      }
      const after = await updateProposal(trx, before, changes, at);
      if (!after) throw new DomainError(E.versionConflict, '该建议提案已被他人修改，请刷新页面后重试', { httpStatus: 409 });
      await appendProposalEvent(trx, {
        proposalId: before.id, organId: before.organId, verb: command.verb, fromState: before.state, toState: after.state, occurredOn: day, occurredAt: at,
        actorUserId: actorUserId(actor), actorLabel: actorLabel(actor), note: decision.note, data,
      });
      await audit(trx, deps, actor, at, {
        action: `proposal.${command.verb}`, proposalId: before.id, organId: before.organId,
        before: { state: before.state, dueOn: before.dueOn }, after: { state: after.state, dueOn: after.dueOn, ...data },
      });
      return after;
    });
  } catch (e) {
    if (isUniqueViolation(e) && command.verb === 'edit') {
      const { value } = checkProposalInput(command.input, today(deps));
      refuse([duplicateOf(value)]);
    }
    throw e;
  }
}

export type ProposalDetails = { proposal: Proposal; events: ProposalEvent[]; organ: Organ; settings: ProposalSettings; dueSoonOn: IsoDate; today: IsoDate };

/** Everything the staff page of one record shows, for staff of its organ. */
export async function proposalDetails(deps: AppDeps, actor: Actor, id: number): Promise<ProposalDetails> {
  const proposal = Number.isInteger(id) && id > 0 ? await findProposal(deps.db, id) : null;
  if (!proposal) throw notFound();
  await requireProposalStaff(deps.db, actor, proposal.organId);
  const day = today(deps);
  return {
    proposal, events: await listProposalEvents(deps.db, id), organ: (await findOrganById(deps.db, proposal.organId))!,
    settings: await loadProposalSettings(deps.db, proposal.organId), today: day,
    dueSoonOn: (await calendarInForce(deps.db)).addWorkingDays(day, PROPOSAL_DUE_SOON_WORKING_DAYS),
  };
}

export const PROPOSALS_PAGE_SIZE = 20;
export type ProposalList = ProposalPage & { years: number[]; today: IsoDate; dueSoonOn: IsoDate };

/** A page of an organ's records for staff, by year, kind and state (or overdue / due soon / publication decision late). */
export async function listProposals(deps: AppDeps, actor: Actor, organId: number, filter: ProposalFilter, page: number, pageSize = PROPOSALS_PAGE_SIZE): Promise<ProposalList> {
  await requireProposalStaff(deps.db, actor, organId);
  const day = today(deps);
  const dueSoonOn = (await calendarInForce(deps.db)).addWorkingDays(day, PROPOSAL_DUE_SOON_WORKING_DAYS);
  const p = await pageProposals(deps.db, organId, filter, { today: day, dueSoonOn, page, pageSize });
  return { ...p, years: await proposalYears(deps.db, organId), today: day, dueSoonOn };
}

/** For 待办: per organ, open ones past their due date or due within 10 working days, and replies whose publication decision is late. */
export async function countProposalWork(deps: AppDeps, organIds: number[]): Promise<Map<number, ProposalWorkCounts>> {
  const day = today(deps);
  return countWork(deps.db, organIds, day, (await calendarInForce(deps.db)).addWorkingDays(day, PROPOSAL_DUE_SOON_WORKING_DAYS));
}

/** A deadline for the e-mailed reminders: which record (as staff name it), which deadline, when. */
export type ProposalDeadline = { id: number; organId: number; deadline: 'reply' | 'publish'; dueOn: IsoDate; what: string };

/**
 * For the e-mailed reminders (the same things 待办 counts): replies due within 10 working days or
 * overdue, and publication decisions on answered records due by then or late. The mail job keeps
 * its own window (each deadline once ahead, once when passed).
 */
export async function listProposalDeadlines(deps: AppDeps, organIds: number[]): Promise<ProposalDeadline[]> {
  const rows = await proposalDeadlines(deps.db, organIds, (await calendarInForce(deps.db)).addWorkingDays(today(deps), PROPOSAL_DUE_SOON_WORKING_DAYS));
  return rows.map((r) => ({
    id: r.id, organId: r.organId, deadline: r.deadline, dueOn: r.dueOn,
    what: `${PROPOSAL_KIND_LABELS[r.kind]} ${r.year}年${r.number}“${r.title}”${r.deadline === 'reply' ? '应答复' : '应决定是否公开办理结果'}`,
  }));
}

export const getProposalSettings = (deps: AppDeps, organId: number) => loadProposalSettings(deps.db, organId);

/**
 * The organ's months to reply and working days to publish. Organ administrators only. New values
 * apply to records registered or replied from then on: stored dates are not moved.
 */
export async function updateProposalSettings(deps: AppDeps, actor: Actor, organId: number, raw: Record<string, unknown>): Promise<ProposalSettings> {
  const reasons: ErrorReason[] = [];
  const whole = (field: string, label: string, max: number) => {
    const v = String(raw[field] ?? '').trim();
    if (!/^\d{1,3}$/.test(v) || Number(v) < 1 || Number(v) > max) reasons.push({ code: E.invalidInput, message: `${label}应为1至${max}之间的整数`, field });
    return Number(v);
  };
  const settings: ProposalSettings = { dueMonths: whole('dueMonths', '答复期限（月）', MAX_DUE_MONTHS), publishWorkingDays: whole('publishWorkingDays', '公开期限（工作日）', MAX_PUBLISH_WORKING_DAYS) };
  if (reasons.length > 0) refuse(reasons);
  return deps.db.transaction().execute(async (trx) => {
    if (!actorMay(actor, await organChain(trx, organId), 'organ_admin')) throw new DomainError('ERR_AUTH_FORBIDDEN', '只有本机关管理员可以修改建议提案设置', { httpStatus: 403 });
    const before = await loadProposalSettings(trx, organId);
    const at = deps.clock.now().toISOString();
    await saveProposalSettings(trx, organId, settings, at);
    await audit(trx, deps, actor, at, { action: 'proposal.settings', proposalId: 0, organId, before, after: settings });
    return settings;
  });
}

export const proposalVerbLabel = (verb: string) => (verb === 'register' ? '登记' : PROPOSAL_TRANSITIONS[verb as ProposalCommand['verb']]?.label ?? verb);
