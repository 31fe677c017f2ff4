import type { AppDeps } from '../../../platform/app-deps.ts';
import { findPublication } from '../../catalog/index.ts';
import type { Actor } from '../../identity/index.ts';
import { decide, REVIEW_VERBS, type Reason, type ReviewVerb } from '../domain/review-workflow.ts';
import { decisionsFor, loadChain, loadForm, versionsFor } from '../storage/review-repository.ts';
import { loadReviewFacts } from './perform-review-verb.ts';

/**
 * What the review panel shows one person: the chain and where the item is in it, the form, the
 * latest findings, every signed decision, versions, and which verbs this person may use now (with
 * the reasons for those refused only by the item's state of review, so they know what is missing).
 */
export async function reviewOverview(deps: AppDeps, actor: Actor, publicationId: number) {
  return deps.db.transaction().execute(async (trx) => {
    const p = (await findPublication(trx, publicationId))!;
    const { facts, row } = await loadReviewFacts(trx, deps, actor, p, null, {});
    const allowed: ReviewVerb[] = [];
    const blocked: Partial<Record<ReviewVerb, Reason[]>> = {};
    // Evaluate each verb as if the person had filled in what the verb asks for.
    const permissiveInput = { comment: '意见', publishAt: new Date(deps.clock.now().getTime() + 3600_000).toISOString(), withdrawReason: 'other', changeNote: '说明', replacementPublished: true };
    for (const verb of REVIEW_VERBS) {
      const d = decide(verb, { ...facts, input: permissiveInput });
      if (d.ok) allowed.push(verb);
      else if (!d.reasons.some((r) => ['ERR_REVIEW_WRONG_STATE', 'ERR_REVIEW_NOT_YOUR_STAGE', 'ERR_REVIEW_NOT_PUBLISHER', 'ERR_REVIEW_NOTHING_TO_APPROVE'].includes(r.code))) blocked[verb] = d.reasons;
    }
    const chain = await loadChain(trx, p.organId);
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
      decisions: await decisionsFor(trx, p.id),
      versions: await versionsFor(trx, p.id),
      allowed,
      blocked,
    };
  });
}

export type ReviewOverview = Awaited<ReturnType<typeof reviewOverview>>;
