import type { AppDeps } from '../../../platform/app-deps.ts';
import { chinaDateOf } from '../../../shared/iso-date.ts';
import { countWork } from '../../applications/index.ts';
import { countOverdueInterpretations, DEFAULT_INTERPRETATION_WORKING_DAYS, matterCoverage, type Organ } from '../../catalog/index.ts';
import { countLetterWork } from '../../interaction/index.ts';
import { latePublications, loadChain, pendingRevisionsOf, queueWaitingLabel, reviewQueue } from '../../review/index.ts';
import { judge, type InspectionFacts, type Verdict } from '../domain/verdict.ts';
import { nodeCadences, type NodeCadence } from './node-cadences.ts';

export type OrganSupervision = {
  organ: Organ;
  today: string;
  staleNodes: NodeCadence[];
  emptyNodes: NodeCadence[];
  /**
   * What stands in 待办's 全部审核中的信息 for the organ, oldest first: items in the chain (`stageName` the stage that
   * reviews), approved or scheduled, force-published awaiting 补充审核, and pending revisions (修订) of published items.
   * `waiting` says what each waits for as 待办's 当前环节 does.
   */
  pendingReviews: { id: number; title: string; stageName: string | null; waiting: string; submittedAt: string | null }[];
  latePublished: { id: number; title: string; formedOn: string; publishedOn: string | null; dueOn: string | null; unitName: string | null }[];
  applications: { dueSoon: number; overdue: number };
  letters: { dueSoon: number; overdue: number; pastThreeMonths: number };
  /** Policies published longer than the organ's working days ago without a published 政策解读 (docs/rules/proactive-disclosure.md). */
  uninterpretedPolicies: { count: number; workingDays: number };
  /** Required 事项 of the organ's standard directories (docs/standard-directories.md): how many, and those with no published item. */
  matters: { total: number; missing: MissingMatter[] };
  verdict: Verdict;
};

/** `responsible`: the responsible unit of the 事项's column, when set. */
export type MissingMatter = { id: number; name: string; nodeId: number; nodePath: string[]; timeLimit: string; responsible: { name: string } | null };

/**
 * What would fail a website inspection for each organ, and who must fix it (docs/rules/website-inspection.md):
 * stale and empty nodes with their responsible unit, items waiting in review, items published after
 * the 20-working-day limit this year, applications and letters due or overdue, the standard-directory
 * 事项 with no published item, and the verdict.
 */
export async function supervisionDashboard(
  deps: AppDeps, organs: Organ[], allOrgans: Organ[],
  /** Facts the site inspection measured (wording errors, broken links), per organ id. */
  extraFacts: Map<number, Pick<InspectionFacts, 'seriousWordingErrors' | 'brokenLinks'>> = new Map(),
): Promise<OrganSupervision[]> {
  const now = deps.clock.now();
  const today = chinaDateOf(now);
  const ids = organs.map((o) => o.id);
  const [apps, letters, queue, revisions, late, uninterpreted] = await Promise.all([
    countWork(deps, ids), countLetterWork(deps, ids), reviewQueue(deps.db, ids), pendingRevisionsOf(deps.db, ids), latePublications(deps.db, ids, `${today.slice(0, 4)}-01-01`),
    countOverdueInterpretations(deps, ids),
  ]);
  const nameOf = new Map(allOrgans.map((o) => [o.id, o.name]));
  const out: OrganSupervision[] = [];
  for (const organ of organs) {
    const [nodes, coverage] = await Promise.all([nodeCadences(deps.db, organ.id, now), matterCoverage(deps.db, organ.id)]);
    const hasChildren = new Set(nodes.map((n) => n.node.parentId).filter((id): id is number => id !== null));
    const staleNodes = nodes.filter((n) => n.freshness.state === 'stale');
    // A parent column is empty only when all its sub-columns are; count the leaves so no column counts twice.
    const emptyNodes = nodes.filter((n) => n.freshness.state === 'empty' && !hasChildren.has(n.node.id));
    const homeLastUpdatedOn = nodes.reduce<string | null>((m, n) => (n.lastUpdatedOn && (!m || n.lastUpdatedOn > m) ? n.lastUpdatedOn : m), null);
    const l = letters.get(organ.id) ?? { overdue: 0, dueSoon: 0, pastThreeMonths: 0, replyReview: 0 };
    const a = apps.get(organ.id);
    // Organs without their own chain use the default one, which has no stored stage rows.
    const chain = await loadChain(deps.db, organ.id);
    const stageName = (q: (typeof queue)[number]) => q.status !== 'in_review' ? null : q.stage_name ?? chain.stages.find((st) => st.position === q.review_stage)?.name ?? null;
    out.push({
      organ, today, staleNodes, emptyNodes,
      // As 待办 lists them (an outside tester's revision waited there, not here).
      pendingReviews: [
        ...queue.filter((q) => q.organ_id === organ.id).map((q) => ({ id: q.id, title: q.title, stageName: stageName(q), waiting: queueWaitingLabel(q.status, stageName(q)), submittedAt: q.submitted_at })),
        ...revisions.filter((r) => r.organ_id === organ.id).map((r) => ({ id: r.id, title: r.title, stageName: null, waiting: '修订待审核', submittedAt: r.proposed_at })),
      ].sort((a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? '') || a.id - b.id),
      latePublished: late.filter((p) => p.organ_id === organ.id).map((p) => ({
        id: p.id, title: p.title, formedOn: p.formed_on, publishedOn: p.published_on, dueOn: p.proactive_due_on, unitName: p.submitting_unit_id ? nameOf.get(p.submitting_unit_id) ?? null : null,
      })),
      applications: { dueSoon: a?.due_soon ?? 0, overdue: a?.overdue ?? 0 },
      letters: { dueSoon: l.dueSoon, overdue: l.overdue, pastThreeMonths: l.pastThreeMonths },
      matters: {
        total: coverage.total,
        missing: coverage.rows.filter((r) => r.items === 0).map((r) => ({ id: r.matter.id, name: r.matter.name, nodeId: r.matter.nodeId, nodePath: r.nodePath, timeLimit: r.matter.timeLimit,
          responsible: nodes.find((n) => n.node.id === r.matter.nodeId)?.responsibleUnit ?? null,
        })),
      },
      uninterpretedPolicies: { count: uninterpreted.get(organ.id)?.overdue ?? 0, workingDays: uninterpreted.get(organ.id)?.workingDays ?? DEFAULT_INTERPRETATION_WORKING_DAYS },
      verdict: judge({
        today, homeLastUpdatedOn,
        staleNewsOrPolicyColumns: staleNodes.filter((n) => n.inspectionClass === 'news' || n.inspectionClass === 'notice_policy').length,
        staleColumns: staleNodes.length,
        emptyColumns: emptyNodes.length,
        stalePolicyColumns: staleNodes.filter((n) => n.inspectionClass === 'notice_policy').length,
        lettersPastThreeMonths: l.pastThreeMonths,
        ...extraFacts.get(organ.id),
      }),
    });
  }
  return out;
}
