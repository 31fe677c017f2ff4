import type { AppDeps } from '../../../platform/app-deps.ts';
import {
  DISCLOSURE_MODE_LABELS, DOC_TYPE_LABELS, findPublication, importRecordOf, listAttachments, listCatalogNodes, publicationInputSchema, STAGE_LABELS, validityLinksOf, type Publication,
} from '../../catalog/index.ts';
import { revisionChanges, type FieldChange } from '../domain/revision-changes.ts';
import type { PendingRevision } from '../storage/revisions-repository.ts';
import { htmlToText } from './scan-publication.ts';
import type { Actor } from '../../identity/index.ts';
import { decide, REVIEW_VERBS, type Reason, type ReviewVerb } from '../domain/review-workflow.ts';
import { forcedPublicationOf } from '../domain/forced-publication.ts';
import { importedPublicationOf } from '../domain/imported-publication.ts';
import { chainHistoryOf, laterEventsOf } from '../domain/chain-history.ts';
import { latestReturnOf } from '../domain/latest-return.ts';
import { decisionsFor, loadChain, loadForm, versionsFor } from '../storage/review-repository.ts';
import { loadReviewFacts } from './perform-review-verb.ts';

/**
 * What the review panel shows one person: the chain and where the item is in it, the form, the
 * latest findings, every signed decision, versions, and which verbs this person may use now (with
 * the reasons for those refused only by the item's state of review, so they know what is missing),
 * and the item's import, if it came in by one.
 */
export async function reviewOverview(deps: AppDeps, actor: Actor, publicationId: number) {
  return deps.db.transaction().execute(async (trx) => {
    const p = (await findPublication(trx, publicationId))!;
    const { facts, row, pending } = await loadReviewFacts(trx, deps, actor, p);
    const allowed: ReviewVerb[] = [];
    const blocked: Partial<Record<ReviewVerb, Reason[]>> = {};
    // Evaluate each verb as if the person had filled in what the verb asks for.
    const permissiveInput = { comment: '意见', publishAt: new Date(deps.clock.now().getTime() + 3600_000).toISOString(), withdrawReason: 'other', changeNote: '说明', withdrawNote: '说明', replacement: 'published' as const, amendingId: 1 };
    for (const verb of REVIEW_VERBS) {
      const d = decide(verb, { ...facts, input: permissiveInput });
      if (d.ok) allowed.push(verb);
      else if (!d.reasons.some((r) => [
        'ERR_REVIEW_WRONG_STATE', 'ERR_REVIEW_NOT_YOUR_STAGE', 'ERR_REVIEW_NOT_PUBLISHER', 'ERR_REVIEW_NOTHING_TO_APPROVE', 'ERR_REVIEW_NOT_EDITOR',
        'ERR_REVIEW_NOT_SUBMITTER', 'ERR_REVIEW_NO_REVISION',
      ].includes(r.code))) blocked[verb] = d.reasons;
    }
    // The chain the item was submitted into, as long as it keeps it (the decisions name its stages);
    // the organ's chain as it now is for an item never submitted.
    const chain = row.review_chain_json
      ? { ...(JSON.parse(row.review_chain_json) as Awaited<ReturnType<typeof loadChain>>), configured: true }
      : await loadChain(trx, p.organId);
    let revision: (PendingRevision & { changes: FieldChange[] }) | null = null;
    if (pending) {
      const proposed = publicationInputSchema.parse(pending.input);
      const nodes = new Map((await listCatalogNodes(trx, p.organId)).map((n) => [String(n.id), n.name]));
      const comparable = (x: Publication | typeof proposed) => ({
        ...x, documentNumber: x.documentNumber || null, publishingOrganName: x.publishingOrganName || p.publishingOrganName, bodyText: htmlToText(x.bodyHtml), consultPhone: x.consultPhone || null,
      });
      const labelOf = (field: string, v: string) =>
        field === 'stage' ? (STAGE_LABELS as Record<string, string>)[v] ?? v
          : field === 'disclosureMode' ? (DISCLOSURE_MODE_LABELS as Record<string, string>)[v] ?? v
            : field === 'docType' ? (DOC_TYPE_LABELS as Record<string, string>)[v] ?? v
              : field === 'nodeIds' ? v.split(' ').map((id) => nodes.get(id) ?? id).join('、') : v;
      revision = { ...pending, changes: revisionChanges(comparable(p), comparable(proposed), labelOf) };
    }
    const decisions = await decisionsFor(trx, p.id);
    const replacement = p.replacedById === null ? null : await findPublication(trx, p.replacedById);
    return {
      publication: p,
      reviewStage: row.review_stage,
      submittedBy: row.submitted_by,
      scheduledAt: row.scheduled_at,
      forcePublished: row.force_published === 1,
      forceReason: row.force_reason,
      retroApproved: row.retro_approved_by !== null,
      withdrawnReason: row.withdrawn_reason,
      publishedLate: row.published_late === 1,
      proactiveDueOn: row.proactive_due_on,
      chain,
      form: await loadForm(trx, p.id),
      decisions,
      /** For a force-published item: who published it and why, the stages really approved before, and 补充审核. */
      forced: row.force_published === 1 ? forcedPublicationOf(decisions) : null,
      /** For an item a content import published (route system_import): the stages approved here, normally none. */
      importPublished: importedPublicationOf(p.publishRoute, decisions),
      /** How the item came in, when a content import brought it (the start of its history). */
      imported: await importRecordOf(trx, p.id),
      /** The chain as the status and the signed decisions tell it (stages, publication), whatever the status. */
      history: chainHistoryOf({ status: p.status, stages: chain.stages, reviewStage: row.review_stage, scheduledAt: row.scheduled_at, publishedOn: p.publishedOn, decisions }),
      /** For a returned item: who returned it, at which stage, when and why — told to its author at the top of the page. */
      lastReturn: latestReturnOf(p.status, decisions),
      /** After the publication: approved amendments, 废止 (with its replacement), 撤回. */
      later: laterEventsOf({
        status: p.status, decisions, validity: p.validity, repealedOn: row.repealed_on,
        replacedBy: p.replacedById === null ? null : { id: p.replacedById, title: replacement?.title ?? null },
        withdrawnAt: row.withdrawn_at, withdrawnReason: row.withdrawn_reason, withdrawnNote: row.withdrawn_note,
      }),
      versions: await versionsFor(trx, p.id),
      /** The documents recorded as having amended it (ADR 0026), withdrawn ones too: the portal names only the published. */
      amendedBy: (await validityLinksOf(trx, p.id)).amendedBy,
      allowed,
      blocked,
      /** The amendment waiting for review, with what it changes, and the files it adds or removes. */
      revision,
      /**
       * The body the latest scan read, where its body findings' offsets point: a pending revision's (修订 and
       * every change of its files scan it), else the item's own.
       */
      scannedBodyHtml: pending ? publicationInputSchema.parse(pending.input).bodyHtml : p.bodyHtml,
      revisionAttachments: pending ? (await listAttachments(trx, p.id, 'all')).filter((a) => a.revisionState !== null || a.pendingTitle !== undefined) : [],
    };
  });
}

export type ReviewOverview = Awaited<ReturnType<typeof reviewOverview>>;
