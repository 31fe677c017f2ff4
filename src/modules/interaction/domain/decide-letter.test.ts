import { describe, expect, it } from 'vitest';
import { decideLetter, staffVerbChoices, type LetterFacts } from './decide-letter.ts';
import { letterAccess } from './letter-access.ts';
import { LETTER_STATES, unitOpinionOverdue, unitOpinionUnread, type Letter } from './letter.ts';
import { effectiveRating, threeMonthLine } from './letter-clock.ts';
import { maskPersonName } from './letter-input.ts';
import { LETTER_TRANSITIONS, LETTER_VERBS, type LetterCommand } from './letter-verbs.ts';

const letter = (over: Partial<Letter> = {}): Letter => ({
  id: 1, organId: 1, trackingNo: 'A-XX2026-00001', type: 'consult', subject: '主题', content: '内容', writerName: '张三', contact: '13800000000',
  publishConsent: true, state: 'received', unitId: null, unitOpinionOn: null, unitInstructions: null, unitReportByOn: null, unitOpinionAt: null, handlerActedAt: null, receivedOn: '2026-03-10', dueWorkingDays: 5, dueOn: '2026-03-17', threeMonthOn: '2026-06-10',
  submittedOn: '2026-03-10', replyText: null, replyDraftedBy: null, repliedOn: null, rateByOn: null, rating: null, ratingComment: null,
  notAcceptedReason: null, publicationWithdrawnReason: null, publicSubject: null, publicContent: null, publicReplyText: null, transferCount: 0, version: 1, createdAt: '', updatedAt: '', ...over,
});
const facts = (over: Partial<LetterFacts> = {}): LetterFacts => ({ today: '2026-03-12', actorUserId: 7, replyReview: false, unitBelongs: true, unitStaff: true, targetIsOtherOrgan: true, followUpExists: true, ...over });
const valid: Record<string, LetterCommand> = {
  assign: { verb: 'assign', unitId: 2 },
  transfer: { verb: 'transfer', targetOrganId: 3, reason: '属于市场监管职责' },
  reply: { verb: 'reply', replyText: '答复如下' },
  approveReply: { verb: 'approveReply' },
  returnReply: { verb: 'returnReply', reason: '请补充依据' },
  notAccept: { verb: 'notAccept', reason: '属于信访事项' },
  recordUnitOpinion: { verb: 'recordUnitOpinion', opinion: '经现场核实，该小区已列入2026年改造计划，建议答复来信人。' },
  recordFollowUp: { verb: 'recordFollowUp', kind: 'site_visit', on: '2026-03-11', participants: '李四、王五', notes: '现场查看' },
  attachPhoto: { verb: 'attachPhoto', followUpEventId: 4, fileName: '现场.jpg', sizeBytes: 1000, storageKey: 'k', sha256: 'h' },
  rate: { verb: 'rate', rating: 'satisfied', comment: '' },
  withdrawPublication: { verb: 'withdrawPublication', reason: '来信人要求撤下' },
  republish: { verb: 'republish' },
  editPublicText: { verb: 'editPublicText', publicSubject: '主题', publicContent: '内容（已删去邻居姓名）', reason: '删去邻居姓名' },
};

describe('the mailbox workflow table', () => {
  it('refuses every verb in every state the table does not list', () => {
    for (const state of LETTER_STATES) {
      for (const verb of LETTER_VERBS) {
        const withdrawn = verb === 'republish' ? '已撤下' : null;
        const d = decideLetter(letter({ state, replyDraftedBy: 1, rateByOn: '2026-03-20', publicationWithdrawnReason: withdrawn }), valid[verb], facts());
        expect(d.ok, `${verb} in ${state}`).toBe(LETTER_TRANSITIONS[verb].from.includes(state));
        if (!d.ok && !LETTER_TRANSITIONS[verb].from.includes(state)) expect(d.reasons[0].code).toBe('ERR_LETTER_VERB_NOT_ALLOWED');
      }
    }
  });

  it('lists every reason a transfer is refused at once', () => {
    const d = decideLetter(letter({ state: 'replied' }), { verb: 'transfer', targetOrganId: 1, reason: ' ' }, facts({ targetIsOtherOrgan: false }));
    expect(d.ok).toBe(false);
    if (!d.ok) expect(d.reasons.map((r) => r.code)).toEqual(['ERR_LETTER_VERB_NOT_ALLOWED', 'ERR_LETTER_REASON_REQUIRED', 'ERR_LETTER_BAD_TARGET_ORGAN']);
  });

  it('sends a reply to review when the organ asks for a second person, who must not be its writer', () => {
    const d = decideLetter(letter(), valid.reply, facts({ replyReview: true }));
    expect(d.ok && d.next).toBe('reply_review');
    const same = decideLetter(letter({ state: 'reply_review', replyDraftedBy: 7 }), valid.approveReply, facts());
    expect(!same.ok && same.reasons[0].code).toBe('ERR_LETTER_SAME_REVIEWER');
    expect(decideLetter(letter(), valid.reply, facts()).ok && 'replied').toBe('replied');
  });

  it('offers the drafter the verbs of a reply under review with the reason they cannot approve it, and a second person all of them', () => {
    const underReview = letter({ state: 'reply_review', replyDraftedBy: 7, replyText: '答复' });
    const asDrafter = staffVerbChoices(underReview, { today: '2026-03-12', actorUserId: 7, replyReview: true });
    expect(asDrafter.map((c) => c.verb)).toEqual(['approveReply', 'returnReply', 'recordFollowUp', 'editPublicText']);
    expect(asDrafter.find((c) => c.verb === 'approveReply')!.refused).toEqual([{ code: 'ERR_LETTER_SAME_REVIEWER', message: '答复须由起草人以外的另一名工作人员审核' }]);
    expect(asDrafter.filter((c) => c.verb !== 'approveReply').every((c) => c.refused.length === 0)).toBe(true);
    expect(staffVerbChoices(underReview, { today: '2026-03-12', actorUserId: 8, replyReview: true }).every((c) => c.refused.length === 0)).toBe(true);
    expect(staffVerbChoices(letter(), { today: '2026-03-12', actorUserId: 7, replyReview: false }).map((c) => [c.verb, c.refused.length]))
      .toEqual([['assign', 0], ['transfer', 0], ['reply', 0], ['notAccept', 0], ['recordFollowUp', 0], ['editPublicText', 0]]);
  });

  it('takes a rating within seven days of the reply, once', () => {
    const replied = letter({ state: 'replied', repliedOn: '2026-03-12', rateByOn: '2026-03-19' });
    expect(decideLetter(replied, valid.rate, facts({ today: '2026-03-19' })).ok).toBe(true);
    const late = decideLetter(replied, valid.rate, facts({ today: '2026-03-20' }));
    expect(!late.ok && late.reasons[0].code).toBe('ERR_LETTER_RATING_CLOSED');
    const again = decideLetter({ ...replied, rating: 'dissatisfied' }, valid.rate, facts());
    expect(!again.ok && again.reasons[0].code).toBe('ERR_LETTER_ALREADY_RATED');
  });

  it('takes a JPG or PNG photo of at most 10 MB onto an existing follow-up record', () => {
    const d = decideLetter(letter(), { ...valid.attachPhoto, fileName: '记录.docx', sizeBytes: 11 * 1024 * 1024 } as LetterCommand, facts({ followUpExists: false }));
    expect(!d.ok && d.reasons.map((r) => r.field)).toEqual(['followUpEventId', 'file', 'file']);
  });

  it('refuses a follow-up dated in the future or before the letter', () => {
    const future = decideLetter(letter(), { ...valid.recordFollowUp, on: '2026-03-13' } as LetterCommand, facts());
    const early = decideLetter(letter(), { ...valid.recordFollowUp, on: '2026-03-09' } as LetterCommand, facts());
    expect(!future.ok && future.reasons[0].field).toBe('on');
    expect(!early.ok && early.reasons[0].field).toBe('on');
  });
});

describe('mailbox dates and masking', () => {
  it.each([
    ['2026-03-10', '2026-06-10'],
    ['2026-11-30', '2027-02-28'],
    ['2026-01-31', '2026-04-30'],
  ])('the three-month line of a letter written on %s is %s', (on, line) => expect(threeMonthLine(on)).toBe(line));

  it('counts no rating within the window as 满意, and nothing before the window ends', () => {
    expect(effectiveRating({ rating: null, rateByOn: '2026-03-19' }, '2026-03-19')).toBeNull();
    expect(effectiveRating({ rating: null, rateByOn: '2026-03-19' }, '2026-03-20')).toBe('satisfied');
    expect(effectiveRating({ rating: 'dissatisfied', rateByOn: '2026-03-19' }, '2026-04-01')).toBe('dissatisfied');
  });

  it.each([['张三', '张**'], ['张小明', '张**'], ['欧阳小明', '欧**'], ['赵 小 明', '赵**'], ['王·建国', '王**'], ['　赵　小明 ', '赵**'], [' ', '匿名']])('writes %s as %s', (name, shown) => expect(maskPersonName(name)).toBe(shown));
});

describe('taking a published letter off the portal and publishing it again', () => {
  const published = letter({ state: 'replied', replyText: '答复', repliedOn: '2026-03-11' });

  it('takes it off with a reason, recorded as the note, and leaves the state', () => {
    expect(decideLetter(published, { verb: 'withdrawPublication', reason: ' 来信人要求撤下 ' }, facts())).toEqual({ ok: true, next: 'replied', note: '来信人要求撤下' });
  });

  it('refuses to take it off without a reason, when it is not on the portal, or twice', () => {
    const noReason = decideLetter(published, { verb: 'withdrawPublication', reason: '' }, facts());
    expect(noReason).toEqual({ ok: false, reasons: [{ code: 'ERR_LETTER_REASON_REQUIRED', message: '请填写撤下公开的理由', field: 'reason' }] });
    const noConsent = decideLetter({ ...published, publishConsent: false }, valid.withdrawPublication, facts());
    expect(noConsent.ok === false && noConsent.reasons.map((r) => r.code)).toEqual(['ERR_LETTER_NOT_PUBLISHED']);
    const twice = decideLetter({ ...published, publicationWithdrawnReason: '含有他人隐私' }, { verb: 'withdrawPublication', reason: '' }, facts());
    expect(twice.ok === false && twice.reasons.map((r) => r.message)).toEqual(['这件来信已撤下公开（理由：含有他人隐私）', '请填写撤下公开的理由']);
  });

  it('refuses before the reply: a letter is published with its reply', () => {
    const d = decideLetter(letter({ state: 'assigned' }), valid.withdrawPublication, facts());
    expect(d.ok === false && d.reasons[0].code).toBe('ERR_LETTER_VERB_NOT_ALLOWED');
  });

  it('publishes a withdrawn letter again, and only a withdrawn one the writer allowed to publish', () => {
    expect(decideLetter({ ...published, publicationWithdrawnReason: '核实中' }, valid.republish, facts())).toEqual({ ok: true, next: 'replied', note: '' });
    const onPortal = decideLetter(published, valid.republish, facts());
    expect(onPortal.ok === false && onPortal.reasons).toEqual([{ code: 'ERR_LETTER_NOT_WITHDRAWN', message: '这件来信正在网上公开，无需重新公开' }]);
    const noConsent = decideLetter({ ...published, publishConsent: false, publicationWithdrawnReason: '核实中' }, valid.republish, facts());
    expect(noConsent.ok === false && noConsent.reasons.map((r) => r.code)).toEqual(['ERR_LETTER_NOT_PUBLISHED']);
  });

  it('offers staff the one of the two that applies, and neither for a letter the writer keeps private', () => {
    const offered = (l: Letter) => staffVerbChoices(l, facts()).map((c) => c.verb).filter((v) => v === 'withdrawPublication' || v === 'republish');
    expect(offered(published)).toEqual(['withdrawPublication']);
    expect(offered({ ...published, publicationWithdrawnReason: '核实中' })).toEqual(['republish']);
    expect(offered({ ...published, publishConsent: false })).toEqual([]);
  });
});

describe('editing the public version of a letter (redaction)', () => {
  const edit = (over: Partial<Extract<LetterCommand, { verb: 'editPublicText' }>> = {}): LetterCommand => ({ ...valid.editPublicText, ...over } as LetterCommand);

  it('is allowed before the reply and after publication, with the reason as the note', () => {
    for (const state of ['received', 'assigned', 'reply_review', 'replied'] as const) {
      expect(decideLetter(letter({ state }), edit(), facts())).toEqual({ ok: true, next: state, note: '删去邻居姓名' });
    }
    expect(decideLetter(letter({ state: 'not_accepted' }), edit(), facts()).ok).toBe(false);
  });

  it('refuses an empty title or text and a missing reason, every one at once', () => {
    const d = decideLetter(letter(), edit({ publicSubject: ' ', publicContent: '', reason: '' }), facts());
    expect(d.ok === false && d.reasons.map((r) => [r.code, r.field, r.message])).toEqual([
      ['ERR_LETTER_INVALID_INPUT', 'publicSubject', '请填写公开的标题'],
      ['ERR_LETTER_INVALID_INPUT', 'publicContent', '请填写公开的来信内容'],
      ['ERR_LETTER_REASON_REQUIRED', 'reason', '请填写修改公开版本的理由'],
    ]);
  });

  it('has nothing to edit for a letter the writer keeps private, and is not offered for it', () => {
    const d = decideLetter(letter({ publishConsent: false }), edit(), facts());
    expect(d.ok === false && d.reasons[0].code).toBe('ERR_LETTER_NOT_PUBLISHED');
    expect(staffVerbChoices(letter({ publishConsent: false }), facts()).map((c) => c.verb)).not.toContain('editPublicText');
    expect(staffVerbChoices(letter(), facts()).map((c) => c.verb)).toContain('editPublicText');
  });

  it('edits the public version of a sent reply too, never one not yet written, and never to nothing', () => {
    const replied = letter({ state: 'replied', replyText: '张小明同志：经查，您邻居李四家……', repliedOn: '2026-03-12' });
    expect(decideLetter(replied, edit({ publicReplyText: '张小明同志：经查……' }), facts())).toEqual({ ok: true, next: 'replied', note: '删去邻居姓名' });
    const empty = decideLetter(replied, edit({ publicReplyText: ' ' }), facts());
    expect(empty.ok === false && empty.reasons.map((r) => [r.field, r.message])).toEqual([['publicReplyText', '请填写公开的答复内容']]);
    const none = decideLetter(letter(), edit({ publicReplyText: '答复' }), facts());
    expect(none.ok === false && none.reasons.map((r) => [r.code, r.field])).toEqual([['ERR_LETTER_INVALID_INPUT', 'publicReplyText']]);
  });
});

describe('a letter handed to an internal unit (交办)', () => {
  const person = (handles: number[], units: number[]) => ({ handlesOrgan: (id: number) => handles.includes(id), belongsToUnit: (id: number) => units.includes(id) });

  it('opens to the organ’s handlers, and to staff of the unit it is handed to, no one else', () => {
    const handed = letter({ organId: 1, unitId: 2, state: 'assigned' });
    expect(letterAccess(handed, person([1], []))).toBe('handler');
    expect(letterAccess(handed, person([1], [2]))).toBe('handler');
    expect(letterAccess(handed, person([], [2]))).toBe('unit');
    // Another unit of the same organ, a unit's staff before the letter is handed over, another organ's staff.
    expect(letterAccess(handed, person([], [3]))).toBeNull();
    expect(letterAccess(letter({ organId: 1, unitId: null }), person([], [2]))).toBeNull();
    expect(letterAccess(handed, person([9], []))).toBeNull();
  });

  it('takes the unit’s 办理意见 from its staff only, while the organ is still working on the letter, and never empty', () => {
    const handed = letter({ organId: 1, unitId: 2, state: 'assigned' });
    const d = decideLetter(handed, valid.recordUnitOpinion, facts({ unitStaff: true }));
    expect(d).toEqual({ ok: true, next: 'assigned', note: '经现场核实，该小区已列入2026年改造计划，建议答复来信人。' });
    const refused = decideLetter(handed, { verb: 'recordUnitOpinion', opinion: '  ' }, facts({ unitStaff: false }));
    expect(refused.ok ? [] : refused.reasons.map((r) => r.code)).toEqual(['ERR_LETTER_NOT_UNIT_STAFF', 'ERR_LETTER_INVALID_INPUT']);
    expect(decideLetter(letter({ unitId: 2, state: 'replied' }), valid.recordUnitOpinion, facts()).ok).toBe(false);
  });

  it('offers the unit’s staff only the unit’s note, and the organ’s handler never the unit’s note', () => {
    const handed = letter({ organId: 1, unitId: 2, state: 'assigned' });
    expect(staffVerbChoices(handed, { today: '2026-03-12', actorUserId: 7, replyReview: false }).map((c) => c.verb)).not.toContain('recordUnitOpinion');
    expect(staffVerbChoices(handed, { today: '2026-03-12', actorUserId: 7, replyReview: false, unitStaff: true }).map((c) => c.verb)).toContain('recordUnitOpinion');
  });
});

describe('交办意见 and 报送期限 of a letter handed to a unit', () => {
  it('takes a 报送期限 on or before the reply due date and the 交办意见 as the note', () => {
    const d = decideLetter(letter(), { verb: 'assign', unitId: 2, instructions: ' 请核实收费依据 ', reportByOn: '2026-03-17' }, facts());
    expect(d).toEqual({ ok: true, next: 'assigned', note: '请核实收费依据' });
  });
  it('refuses a 报送期限 after the reply due date, with its own code and a message naming both dates', () => {
    const d = decideLetter(letter(), { verb: 'assign', unitId: 2, reportByOn: '2026-03-18' }, facts());
    expect(d.ok).toBe(false);
    if (d.ok) return;
    expect(d.reasons).toEqual([{ code: 'ERR_LETTER_REPORT_BY_AFTER_DUE', field: 'reportByOn', message: expect.stringContaining('晚于来信的答复期限2026-03-17') }]);
  });
  it('refuses a 报送期限 that is no date or lies in the past', () => {
    for (const reportByOn of ['2026-02-30', '明天', '2026-03-11']) {
      const d = decideLetter(letter(), { verb: 'assign', unitId: 2, reportByOn }, facts());
      expect(d.ok ? [] : d.reasons.map((r) => r.code)).toEqual(['ERR_LETTER_INVALID_DATE']);
    }
  });
  it('marks a unit past its 报送期限 without a note 逾期, only while the letter is open', () => {
    const handed = letter({ state: 'assigned', unitId: 2, unitReportByOn: '2026-03-12' });
    expect(unitOpinionOverdue(handed, '2026-03-12')).toBe(false);
    expect(unitOpinionOverdue(handed, '2026-03-13')).toBe(true);
    expect(unitOpinionOverdue({ ...handed, unitOpinionOn: '2026-03-13' }, '2026-03-14')).toBe(false);
    expect(unitOpinionOverdue({ ...handed, state: 'replied' }, '2026-03-14')).toBe(false);
    expect(unitOpinionOverdue({ ...handed, unitReportByOn: null }, '2026-03-14')).toBe(false);
  });
  it('tells the organ of a unit note newer than its staff\'s last verb on an open letter', () => {
    const noted = letter({ state: 'assigned', unitId: 2, unitOpinionAt: '2026-03-12T03:00:00.000Z', handlerActedAt: '2026-03-12T02:00:00.000Z' });
    expect(unitOpinionUnread(noted)).toBe(true);
    expect(unitOpinionUnread({ ...noted, handlerActedAt: '2026-03-12T04:00:00.000Z' })).toBe(false);
    expect(unitOpinionUnread({ ...noted, state: 'replied' })).toBe(false);
    expect(unitOpinionUnread({ ...noted, unitOpinionAt: null })).toBe(false);
  });
});
