import type { Db } from '../../../platform/db/connect.ts';
import { latestReturnOf } from '../domain/latest-return.ts';

/**
 * Items waiting in review for any of the given organs, oldest submission first, with the
 * current stage and the number of blocking scanner findings (so a reviewer sees risk at a glance).
 */
export async function reviewQueue(db: Db, organIds: number[]) {
  if (organIds.length === 0) return [];
  const queue = () => db
    .selectFrom('publications as p')
    .innerJoin('organs as o', 'o.id', 'p.organ_id')
    .leftJoin('review_chain_stages as s', (j) => j.onRef('s.organ_id', '=', 'p.organ_id').onRef('s.position', '=', 'p.review_stage'))
    .leftJoin('review_forms as f', 'f.publication_id', 'p.id')
    .select([
      'p.id as id', 'p.title', 'p.status', 'p.review_stage', 'p.submitted_at as submitted_at', 'p.submitted_by', 'p.submitting_unit_id', 'p.organ_id', 'o.name as organ_name',
      's.name as stage_name', 's.role as stage_role', 'f.scan_findings_json', 'f.scan_justification', 'p.published_by', 'p.created_by',
    ])
    .where('p.organ_id', 'in', organIds);
  // In review, approved or scheduled — and force-published items still waiting for 补充审核. Two
  // questions, each answered by its own index (the second by migration 042's partial one): asked as
  // one with OR, both databases read every published item of the organs for the second part.
  const rows = await queue().where('p.status', 'in', ['in_review', 'approved', 'scheduled'])
    .unionAll(queue().where('p.status', '=', 'published').where('p.force_published', '=', 1).where('p.retro_approved_by', 'is', null))
    .orderBy('submitted_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...r, ...findingCounts(r.scan_findings_json) }));
}

/** How many findings the item's last scan recorded, and how many of them block and are not accepted. */
function findingCounts(json: string | null) {
  const findings = json ? (JSON.parse(json) as { severity: string; accepted?: unknown }[]) : [];
  return { findingsCount: findings.length, blockingCount: findings.filter((f) => f.severity === 'block' && !f.accepted).length };
}

/**
 * The pending revisions (修订) of published items of the given organs, oldest first: the item as published, who proposed
 * the revision and when, everyone who wrote it, and the findings of the item's last scan (a revision is scanned when saved). Read by the partial index of pending revisions (migration 013).
 */
export async function pendingRevisionsOf(db: Db, organIds: number[]) {
  if (organIds.length === 0) return [];
  const rows = await db.selectFrom('publication_revisions as r')
    .innerJoin('publications as p', 'p.id', 'r.publication_id')
    .innerJoin('organs as o', 'o.id', 'p.organ_id')
    .leftJoin('review_forms as f', 'f.publication_id', 'p.id')
    .select(['p.id as id', 'p.title', 'p.organ_id', 'p.submitting_unit_id', 'o.name as organ_name', 'r.proposed_at', 'r.proposed_by', 'r.author_ids', 'f.scan_findings_json'])
    .where('r.status', '=', 'pending')
    // A revision returned to its proposer waits on them, not on a reviewer (ADR 0051).
    .where('r.returned_at', 'is', null)
    .where('p.organ_id', 'in', organIds)
    .orderBy('r.proposed_at')
    .orderBy('p.id')
    .execute();
  return rows.map(({ author_ids, scan_findings_json, ...r }) => ({ ...r, authorIds: JSON.parse(author_ids) as number[], ...findingCounts(scan_findings_json) }));
}

/**
 * Items returned for changes to the person who submitted them, oldest change first, each with the return that stands (who, when, why);
 * then the revisions of published items returned to their proposer (退回修订, ADR 0051), the return named 修订审核.
 */
export async function returnedTo(db: Db, userId: number) {
  const items = await db.selectFrom('publications').select(['id', 'title']).where('status', '=', 'returned').where('submitted_by', '=', userId).orderBy('updated_at').execute();
  const returns = items.length === 0 ? [] : await db.selectFrom('review_decisions').select(['id', 'publication_id', 'verb', 'stage_position', 'stage_name', 'user_label', 'decided_at', 'comment'])
    .where('publication_id', 'in', items.map((i) => i.id)).where('verb', '=', 'return_for_changes').execute();
  return [
    ...items.map((i) => ({ ...i, lastReturn: latestReturnOf('returned', returns.filter((d) => d.publication_id === i.id)) })),
    ...await revisionsReturnedTo(db, userId),
  ];
}

/** The revisions returned to their proposer (退回修订 keeps them, ADR 0051), oldest return first, with who returned each, when and why. */
async function revisionsReturnedTo(db: Db, userId: number) {
  const rows = await db.selectFrom('publication_revisions as r').innerJoin('publications as p', 'p.id', 'r.publication_id')
    .select(['p.id as id', 'p.title', 'r.returned_at', 'r.returned_by_label', 'r.return_comment'])
    .where('r.status', '=', 'pending').where('r.returned_at', 'is not', null).where('r.proposed_by', '=', userId)
    .orderBy('r.returned_at').orderBy('p.id').execute();
  return rows.map((r) => ({
    id: r.id, title: `${r.title}（修订）`,
    lastReturn: { stageName: '修订审核', by: r.returned_by_label ?? '', at: r.returned_at!, comment: r.return_comment ?? '' },
  }));
}

/** Items scheduled to publish at or before `nowAt`, the earliest first. */
export async function scheduledDue(db: Db, nowAt: string) {
  return db.selectFrom('publications').select(['id', 'organ_id', 'scheduled_at', 'title']).where('status', '=', 'scheduled').where('scheduled_at', '<=', nowAt).orderBy('scheduled_at').execute();
}
