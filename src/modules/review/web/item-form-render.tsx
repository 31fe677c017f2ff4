import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { sendPage } from '../../../platform/views/render.ts';
import { chinaDateOf } from '../../../shared/iso-date.ts';
import {
  findPublication, interpretationLinks, interpretationPublishRefusals, interpretationTitleFor, latestDocumentNumber, listAttachments,
  listCatalogNodes, listDirectoryMatters, policyCandidatesFor, type StaffContext,
} from '../../catalog/index.ts';
import { actorOf } from '../../identity/index.ts';
import { findSubmissionTask } from '../storage/submission-tasks-repository.ts';
import { reviewOverview } from '../use-cases/review-overview.ts';
import { notFound } from './item-form-fields.ts';
import { PublicationFormPage, policyIdsOf, publicationFormValues, revisionFormValues, type PublicationFormValues } from './publication-form-page.tsx';

/**
 * The item's page (a new item's form, or an item's: content, attachments and the review panel) with
 * what it shows read for it: the values given (as typed, when a form comes back) or the item as stored,
 * its pending revision, or a new item's starting values from the address (?task, ?node, ?matter,
 * ?interprets). Every route of the item editor answers with it when it does not redirect.
 */
export function itemFormRenderer(deps: AppDeps) {
  const { db } = deps;

  return async function renderPublicationForm(request: FastifyRequest, reply: FastifyReply, scope: StaffContext, publicationId: number | null, organCode: string, initialValues: PublicationFormValues | null, errors: Record<string, string>, status = 200, conflict = false) {
    let values = initialValues;
    const publication = publicationId ? await findPublication(db, publicationId) : null;
    // Every path that re-renders the form (a refused upload, a failed save) shows only an item the
    // person may edit: another organ's draft is "not found", never shown (test/security/).
    if (publicationId && (!publication || !scope.staffOf.some((o) => o.id === publication.organId))) throw notFound('信息');
    const organ = publication ? scope.organs.find((o) => o.id === publication.organId)! : await scope.organ(organCode);
    const nodes = await listCatalogNodes(db, organ.id);
    const matters = await listDirectoryMatters(db, organ.id);
    const attachments = publication ? await listAttachments(db, publication.id, 'all') : [];
    const review = publication ? await reviewOverview(deps, actorOf(request, 'web'), publication.id) : null;
    const taskId = Number((request.query as { task?: string }).task ?? (values as Record<string, unknown> | null)?.taskId) || null;
    if (!publication && taskId && !values) {
      const task = await findSubmissionTask(db, taskId);
      if (task?.node_id) values = { formedOn: chinaDateOf(deps.clock.now()), formedOnDefault: chinaDateOf(deps.clock.now()), disclosureMode: 'proactive', disclosurePeriod: 'long_term', audience: 'public', validity: 'valid', nodeIds: [String(task.node_id)] };
    }
    // From the supervision views: a new item for a node that is stale or empty (?node=), or for a
    // standard-directory 事项 with nothing published yet (?matter=: its node, 事项 and 五公开 stage).
    // No 五公开 stage is chosen for the officer (a preselected one was filed unread), unless the 事项 gives it;
    // nor a 文件类型 (a preselected 其他 kept a 规范性文件 out of the 年报's second part).
    const today = chinaDateOf(deps.clock.now());
    const fresh: PublicationFormValues = { formedOn: today, formedOnDefault: today, disclosureMode: 'proactive', disclosurePeriod: 'long_term', audience: 'public', validity: 'valid' };
    const wantedMatter = matters.find((m) => m.id === Number((request.query as { matter?: string }).matter));
    const wantedNode = nodes.find((n) => n.id === Number((request.query as { node?: string }).node));
    if (!publication && !values && wantedMatter) values = { ...fresh, stage: wantedMatter.stage, nodeIds: [String(wantedMatter.nodeId)], matterId: String(wantedMatter.id) };
    else if (!publication && !values && wantedNode) values = { ...fresh, nodeIds: [String(wantedNode.id)] };
    // 为本文件撰写政策解读 (from a policy's page or the list of policies waiting for one): a new
    // interpretation of that policy, placed in the organ's 政策解读 node, with a title to start from.
    const interpretsId = Number((request.query as { interprets?: string }).interprets) || null;
    if (!publication && interpretsId && !values) {
      const policy = await findPublication(db, interpretsId);
      const visible = !!policy && policy.status !== 'withdrawn' && (policy.status === 'published' || scope.staffOf.some((o) => o.id === policy.organId));
      if (policy && visible) {
        values = {
          formedOn: chinaDateOf(deps.clock.now()), formedOnDefault: chinaDateOf(deps.clock.now()), stage: 'decision', disclosureMode: 'proactive', disclosurePeriod: 'long_term', audience: 'public', validity: 'valid',
          // A 政策解读 explains a policy; it is not itself a 规章 or 规范性文件.
          docType: 'other',
          itemKind: 'interpretation', interpretationForm: 'text', policyIds: [String(policy.id)], title: interpretationTitleFor(policy.title), genre: '解读',
          subject: policy.subject, keywords: [...policy.keywords.slice(0, 2), '政策解读'].join(' '), consultPhone: policy.consultPhone ?? '',
          nodeIds: nodes.filter((n) => n.name.trim() === '政策解读').map((n) => String(n.id)),
        };
      }
    }
    // A published item with an amendment under review shows the amendment (the published text is on the portal).
    const formValues = values ?? (review?.revision ? revisionFormValues(review.revision.input, review.revision.changeNote, publication!) : publication ? publicationFormValues(publication) : fresh);
    const [candidates, links, missing, documentNumberExample] = await Promise.all([
      // The policies the form names are listed (ticked, with their titles) even when older than the newest few.
      policyCandidatesFor(db, organ, scope.mayDraft(organ), policyIdsOf(formValues.policyIds)),
      publication ? interpretationLinks(db, publication.id, scope.staffOf.map((o) => o.id)) : Promise.resolve(null),
      publication && publication.itemKind === 'interpretation' && publication.status !== 'published' ? interpretationPublishRefusals(db, publication) : Promise.resolve([]),
      // The 文号 hint's example is the organ's own latest 文号, not another county's.
      latestDocumentNumber(db, organ.id),
    ]);
    return sendPage(reply, (
      <PublicationFormPage
        scope={scope} organ={organ} nodes={nodes} values={formValues} errors={errors} publication={publication} attachments={attachments} review={review} taskId={taskId}
        interpretation={{ candidates, links, missing }} matters={matters} conflict={conflict} documentNumberExample={documentNumberExample}
      />
    ), status);
  };
}

export type RenderItemForm = ReturnType<typeof itemFormRenderer>;
