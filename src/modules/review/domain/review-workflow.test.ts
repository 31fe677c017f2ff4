import { describe, expect, it } from 'vitest';
import { PUBLICATION_STATUSES } from '../../catalog/index.ts';
import { DEFAULT_CHAIN } from './review-roles.ts';
import { decide, REVIEW_VERBS, revisionWaitsOn, TRANSITIONS, waitsOn, type ReviewFacts, type ReviewVerb } from './review-workflow.ts';

const AUTHOR = 1;
const REVIEWER = 2;

function facts(over: Partial<ReviewFacts> = {}, input: ReviewFacts['input'] = {}): ReviewFacts {
  return {
    status: 'draft',
    reviewStage: 0,
    chain: DEFAULT_CHAIN,
    publisherRole: 'disclosure_office',
    authorUserIds: [AUTHOR],
    submittedBy: REVIEWER,
    revision: null,
    approverIdsThisRound: [],
    formedOn: '2026-03-02',
    todayOn: '2026-03-10',
    actor: { userId: REVIEWER, system: false, roles: new Set(['unit_head', 'disclosure_office', 'leader_in_charge']), mayDraft: true },
    form: { secrecyLevel: 'non_secret', avoidanceNote: '已删除个人信息' },
    scan: { markings: 0, unresolved: 0 },
    disclosureMode: 'proactive',
    validity: 'valid',
    forcePublished: true,
    retroApproved: false,
    forcePublishedBy: 3,
    nowAt: '2026-03-10T02:00:00Z',
    input: { comment: '请补充附件', publishAt: '2026-03-11T01:00:00Z', withdrawReason: 'published_in_error', replacement: 'published', amendingId: 7, changeNote: '更正错字', ...input },
    ...over,
  };
}

/** A revision written by someone else waits for the verbs that decide on one. */
const PENDING_BY_AUTHOR = { revision: { proposedBy: AUTHOR, authorIds: [AUTHOR] } };
const FOR_VERB: Partial<Record<ReviewVerb, Partial<ReviewFacts>>> = {
  approve_amendment: PENDING_BY_AUTHOR, return_amendment: PENDING_BY_AUTHOR, apply_mask: PENDING_BY_AUTHOR,
  // 撤回修订 is the proposer's own.
  withdraw_amendment: { ...PENDING_BY_AUTHOR, actor: { userId: AUTHOR, system: false, roles: new Set(), mayDraft: true } },
};

describe('review transition table, every verb in every state', () => {
  for (const verb of REVIEW_VERBS) {
    for (const status of PUBLICATION_STATUSES) {
      const legal = TRANSITIONS[verb].from.includes(status);
      it(`${verb} from ${status} is ${legal ? 'allowed' : 'refused with its reason'}`, () => {
        const d = decide(verb, facts({ status, ...FOR_VERB[verb] }));
        if (legal) expect(d).toMatchObject({ ok: true });
        // The state comes first among every reason (decide lists them all, issue 12).
        else expect(d).toMatchObject({ ok: false, reasons: [{ code: 'ERR_REVIEW_WRONG_STATE', message: expect.stringContaining(`不能“${TRANSITIONS[verb].label}”`) }] });
      });
    }
  }
});

describe('every reason at once', () => {
  it('names the wrong state together with the verb’s own refusals', () => {
    const d = decide('withdraw', facts({ status: 'draft', actor: { userId: REVIEWER, system: false, roles: new Set(), mayDraft: false } }, { withdrawReason: '' }));
    expect(!d.ok && d.reasons.map((r) => r.code)).toEqual(['ERR_REVIEW_WRONG_STATE', 'ERR_REVIEW_NOT_PUBLISHER', 'ERR_REVIEW_WITHDRAW_REASON']);
    expect(!d.ok && d.reasons[0].message).toBe('当前状态为“草稿”，不能“撤回”（仅限：已发布）');
  });
});

describe('标记已修改 (ADR 0026)', () => {
  it('is the publisher’s, names the amending document, and only for a document still in force', () => {
    expect(decide('mark_amended', facts({ status: 'published' }))).toMatchObject({ ok: true, next: 'published' });
    expect(decide('mark_amended', facts({ status: 'published', validity: 'amended' }))).toMatchObject({ ok: true });
    const d = decide('mark_amended', facts({ status: 'published', validity: 'repealed', actor: { userId: REVIEWER, system: false, roles: new Set(['unit_head']), mayDraft: true } }, { amendingId: null }));
    expect(!d.ok && d.reasons.map((r) => r.code)).toEqual(['ERR_REVIEW_NOT_PUBLISHER', 'ERR_REVIEW_NOT_IN_FORCE', 'ERR_REVIEW_AMENDING_REQUIRED']);
    expect(!d.ok && d.reasons[2].message).toBe('请填写修改本文件的文件（文号、标题或编号）');
  });
});

describe('moving through the chain', () => {
  it('goes stage by stage and ends approved after the last stage', () => {
    expect(decide('submit', facts())).toMatchObject({ ok: true, next: 'in_review', nextStage: 0 });
    expect(decide('approve', facts({ status: 'in_review', reviewStage: 0 }))).toMatchObject({ ok: true, next: 'in_review', nextStage: 1 });
    expect(decide('approve', facts({ status: 'in_review', reviewStage: 1 }))).toMatchObject({ ok: true, next: 'in_review', nextStage: 2 });
    expect(decide('approve', facts({ status: 'in_review', reviewStage: 2 }))).toMatchObject({ ok: true, next: 'approved', nextStage: null });
  });

  it('needs a comment to return an item for changes', () => {
    expect(decide('return_for_changes', facts({ status: 'in_review' }, { comment: ' ' }))).toEqual({
      ok: false, reasons: [{ code: 'ERR_REVIEW_COMMENT_REQUIRED', message: '退回修改须填写意见' }],
    });
  });
});

describe('segregation of duties', () => {
  const asAuthor = { userId: AUTHOR, system: false, roles: new Set(['unit_head', 'disclosure_office', 'leader_in_charge'] as const), mayDraft: true };
  it.each([0, 1, 2])('never lets the author approve their own item, at stage %i', (stage) => {
    const d = decide('approve', facts({ status: 'in_review', reviewStage: stage, actor: { ...asAuthor, roles: new Set(asAuthor.roles) } }));
    expect(d.ok).toBe(false);
    expect(!d.ok && d.reasons.map((r) => r.code)).toContain('ERR_REVIEW_SELF_APPROVAL');
  });

  it('never lets the author publish their own item', () => {
    const d = decide('publish', facts({ status: 'approved', actor: { ...asAuthor, roles: new Set(asAuthor.roles) } }));
    expect(!d.ok && d.reasons.map((r) => r.code)).toEqual(['ERR_REVIEW_SELF_PUBLISH']);
  });

  it('lets only the stage’s role approve it', () => {
    const d = decide('approve', facts({ status: 'in_review', reviewStage: 2, actor: { userId: REVIEWER, system: false, roles: new Set(['unit_head']), mayDraft: false } }));
    expect(!d.ok && d.reasons.map((r) => r.code)).toEqual(['ERR_REVIEW_NOT_YOUR_STAGE']);
  });

  it('requires a retrospective approval by someone other than the force-publisher and the author', () => {
    expect(decide('approve_retrospectively', facts({ status: 'published', actor: { userId: 3, system: false, roles: new Set(['disclosure_office']), mayDraft: false } })).ok).toBe(false);
    expect(decide('approve_retrospectively', facts({ status: 'published' })).ok).toBe(true);
    expect(decide('approve_retrospectively', facts({ status: 'published', retroApproved: true })).ok).toBe(false);
  });
});

describe('three different people, and the author never', () => {
  it('refuses a second approval in the same round by the same person', () => {
    const d = decide('approve', facts({ status: 'in_review', reviewStage: 1, approverIdsThisRound: [REVIEWER] }));
    expect(!d.ok && d.reasons.map((r) => r.code)).toEqual(['ERR_REVIEW_SAME_PERSON']);
  });

  it('counts everyone who edited the item as an author', () => {
    const d = decide('approve', facts({ status: 'in_review', authorUserIds: [AUTHOR, REVIEWER] }));
    expect(!d.ok && d.reasons.map((r) => r.code)).toEqual(['ERR_REVIEW_SELF_APPROVAL']);
  });

  it('never lets the author force-publish', () => {
    const d = decide('force_publish', facts({ status: 'draft', authorUserIds: [REVIEWER] }));
    expect(!d.ok && d.reasons.map((r) => r.code)).toEqual(['ERR_REVIEW_SELF_PUBLISH']);
  });

  it('lets the publisher send back an approved or scheduled item, with a comment', () => {
    expect(decide('return_for_changes', facts({ status: 'approved' }))).toMatchObject({ ok: true, next: 'returned' });
    expect(decide('return_for_changes', facts({ status: 'scheduled', actor: { userId: REVIEWER, system: false, roles: new Set(['unit_head']), mayDraft: false } })).ok).toBe(false);
  });

  it('refuses to submit a secret item, one not for proactive disclosure, or one formed in the future', () => {
    const d = decide('submit', facts({ form: { secrecyLevel: 'secret', avoidanceNote: '' }, disclosureMode: 'on_application', formedOn: '2026-04-01' }));
    expect(!d.ok && d.reasons.map((r) => r.code)).toEqual(['ERR_REVIEW_SECRET', 'ERR_REVIEW_NOT_PROACTIVE', 'ERR_REVIEW_FORMED_IN_FUTURE']);
  });

});

describe('an amendment passes review by someone other than its authors (先审查后公开)', () => {
  const editor = (userId: number) => ({ userId, system: false, roles: new Set<never>(), mayDraft: true });
  const publisher = (userId: number) => ({ userId, system: false, roles: new Set(['disclosure_office'] as const), mayDraft: false });

  it('lets a drafter or the publisher propose one, with a note; its reviewer weighs blocking findings', () => {
    expect(decide('amend', facts({ status: 'published', actor: editor(AUTHOR) }))).toMatchObject({ ok: true, next: 'published' });
    expect(decide('amend', facts({ status: 'published', actor: editor(AUTHOR), scan: { markings: 1, unresolved: 1 } })).ok).toBe(true);
    const d = decide('amend', facts({ status: 'published', actor: { ...editor(5), mayDraft: false } }, { changeNote: ' ' }));
    expect(!d.ok && d.reasons.map((r) => r.code)).toEqual(['ERR_REVIEW_NOT_EDITOR', 'ERR_REVIEW_CHANGE_NOTE_REQUIRED']);
  });

  it('keeps one revision at a time: its proposer may rework it, no one else may start another', () => {
    expect(decide('amend', facts({ status: 'published', actor: editor(AUTHOR), ...PENDING_BY_AUTHOR })).ok).toBe(true);
    const d = decide('amend', facts({ status: 'published', actor: editor(4), ...PENDING_BY_AUTHOR }));
    expect(!d.ok && d.reasons.map((r) => r.code)).toEqual(['ERR_REVIEW_REVISION_PENDING']);
  });

  it('is approved only by a publisher who wrote none of it, past every gate', () => {
    expect(decide('approve_amendment', facts({ status: 'published', actor: publisher(REVIEWER), ...PENDING_BY_AUTHOR }))).toMatchObject({ ok: true, next: 'published' });
    const self = decide('approve_amendment', facts({ status: 'published', actor: publisher(AUTHOR), ...PENDING_BY_AUTHOR }));
    expect(!self.ok && self.reasons.map((r) => r.code)).toEqual(['ERR_REVIEW_SELF_APPROVAL']);
    const coAuthor = decide('approve_amendment', facts({ status: 'published', actor: publisher(REVIEWER), revision: { proposedBy: AUTHOR, authorIds: [AUTHOR, REVIEWER] } }));
    expect(!coAuthor.ok && coAuthor.reasons.map((r) => r.code)).toEqual(['ERR_REVIEW_SELF_APPROVAL']);
    const none = decide('approve_amendment', facts({ status: 'published', actor: editor(REVIEWER), form: { secrecyLevel: 'secret', avoidanceNote: '' } }));
    expect(!none.ok && none.reasons.map((r) => r.code)).toEqual(['ERR_REVIEW_NO_REVISION', 'ERR_REVIEW_NOT_PUBLISHER', 'ERR_REVIEW_SECRET']);
  });

  it('stops at a blocking finding until each is masked or accepted, and at a 密级标志 always', () => {
    const blocked = decide('approve_amendment', facts({ status: 'published', ...PENDING_BY_AUTHOR, scan: { markings: 0, unresolved: 1 } }));
    expect(!blocked.ok && blocked.reasons.map((r) => r.code)).toEqual(['ERR_REVIEW_SCAN_BLOCKED']);
    const marked = decide('approve_amendment', facts({ status: 'published', ...PENDING_BY_AUTHOR, scan: { markings: 1, unresolved: 0 } }));
    expect(!marked.ok && marked.reasons.map((r) => r.code)).toEqual(['ERR_REVIEW_SECRECY_MARKING']);
    expect(decide('approve_amendment', facts({ status: 'published', ...PENDING_BY_AUTHOR, scan: { markings: 0, unresolved: 0 } })).ok).toBe(true);
  });

  it('is returned by a publisher with a comment; its proposer takes it back with 撤回修订, not 退回修订', () => {
    const silent = decide('return_amendment', facts({ status: 'published', actor: publisher(REVIEWER), ...PENDING_BY_AUTHOR }, { comment: '' }));
    expect(!silent.ok && silent.reasons.map((r) => r.code)).toEqual(['ERR_REVIEW_COMMENT_REQUIRED']);
    const other = decide('return_amendment', facts({ status: 'published', actor: editor(4), ...PENDING_BY_AUTHOR }));
    expect(!other.ok && other.reasons.map((r) => r.code)).toEqual(['ERR_REVIEW_NOT_PUBLISHER']);
    const own = decide('return_amendment', facts({ status: 'published', actor: editor(AUTHOR), ...PENDING_BY_AUTHOR }, { comment: '' }));
    expect(!own.ok && own.reasons.map((r) => r.code)).toEqual(['ERR_REVIEW_OWN_REVISION']);
    expect(decide('withdraw_amendment', facts({ status: 'published', actor: editor(AUTHOR), ...PENDING_BY_AUTHOR }, { comment: '' })).ok).toBe(true);
    const notHis = decide('withdraw_amendment', facts({ status: 'published', actor: publisher(REVIEWER), ...PENDING_BY_AUTHOR }));
    expect(!notHis.ok && notHis.reasons.map((r) => r.code)).toEqual(['ERR_REVIEW_NOT_PROPOSER']);
  });
});

/**
 * A revision's own states (none, pending review, returned to its proposer) × the verbs on a revision, each by whom it is
 * meant for: a returned revision stays with its proposer, who reworks it (修订 again: back in review) or withdraws it.
 */
describe('a revision returned to its proposer (退回修订 keeps it; ADR 0051)', () => {
  const proposer = { userId: AUTHOR, system: false, roles: new Set<never>(), mayDraft: true };
  const publisher = { userId: REVIEWER, system: false, roles: new Set(['disclosure_office'] as const), mayDraft: false };
  const REVISION_STATES: Record<string, ReviewFacts['revision']> = {
    none: null,
    pending: { proposedBy: AUTHOR, authorIds: [AUTHOR], returned: false },
    returned: { proposedBy: AUTHOR, authorIds: [AUTHOR], returned: true },
  };
  const VERBS: [ReviewVerb, ReviewFacts['actor']][] = [['amend', proposer], ['approve_amendment', publisher], ['return_amendment', publisher], ['withdraw_amendment', proposer]];
  const EXPECTED: Record<string, Record<string, true | string>> = {
    none: { amend: true, approve_amendment: 'ERR_REVIEW_NO_REVISION', return_amendment: 'ERR_REVIEW_NO_REVISION', withdraw_amendment: 'ERR_REVIEW_NO_REVISION' },
    pending: { amend: true, approve_amendment: true, return_amendment: true, withdraw_amendment: true },
    returned: { amend: true, approve_amendment: 'ERR_REVIEW_REVISION_RETURNED', return_amendment: 'ERR_REVIEW_REVISION_RETURNED', withdraw_amendment: true },
  };
  for (const [state, revision] of Object.entries(REVISION_STATES)) {
    for (const [verb, actor] of VERBS) {
      const want = EXPECTED[state][verb];
      it(`${verb} on a revision ${state} is ${want === true ? 'allowed' : `refused (${want})`}`, () => {
        const d = decide(verb, facts({ status: 'published', revision, actor }, { comment: '请删去个人手机号' }));
        if (want === true) expect(d).toMatchObject({ ok: true, next: 'published' });
        else expect(!d.ok && d.reasons.map((r) => r.code)).toEqual([want]);
      });
    }
  }
  it('a returned revision waits on no reviewer', () => {
    expect(revisionWaitsOn({ userId: REVIEWER, roles: new Set(['disclosure_office']) }, { authorIds: [AUTHOR], publisherRole: 'disclosure_office', returned: true })).toBe(false);
  });
  it('holds the item against another revision as waiting on its proposer, not on review', () => {
    const d = decide('amend', facts({ status: 'published', revision: REVISION_STATES.returned, actor: { ...proposer, userId: 4 } }, { changeNote: '另一处修改' }));
    expect(!d.ok && d.reasons).toEqual([{ code: 'ERR_REVIEW_REVISION_PENDING', message: '已有一份修订退回修订人修改：修订人重新提交或撤回修订之前，不能另提修订；修订内容只能由提交修订的人修改' }]);
  });
});

describe('撤回报送: the submitter takes an item back before anyone has acted on it', () => {
  it('goes back to draft', () => {
    expect(decide('recall_submission', facts({ status: 'in_review', submittedBy: REVIEWER }))).toMatchObject({ ok: true, next: 'draft', nextStage: null });
  });

  it('refuses someone else, and anyone once a stage has approved it, with both reasons', () => {
    const d = decide('recall_submission', facts({ status: 'in_review', submittedBy: AUTHOR, approverIdsThisRound: [7] }));
    expect(!d.ok && d.reasons.map((r) => r.code)).toEqual(['ERR_REVIEW_NOT_SUBMITTER', 'ERR_REVIEW_ALREADY_ACTED']);
  });
});

describe('the confidentiality gate', () => {
  it('stops the chain on a blocking scanner finding until each one is masked or accepted with its reason', () => {
    const blocked = decide('approve', facts({ status: 'in_review', reviewStage: 0, scan: { markings: 0, unresolved: 2 } }));
    expect(!blocked.ok && blocked.reasons.map((r) => r.code)).toEqual(['ERR_REVIEW_SCAN_BLOCKED']);
    expect(decide('approve', facts({ status: 'in_review', reviewStage: 0, scan: { markings: 0, unresolved: 0 } })).ok).toBe(true);
  });

  it('names an attachment it could not read and what to do, apart from the personal data it found', () => {
    const d = decide('approve_amendment', facts({ status: 'published', ...PENDING_BY_AUTHOR, scan: { markings: 0, unresolved: 3, unreadable: ['名单.doc', '范围.docx'] } }));
    expect(!d.ok && d.reasons.map((r) => r.message)).toEqual([
      '附件“名单.doc”、“范围.docx”无法读取，未能完成保密审查扫描：请退回，由起草人（修订人）重新上传可读取的版本；或由审核人人工审阅该附件后，在扫描结果中说明可以公开的理由',
      '扫描发现 1 处疑似个人信息等须处理的内容，既未遮盖，也未逐处记录可以公开的理由：请逐处应用建议遮盖或说明理由，或退回修改',
    ]);
    const onlyFile = decide('approve', facts({ status: 'in_review', reviewStage: 0, scan: { markings: 0, unresolved: 1, unreadable: ['名单.doc'] } }));
    expect(!onlyFile.ok && onlyFile.reasons.map((r) => r.code)).toEqual(['ERR_REVIEW_SCAN_BLOCKED']);
  });

  it('never passes a 密级标志: every stage, 发布, 定时发布, 紧急发布 (the scheduled job too) refuse it', () => {
    const marked = { scan: { markings: 1, unresolved: 0 } };
    const system = { userId: null, system: true, roles: new Set<never>(), mayDraft: false };
    const cases: [ReviewVerb, Partial<ReviewFacts>][] = [
      ...DEFAULT_CHAIN.map((s) => ['approve', { status: 'in_review', reviewStage: s.position }] as [ReviewVerb, Partial<ReviewFacts>]),
      ['publish', { status: 'approved' }], ['publish', { status: 'scheduled', actor: system }], ['schedule', { status: 'approved' }],
      ['force_publish', { status: 'in_review' }], ['approve_amendment', { status: 'published', ...PENDING_BY_AUTHOR }],
    ];
    for (const [verb, over] of cases) {
      const d = decide(verb, facts({ ...over, ...marked }));
      expect(!d.ok && d.reasons.map((r) => r.code), `${verb} ${JSON.stringify(over.status)}`).toEqual(['ERR_REVIEW_SECRECY_MARKING']);
      expect(!d.ok && d.reasons[0].message).toContain('密级标志不能以遮盖处理');
    }
  });

  it('lists every reason publishing is refused', () => {
    const d = decide('publish', facts({ status: 'approved', form: { secrecyLevel: 'secret', avoidanceNote: '' }, scan: { markings: 1, unresolved: 1 }, disclosureMode: 'on_application', actor: { userId: REVIEWER, system: false, roles: new Set(), mayDraft: false } }));
    expect(!d.ok && d.reasons.map((r) => r.code)).toEqual(['ERR_REVIEW_NOT_PUBLISHER', 'ERR_REVIEW_SECRET', 'ERR_REVIEW_SECRECY_MARKING', 'ERR_REVIEW_SCAN_BLOCKED', 'ERR_REVIEW_NOT_PROACTIVE']);
  });

  it('refuses to submit without the secrecy level on the review form', () => {
    expect(decide('submit', facts({ form: null }))).toMatchObject({ ok: false, reasons: [{ code: 'ERR_REVIEW_FORM_INCOMPLETE' }] });
  });

  it('refuses a schedule in the past, a withdrawal without a coded reason and an amendment without a note', () => {
    const verbs: [ReviewVerb, Partial<ReviewFacts>, ReviewFacts['input'], string][] = [
      ['schedule', { status: 'approved' }, { publishAt: '2026-03-09T00:00:00Z' }, 'ERR_REVIEW_SCHEDULE_PAST'],
      ['withdraw', { status: 'published' }, { withdrawReason: 'because' }, 'ERR_REVIEW_WITHDRAW_REASON'],
      ['amend', { status: 'published' }, { changeNote: '' }, 'ERR_REVIEW_CHANGE_NOTE_REQUIRED'],
      ['force_publish', { status: 'draft' }, { comment: '' }, 'ERR_REVIEW_REASON_REQUIRED'],
      ['repeal', { status: 'published' }, { replacement: 'missing' }, 'ERR_REVIEW_REPLACEMENT_INVALID'],
      ['repeal', { status: 'published' }, { replacement: 'not_a_number' }, 'ERR_REVIEW_REPLACEMENT_INVALID'],
      ['repeal', { status: 'published' }, { replacement: 'itself' }, 'ERR_REVIEW_REPLACEMENT_INVALID'],
      // 其他 says nothing by itself: the public page would read only 撤回原因：其他原因.
      ['withdraw', { status: 'published' }, { withdrawReason: 'other', withdrawNote: ' ' }, 'ERR_REVIEW_WITHDRAW_NOTE_REQUIRED'],
    ];
    for (const [verb, over, input, code] of verbs) {
      const d = decide(verb, facts(over, input));
      expect(!d.ok && d.reasons.map((r) => r.code)).toEqual([code]);
    }
    // Each refused replacement says what is wrong with it.
    const said = (replacement: ReviewFacts['input']['replacement']) => { const d = decide('repeal', facts({ status: 'published' }, { replacement })); return d.ok ? '' : d.reasons[0].message; };
    expect(said('missing')).toBe('替代文件不存在或尚未发布');
    expect(said('not_a_number')).toBe('替代文件编号应为本平台的信息编号（数字）');
    expect(said('itself')).toBe('替代文件不能是本文件');
    expect(decide('withdraw', facts({ status: 'published' }, { withdrawReason: 'other', withdrawNote: '与另一条重复' })).ok).toBe(true);
  });
});

describe('waitsOn: whose turn an item in the queue is (待办)', () => {
  const item = { status: 'in_review', createdBy: 1, submittedBy: 1, publishedBy: null, stageRole: 'unit_head', publisherRole: 'leader_in_charge' };
  const person = (userId: number, ...roles: string[]) => ({ userId, roles: new Set(roles) });
  it('waits on the holder of the current stage role, never on its author', () => {
    expect(waitsOn(person(2, 'unit_head'), item)).toBe(true);
    expect(waitsOn(person(2, 'disclosure_office'), item)).toBe(false);
    expect(waitsOn(person(1, 'unit_head'), item)).toBe(false);
    expect(waitsOn(person(3, 'system_admin'), item)).toBe(true);
  });
  it('an approved item waits on the publisher; a force-published one on a publisher other than who published it', () => {
    expect(waitsOn(person(2, 'leader_in_charge'), { ...item, status: 'approved' })).toBe(true);
    expect(waitsOn(person(2, 'unit_head'), { ...item, status: 'approved' })).toBe(false);
    expect(waitsOn(person(2, 'leader_in_charge'), { ...item, status: 'published', publishedBy: 2 })).toBe(false);
    expect(waitsOn(person(4, 'leader_in_charge'), { ...item, status: 'published', publishedBy: 2 })).toBe(true);
    expect(waitsOn(person(4, 'leader_in_charge'), { ...item, status: 'scheduled' })).toBe(false);
  });
});

describe('revisionWaitsOn: whose turn a pending revision is (待办)', () => {
  const person = (userId: number, ...roles: string[]) => ({ userId, roles: new Set(roles) });
  const revision = { authorIds: [1, 5], publisherRole: 'disclosure_office' };
  it('waits on the publisher who wrote none of it, as approve_amendment allows', () => {
    expect(revisionWaitsOn(person(2, 'disclosure_office'), revision)).toBe(true);
    expect(revisionWaitsOn(person(3, 'system_admin'), revision)).toBe(true);
    expect(revisionWaitsOn(person(5, 'disclosure_office'), revision)).toBe(false);
    expect(revisionWaitsOn(person(2, 'editor', 'unit_head'), revision)).toBe(false);
    // The same person the rules let approve: a publisher who is not an author.
    const approver = { userId: 2, system: false, roles: new Set(['disclosure_office'] as const), mayDraft: false };
    expect(decide('approve_amendment', facts({ status: 'published', publisherRole: 'disclosure_office', actor: approver, revision: { proposedBy: 1, authorIds: [1, 5] } })).ok).toBe(true);
  });
});

describe('应用建议遮盖 apply_mask', () => {
  it('is the current stage’s reviewer’s in review, the publisher’s once approved, and keeps the state', () => {
    expect(decide('apply_mask', facts({ status: 'in_review' }, { mask: 'in_place' }))).toMatchObject({ ok: true, next: 'in_review', nextStage: 0 });
    expect(decide('apply_mask', facts({ status: 'approved' }, { mask: 'in_place' }))).toMatchObject({ ok: true, next: 'approved' });
    const leaderOnly = { userId: REVIEWER, system: false, roles: new Set(['leader_in_charge'] as const), mayDraft: false };
    const d = decide('apply_mask', facts({ status: 'in_review', actor: leaderOnly }, { mask: 'in_place' }));
    expect(!d.ok && d.reasons.map((r) => r.code)).toEqual(['ERR_REVIEW_NOT_YOUR_STAGE']);
    const p = decide('apply_mask', facts({ status: 'approved', actor: leaderOnly }, { mask: 'in_place' }));
    expect(!p.ok && p.reasons.map((r) => r.code)).toEqual(['ERR_REVIEW_NOT_PUBLISHER']);
    // The reason says who publishes: the organ's publisher role by name (found by an outside tester).
    expect(!p.ok && p.reasons[0].message).toBe('审核通过后，只有发布人可以应用建议遮盖：本机关的信息由“政务公开办公室”发布（见审核流程设置）');
    const publish = decide('publish', facts({ status: 'approved', actor: leaderOnly }));
    expect(!publish.ok && publish.reasons.find((r) => r.code === 'ERR_REVIEW_NOT_PUBLISHER')!.message).toBe('您不是本机关的发布人：本机关的信息由“政务公开办公室”发布（见审核流程设置）');
  });

  it('refuses with every reason when the finding moved, is gone or cannot be masked here', () => {
    const d = decide('apply_mask', facts({ status: 'draft' }, { mask: 'text_changed' }));
    expect(!d.ok && d.reasons.map((r) => r.code)).toEqual(['ERR_REVIEW_WRONG_STATE', 'ERR_REVIEW_MASK_TEXT_CHANGED']);
    expect(!d.ok && d.reasons[1].message).toContain('未作任何遮盖');
    for (const [mask, code] of [['not_found', 'ERR_REVIEW_MASK_NO_FINDING'], ['not_maskable', 'ERR_REVIEW_MASK_NOT_MASKABLE']] as const) {
      const r = decide('apply_mask', facts({ status: 'in_review' }, { mask }));
      expect(!r.ok && r.reasons.map((x) => x.code)).toEqual([code]);
    }
  });
});

/**
 * Found by an outside tester: a 政策解读 was marked 已废止 and the portal called it 本文件已废止. An interpretation has no
 * 效力 of its own — it follows the document it explains, whose page and whose interpretations' pages say when it ends.
 */
describe('a 政策解读 is neither repealed nor marked amended on its own', () => {
  const publisher = { status: 'published' as const, itemKind: 'interpretation' as const };
  it('标记废止 and 标记已修改 are refused, saying it is a 政策解读 and what follows the document instead', () => {
    for (const verb of ['repeal', 'mark_amended'] as const) {
      const d = decide(verb, facts(publisher));
      expect(d.ok, verb).toBe(false);
      const reason = !d.ok ? d.reasons.find((r) => r.code === 'ERR_REVIEW_INTERPRETATION_NO_VALIDITY') : undefined;
      expect(reason?.message, verb).toMatch(/^这是政策解读/);
      expect(reason?.message, verb).toContain('所解读的文件');
    }
  });
  it('an ordinary document is repealed as before', () => {
    expect(decide('repeal', facts({ status: 'published', itemKind: 'document' })).ok).toBe(true);
    expect(decide('repeal', facts({ status: 'published' })).ok).toBe(true);
  });
});

describe('应用建议遮盖 on a pending revision', () => {
  it('is the publisher’s who wrote no part of it, and needs a revision in review', () => {
    expect(decide('apply_mask', facts({ status: 'published', ...PENDING_BY_AUTHOR }, { mask: 'in_place' }))).toMatchObject({ ok: true, next: 'published' });
    const codes = (over: Partial<ReviewFacts>) => { const d = decide('apply_mask', facts({ status: 'published', ...over }, { mask: 'in_place' })); return d.ok ? [] : d.reasons.map((r) => r.code); };
    expect(codes({ revision: null })).toEqual(['ERR_REVIEW_NO_REVISION']);
    expect(codes({ revision: { proposedBy: AUTHOR, authorIds: [AUTHOR, REVIEWER] } })).toEqual(['ERR_REVIEW_SELF_APPROVAL']);
    expect(codes({ ...PENDING_BY_AUTHOR, actor: { userId: REVIEWER, system: false, roles: new Set(['unit_head']), mayDraft: false } })).toEqual(['ERR_REVIEW_NOT_PUBLISHER']);
  });
});
