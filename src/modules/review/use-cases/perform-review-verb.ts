import type { AppDeps } from '../../../platform/app-deps.ts';
import type { Executor } from '../../catalog/index.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { chinaDateOf } from '../../../shared/iso-date.ts';
import fs from 'node:fs/promises';
import {
  appendCatalogAudit, attachmentPath, checkPublicationReferences, findOrganById, findPublication, markPublished, organChain, publicationInputColumns,
  publicationInputSchema, settleRevisionAttachments, type Publication,
} from '../../catalog/index.ts';
import { actorLabel, actorUserId, rolesOn, type Actor } from '../../identity/index.ts';
import { calendarInForce, proactiveDeadline } from '../../calendar/index.ts';
import { indexPublication, rememberAttachmentText } from '../../search/index.ts';
import { REVIEW_ROLES, type ReviewRole } from '../domain/review-roles.ts';
import { decide, type Reason, type ReviewFacts, type ReviewVerb } from '../domain/review-workflow.ts';
import { decisionsFor, loadChain, loadForm } from '../storage/review-repository.ts';
import { closeRevision, findPendingRevision, savePendingRevision } from '../storage/revisions-repository.ts';
import { readAttachmentTexts, scanPublication, type AttachmentTexts } from './scan-publication.ts';
import { advanceTask } from './submission-tasks.ts';

export type VerbInput = {
  comment?: string;
  publishAt?: string;
  withdrawReason?: string;
  withdrawNote?: string;
  replacedById?: number | null;
  changeNote?: string;
  /** A reviewer's reason why blocking scanner findings may stand (kept on the review form). */
  scanJustification?: string;
  /** For `amend`: the full new metadata and body. */
  amended?: unknown;
  expectedVersion?: number;
};

/** Verbs after which the search index must show the item as it now is. */
const PUBLIC_VERBS: ReviewVerb[] = ['publish', 'force_publish', 'withdraw', 'repeal', 'approve_amendment'];

const GATED: ReviewVerb[] = ['submit', 'approve', 'schedule', 'publish', 'force_publish', 'amend', 'approve_amendment'];
/** Verbs on which a reviewer may record why blocking scanner findings stand. */
const JUSTIFYING: ReviewVerb[] = ['approve', 'publish', 'schedule', 'force_publish', 'approve_amendment'];

/**
 * Runs one workflow verb in one transaction: load the facts, scan when the verb is gated, ask the
 * pure `decide`, then write the new state (with an optimistic version check), the signed decision
 * and the audit entry. Refusals carry every reason (409, or 403 when only rights are missing).
 */
export async function performReviewVerb(deps: AppDeps, actor: Actor, publicationId: number, verb: ReviewVerb, input: VerbInput = {}): Promise<Publication> {
  // Attachments are read before the transaction: a slow file must not hold the database (issue 10).
  const preread = GATED.includes(verb) ? await readAttachmentTexts(deps, publicationId) : undefined;
  // The search index takes the same texts (an unreadable file is simply not searchable).
  for (const [key, read] of preread ?? []) rememberAttachmentText(key, 'text' in read ? read.text : '');
  // Files a decided revision let go are deleted once the decision is committed.
  const filesToDelete: string[] = [];
  const result = await deps.db.transaction().execute(async (trx) => {
    const p = await findPublication(trx, publicationId);
    if (!p) throw new DomainError('ERR_CATALOG_PUBLICATION_NOT_FOUND', '信息不存在', { httpStatus: 404 });
    if (input.expectedVersion !== undefined && input.expectedVersion !== p.version) {
      throw new DomainError('ERR_CATALOG_VERSION_CONFLICT', '该信息已被他人处理，请刷新后重试', { httpStatus: 409 });
    }
    const { facts, row, amended } = await loadReviewFacts(trx, deps, actor, p, verb, input, preread);
    const now = deps.clock.now();
    const d = decide(verb, facts);
    if (!d.ok) throw refusal(d.reasons);

    const at = now.toISOString();
    const bump = { updated_at: at, version: p.version + 1 };
    const guarded = () => trx.updateTable('publications').where('id', '=', p.id).where('version', '=', p.version);
    let result: Publication;
    switch (verb) {
      case 'publish':
      case 'force_publish': {
        const publishedOn = chinaDateOf(now);
        // 条例第二十六条: within 20 working days of formation, on the calendar in force (with the
        // years an administrator entered); late items are flagged and counted.
        const due = proactiveDeadline(p.formedOn, await calendarInForce(trx)).dueOn;
        result = await markPublished(trx, deps, actor, p, {
          route: verb === 'publish' ? (p.status === 'scheduled' ? 'review_chain_scheduled' : 'review_chain') : 'force_published',
          publishedOn,
          proactive: { dueOn: due, late: publishedOn > due },
          ...(verb === 'force_publish' ? { forced: { reason: input.comment!.trim() } } : {}),
        });
        break;
      }
      case 'amend': {
        // The published version stays live; the amendment waits for a reviewer (先审查后公开).
        await checkPublicationReferences(trx, p.organId, amended!, p.id);
        await savePendingRevision(trx, p.id, {
          input: amended!, changeNote: input.changeNote!.trim(), basedOnVersion: p.version, proposedBy: actorUserId(actor), proposedByLabel: actorLabel(actor), at,
        });
        result = p;
        break;
      }
      case 'approve_amendment': {
        const revision = (await findPendingRevision(trx, p.id))!;
        const organ = (await findOrganById(trx, p.organId))!;
        const { nodeIds: _n, viewCount: _v, ...snapshot } = p;
        await trx.insertInto('publication_versions').values({
          publication_id: p.id, version_no: p.version, change_note: revision.changeNote, snapshot_json: JSON.stringify(snapshot),
          created_by: revision.proposedBy, created_at: at,
        }).execute();
        // Validity changes only through 废止 (repeal); an amendment keeps it.
        await checkPublicationReferences(trx, p.organId, amended!, p.id);
        const { validity: _validity, replaced_by_id: _replacedBy, ...content } = publicationInputColumns(amended!, organ.name);
        const res = await guarded().set({ ...content, ...bump }).executeTakeFirst();
        if (Number(res.numUpdatedRows) !== 1) throw conflict();
        await trx.deleteFrom('publication_placements').where('publication_id', '=', p.id).execute();
        await trx.insertInto('publication_placements').values(amended!.nodeIds.map((node_id) => ({ publication_id: p.id, node_id }))).execute();
        filesToDelete.push(...await settleRevisionAttachments(trx, p.id, 'approved'));
        await closeRevision(trx, revision.id, { status: 'approved', decidedBy: actorUserId(actor), at, comment: input.comment?.trim() ?? '' });
        result = (await findPublication(trx, p.id))!;
        break;
      }
      case 'return_amendment': {
        const revision = (await findPendingRevision(trx, p.id))!;
        filesToDelete.push(...await settleRevisionAttachments(trx, p.id, 'returned'));
        await closeRevision(trx, revision.id, { status: 'returned', decidedBy: actorUserId(actor), at, comment: input.comment?.trim() ?? '' });
        result = p;
        break;
      }
      default: {
        const changes: Record<string, unknown> = { ...bump };
        if (verb === 'submit') {
          Object.assign(changes, {
            status: d.next, review_stage: d.nextStage, submitted_by: actorUserId(actor), submitted_at: at,
            review_chain_json: JSON.stringify({ stages: facts.chain, publisherRole: facts.publisherRole }),
          });
          // A new round: earlier justifications spoke of earlier text.
          await trx.updateTable('review_forms').set({ scan_justification: '' }).where('publication_id', '=', p.id).execute();
          // An item fulfils its submission task's period once: a resubmission after a return or a
          // recall (撤回报送) does not move the task on again.
          if (row.task_id && !(await decisionsFor(trx, p.id)).some((x) => x.verb === 'submit')) await advanceTask(trx, row.task_id, chinaDateOf(now));
        }
        if (verb === 'approve' || verb === 'return_for_changes') Object.assign(changes, { status: d.next, review_stage: d.nextStage, ...(verb === 'return_for_changes' ? { scheduled_at: null } : {}) });
        if (verb === 'schedule') Object.assign(changes, { status: d.next, scheduled_at: new Date(input.publishAt!).toISOString() });
        if (verb === 'unschedule') Object.assign(changes, { status: d.next, scheduled_at: null });
        if (verb === 'approve_retrospectively') Object.assign(changes, { retro_approved_by: actorUserId(actor) });
        if (verb === 'withdraw') Object.assign(changes, { status: d.next, withdrawn_reason: input.withdrawReason, withdrawn_note: input.withdrawNote?.trim() ?? '', withdrawn_at: at });
        if (verb === 'repeal') Object.assign(changes, { validity: 'repealed', replaced_by_id: input.replacedById ?? null, repealed_on: chinaDateOf(now) });
        if (verb === 'recall_submission') Object.assign(changes, { status: d.next, review_stage: null, review_chain_json: null, scheduled_at: null });
        const res = await guarded().set(changes).executeTakeFirst();
        if (Number(res.numUpdatedRows) !== 1) throw conflict();
        result = (await findPublication(trx, p.id))!;
      }
    }
    // What the public can find changes with the status, in the same transaction (docs/search.md).
    if (PUBLIC_VERBS.includes(verb)) await indexPublication(trx, deps, p.id);
    await trx.insertInto('review_decisions').values({
      publication_id: p.id, publication_version: p.version, verb, stage_position: verb === 'approve' || verb === 'return_for_changes' ? row.review_stage : null,
      stage_name: d.stageName, role: d.role, comment: decisionComment(verb, input), user_id: actorUserId(actor),
      user_label: actorLabel(actor), decided_at: at,
    }).execute();
    if (verb !== 'publish' && verb !== 'force_publish') {
      const content = verb === 'approve_amendment';
      await appendCatalogAudit(trx, deps, actor, at, {
        action: `publication.${verb}`, entityType: 'publication', entityId: p.id, organId: p.organId,
        before: content ? { status: p.status, version: p.version, title: p.title, bodyHtml: p.bodyHtml, summary: p.summary } : { status: p.status, reviewStage: row.review_stage, version: p.version },
        after: {
          status: result.status, version: result.version, comment: decisionComment(verb, input) || null,
          ...(content ? { title: result.title, bodyHtml: result.bodyHtml, summary: result.summary } : {}),
          ...(verb === 'amend' ? { proposed: { title: amended!.title, summary: amended!.summary, bodyHtml: amended!.bodyHtml } } : {}),
        },
      });
    }
    return result;
  });
  for (const key of filesToDelete) await fs.rm(attachmentPath(deps.dataDir, key), { force: true });
  return result;
}

/** Everything `decide` needs about an item, its organ's chain, the actor and the latest scan. */
export async function loadReviewFacts(trx: Executor, deps: AppDeps, actor: Actor, p: Publication, verb: ReviewVerb | null, input: VerbInput, preread?: AttachmentTexts) {
    const row = await trx.selectFrom('publications').selectAll().where('id', '=', p.id).executeTakeFirstOrThrow();
    // Items in review keep the chain they were submitted into.
    const chain = row.review_chain_json && ['in_review', 'approved', 'scheduled'].includes(p.status)
      ? (JSON.parse(row.review_chain_json) as Awaited<ReturnType<typeof loadChain>>)
      : await loadChain(trx, p.organId);
    const roleChain = await organChain(trx, row.submitting_unit_id ?? p.organId);
    const roles: ReviewFacts['actor']['roles'] =
      actor.kind === 'system' ? new Set(REVIEW_ROLES) : new Set([...rolesOn(actor.principal, roleChain)].filter((r) => r !== 'editor') as (ReviewRole | 'system_admin')[]);
    if (verb !== null && actor.kind === 'user' && rolesOn(actor.principal, roleChain).size === 0) {
      throw new DomainError('ERR_AUTH_FORBIDDEN', '您没有处理该机关信息的权限', { httpStatus: 403 });
    }
    const now = deps.clock.now();

    const pending = p.status === 'published' ? await findPendingRevision(trx, p.id) : null;
    let amended: ReturnType<typeof publicationInputSchema.parse> | null = null;
    if (verb === 'amend') amended = publicationInputSchema.parse(input.amended ?? {});
    // The revision under review is what its reviewer scans and approves.
    if (verb === 'approve_amendment' && pending) amended = publicationInputSchema.parse(pending.input);

    const authorUserIds = await authorsOf(trx, p, row.submitted_by);
    const approverIdsThisRound = await approversThisRound(trx, p.id);
    let form = await loadForm(trx, p.id);
    // Only a reviewer or the publisher — never an author — may record why blocking findings stand,
    // and only while deciding; a new submission starts without one (see the submit effect).
    const justification = input.scanJustification?.trim() ?? '';
    if (justification && form && verb !== null && JUSTIFYING.includes(verb)) {
      if (actor.kind === 'user' && authorUserIds.includes(actor.principal.userId)) {
        throw refusal([{ code: 'ERR_REVIEW_SELF_APPROVAL', message: '对扫描结果的说明须由审核人填写，起草人不能自行说明' }]);
      }
      await trx.updateTable('review_forms').set({ scan_justification: justification, updated_at: now.toISOString() }).where('publication_id', '=', p.id).execute();
      form = { ...form, scanJustification: justification };
    }
    if (verb !== null && GATED.includes(verb) && form) {
      const findings = await scanPublication(trx, deps, amended
        ? { id: p.id, organId: p.organId, title: amended.title, summary: amended.summary, bodyHtml: amended.bodyHtml, keywords: amended.keywords, source: amended.source, documentNumber: amended.documentNumber || null, publishingOrganName: amended.publishingOrganName || p.publishingOrganName }
        : p, preread);
      await trx.updateTable('review_forms').set({ scan_findings_json: JSON.stringify(findings), scanned_at: now.toISOString(), updated_at: now.toISOString() }).where('publication_id', '=', p.id).execute();
      form = { ...form, scanFindings: findings, scannedAt: now.toISOString() };
    }
    let replacementPublished: boolean | null = null;
    if (verb === 'repeal' && input.replacedById) {
      const r = await findPublication(trx, input.replacedById);
      replacementPublished = !!r && r.status === 'published' && r.id !== p.id;
    }
    const facts: ReviewFacts = {
      status: p.status, reviewStage: row.review_stage, chain: chain.stages, publisherRole: chain.publisherRole,
      authorUserIds, approverIdsThisRound, submittedBy: row.submitted_by,
      revision: pending ? { proposedBy: pending.proposedBy, authorIds: pending.authorIds } : null, formedOn: amended?.formedOn ?? p.formedOn, todayOn: chinaDateOf(now),
      actor: { userId: actorUserId(actor), system: actor.kind === 'system', roles, mayDraft: actor.kind === 'user' && ['editor', 'system_admin'].some((r) => rolesOn(actor.principal, roleChain).has(r as never)) },
      form: form ? { secrecyLevel: form.secrecyLevel, avoidanceNote: form.avoidanceNote } : null,
      scan: { blocking: form ? form.scanFindings.filter((f) => f.severity === 'block').length : 0, justification: form?.scanJustification ?? '' },
      disclosureMode: (amended?.disclosureMode ?? p.disclosureMode) as ReviewFacts['disclosureMode'], validity: p.validity,
      forcePublished: row.force_published === 1, retroApproved: row.retro_approved_by !== null, forcePublishedBy: row.force_published === 1 ? row.published_by : null,
      nowAt: now.toISOString(), input: { ...input, replacementPublished },
    };
  return { facts, row, amended, pending };
}

/** Everyone who wrote the item: its creator, its submitters, and whoever edited it, its attachments or its form. */
async function authorsOf(trx: Executor, p: Publication, submittedBy: number | null): Promise<number[]> {
  const rows = await trx
    .selectFrom('audit_events')
    .select('actor_user_id')
    .distinct()
    .where('entity_type', '=', 'publication')
    .where('entity_id', '=', String(p.id))
    .where('action', 'in', ['publication.create', 'publication.update', 'publication.submit', 'attachment.add', 'attachment.remove', 'review_form.fill'])
    .execute();
  return [...new Set([p.createdBy, submittedBy, ...rows.map((r) => r.actor_user_id)].filter((id): id is number => id !== null))];
}

async function approversThisRound(trx: Executor, publicationId: number): Promise<number[]> {
  const decisions = await trx.selectFrom('review_decisions').select(['id', 'verb', 'user_id']).where('publication_id', '=', publicationId).orderBy('id').execute();
  const lastSubmit = decisions.map((d) => d.verb).lastIndexOf('submit');
  return decisions.slice(lastSubmit + 1).filter((d) => d.verb === 'approve' && d.user_id !== null).map((d) => d.user_id!);
}

/** What the signed decision records as said: the comment, the change or withdrawal note, the justification of findings. */
function decisionComment(verb: ReviewVerb, input: VerbInput): string {
  const parts = [input.comment, verb === 'amend' ? input.changeNote : null, verb === 'withdraw' ? input.withdrawNote : null]
    .map((x) => x?.trim()).filter(Boolean) as string[];
  if (input.scanJustification?.trim() && JUSTIFYING.includes(verb)) parts.push(`对扫描结果的说明：${input.scanJustification.trim()}`);
  return parts.join('；');
}

export function refusal(reasons: Reason[]): DomainError {
  const rightsOnly = reasons.every((r) => ['ERR_REVIEW_NOT_YOUR_STAGE', 'ERR_REVIEW_NOT_PUBLISHER', 'ERR_REVIEW_NOT_EDITOR', 'ERR_REVIEW_NOT_SUBMITTER'].includes(r.code));
  return new DomainError('ERR_REVIEW_REFUSED', `操作未能完成：${reasons.map((r) => r.message).join('；')}`, { httpStatus: rightsOnly ? 403 : 409, reasons });
}

const conflict = () => new DomainError('ERR_CATALOG_VERSION_CONFLICT', '该信息已被他人处理，请刷新后重试', { httpStatus: 409 });
