/** A signed review decision as the panel reads it (review_decisions). */
export type DecisionRecord = { id: number; verb: string; stage_position: number | null; user_label: string; decided_at: string; comment: string };

/** Who did a step, when, and what they wrote. */
export type SignedStep = { by: string; at: string; comment: string };

/**
 * What the records say about an emergency publication (紧急发布): who published and why, which stages
 * of the round it cut short someone had really approved (the others were skipped), and the
 * retrospective review (补充审核), if it has been done. Read from the signed decisions only: a stage
 * nobody approved is never shown as approved. Null when the item was not force-published.
 */
export type ForcedPublication = {
  published: SignedStep;
  /** Stage position → its approval in the round that the emergency publication ended. */
  approved: Map<number, SignedStep>;
  retro: SignedStep | null;
};

const step = (d: DecisionRecord): SignedStep => ({ by: d.user_label, at: d.decided_at, comment: d.comment });

export function forcedPublicationOf(decisions: readonly DecisionRecord[]): ForcedPublication | null {
  const ordered = [...decisions].sort((a, b) => a.id - b.id);
  const forcedAt = ordered.map((d) => d.verb).lastIndexOf('force_publish');
  if (forcedAt < 0) return null;
  const approved = lastRoundApprovals(ordered.slice(0, forcedAt));
  const retro = ordered.slice(forcedAt + 1).find((d) => d.verb === 'approve_retrospectively');
  return { published: step(ordered[forcedAt]), approved, retro: retro ? step(retro) : null };
}

/**
 * Stage position → its signed approval in the last round of review among these decisions (the
 * decisions after the last 报送审核). A round that was returned or recalled approved nothing of what
 * went out, and without a submission nothing was approved.
 */
export function lastRoundApprovals(decisions: readonly DecisionRecord[]): Map<number, SignedStep> {
  const ordered = [...decisions].sort((a, b) => a.id - b.id);
  const submittedAt = ordered.map((d) => d.verb).lastIndexOf('submit');
  const round = submittedAt < 0 ? [] : ordered.slice(submittedAt + 1);
  const approved = new Map<number, SignedStep>();
  if (!round.some((d) => d.verb === 'return_for_changes' || d.verb === 'recall_submission')) {
    for (const d of round) if (d.verb === 'approve' && d.stage_position !== null) approved.set(d.stage_position, step(d));
  }
  return approved;
}
