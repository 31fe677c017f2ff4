import type { Executor } from '../../catalog/index.ts';

/**
 * Items of these organs published on or after `fromOn` more than 20 working days after they were
 * formed (the `published_late` flag set at publication, 条例第二十六条, docs/rules/proactive-disclosure.md),
 * newest first, with the unit that submitted them (null when the organ's own staff did).
 */
export async function latePublications(db: Executor, organIds: number[], fromOn: string) {
  if (organIds.length === 0) return [];
  return db
    .selectFrom('publications')
    .select(['id', 'organ_id', 'title', 'formed_on', 'published_on', 'proactive_due_on', 'submitting_unit_id'])
    .where('organ_id', 'in', organIds)
    .where('published_late', '=', 1)
    .where('published_on', '>=', fromOn)
    .orderBy('published_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** Items of these organs still in the review chain (in review, approved or scheduled), with their formation date. */
export async function inChainWithFormation(db: Executor, organIds: number[]) {
  if (organIds.length === 0) return [];
  return db
    .selectFrom('publications')
    .select(['id', 'organ_id', 'title', 'status', 'formed_on', 'submitting_unit_id'])
    .where('organ_id', 'in', organIds)
    .where('status', 'in', ['in_review', 'approved', 'scheduled'])
    .orderBy('formed_on')
    .orderBy('id')
    .execute();
}
