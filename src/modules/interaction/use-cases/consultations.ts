import type { AppDeps } from '../../../platform/app-deps.ts';
import { DomainError, type ErrorReason } from '../../../shared/domain-error.ts';
import { chinaDateOf, type IsoDate } from '../../../shared/iso-date.ts';
import { hasWrittenChar, noWrittenCharMessage, saysEnough, tooShortMessage } from '../../../shared/written-text.ts';
import { isUniqueViolation, submissionKeyOf } from '../../applications/index.ts';
import { appendAuditEvent } from '../../audit/index.ts';
import { findOrganByCode, findOrganById, organChain } from '../../catalog/index.ts';
import { actorLabel, actorMay, actorUserId, systemActor, type Actor } from '../../identity/index.ts';
import { scanText } from '../../privacy/index.ts';
import {
  checkConsultationInput, ConsultationErrorCode as E, consultationPhase, decideConsultation, FEEDBACK_WORKING_DAYS, MAX_COMMENT_CHARS,
  type Consultation, type ConsultationCommand, type ConsultationInput, type ConsultationPhase,
} from '../domain/consultation.ts';
import {
  countComments, countLateFeedback, findComment, findCommentSubmission, findConsultation, insertComment, insertCommentSubmission, insertConsultation,
  listComments, listConsultations, updateComment, updateConsultation, type ConsultationComment,
} from '../storage/consultations-repository.ts';
import type { Executor } from '../storage/executor.ts';
import { maskPersonName } from '../domain/letter-input.ts';
import { maskedForPortal } from './published-letters.ts';
import { calendarInForce } from '../../calendar/index.ts';

const refuse = (reasons: ErrorReason[], status = 400): never => {
  throw DomainError.fromReasons(reasons, status);
};
const audit = (trx: Executor, deps: AppDeps, actor: Actor, at: string, e: { action: string; consultationId: number; organId: number; after?: unknown }) =>
  appendAuditEvent(trx, deps.dialect, {
    occurredAt: at, actorUserId: actorUserId(actor), actorLabel: actorLabel(actor), action: e.action, entityType: 'consultation',
    entityId: String(e.consultationId), organId: e.organId, before: null, after: e.after ?? null,
  });

/** Staff of the organ (信息员 or 管理员; a role on an organ above reaches it) run its consultations. */
async function requireStaff(db: Executor, actor: Actor, organId: number): Promise<void> {
  if (!actorMay(actor, await organChain(db, organId), 'editor')) throw new DomainError('ERR_AUTH_FORBIDDEN', '您没有管理该机关意见征集的权限', { httpStatus: 403 });
}
const today = (deps: AppDeps) => chinaDateOf(deps.clock.now());

/**
 * Staff open a draft for comments. The feedback report falls due 15 working days after the closing
 * date on the one working-day calendar; the date is stored so "late" is a query (docs/workflows/consultation.md).
 */
export async function openConsultation(deps: AppDeps, actor: Actor, organId: number, input: ConsultationInput): Promise<Consultation> {
  return deps.db.transaction().execute(async (trx) => {
    const organ = await findOrganById(trx, organId);
    if (!organ || organ.kind === 'unit') throw new DomainError(E.notFound, '机关不存在', { httpStatus: 404 });
    await requireStaff(trx, actor, organId);
    const now = deps.clock.now();
    const reasons = checkConsultationInput(input, chinaDateOf(now));
    if (reasons.length > 0) refuse(reasons);
    const calendar = await calendarInForce(trx);
    const at = now.toISOString();
    const c = await insertConsultation(trx, {
      organ_id: organId, title: input.title.trim(), body: input.body, how_to_comment: input.howToComment.trim(), start_on: input.startOn, end_on: input.endOn,
      feedback_due_on: calendar.addWorkingDays(input.endOn, FEEDBACK_WORKING_DAYS), feedback_published_on: null, feedback_received: null,
      feedback_adopted: null, feedback_not_adopted: null, created_by: actorUserId(actor), created_at: at, updated_at: at,
    });
    await audit(trx, deps, actor, at, { action: 'consultation.open', consultationId: c.id, organId, after: { title: c.title, startOn: c.startOn, endOn: c.endOn, feedbackDueOn: c.feedbackDueOn } });
    return c;
  });
}

export type CommentReceipt = { commentId: number; created: boolean };

/** What is wrong in a comment's fields (also checked, without submitting, when the form is refused for another reason). */
export function commentInputReasons(raw: { authorName?: unknown; content?: unknown }): ErrorReason[] {
  const content = typeof raw.content === 'string' ? raw.content.trim() : '';
  const authorName = typeof raw.authorName === 'string' ? raw.authorName.trim() : '';
  const reasons: ErrorReason[] = [];
  if (content === '') reasons.push({ code: E.invalidInput, message: '请填写意见内容', field: 'content' });
  // An opinion says something, as a letter does: the public forms' one minimum (shared/written-text.ts).
  else if (!saysEnough(content)) reasons.push({ code: E.invalidInput, message: `${tooShortMessage('意见内容')}，请写明您对征求意见稿的具体意见或建议`, field: 'content' });
  else if (content.length > MAX_COMMENT_CHARS) reasons.push({ code: E.invalidInput, message: `意见内容不能超过${MAX_COMMENT_CHARS}字`, field: 'content' });
  if (authorName.length > 50) reasons.push({ code: E.invalidInput, message: '署名不能超过50字', field: 'authorName' });
  // Optional; given, a name (shown as 张**): 😀 would read 😀** (shared/written-text.ts).
  else if (authorName !== '' && !hasWrittenChar(authorName)) reasons.push({ code: E.invalidInput, message: noWrittenCharMessage('署名'), field: 'authorName' });
  return reasons;
}

/** The comment a form token made, or null (Back and 提交 again from the same browser: repeat-guard.ts). */
export async function commentOfForm(deps: AppDeps, formToken: string): Promise<number | null> {
  return formToken ? findCommentSubmission(deps.db, submissionKeyOf(formToken)) : null;
}

/**
 * A comment from the portal, without an account, while the consultation is open (start and end day
 * included, China time). The privacy scanner runs on every comment: what it finds is stored with the
 * comment and flags it for the moderator; nothing is shown before a moderator approves it, and what
 * is shown has ID, phone, bank card and e-mail numbers masked. One form token makes at most one comment.
 */
export async function submitComment(deps: AppDeps, consultationId: number, raw: { authorName?: unknown; content?: unknown }, opts: { formToken?: string; admit?: () => void } = {}): Promise<CommentReceipt> {
  const formToken = opts.formToken ?? '';
  const key = formToken ? submissionKeyOf(formToken) : '';
  if (key) {
    const earlier = await findCommentSubmission(deps.db, key);
    if (earlier !== null) return { commentId: earlier, created: false };
  }
  const c = await findConsultation(deps.db, consultationId);
  if (!c) throw new DomainError(E.notFound, '意见征集不存在', { httpStatus: 404 });
  const day = today(deps);
  if (day < c.startOn || day > c.endOn) throw new DomainError(E.notOpen, `该意见征集的时间为${c.startOn}至${c.endOn}，现在不能提交意见`, { httpStatus: 409 });
  const content = typeof raw.content === 'string' ? raw.content.trim() : '';
  const authorName = typeof raw.authorName === 'string' ? raw.authorName.trim() : '';
  const reasons = commentInputReasons(raw);
  if (reasons.length > 0) refuse(reasons);
  opts.admit?.();
  const findings = scanText(content);
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const at = deps.clock.now().toISOString();
      const comment = await insertComment(trx, {
        consultation_id: c.id, author_name: authorName, content, state: 'pending', flagged: findings.length > 0 ? 1 : 0,
        findings_json: JSON.stringify(findings), submitted_on: day, submitted_at: at, moderated_by: null, moderated_at: null, reject_reason: null,
      });
      await audit(trx, deps, systemActor('意见征集'), at, { action: 'consultation.comment', consultationId: c.id, organId: c.organId, after: { commentId: comment.id, flagged: findings.length > 0 } });
      if (key) await insertCommentSubmission(trx, { tokenHash: key, commentId: comment.id, createdAt: at });
      return { commentId: comment.id, created: true };
    });
  } catch (e) {
    // Another post of the same form won the race: its comment stands, this one was rolled back.
    if (key && isUniqueViolation(e)) {
      const winner = await findCommentSubmission(deps.db, key);
      if (winner !== null) return { commentId: winner, created: false };
    }
    throw e;
  }
}

/** Moderation: approve (shown, masked) or reject with a reason (never shown); each comment once. */
export async function moderateComment(deps: AppDeps, actor: Actor, commentId: number, decision: 'approve' | 'reject', reason = ''): Promise<ConsultationComment> {
  return deps.db.transaction().execute(async (trx) => {
    const comment = await findComment(trx, commentId);
    const c = comment ? await findConsultation(trx, comment.consultationId) : null;
    if (!comment || !c) throw new DomainError(E.notFound, '意见不存在', { httpStatus: 404 });
    await requireStaff(trx, actor, c.organId);
    const d = decideConsultation(c, { verb: 'moderateComment', commentState: comment.state, decision, reason }, today(deps));
    if (!d.ok) refuse(d.reasons, d.reasons[0].code === E.verbNotAllowed ? 409 : 400);
    const at = deps.clock.now().toISOString();
    await updateComment(trx, comment.id, { state: decision === 'approve' ? 'approved' : 'rejected', moderated_by: actorUserId(actor), moderated_at: at, reject_reason: decision === 'reject' ? reason.trim() : null });
    await audit(trx, deps, actor, at, { action: `consultation.comment.${decision}`, consultationId: c.id, organId: c.organId, after: { commentId: comment.id, reason: reason.trim() || undefined } });
    return (await findComment(trx, comment.id))!;
  });
}

/** After closing: how many opinions came in (online and otherwise), which were adopted, why the others were not. */
export async function publishFeedback(deps: AppDeps, actor: Actor, consultationId: number, input: { received: number; adopted: string; notAdopted: string }, expectedVersion?: number): Promise<Consultation> {
  return deps.db.transaction().execute(async (trx) => {
    const c = await findConsultation(trx, consultationId);
    if (!c) throw new DomainError(E.notFound, '意见征集不存在', { httpStatus: 404 });
    await requireStaff(trx, actor, c.organId);
    const online = await countComments(trx, c.id);
    const command: ConsultationCommand = { verb: 'publishFeedback', received: Number(input.received), adopted: input.adopted ?? '', notAdopted: input.notAdopted ?? '', onlineComments: online };
    const d = decideConsultation(c, command, today(deps));
    if (!d.ok) refuse(d.reasons, d.reasons[0].code === E.verbNotAllowed ? 409 : 400);
    const now = deps.clock.now();
    const ok = await updateConsultation(trx, c.id, expectedVersion ?? c.version, {
      feedback_published_on: chinaDateOf(now), feedback_received: command.received, feedback_adopted: command.adopted.trim(), feedback_not_adopted: command.notAdopted.trim(), updated_at: now.toISOString(),
    });
    if (!ok) throw new DomainError(E.versionConflict, '该意见征集已被他人修改，请刷新页面后重试', { httpStatus: 409 });
    await audit(trx, deps, actor, now.toISOString(), { action: 'consultation.feedback', consultationId: c.id, organId: c.organId, after: { received: command.received, late: chinaDateOf(now) > c.feedbackDueOn } });
    return (await findConsultation(trx, c.id))!;
  });
}

export type PublicComment = { id: number; authorName: string; content: string; submittedOn: IsoDate };
export type PublicConsultation = Consultation & { phase: ConsultationPhase; comments: PublicComment[] };


/** The portal's page: an opened consultation with its approved comments (masked) and, once published, the feedback. */
export async function findPublicConsultation(deps: AppDeps, organCode: string, id: number): Promise<PublicConsultation> {
  const organ = await findOrganByCode(deps.db, organCode);
  const c = await findConsultation(deps.db, id);
  const day = today(deps);
  if (!organ || !c || c.organId !== organ.id || day < c.startOn) throw new DomainError(E.notFound, '意见征集不存在', { httpStatus: 404 });
  const comments = (await listComments(deps.db, c.id, 'approved')).map((m) => ({ id: m.id, authorName: maskPersonName(m.authorName), content: maskedForPortal(m.content, m.authorName, 'citizen'), submittedOn: m.submittedOn }));
  return { ...c, phase: consultationPhase(c, day), comments };
}

/** The portal's list per organ: opened consultations, newest first, paginated. */
export async function listPublicConsultations(deps: AppDeps, organCode: string, page = 1, pageSize = 20) {
  const organ = await findOrganByCode(deps.db, organCode);
  if (!organ || organ.kind === 'unit') throw new DomainError(E.notFound, '机关不存在', { httpStatus: 404 });
  const day = today(deps);
  const p = Math.max(1, Math.floor(page) || 1);
  const { items, total } = await listConsultations(deps.db, organ.id, { startedBy: day, limit: pageSize, offset: (p - 1) * pageSize });
  return { organ, page: p, pageSize, total, items: items.map((c) => ({ ...c, phase: consultationPhase(c, day) })) };
}

/** The back office: every consultation of the organ, and for one of them every comment with the scanner's findings. */
export async function listStaffConsultations(deps: AppDeps, actor: Actor, organId: number, page = 1, pageSize = 20) {
  await requireStaff(deps.db, actor, organId);
  const day = today(deps);
  const p = Math.max(1, Math.floor(page) || 1);
  const { items, total } = await listConsultations(deps.db, organId, { limit: pageSize, offset: (p - 1) * pageSize });
  return { page: p, pageSize, total, items: items.map((c) => ({ ...c, phase: consultationPhase(c, day) })) };
}
export async function consultationDetails(deps: AppDeps, actor: Actor, id: number) {
  const c = await findConsultation(deps.db, id);
  if (!c) throw new DomainError(E.notFound, '意见征集不存在', { httpStatus: 404 });
  await requireStaff(deps.db, actor, c.organId);
  return { ...c, phase: consultationPhase(c, today(deps)), comments: await listComments(deps.db, c.id) };
}

/** For 待办: per organ, consultations whose feedback report is past its due date. */
export async function countLateConsultationFeedback(deps: AppDeps, organIds: number[]): Promise<Map<number, number>> {
  return countLateFeedback(deps.db, organIds, today(deps));
}
