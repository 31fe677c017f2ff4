import { describe, expect, it } from 'vitest';
import { DEFAULT_CHAIN } from './review-roles.ts';
import { decide, type ReviewFacts } from './review-workflow.ts';

/**
 * The role a decision records is the one its person acted in: the 保密审查表 prints it beside the name. An
 * outside tester found both 修订 rows of an 信息员 (a drafter, no reviewing role) labelled 政务公开办公室, the
 * organ's publisher role, which every verb outside the chain recorded whoever used it.
 */
function facts(actor: ReviewFacts['actor'], over: Partial<ReviewFacts> = {}): ReviewFacts {
  return {
    status: 'published', reviewStage: null, chain: DEFAULT_CHAIN, publisherRole: 'disclosure_office', authorUserIds: [1], submittedBy: 1,
    revision: null, approverIdsThisRound: [], formedOn: '2026-03-02', todayOn: '2026-03-10', actor,
    form: { secrecyLevel: 'non_secret', avoidanceNote: '不涉及' }, scan: { markings: 0, unresolved: 0 }, disclosureMode: 'proactive',
    validity: 'valid', forcePublished: false, retroApproved: false, forcePublishedBy: null, nowAt: '2026-03-10T02:00:00Z',
    input: { changeNote: '更正错字' }, ...over,
  };
}
const drafter = { userId: 1, system: false, roles: new Set<never>(), mayDraft: true };
const publisher = { userId: 2, system: false, roles: new Set(['disclosure_office' as const]), mayDraft: false };

describe('the role a decision records', () => {
  it('修订 and 撤回修订 by a drafter are the drafter’s (no role), not the publisher’s', () => {
    expect(decide('amend', facts(drafter))).toMatchObject({ ok: true, role: null });
    expect(decide('withdraw_amendment', facts(drafter, { revision: { proposedBy: 1, authorIds: [1] } }))).toMatchObject({ ok: true, role: null });
  });

  it('修订 by the publisher, who may not draft, is the publisher’s', () => {
    expect(decide('amend', facts(publisher))).toMatchObject({ ok: true, role: 'disclosure_office' });
  });

  it('the publisher’s own verbs keep the publisher role', () => {
    expect(decide('withdraw', facts(publisher, { input: { withdrawReason: 'published_in_error' } }))).toMatchObject({ ok: true, role: 'disclosure_office' });
  });
});
