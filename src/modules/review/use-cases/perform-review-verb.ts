import type { AppDeps } from '../../../platform/app-deps.ts';
import type { Executor } from '../../catalog/index.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { chinaDateOf } from '../../../shared/iso-date.ts';
import { joinSentences } from '../../../shared/sentences.ts';
import fs from 'node:fs/promises';
import {
  appendCatalogAudit, applyApprovedAmendment, recordAmendingDocument, attachmentPath, catalogChanged, checkPublicationReferences, findPublication, interpretationFactsOf, markPublished, organChain,
  publicationInputSchema, settleRevisionAttachments, type Publication, type PublicationInput,
} from '../../catalog/index.ts';
import { actorLabel, actorUserId, mayAuthor, rolesOn, type Actor } from '../../identity/index.ts';
import { calendarInForce, proactiveDeadline } from '../../calendar/index.ts';
import { indexPublication, rememberAttachmentText } from '../../search/index.ts';
import { REVIEW_ROLES, type ReviewRole } from '../domain/review-roles.ts';
import { decide, type Reason, type ReplacementCheck, type ReviewFacts, type ReviewVerb } from '../domain/review-workflow.ts';
import {
  clearScanJustification, decisionsFor, loadChain, loadForm, recordDecision, recordScanFindings, recordScanFindingsIfUnchanged, recordScanJustification, type FindingAcceptance, type ReviewForm, type StoredFinding,
} from '../storage/review-repository.ts';
import { editorIdsOf, reviewRowOf, writeMaskedField, writeReviewState, type MaskedColumn, type ReviewStateChanges } from '../storage/review-state-repository.ts';
import { closeRevision, findPendingRevision, returnRevisionToProposer, revisionSeenOf, savePendingRevision, writeMaskedRevisionInput, type PendingRevision } from '../storage/revisions-repository.ts';
import { carryAcceptances, readAttachmentTexts, rescanItem, sameFinding, scanPublication, scannedItemOf, type AttachmentTexts } from './scan-publication.ts';
import { FINDING_TYPE_LABELS } from '../../privacy/index.ts';
import { htmlToText } from '../domain/body-text.ts';
import { scanFactsOf } from '../domain/item-scan.ts';
import { carryIntoRevision, type AcceptanceNote } from '../domain/carried-acceptances.ts';
import { isSecrecyMarking, maskableField, maskOccurrence, whyNotMaskable, type MaskableField, type MaskCheck } from '../domain/mask-finding.ts';
import { advanceTask } from './submission-tasks.ts';
import { auditedStateOf, verbAuditEntry } from '../domain/verb-audit.ts';
import { settleValidityByDate } from './validity-by-date.ts';
import { counterpartSentence } from '../domain/named-document.ts';
import { counterpartFacts } from './counterpart-document.ts';

export type VerbInput = {
  comment?: string;
  publishAt?: string;
  withdrawReason?: string;
  withdrawNote?: string;
  replacedById?: number | null;
  /** For `mark_amended`: the 编号 of the later document that amended this one. */
  amendingId?: number | null;
  changeNote?: string;
  /** A reviewer's remark on the scan as a whole (kept on the review form); it passes no finding. */
  scanJustification?: string;
  /** A reviewer's acceptance of single blocking findings of the latest scan, each with its own reason. */
  acceptFindings?: AcceptedFinding[];
  /** For `amend`: the full new metadata and body. */
  amended?: unknown;
  expectedVersion?: number;
  /**
   * For `approve_amendment` and `return_amendment`: the revision as the page or the API showed it (`revisionSeenOf`).
   * Saved again or its files changed since, the verb is refused (ERR_REVIEW_REVISION_CHANGED); left out, the revision
   * is taken as it is read now.
   */
  revisionSeen?: string;
  /** For `apply_mask`: the finding whose suggested mask is put in place, as the review page showed it. */
  finding?: NamedFinding;
};

/** A finding as a page names it: where (field and offsets) and what it found there. */
export type NamedFinding = { source: string; start: number; end: number; text: string };
export type AcceptedFinding = NamedFinding & { reason: string };

/** Verbs after which the search index must show the item as it now is. */
const PUBLIC_VERBS: ReviewVerb[] = ['publish', 'force_publish', 'withdraw', 'repeal', 'approve_amendment', 'mark_amended'];

const GATED: ReviewVerb[] = ['submit', 'approve', 'schedule', 'publish', 'force_publish', 'amend', 'approve_amendment'];
/**
 * Verbs that pass an item's content on towards the portal: what publishing asks of a 政策解读's is asked at each. The
 * verbs the scan gates, for the same reason (one list, so the two cannot drift apart).
 */
const CONTENT_CHECKED: ReviewVerb[] = GATED;
/** Verbs on which a reviewer may record why blocking scanner findings stand. */
const JUSTIFYING: ReviewVerb[] = ['approve', 'publish', 'schedule', 'force_publish', 'approve_amendment'];

/**
 * Runs one workflow verb in one transaction: load the facts, scan when the verb is gated, ask the
 * pure `decide`, then write the new state (with an optimistic version check), the signed decision
 * and the audit entry. Refusals carry every reason (409, or 403 when only rights are missing).
 */
export async function performReviewVerb(deps: AppDeps, actor: Actor, publicationId: number, verb: ReviewVerb, input: VerbInput = {}): Promise<Publication> {
  return runReviewVerb(deps, actor, publicationId, verb, input, 'perform');
}

/**
 * Whether `verb` with `input` would be done now, asked of the same facts and the same `decide` as
 * performReviewVerb, writing nothing (the transaction is rolled back): a confirmation page (撤回,
 * 标记废止) is offered only for what its confirming POST would do, and a refusal gives every reason
 * before the officer is asked to confirm. Returns the item as it stands.
 */
export async function checkReviewVerb(deps: AppDeps, actor: Actor, publicationId: number, verb: ReviewVerb, input: VerbInput = {}): Promise<Publication> {
  return runReviewVerb(deps, actor, publicationId, verb, input, 'check');
}

/** Thrown inside the transaction once `decide` allows a checked verb: rolls back whatever was read or scanned. */
class Allowed extends Error {
  constructor(readonly item: Publication) {
    super('allowed');
  }
}

/**
 * The fresh scan a gated verb made inside its transaction, with the scan time it replaced; for 修订, which
 * acceptances of the scan before it the revision kept and which it did not (its audit entry says both).
 */
type FreshScan = { scan?: { findings: StoredFinding[]; at: string; was: string | null }; carried?: { carried: AcceptanceNote[]; notCarried: AcceptanceNote[] } };

/** Refusals the scan makes: the findings behind them must stand on the item's page. */
const SCAN_REFUSALS = ['ERR_REVIEW_SCAN_BLOCKED', 'ERR_REVIEW_SECRECY_MARKING'];

async function runReviewVerb(deps: AppDeps, actor: Actor, publicationId: number, verb: ReviewVerb, input: VerbInput, mode: 'perform' | 'check'): Promise<Publication> {
  const fresh: FreshScan = {};
  try {
    return await runInTransaction(deps, actor, publicationId, verb, input, mode, fresh);
  } catch (e) {
    if (e instanceof Allowed) return e.item;
    // A verb the scan refused writes nothing of its own (a revision stays pending), but the scan that
    // refused it stays the item's latest, without the acceptances the refused verb named: the page then
    // shows what stopped it — a file a revision added after it was saved, unreadable — for a reviewer
    // to mask, accept or return (an outside tester's 修订审核通过 was refused over a finding no page showed).
    if (mode === 'perform' && fresh.scan && e instanceof DomainError && e.reasons.some((r) => SCAN_REFUSALS.includes(r.code))) {
      const { findings, at, was } = fresh.scan;
      await recordScanFindingsIfUnchanged(deps.db, publicationId, findings, at, was);
    }
    throw e;
  }
}

async function runInTransaction(deps: AppDeps, actor: Actor, publicationId: number, verb: ReviewVerb, input: VerbInput, mode: 'perform' | 'check', fresh: FreshScan = {}): Promise<Publication> {
  // Attachments are read before the transaction: a slow file must not hold the database (issue 10).
  const preread = GATED.includes(verb) || verb === 'apply_mask' ? await readAttachmentTexts(deps, publicationId) : undefined;
  // The search index takes the same texts (an unreadable file is simply not searchable).
  for (const [key, read] of preread ?? []) rememberAttachmentText(key, 'text' in read ? read.text : '');
  // Files a decided revision let go are deleted once the decision is committed.
  const filesToDelete: string[] = [];
  /** 退回修订: the published version's scan as the revision found it, whose acceptances its rescan takes back. */
  let publishedFindings: StoredFinding[] | null = null;
  const result = await deps.db.transaction().execute(async (trx) => {
    const p = await findPublication(trx, publicationId);
    if (!p) throw new DomainError('ERR_CATALOG_PUBLICATION_NOT_FOUND', '信息不存在', { httpStatus: 404 });
    if (input.expectedVersion !== undefined && input.expectedVersion !== p.version) {
      throw new DomainError('ERR_CATALOG_VERSION_CONFLICT', '该信息已被他人处理，请刷新后重试', { httpStatus: 409 });
    }
    const now = deps.clock.now();
    const state = await readReviewState(trx, actor, p, verb, input);
    const { row, amended } = state;
    // Only the organ's staff act on its items (a role on it or above it, or on the submitting unit).
    if (actor.kind === 'user' && rolesOn(actor.principal, state.roleChain).size === 0) {
      throw new DomainError('ERR_AUTH_FORBIDDEN', '您没有处理该机关信息的权限', { httpStatus: 403 });
    }
    const form = await recordJustificationAndScan(trx, deps, actor, p, verb, input, state, preread, fresh);
    // On a published item the mask goes into the pending revision's text, which its latest scan is of; the live version is untouched.
    const revisionText = verb === 'apply_mask' && p.status === 'published' && state.pending ? publicationInputSchema.parse(state.pending.input) : null;
    const mask = verb === 'apply_mask' ? maskPlan(revisionText ?? p, form, input.finding) : null;
    const facts = reviewFactsOf(actor, p, input, state, form, now, await replacementCheck(trx, p, verb, input), mask?.check);
    // A 政策解读's content as this verb would pass it on (a 修订's: the revision's), for the rule publishing asks.
    if (CONTENT_CHECKED.includes(verb)) facts.interpretation = await interpretationFactsOf(trx, p, state.amended);
    // 标记已修改 and 废止: the document named must be able to amend or replace this one.
    Object.assign(facts.input, await counterpartFacts(trx, p, verb, input));
    const d = decide(verb, facts);
    if (!d.ok) throw refusal(d.reasons);
    if (mode === 'check') throw new Allowed(p);

    const at = now.toISOString();
    const bump = { updated_at: at, version: p.version + 1 };
    let result: Publication;
    /** The row as the verb's own writes left it, where a later write of the system follows in the same transaction. */
    let ownAfter: Awaited<ReturnType<typeof reviewRowOf>> | null = null;
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
        // The entry records the publication; a lapse it brings is the system's entry (publication.lapse).
        ownAfter = await reviewRowOf(trx, p.id);
        // Already past its 有效期至: 已失效 at once, not at the lapse job's next run (docs/adr/0027).
        if (await settleValidityByDate(trx, deps, p.id)) result = (await findPublication(trx, p.id))!;
        break;
      }
      case 'amend': {
        // The published version stays live; the amendment waits for a reviewer (先审查后公开).
        await checkPublicationReferences(trx, deps.dialect, actor, p.organId, amended!, p.id, p);
        const saved = await savePendingRevision(trx, p.id, {
          input: amended!, changeNote: input.changeNote!.trim(), basedOnVersion: p.version, proposedBy: actorUserId(actor), proposedByLabel: actorLabel(actor), at,
          // The published version's scan, which the revision's now replaces on the form: 退回修订 gives its acceptances back.
          publishedFindings: state.form?.scanFindings ?? null,
        });
        // Approved, withdrawn or changed by another request after this one read it: refused, never written on a closed revision and lost.
        if (saved === false) throw await revisionDecidedMeanwhile(trx, verb, facts, p.id, state.pending);
        result = p;
        break;
      }
      case 'approve_amendment': {
        const revision = state.pending!;
        // Validity changes only through 废止 (repeal); an amendment keeps it.
        await checkPublicationReferences(trx, deps.dialect, actor, p.organId, amended!, p.id, p);
        await applyApprovedAmendment(trx, p, amended!, { changeNote: revision.changeNote, proposedBy: revision.proposedBy, at });
        // The revision as read, if still pending: one another request decided meanwhile is refused, and nothing is written.
        if (!(await closeRevision(trx, revision, { status: 'approved', decidedBy: actorUserId(actor), at, comment: input.comment?.trim() ?? '' }))) throw await revisionDecidedMeanwhile(trx, verb, facts, p.id, revision);
        filesToDelete.push(...await settleRevisionAttachments(trx, p.id, 'approved'));
        // The entry records the approval's own change; a lapse it brings is the system's entry (publication.lapse).
        ownAfter = await reviewRowOf(trx, p.id);
        // A 有效期至 moved into the past lapses the item; moved later or cleared, one it had lapsed is 有效 again (docs/adr/0027).
        await settleValidityByDate(trx, deps, p.id);
        result = (await findPublication(trx, p.id))!;
        break;
      }
      case 'apply_mask': {
        const { field, column, value } = mask!.write!;
        if (revisionText && state.pending) {
          // In the revision: its text changes and is scanned again as 修订 scans it (the reviewer's acceptances kept).
          const after = { ...state.pending.input, [field]: value };
          if (!(await writeMaskedRevisionInput(trx, state.pending.id, state.pending.input, after))) throw conflict();
          await recordScanFindings(trx, p.id, carryAcceptances(form?.scanFindings ?? [], await scanPublication(trx, deps, scannedItemOf(p, publicationInputSchema.parse(after)), preread)), at);
          result = p;
          break;
        }
        // One occurrence, where the scan found it, becomes its suggestion; the item is scanned again.
        if (!(await writeMaskedField(trx, p.id, p.version, column, value, at))) throw conflict();
        result = (await findPublication(trx, p.id))!;
        await recordScanFindings(trx, p.id, carryAcceptances(form?.scanFindings ?? [], await scanPublication(trx, deps, result, preread)), at);
        break;
      }
      case 'return_amendment': {
        // Back to its proposer, kept: text, 修订说明, files and its own scan stay; the published version is untouched (ADR 0051).
        const revision = state.pending!;
        if (!(await returnRevisionToProposer(trx, revision, { by: actorUserId(actor), byLabel: actorLabel(actor), at, comment: input.comment!.trim() }))) throw await revisionDecidedMeanwhile(trx, verb, facts, p.id, revision);
        result = p;
        break;
      }
      case 'withdraw_amendment': {
        // Its proposer discards it: its files go, and the published version's scan is the item's latest again.
        const revision = state.pending!;
        publishedFindings = revision.publishedFindings;
        // Claimed before its files go: sent twice at once, the second finds it gone and is refused (409), not done again.
        if (!(await closeRevision(trx, revision, { status: 'returned', decidedBy: actorUserId(actor), at, comment: input.comment?.trim() ?? '' }))) throw await revisionDecidedMeanwhile(trx, verb, facts, p.id, revision);
        filesToDelete.push(...await settleRevisionAttachments(trx, p.id, 'returned'));
        result = p;
        break;
      }
      default: {
        const changes: ReviewStateChanges = { ...bump };
        if (verb === 'submit') {
          Object.assign(changes, {
            status: d.next, review_stage: d.nextStage, submitted_by: actorUserId(actor), submitted_at: at,
            review_chain_json: JSON.stringify({ stages: facts.chain, publisherRole: facts.publisherRole }),
          });
          // A new round: earlier justifications spoke of earlier text.
          await clearScanJustification(trx, p.id);
          // An item fulfils its submission task's period once: a resubmission after a return or a
          // recall (撤回报送) does not move the task on again.
          if (row.task_id && !(await decisionsFor(trx, p.id)).some((x) => x.verb === 'submit')) await advanceTask(trx, row.task_id, chinaDateOf(now));
        }
        if (verb === 'approve' || verb === 'return_for_changes') Object.assign(changes, { status: d.next, review_stage: d.nextStage, ...(verb === 'return_for_changes' ? { scheduled_at: null } : {}) });
        if (verb === 'schedule') Object.assign(changes, { status: d.next, scheduled_at: new Date(input.publishAt!).toISOString() });
        if (verb === 'unschedule') Object.assign(changes, { status: d.next, scheduled_at: null });
        if (verb === 'approve_retrospectively') Object.assign(changes, { retro_approved_by: actorUserId(actor) });
        if (verb === 'withdraw') Object.assign(changes, { status: d.next, withdrawn_reason: input.withdrawReason ?? null, withdrawn_note: input.withdrawNote?.trim() ?? '', withdrawn_at: at });
        // A repeal is the organ's act: no later change of the 有效期至 undoes it (lapsed_by_date, docs/adr/0027).
        if (verb === 'repeal') Object.assign(changes, { validity: 'repealed', replaced_by_id: input.replacedById ?? null, repealed_on: chinaDateOf(now), lapsed_by_date: 0 });
        if (verb === 'mark_amended') {
          // The link is written with the validity; the content version below keeps no page showing the old one.
          await recordAmendingDocument(trx, p, input.amendingId!, chinaDateOf(now), actorUserId(actor));
          Object.assign(changes, { validity: 'amended' });
        }
        if (verb === 'recall_submission') Object.assign(changes, { status: d.next, review_stage: null, review_chain_json: null, scheduled_at: null });
        if (!(await writeReviewState(trx, p.id, p.version, changes))) throw conflict();
        result = (await findPublication(trx, p.id))!;
      }
    }
    // What the public can find changes with the status, in the same transaction (docs/search.md).
    if (PUBLIC_VERBS.includes(verb)) {
      await indexPublication(trx, deps, p.id);
      await catalogChanged(trx, p.organId, at);
    }
    // 标记已修改 and 废止 name the other document by title and 文号 (the 保密审查表 prints the sign-off).
    const counterpart = verb === 'mark_amended' || verb === 'repeal' ? counterpartSentence(verb, await findPublication(trx, (verb === 'mark_amended' ? input.amendingId : input.replacedById) ?? 0)) : null;
    await recordDecision(trx, {
      publicationId: p.id, publicationVersion: p.version, verb, stagePosition: verb === 'approve' || verb === 'return_for_changes' ? row.review_stage : null,
      stageName: d.stageName, role: d.role, comment: mask?.finding ? maskComment(mask.finding) : decisionComment(verb, input, acceptedNow(form?.scanFindings, input), counterpart), userId: actorUserId(actor), userLabel: actorLabel(actor), at,
    });
    const content = verb === 'approve_amendment';
    await appendCatalogAudit(trx, deps, actor, at, {
      // 紧急发布 is recorded as a publication (publication.publish, route force_published), as an import's is (publish-imported.ts).
      action: `publication.${verb === 'force_publish' ? 'publish' : verb}`, entityType: 'publication', entityId: p.id, organId: p.organId,
      ...verbAuditEntry(auditedStateOf(row), auditedStateOf(ownAfter ?? await reviewRowOf(trx, p.id)), {
        comment: decisionComment(verb, input, [], counterpart) || null,
        ...(content ? { content: { before: { title: p.title, bodyHtml: p.bodyHtml, summary: p.summary }, after: { title: result.title, bodyHtml: result.bodyHtml, summary: result.summary } } } : {}),
        after: {
          // 标记已修改: the later document that amended it (the link itself is kept by the catalog).
          ...(verb === 'mark_amended' ? { amendingId: input.amendingId } : {}),
          // Which finding was masked, and into what; never the personal data it covered.
          ...(mask?.finding ? { masked: { source: mask.finding.source, type: mask.finding.type, start: mask.finding.start, end: mask.finding.end, suggestion: mask.finding.suggestion } } : {}),
          ...(verb === 'amend' ? { proposed: { title: amended!.title, summary: amended!.summary, bodyHtml: amended!.bodyHtml } } : {}),
          // 修订: the acceptances the revision kept (who gave them, when) and those it did not, by the finding's masked form.
          ...(verb === 'amend' && fresh.carried ? { carriedAcceptances: fresh.carried.carried, acceptancesNotCarried: fresh.carried.notCarried } : {}),
        },
      }),
    });
    return result;
  });
  for (const key of filesToDelete) await fs.rm(attachmentPath(deps.dataDir, key), { force: true });
  // The revision's scan was the item's latest: once it is withdrawn, the latest describes the published
  // version again (its page showed findings of files the return deleted). An approval needs none: its
  // own scan was of the revision, which is now what is published.
  // A returned revision keeps its own scan (ADR 0051): its proposer sees what to change.
  if (verb === 'withdraw_amendment') await rescanItem(deps, publicationId, publishedFindings ?? undefined);
  return result;
}

type ReviewState = Awaited<ReturnType<typeof readReviewState>>;

/** What the workflow needs to know about an item, read only: its row, chain, revision, authors and form. */
async function readReviewState(trx: Executor, actor: Actor, p: Publication, verb: ReviewVerb | null, input: VerbInput) {
  const row = await reviewRowOf(trx, p.id);
  // Items in review keep the chain they were submitted into.
  const chain = row.review_chain_json && ['in_review', 'approved', 'scheduled'].includes(p.status)
    ? (JSON.parse(row.review_chain_json) as Awaited<ReturnType<typeof loadChain>>)
    : await loadChain(trx, p.organId);
  const roleChain = await organChain(trx, row.submitting_unit_id ?? p.organId);
  const pending = p.status === 'published' ? await findPendingRevision(trx, p.id) : null;
  let amended: PublicationInput | null = null;
  if (verb === 'amend') amended = publicationInputSchema.parse(input.amended ?? {});
  // The revision under review is what its reviewer scans and approves.
  if (verb === 'approve_amendment' && pending) amended = publicationInputSchema.parse(pending.input);
  // Everyone who wrote the item: its creator, its submitters, and whoever edited it, its attachments or its form.
  const authorUserIds = [...new Set([p.createdBy, row.submitted_by, ...await editorIdsOf(trx, p.id)].filter((id): id is number => id !== null))];
  const decisions = await decisionsFor(trx, p.id);
  const lastSubmit = decisions.map((x) => x.verb).lastIndexOf('submit');
  const approverIdsThisRound = decisions.slice(lastSubmit + 1).filter((x) => x.verb === 'approve' && x.user_id !== null).map((x) => x.user_id!);
  return { row, chain, roleChain, pending, amended, authorUserIds, approverIdsThisRound, form: await loadForm(trx, p.id), actorRoles: actor.kind === 'user' ? rolesOn(actor.principal, roleChain) : null };
}

/**
 * The writes a deciding verb makes on the review form before it is decided: a reviewer's reason why
 * blocking findings may stand (only a reviewer or the publisher — never an author — and only while
 * deciding), and a fresh scan of what is about to be submitted, approved or published.
 */
async function recordJustificationAndScan(
  trx: Executor, deps: AppDeps, actor: Actor, p: Publication, verb: ReviewVerb, input: VerbInput, state: ReviewState, preread?: AttachmentTexts, fresh: FreshScan = {},
): Promise<ReviewForm | null> {
  const at = deps.clock.now().toISOString();
  let form = state.form;
  const justification = input.scanJustification?.trim() ?? '';
  const accepting = JUSTIFYING.includes(verb) ? (input.acceptFindings ?? []).filter((a) => a.reason?.trim()) : [];
  if ((justification || accepting.length) && form && JUSTIFYING.includes(verb)) {
    if (actor.kind === 'user' && state.authorUserIds.includes(actor.principal.userId)) {
      throw refusal([{ code: 'ERR_REVIEW_SELF_APPROVAL', message: '对扫描结果的说明须由审核人填写，起草人不能自行说明' }]);
    }
  }
  if (justification && form && JUSTIFYING.includes(verb)) {
    await recordScanJustification(trx, p.id, justification, at);
    form = { ...form, scanJustification: justification };
  }
  if (GATED.includes(verb) && form) {
    const scanned = await scanPublication(trx, deps, scannedItemOf(p, state.amended), preread);
    // A new round (报送审核) starts with nothing accepted; a new text (修订) keeps the acceptances of the
    // findings it leaves as the reviewer saw them (carryIntoRevision); later scans of the same text keep
    // what reviewers accepted, finding by finding.
    let kept = scanned;
    if (verb === 'amend') {
      // From the published version's scan: a rework takes back what its earlier version lost (kept on the revision, migration 086).
      const r = carryIntoRevision(state.pending?.publishedFindings ?? form.scanFindings, scanned, at);
      kept = r.findings;
      fresh.carried = { carried: r.carried, notCarried: r.notCarried };
    } else if (verb !== 'submit') kept = carryAcceptances(form.scanFindings, scanned);
    fresh.scan = { findings: kept, at, was: state.form?.scannedAt ?? null };
    const findings = accept(kept, accepting, { byUserId: actorUserId(actor), byLabel: actorLabel(actor), at });
    await recordScanFindings(trx, p.id, findings, at);
    form = { ...form, scanFindings: findings, scannedAt: at };
  }
  return form;
}

/** The reviewer's acceptances put on the findings they name: blocking ones only, never a 密级标志. */
function accept(findings: StoredFinding[], accepting: AcceptedFinding[], by: Omit<FindingAcceptance, 'reason'>): StoredFinding[] {
  return findings.map((f) => {
    const a = accepting.find((x) => sameFinding(x, f));
    return a && f.severity === 'block' && !isSecrecyMarking(f) ? { ...f, accepted: { ...by, reason: a.reason.trim() } } : f;
  });
}

/** For 废止 with a replacement: what the given number names (NaN: what was typed is not a number). */
async function replacementCheck(trx: Executor, p: Publication, verb: ReviewVerb | null, input: VerbInput): Promise<ReplacementCheck | null> {
  if (verb !== 'repeal' || input.replacedById === null || input.replacedById === undefined) return null;
  if (!Number.isSafeInteger(input.replacedById) || input.replacedById <= 0) return 'not_a_number';
  if (input.replacedById === p.id) return 'itself';
  const r = await findPublication(trx, input.replacedById);
  return r && r.status === 'published' ? 'published' : 'missing';
}

/** Everything `decide` needs, from what was read: the item, its chain, the actor and the latest scan. */
function reviewFactsOf(
  actor: Actor, p: Publication, input: VerbInput, state: ReviewState, form: ReviewForm | null, now: Date, replacement: ReplacementCheck | null, mask?: MaskCheck,
): ReviewFacts {
  const { row, chain, pending, amended } = state;
  const held = state.actorRoles ?? new Set<string>();
  const roles: ReviewFacts['actor']['roles'] =
    actor.kind === 'system' ? new Set(REVIEW_ROLES) : new Set([...held].filter((r) => r !== 'editor') as (ReviewRole | 'system_admin')[]);
  return {
    status: p.status, reviewStage: row.review_stage, chain: chain.stages, publisherRole: chain.publisherRole,
    authorUserIds: state.authorUserIds, approverIdsThisRound: state.approverIdsThisRound, submittedBy: row.submitted_by,
    revision: revisionFactsOf(pending, input.revisionSeen), formedOn: amended?.formedOn ?? p.formedOn, todayOn: chinaDateOf(now),
    actor: { userId: actorUserId(actor), system: actor.kind === 'system', roles, mayDraft: actor.kind === 'user' && mayAuthor(actor.principal, state.roleChain) },
    form: form ? { secrecyLevel: form.secrecyLevel, avoidanceNote: form.avoidanceNote } : null,
    scan: scanFactsOf(form?.scanFindings ?? []),
    disclosureMode: (amended?.disclosureMode ?? p.disclosureMode) as ReviewFacts['disclosureMode'], validity: p.validity, itemKind: p.itemKind,
    forcePublished: row.force_published === 1, retroApproved: row.retro_approved_by !== null, forcePublishedBy: row.force_published === 1 ? row.published_by : null,
    nowAt: now.toISOString(), input: { ...input, replacement, ...(mask ? { mask } : {}) },
  };
}

/**
 * The facts of an item as it stands, for pages that show what a person may do next (no verb is
 * being performed: nothing is written and nothing refused here).
 */
export async function loadReviewFacts(trx: Executor, deps: AppDeps, actor: Actor, p: Publication) {
  const state = await readReviewState(trx, actor, p, null, {});
  return { facts: reviewFactsOf(actor, p, {}, state, state.form, deps.clock.now(), null), row: state.row, pending: state.pending };
}

/**
 * The pending revision of a published item as its organ's staff read it over the API, with the `revisionSeen` that
 * 修订审核通过 and 退回修订 send back; none waiting: 404 ERR_REVIEW_NO_REVISION.
 */
export async function readPendingRevision(deps: AppDeps, actor: Actor, publicationId: number): Promise<PendingRevision & { revisionSeen: string }> {
  const p = await findPublication(deps.db, publicationId);
  if (!p) throw new DomainError('ERR_CATALOG_PUBLICATION_NOT_FOUND', '信息不存在', { httpStatus: 404 });
  const state = await readReviewState(deps.db, actor, p, null, {});
  if (actor.kind === 'user' && rolesOn(actor.principal, state.roleChain).size === 0) {
    throw new DomainError('ERR_AUTH_FORBIDDEN', '您没有处理该机关信息的权限', { httpStatus: 403 });
  }
  if (!state.pending) throw new DomainError('ERR_REVIEW_NO_REVISION', '没有等待审核或退回的修订', { httpStatus: 404 });
  return { ...state.pending, revisionSeen: revisionSeenOf(state.pending) };
}

const MASKED_COLUMNS: Record<MaskableField, MaskedColumn> = { title: 'title', summary: 'summary', bodyHtml: 'body_html', source: 'source' };

/**
 * What 应用建议遮盖 would write, or why it cannot: the named finding must be in the latest scan
 * (whose suggestion is used — a page never says what to write), its text still at its offsets, and
 * its field one that can be masked in place. Nothing is written when any of this fails.
 */
function maskPlan(
  p: Pick<Publication, MaskableField>, form: ReviewForm | null, named: NamedFinding | undefined,
): { check: MaskCheck; finding?: StoredFinding; write?: { field: MaskableField; column: MaskedColumn; value: string } } {
  if (!named) return { check: 'not_found' };
  const field = maskableField(named.source);
  const finding = form?.scanFindings.find((f) => f.source === named.source && f.start === named.start && f.end === named.end && f.text === named.text);
  if (!finding) {
    // Not in the latest scan: the text moved or changed under it, or it was never a finding.
    const current = field === null ? null : field === 'bodyHtml' ? htmlToText(p.bodyHtml) : p[field];
    return { check: current !== null && current.slice(named.start, named.end) !== named.text ? 'text_changed' : 'not_found' };
  }
  if (whyNotMaskable(finding) !== null || field === null) return { check: 'not_maskable', finding };
  const r = maskOccurrence(p[field], field === 'bodyHtml' ? 'html' : 'plain', finding);
  return r.ok ? { check: 'in_place', finding, write: { field, column: MASKED_COLUMNS[field], value: r.value } } : { check: r.check, finding };
}

/** The signed decision of a mask: which finding, where, and what now stands there (not what it covered). */
const maskComment = (f: StoredFinding) =>
  `按扫描建议遮盖${f.source}中的${(FINDING_TYPE_LABELS as Record<string, string>)[f.type] ?? f.type}（第 ${f.start + 1}–${f.end} 字），改为“${f.suggestion}”`;

/** What the signed decision records as said: the comment, the change or withdrawal note, the justification of findings. */
function decisionComment(verb: ReviewVerb, input: VerbInput, accepted?: StoredFinding[], counterpart?: string | null): string {
  const parts = [input.comment, verb === 'amend' ? input.changeNote : null, counterpart ?? null, verb === 'withdraw' ? input.withdrawNote : null];
  if (input.scanJustification?.trim() && JUSTIFYING.includes(verb)) parts.push(`对扫描结果的说明：${input.scanJustification.trim()}`);
  // Each accepted finding by its masked form (never the personal data itself) and its reason.
  for (const a of accepted ?? []) parts.push(`接受${a.source}中的${(FINDING_TYPE_LABELS as Record<string, string>)[a.type] ?? a.type}“${a.suggestion}”：${a.accepted!.reason}`);
  // 「同意。」 then the justification reads 「同意。对扫描结果的说明…」, not 「同意。；…」.
  return joinSentences(parts);
}

export function refusal(reasons: Reason[]): DomainError {
  const rightsOnly = reasons.every((r) => ['ERR_REVIEW_NOT_YOUR_STAGE', 'ERR_REVIEW_NOT_PUBLISHER', 'ERR_REVIEW_NOT_EDITOR', 'ERR_REVIEW_NOT_SUBMITTER', 'ERR_REVIEW_NOT_PROPOSER'].includes(r.code));
  return new DomainError('ERR_REVIEW_REFUSED', `操作未能完成：${reasons.map((r) => r.message).join('；')}`, { httpStatus: rightsOnly ? 403 : 409, reasons });
}

/** The findings this very decision accepted (the ones it named, now accepted with the reason it gave). */
const acceptedNow = (findings: StoredFinding[] | undefined, input: VerbInput) =>
  (findings ?? []).filter((f) => f.accepted && (input.acceptFindings ?? []).some((a) => sameFinding(a, f) && a.reason?.trim() === f.accepted!.reason));

const conflict = () => new DomainError('ERR_CATALOG_VERSION_CONFLICT', '该信息已被他人处理，请刷新后重试', { httpStatus: 409 });

/**
 * A revision verb whose revision another request approved, returned or withdrew after this one read it (撤回修订 sent
 * twice at once): refused as `decide` refuses it with the revision as it now stands, never done twice.
 */
async function revisionDecidedMeanwhile(trx: Executor, verb: ReviewVerb, facts: ReviewFacts, publicationId: number, read: PendingRevision | null): Promise<DomainError> {
  // Saved again meanwhile: another version than the one this request read (and the one its sender saw).
  const d = decide(verb, { ...facts, revision: revisionFactsOf(await findPendingRevision(trx, publicationId), read ? revisionSeenOf(read) : undefined) });
  return d.ok ? conflict() : refusal(d.reasons);
}

/** The revision's facts; `seen` (a page's or the API's `revisionSeen`) tells whether it changed since it was shown. */
const revisionFactsOf = (pending: PendingRevision | null, seen?: string): ReviewFacts['revision'] =>
  pending ? { proposedBy: pending.proposedBy, authorIds: pending.authorIds, returned: pending.returned !== null, changedSinceSeen: seen !== undefined && seen !== revisionSeenOf(pending) } : null;
