import type { PublicationStatus } from '../../catalog/index.ts';
import type { DecisionRecord } from './forced-publication.ts';

/** Who returned an item for changes, at which stage, when, and what they asked for. */
export type LatestReturn = { stageName: string; by: string; at: string; comment: string };

/**
 * What the author of a returned item (退回修改) needs first: the signed return that stands — the last
 * one — with its comment. Only while the item is returned: once resubmitted the comment belongs to
 * the history (审核记录). A return without a stage is the publisher's (发布).
 */
export function latestReturnOf(status: PublicationStatus, decisions: readonly (DecisionRecord & { stage_name: string | null })[]): LatestReturn | null {
  if (status !== 'returned') return null;
  const d = [...decisions].sort((a, b) => b.id - a.id).find((x) => x.verb === 'return_for_changes');
  return d ? { stageName: d.stage_name ?? '发布', by: d.user_label, at: d.decided_at, comment: d.comment } : null;
}
