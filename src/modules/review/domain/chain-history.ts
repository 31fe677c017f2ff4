import type { PublicationStatus } from '../../catalog/index.ts';
import { lastRoundApprovals, type DecisionRecord, type SignedStep } from './forced-publication.ts';
import type { ChainStage } from './review-roles.ts';

/**
 * What the 审核流程 box shows of an item reviewed through its chain, read from its status and its
 * signed decisions: each stage (approved — by whom and when —, waiting, returned, or not started),
 * the publication, and what happened to the item after it (amendments approved, 废止, 撤回). Every
 * status has its own case, so a status added to the workflow fails to compile here until someone
 * says what its chain shows — none falls through to 未开始.
 */
export type StageState =
  /** Approved in the round that stands, by whom and when. */
  | { kind: 'approved'; signed: SignedStep }
  /** Reached the end of its chain (approved, scheduled, published) but no signed approval of this stage is recorded. */
  | { kind: 'unsigned' }
  /** Approved in a round that was then returned: the text goes through the stage again when resubmitted. */
  | { kind: 'approved_then_returned'; signed: SignedStep }
  /** The stage that returned the item for changes. */
  | { kind: 'returned'; signed: SignedStep }
  /** The stage the item is waiting at. */
  | { kind: 'pending' }
  | { kind: 'not_started' };

export type PublicationState =
  | { kind: 'not_published' }
  /** The publisher returned an approved or scheduled item for changes. */
  | { kind: 'returned'; signed: SignedStep }
  | { kind: 'scheduled'; at: string | null }
  /** Published on `on`; `signed` is the publication's decision, when one is recorded. */
  | { kind: 'published'; on: string | null; signed: SignedStep | null };

/** What happened to a published item, in order: the chain box lists these after the publication. */
export type LaterEvent =
  | { kind: 'amendment_approved'; signed: SignedStep; changeNote: string }
  | { kind: 'repealed'; on: string | null; signed: SignedStep | null; replacedBy: { id: number; title: string | null } | null }
  | { kind: 'withdrawn'; at: string | null; signed: SignedStep | null; reason: string | null; note: string };

export type ChainHistory = { stages: { stage: ChainStage; state: StageState }[]; publication: PublicationState };

const step = (d: DecisionRecord): SignedStep => ({ by: d.user_label, at: d.decided_at, comment: d.comment });

export type ChainFacts = {
  status: PublicationStatus;
  stages: readonly ChainStage[];
  /** The stage an item in review waits at. */
  reviewStage: number | null;
  scheduledAt: string | null;
  publishedOn: string | null;
  decisions: readonly DecisionRecord[];
};

export function chainHistoryOf(f: ChainFacts): ChainHistory {
  const ordered = [...f.decisions].sort((a, b) => a.id - b.id);
  const approved = lastRoundApprovals(ordered);
  const stages = [...f.stages].sort((a, b) => a.position - b.position);
  const each = (state: (s: ChainStage) => StageState) => stages.map((stage) => ({ stage, state: state(stage) }));
  // Passed the whole chain: every stage shows its signed approval, or that none is recorded.
  const passed = (s: ChainStage): StageState => {
    const signed = approved.get(s.position);
    return signed ? { kind: 'approved', signed } : { kind: 'unsigned' };
  };
  const published = (): PublicationState => {
    const d = [...ordered].reverse().find((x) => x.verb === 'publish');
    return { kind: 'published', on: f.publishedOn, signed: d ? step(d) : null };
  };
  switch (f.status) {
    case 'draft':
      return { stages: each(() => ({ kind: 'not_started' })), publication: { kind: 'not_published' } };
    case 'in_review':
      return {
        stages: each((s) => {
          const signed = approved.get(s.position);
          return signed ? { kind: 'approved', signed } : s.position === f.reviewStage ? { kind: 'pending' } : { kind: 'not_started' };
        }),
        publication: { kind: 'not_published' },
      };
    case 'returned': {
      const submittedAt = ordered.map((d) => d.verb).lastIndexOf('submit');
      const round = submittedAt < 0 ? [] : ordered.slice(submittedAt + 1);
      const ret = [...round].reverse().find((d) => d.verb === 'return_for_changes');
      const returnedAt = ret?.stage_position ?? null;
      return {
        stages: each((s) => {
          const a = round.find((d) => d.verb === 'approve' && d.stage_position === s.position);
          if (ret && returnedAt === s.position) return { kind: 'returned', signed: step(ret) };
          return a ? { kind: 'approved_then_returned', signed: step(a) } : { kind: 'not_started' };
        }),
        // Returned by the publisher (no stage): the 发布 line says so.
        publication: ret && returnedAt === null ? { kind: 'returned', signed: step(ret) } : { kind: 'not_published' },
      };
    }
    case 'approved':
      return { stages: each(passed), publication: { kind: 'not_published' } };
    case 'scheduled':
      return { stages: each(passed), publication: { kind: 'scheduled', at: f.scheduledAt } };
    case 'published':
    case 'withdrawn':
      return { stages: each(passed), publication: published() };
    default: {
      const unknown: never = f.status;
      throw new Error(`审核流程未定义状态 ${String(unknown)} 的显示`);
    }
  }
}

export type LaterFacts = {
  status: PublicationStatus;
  decisions: readonly DecisionRecord[];
  validity: string;
  repealedOn: string | null;
  replacedBy: { id: number; title: string | null } | null;
  withdrawnAt: string | null;
  withdrawnReason: string | null;
  withdrawnNote: string | null;
};

/**
 * What happened to an item after its publication, however it was published (the chain, 紧急发布, an
 * import): each approved amendment with its change note, its 废止 (and what replaced it) and its 撤回
 * (when, by whom, the coded reason and the note). A repeal or withdrawal that no signed decision
 * records (imported history) is still shown, without a signer.
 */
export function laterEventsOf(f: LaterFacts): LaterEvent[] {
  const ordered = [...f.decisions].sort((a, b) => a.id - b.id);
  const events: LaterEvent[] = [];
  let changeNote = '';
  let repealed = false;
  for (const d of ordered) {
    if (d.verb === 'amend') changeNote = d.comment;
    else if (d.verb === 'approve_amendment') {
      events.push({ kind: 'amendment_approved', signed: step(d), changeNote });
      changeNote = '';
    } else if (d.verb === 'repeal' && f.validity === 'repealed' && !repealed) {
      repealed = true;
      events.push({ kind: 'repealed', on: f.repealedOn, signed: step(d), replacedBy: f.replacedBy });
    }
  }
  if (f.validity === 'repealed' && !repealed) events.push({ kind: 'repealed', on: f.repealedOn, signed: null, replacedBy: f.replacedBy });
  if (f.status === 'withdrawn') {
    const d = [...ordered].reverse().find((x) => x.verb === 'withdraw');
    events.push({ kind: 'withdrawn', at: d?.decided_at ?? f.withdrawnAt, signed: d ? step(d) : null, reason: f.withdrawnReason, note: f.withdrawnNote ?? '' });
  }
  return events;
}
