import { describe, expect, it } from 'vitest';
import { checkProposalInput, decideProposal, type ProposalFacts } from './decide-proposal.ts';
import { dueStatus, monthsAfter, normalizeProposalNumber, PROPOSAL_STATES, publishDecisionLate, type Proposal, type ProposalInput } from './proposal.ts';
import { PROPOSAL_TRANSITIONS, PROPOSAL_VERBS, proposalVerbsIn, type ProposalCommand } from './proposal-verbs.ts';

const input = (over: Partial<ProposalInput> = {}): ProposalInput => ({
  kind: 'suggestion', number: '0123', title: '关于加快老旧小区改造的建议', submitters: '王某、李某', session: '县十八届人大五次会议', year: '',
  receivedOn: '2026-03-10', role: 'lead', partnerOrgans: '', dueOn: '', ...over,
});
const proposal = (over: Partial<Proposal> = {}): Proposal => ({
  id: 1, organId: 1, kind: 'suggestion', number: '第0123号', title: '关于加快老旧小区改造的建议', submitters: '王某', session: '县十八届人大五次会议', year: 2026,
  receivedOn: '2026-03-10', role: 'lead', partnerOrgans: '', dueOn: '2026-06-10', dueExplicit: false, state: 'registered', replyText: null, repliedOn: null,
  result: null, publishDueOn: null, satisfaction: null, satisfactionNote: null, publicText: null, publishedOn: null, withheldReason: null, cancelReason: null,
  version: 1, createdAt: '', updatedAt: '', ...over,
});
const facts = (over: Partial<ProposalFacts> = {}): ProposalFacts => ({ today: '2026-05-20', duplicate: false, secrecyMarkings: 0, ...over });
const valid: Record<ProposalCommand['verb'], ProposalCommand> = {
  edit: { verb: 'edit', input: input() },
  reply: { verb: 'reply', replyText: '王某代表：您提出的建议收悉，现答复如下……', repliedOn: '2026-05-18', result: 'solved' },
  recordSatisfaction: { verb: 'recordSatisfaction', satisfaction: 'satisfied', note: '' },
  publish: { verb: 'publish', publicText: '答复全文' },
  withhold: { verb: 'withhold', reason: '涉及国家秘密' },
  cancel: { verb: 'cancel', reason: '重复登记' },
};

describe('the 建议提案 workflow table', () => {
  it('allows each verb exactly in the states its row lists, and refuses it elsewhere as the wrong state', () => {
    for (const state of PROPOSAL_STATES) {
      for (const verb of PROPOSAL_VERBS) {
        const d = decideProposal(proposal({ state }), valid[verb], facts());
        const allowed = PROPOSAL_TRANSITIONS[verb].from.includes(state);
        expect(d.ok, `${verb} in ${state}`).toBe(allowed);
        if (d.ok) expect(d.next).toBe(PROPOSAL_TRANSITIONS[verb].to === 'same' ? state : PROPOSAL_TRANSITIONS[verb].to);
        else expect(d.reasons.map((r) => r.code)).toEqual(['ERR_PROPOSAL_VERB_NOT_ALLOWED']);
      }
      expect(proposalVerbsIn(state)).toEqual(PROPOSAL_VERBS.filter((v) => PROPOSAL_TRANSITIONS[v].from.includes(state)));
    }
  });

  it('names the states that would allow a verb when the state does not', () => {
    const d = decideProposal(proposal({ state: 'cancelled' }), valid.publish, facts());
    expect(!d.ok && d.reasons[0].message).toBe('当前状态为“已撤销登记”，不能“公开办理结果”（仅限：已答复，待定是否公开、办理结果不公开）');
  });

  it('lists every reason a reply is refused at once, the wrong state first', () => {
    const d = decideProposal(proposal({ state: 'published' }), { verb: 'reply', replyText: ' ', repliedOn: '2026-05-21', result: 'great' }, facts());
    expect(!d.ok && d.reasons.map((r) => [r.code, r.field])).toEqual([
      ['ERR_PROPOSAL_VERB_NOT_ALLOWED', undefined], ['ERR_PROPOSAL_REPLY_REQUIRED', 'replyText'], ['ERR_PROPOSAL_INVALID_DATE', 'repliedOn'], ['ERR_PROPOSAL_INVALID_INPUT', 'result'],
    ]);
  });

  it('takes a reply dated between the day received and today, late or not', () => {
    const before = decideProposal(proposal(), { ...valid.reply, repliedOn: '2026-03-09' } as ProposalCommand, facts());
    expect(!before.ok && before.reasons[0].message).toBe('答复日期2026-03-09早于收到日期2026-03-10');
    expect(decideProposal(proposal(), { ...valid.reply, repliedOn: '2026-03-10' } as ProposalCommand, facts()).ok).toBe(true);
    const late = decideProposal(proposal({ dueOn: '2026-05-10' }), valid.reply, facts());
    expect(late.ok && late.next).toBe('replied');
    const notADay = decideProposal(proposal(), { ...valid.reply, repliedOn: '2026-02-30' } as ProposalCommand, facts());
    expect(!notADay.ok && notADay.reasons[0].field).toBe('repliedOn');
  });

  it('refuses to publish a text with a secrecy marking or without text, and a withholding or cancellation without a reason', () => {
    const secret = decideProposal(proposal({ state: 'replied' }), { verb: 'publish', publicText: '' }, facts({ secrecyMarkings: 2 }));
    expect(!secret.ok && secret.reasons.map((r) => r.code)).toEqual(['ERR_PROPOSAL_REPLY_REQUIRED', 'ERR_PROPOSAL_SECRECY_MARKING']);
    const withhold = decideProposal(proposal({ state: 'published' }), { verb: 'withhold', reason: '  ' }, facts());
    expect(!withhold.ok && withhold.reasons).toEqual([{ code: 'ERR_PROPOSAL_REASON_REQUIRED', message: '请填写不予公开的理由', field: 'withheldReason' }]);
    const cancel = decideProposal(proposal(), { verb: 'cancel', reason: '' }, facts());
    expect(!cancel.ok && cancel.reasons[0].field).toBe('cancelReason');
    const ok = decideProposal(proposal({ state: 'withheld' }), valid.publish, facts());
    expect(ok.ok && ok.next).toBe('published');
  });

  it('records a 满意度 of the three and a remark of at most 2000 characters', () => {
    const bad = decideProposal(proposal({ state: 'replied' }), { verb: 'recordSatisfaction', satisfaction: 'happy', note: 'x'.repeat(2001) }, facts());
    expect(!bad.ok && bad.reasons.map((r) => r.field)).toEqual(['satisfaction', 'satisfactionNote']);
    const ok = decideProposal(proposal({ state: 'withheld' }), { verb: 'recordSatisfaction', satisfaction: 'dissatisfied', note: ' 希望加快进度 ' }, facts());
    expect(ok.ok && ok.note).toBe('希望加快进度');
  });

  it('corrects a registration with the same checks as registering, and refuses a number the organ already has', () => {
    const d = decideProposal(proposal(), { verb: 'edit', input: input({ title: '', receivedOn: '2026-05-21', dueOn: '2026-05-01' }) }, facts({ duplicate: true }));
    expect(!d.ok && d.reasons.map((r) => [r.code, r.field])).toEqual([
      ['ERR_PROPOSAL_INVALID_INPUT', 'title'], ['ERR_PROPOSAL_INVALID_DATE', 'receivedOn'], ['ERR_PROPOSAL_INVALID_DATE', 'dueOn'], ['ERR_PROPOSAL_DUPLICATE', 'number'],
    ]);
    const ok = decideProposal(proposal(), { verb: 'edit', input: input({ number: '0456' }) }, facts());
    expect(ok.ok && ok.input?.number).toBe('第0456号');
  });
});

describe('registering a 建议 or 提案', () => {
  it('refuses every wrong field at once', () => {
    const { reasons } = checkProposalInput({ kind: 'letter', number: '', title: '', submitters: '', session: '', year: '1999', receivedOn: '2026-13-01', role: 'both', dueOn: 'soon' }, '2026-05-20');
    expect(reasons.map((r) => r.field)).toEqual(['kind', 'number', 'title', 'submitters', 'session', 'receivedOn', 'year', 'role', 'dueOn']);
  });

  it('writes a bare number as 第…号, takes the year of receipt when none is given, and keeps a typed due date', () => {
    const { value, reasons } = checkProposalInput(input({ number: ' 0123 ', dueOn: '2026-05-31' }), '2026-05-20');
    expect(reasons).toEqual([]);
    expect(value).toMatchObject({ number: '第0123号', year: 2026, dueOn: '2026-05-31', submitters: '王某、李某' });
    expect(checkProposalInput(input({ year: '2027' }), '2026-05-20').reasons).toEqual([]);
    expect(checkProposalInput(input({ year: '2028' }), '2026-05-20').reasons.map((r) => r.field)).toEqual(['year']);
    expect(normalizeProposalNumber('政协第12号')).toBe('政协第12号');
  });
});

describe('建议提案 dates', () => {
  it.each([
    ['2026-03-10', 3, '2026-06-10'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2028-11-30', 3, '2029-02-28'],
    ['2027-11-30', 3, '2028-02-29'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2026-10-15', 12, '2027-10-15'],
  ])('%s plus %i months is %s', (on, months, due) => expect(monthsAfter(on, months)).toBe(due));

  it('is overdue the day after the due date, due soon up to the last day counted, and neither once replied', () => {
    expect(dueStatus(proposal({ dueOn: '2026-06-10' }), '2026-06-10', '2026-06-24')).toBe('due_soon');
    expect(dueStatus(proposal({ dueOn: '2026-06-10' }), '2026-06-11', '2026-06-25')).toBe('overdue');
    expect(dueStatus(proposal({ dueOn: '2026-06-25' }), '2026-06-10', '2026-06-24')).toBeNull();
    expect(dueStatus(proposal({ dueOn: '2026-06-10', state: 'replied' }), '2026-07-01', '2026-07-15')).toBeNull();
    expect(publishDecisionLate(proposal({ state: 'replied', publishDueOn: '2026-06-10' }), '2026-06-11')).toBe(true);
    expect(publishDecisionLate(proposal({ state: 'published', publishDueOn: '2026-06-10' }), '2026-06-11')).toBe(false);
  });
});
