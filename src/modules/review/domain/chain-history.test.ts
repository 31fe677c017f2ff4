import { describe, expect, it } from 'vitest';
import { PUBLICATION_STATUSES, type PublicationStatus } from '../../catalog/index.ts';
import { chainHistoryOf, laterEventsOf, type ChainFacts } from './chain-history.ts';
import type { DecisionRecord } from './forced-publication.ts';
import { DEFAULT_CHAIN } from './review-roles.ts';

let id = 0;
const d = (verb: string, stage: number | null = null, by = '张三', comment = ''): DecisionRecord => ({ id: ++id, verb, stage_position: stage, user_label: by, decided_at: `2026-11-20T0${id % 10}:00:00Z`, comment });
const [s1, s2, s3] = DEFAULT_CHAIN.map((s) => s.position);
const facts = (status: PublicationStatus, decisions: DecisionRecord[], over: Partial<ChainFacts> = {}): ChainFacts => ({
  status, stages: DEFAULT_CHAIN, reviewStage: null, scheduledAt: null, publishedOn: null, decisions, ...over,
});
const kinds = (f: ChainFacts) => chainHistoryOf(f).stages.map((s) => s.state.kind);
const fullRound = () => [d('submit'), d('approve', s1, '李四'), d('approve', s2, '王五'), d('approve', s3, '赵六')];

describe('chainHistoryOf', () => {
  it('shows the signed approvals and the publication of an item reviewed, published and then withdrawn', () => {
    const h = chainHistoryOf(facts('withdrawn', [...fullRound(), d('publish', null, '钱七'), d('withdraw', null, '孙八')], { publishedOn: '2026-11-20' }));
    expect(h.stages.map((s) => s.state.kind === 'approved' && s.state.signed.by)).toEqual(['李四', '王五', '赵六']);
    expect(h.publication).toMatchObject({ kind: 'published', on: '2026-11-20', signed: { by: '钱七' } });
  });

  it('has a case for every status: an item that passed its chain never reads 未开始 or 未发布 at a stage it passed', () => {
    const passed: PublicationStatus[] = ['approved', 'scheduled', 'published', 'withdrawn'];
    for (const status of PUBLICATION_STATUSES) {
      const h = chainHistoryOf(facts(status, fullRound(), { reviewStage: status === 'in_review' ? s1 : null }));
      expect(h.stages).toHaveLength(DEFAULT_CHAIN.length);
      if (passed.includes(status)) expect(h.stages.every((s) => s.state.kind === 'approved'), status).toBe(true);
    }
    // A status that passed the chain with a stage nobody signed says so rather than 已通过 or 未开始.
    expect(kinds(facts('published', [d('submit'), d('approve', s1)]))).toEqual(['approved', 'unsigned', 'unsigned']);
  });

  it('follows an item in review: the stages signed, the one it waits at, the rest not started', () => {
    expect(kinds(facts('in_review', [d('submit'), d('approve', s1)], { reviewStage: s2 }))).toEqual(['approved', 'pending', 'not_started']);
    expect(kinds(facts('draft', []))).toEqual(['not_started', 'not_started', 'not_started']);
    expect(kinds(facts('draft', [d('submit'), d('recall_submission')]))).toEqual(['not_started', 'not_started', 'not_started']);
  });

  it('shows a returned round as returned, not as passed: by a stage, or by the publisher on the 发布 line', () => {
    const byStage = chainHistoryOf(facts('returned', [d('submit'), d('approve', s1, '李四'), d('return_for_changes', s2, '王五', '请补充依据')]));
    expect(byStage.stages.map((s) => s.state.kind)).toEqual(['approved_then_returned', 'returned', 'not_started']);
    expect(byStage.stages[1].state).toMatchObject({ signed: { by: '王五', comment: '请补充依据' } });
    expect(byStage.publication.kind).toBe('not_published');
    const byPublisher = chainHistoryOf(facts('returned', [...fullRound(), d('return_for_changes', null, '钱七', '日期有误')]));
    expect(byPublisher.stages.map((s) => s.state.kind)).toEqual(['approved_then_returned', 'approved_then_returned', 'approved_then_returned']);
    expect(byPublisher.publication).toMatchObject({ kind: 'returned', signed: { by: '钱七', comment: '日期有误' } });
  });

  it('shows a scheduled item’s time', () => {
    expect(chainHistoryOf(facts('scheduled', fullRound(), { scheduledAt: '2026-11-21T01:00:00Z' })).publication).toEqual({ kind: 'scheduled', at: '2026-11-21T01:00:00Z' });
  });
});

describe('laterEventsOf', () => {
  const later = { validity: 'valid', repealedOn: null, replacedBy: null, withdrawnAt: null, withdrawnReason: null, withdrawnNote: null };

  it('lists the approved amendments with their change notes, the repeal and the withdrawal, in order', () => {
    const decisions = [...fullRound(), d('publish'), d('amend', null, '李四', '更正日期'), d('approve_amendment', null, '钱七', '同意'), d('amend', null, '李四', '另改'), d('return_amendment', null, '钱七', '不同意'), d('repeal', null, '孙八'), d('withdraw', null, '孙八', '重复发布')];
    const events = laterEventsOf({
      ...later, status: 'withdrawn', decisions, validity: 'repealed', repealedOn: '2026-11-25', replacedBy: { id: 9, title: '新通知' },
      withdrawnAt: '2026-11-26T01:00:00Z', withdrawnReason: 'published_in_error', withdrawnNote: '重复发布',
    });
    expect(events.map((e) => e.kind)).toEqual(['amendment_approved', 'repealed', 'withdrawn']);
    expect(events[0]).toMatchObject({ changeNote: '更正日期', signed: { by: '钱七', comment: '同意' } });
    expect(events[1]).toMatchObject({ on: '2026-11-25', signed: { by: '孙八' }, replacedBy: { id: 9, title: '新通知' } });
    expect(events[2]).toMatchObject({ signed: { by: '孙八' }, reason: 'published_in_error', note: '重复发布' });
  });

  it('shows a repeal or a withdrawal that no decision records (imported history), without a signer; nothing for an item still live', () => {
    expect(laterEventsOf({ ...later, status: 'published', decisions: [] })).toEqual([]);
    expect(laterEventsOf({ ...later, status: 'withdrawn', decisions: [], validity: 'repealed', repealedOn: '2020-01-01', withdrawnAt: '2026-01-01T00:00:00Z', withdrawnReason: 'expired' }))
      .toMatchObject([{ kind: 'repealed', signed: null, on: '2020-01-01' }, { kind: 'withdrawn', signed: null, at: '2026-01-01T00:00:00Z', reason: 'expired' }]);
  });
});
