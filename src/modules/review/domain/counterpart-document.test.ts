import { describe, expect, it } from 'vitest';
import { DEFAULT_CHAIN } from './review-roles.ts';
import { decide, type ReviewFacts } from './review-workflow.ts';

/**
 * Found by an outside tester: an item 成文 2026-12-05 was marked 已修改 by a 政策解读 published 2026-11-27, then 已废止
 * with a replacement published 2026-11-27, and the portal said so. An interpretation amends or repeals nothing, and a
 * document is amended or replaced only by one made on or after it.
 */
const ITEM = { formedOn: '2026-12-05', publishedOn: '2026-12-06' };
function facts(input: ReviewFacts['input']): ReviewFacts {
  return {
    status: 'published', reviewStage: null, chain: DEFAULT_CHAIN, publisherRole: 'disclosure_office', authorUserIds: [1], submittedBy: 1, revision: null,
    approverIdsThisRound: [], formedOn: ITEM.formedOn, todayOn: '2026-12-07',
    actor: { userId: 2, system: false, roles: new Set(['disclosure_office']), mayDraft: true },
    form: { secrecyLevel: 'non_secret', avoidanceNote: '' }, scan: { markings: 0, unresolved: 0 }, disclosureMode: 'proactive', validity: 'valid',
    forcePublished: false, retroApproved: false, forcePublishedBy: null, nowAt: '2026-12-07T02:00:00Z', input: { ownDates: ITEM, ...input },
  };
}
const interpretation = { itemKind: 'interpretation' as const, title: '《关于X》政策解读', formedOn: null, publishedOn: '2026-11-27' };
const earlier = { itemKind: 'document' as const, title: '关于Y的决定', formedOn: '2026-11-20', publishedOn: '2026-11-27' };
const later = { itemKind: 'document' as const, title: '关于修改X的决定', formedOn: '2026-12-06', publishedOn: '2026-12-07' };
const codes = (d: ReturnType<typeof decide>) => (d.ok ? [] : d.reasons.map((r) => r.code));

describe('the document that amends or replaces an item', () => {
  it('标记已修改 refuses a 政策解读 and a document made before the item, every reason at once', () => {
    const d = decide('mark_amended', facts({ amendingId: 9, counterpart: interpretation }));
    expect(codes(d)).toEqual(['ERR_REVIEW_AMENDING_INTERPRETATION', 'ERR_REVIEW_AMENDING_EARLIER']);
    expect(!d.ok && d.reasons[0].message).toBe('《〈关于X〉政策解读》是政策解读，不能作为修改文件：政策解读只解读文件，不能修改文件；请填写作出修改的决定或文件');
    // The interpretation has no 成文日期 entered: the publication dates are compared.
    expect(!d.ok && d.reasons[1].message).toBe('《〈关于X〉政策解读》的发布日期（2026-11-27）早于本文件的发布日期（2026-12-06），不能作为修改文件：文件只能被在其之后制发的文件修改');
    expect(codes(decide('mark_amended', facts({ amendingId: 9, counterpart: earlier })))).toEqual(['ERR_REVIEW_AMENDING_EARLIER']);
    expect(!decide('mark_amended', facts({ amendingId: 9, counterpart: earlier })).ok && (decide('mark_amended', facts({ amendingId: 9, counterpart: earlier })) as { reasons: { message: string }[] }).reasons[0].message)
      .toContain('成文日期（2026-11-20）早于本文件的成文日期（2026-12-05）');
    expect(decide('mark_amended', facts({ amendingId: 9, counterpart: later })).ok).toBe(true);
    // Made the same day: allowed.
    expect(decide('mark_amended', facts({ amendingId: 9, counterpart: { ...later, formedOn: ITEM.formedOn } })).ok).toBe(true);
  });
  it('废止 refuses the same as its 替代文件', () => {
    expect(codes(decide('repeal', facts({ replacement: 'published', counterpart: interpretation })))).toEqual(['ERR_REVIEW_REPLACEMENT_INTERPRETATION', 'ERR_REVIEW_REPLACEMENT_EARLIER']);
    const d = decide('repeal', facts({ replacement: 'published', counterpart: earlier }));
    expect(!d.ok && d.reasons[0].message).toContain('不能作为替代文件：文件只能被在其之后制发的文件废止并替代');
    expect(decide('repeal', facts({ replacement: 'published', counterpart: later })).ok).toBe(true);
    expect(decide('repeal', facts({ replacement: null })).ok).toBe(true);
  });
});
