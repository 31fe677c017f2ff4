import { describe, expect, it } from 'vitest';
import { WorkingDayCalendar } from '../../calendar/index.ts';
import { sampleApplication } from '../testing/sample-application.ts';
import type { Application } from './application.ts';
import { decide, type DecideFacts } from './decide.ts';
import { ApplicationErrorCode as E } from './error-codes.ts';
import { DEFAULT_TEMPLATES } from './letters/default-templates.ts';
import { buildLetter } from './letters/build-letter.ts';
import { replyTemplateKind } from './letters/letter-kinds.ts';
import { outcomeGroup, type Outcome } from './outcomes.ts';
import type { ReplyBasis } from './reply-basis.ts';

const facts: DecideFacts = { today: '2026-03-10', calendar: WorkingDayCalendar.withBuiltinYears(), pauses: [], actorIsOfficeHead: false, actorUserId: 3 };
const reply = (outcome: string, extra: Record<string, unknown> = {}) =>
  decide(sampleApplication('in_progress'), { verb: 'recordReply', outcome, repliedOn: '2026-03-10', text: '答复内容。', ...extra } as never, facts);

const letterText = (outcome: Outcome, replyBasis: ReplyBasis) => {
  const app: Application = sampleApplication('replied', { outcome, replyBasis, repliedOn: '2026-03-10', replyText: '答复内容。' });
  const doc = buildLetter('reply', {
    app, organName: '青岚县住房和城乡建设局', issuedOn: '2026-03-10', template: DEFAULT_TEMPLATES[replyTemplateKind(outcomeGroup(outcome))], values: {},
    reconsideration: { body: '青岚县人民政府', address: '青岚县人民路1号', online: '' }, serviceMethod: 'post',
  });
  return JSON.stringify(doc);
};

describe('a reply cites exactly the item that applies (条例第三十六条至第三十九条)', () => {
  it('予以公开 must say whether the information was already public (第（一）项) or is now disclosed (第（二）项)', () => {
    const d = reply('disclosed');
    expect(d.ok).toBe(false);
    if (!d.ok) expect(d.reasons).toContainEqual(expect.objectContaining({ code: E.basisRequired, field: 'basisItem' }));
    expect(reply('disclosed', { basisItem: 'disclosable', providedForm: 'electronic' }).ok).toBe(true);
    const already = letterText('disclosed', { item: 'already_public' });
    expect(already).toContain('第三十六条第（一）项');
    expect(already).not.toContain('第（二）项');
    const now = letterText('disclosed', { item: 'disclosable' });
    expect(now).toContain('第三十六条第（二）项');
    expect(now).not.toContain('第（一）项');
  });

  it('不掌握 cites 第（四）项 alone, or 第（五）项 with the responsible organ named and reachable', () => {
    const missing = reply('unable.not_held', { basisItem: 'not_ours' });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.reasons.map((r) => r.field)).toEqual(expect.arrayContaining(['responsibleOrgan', 'responsibleContact']));
    expect(reply('unable.not_held', { basisItem: 'not_ours', responsibleOrgan: '青岚县自然资源和规划局', responsibleContact: '0564-5022100' }).ok).toBe(true);
    expect(reply('unable.not_held', { basisItem: 'not_ours', responsibleUnknown: '经查无法确定负责公开的机关' }).ok).toBe(true);
    const notExist = letterText('unable.not_held', { item: 'not_exist' });
    expect(notExist).toContain('第三十六条第（四）项');
    expect(notExist).not.toContain('第（五）项');
    const other = letterText('unable.not_held', { item: 'not_ours', responsibleOrgan: '青岚县自然资源和规划局', responsibleContact: '0564-5022100' });
    expect(other).toContain('第三十六条第（五）项');
    expect(other).not.toContain('第（四）项');
    expect(other).toContain('青岚县自然资源和规划局');
    expect(other).toContain('0564-5022100');
  });

  it('部分公开 gives the withheld part its reason and exemption article', () => {
    const bare = reply('partly_disclosed');
    expect(bare.ok).toBe(false);
    if (!bare.ok) expect(bare.reasons.map((r) => r.field)).toEqual(expect.arrayContaining(['withheldGround', 'withheldReason']));
    expect(reply('partly_disclosed', { withheldGround: 'withheld.process_information', withheldReason: '会议讨论记录', providedForm: 'electronic' }).ok).toBe(true);
    const text = letterText('partly_disclosed', { withheldGround: 'withheld.process_information', withheldReason: '第3页为内部讨论记录' });
    expect(text).toContain('第三十七条');
    expect(text).toContain('第十六条第二款');
    expect(text).toContain('第3页为内部讨论记录');
  });

  it('要求确认或重新出具已获取信息 does not cite 第三十九条, which covers petitions and publications only', () => {
    const text = letterText('not_processed.confirm_or_reissue', {});
    expect(text).not.toContain('第三十九条');
    expect(letterText('not_processed.publication', {})).toContain('第三十九条第二款');
  });
});

describe('the form the information is actually provided in (条例第四十条)', () => {
  it('a disclosure records the form provided, with the reason when it differs from the form asked for', () => {
    const asked = sampleApplication('in_progress', { provisionForm: 'electronic' });
    const run = (extra: Record<string, unknown>) =>
      decide(asked, { verb: 'recordReply', outcome: 'disclosed', basisItem: 'disclosable', repliedOn: '2026-03-10', text: '答复。', ...extra } as never, facts);
    const none = run({});
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.reasons).toContainEqual(expect.objectContaining({ field: 'providedForm' }));
    const differs = run({ providedForm: 'inspection' });
    expect(differs.ok).toBe(false);
    if (!differs.ok) expect(differs.reasons).toContainEqual(expect.objectContaining({ field: 'providedFormReason', message: expect.stringContaining('第四十条') }));
    const ok = run({ providedForm: 'inspection', providedFormReason: '图纸原件篇幅大，复制成本过高' });
    expect(ok.ok && ok.changes).toMatchObject({ providedForm: 'inspection', providedFormReason: '图纸原件篇幅大，复制成本过高' });
    expect(run({ providedForm: 'electronic' }).ok).toBe(true);
    const app = sampleApplication('replied', { outcome: 'disclosed', replyBasis: { item: 'disclosable' }, providedForm: 'inspection', providedFormReason: '图纸原件篇幅大，复制成本过高' });
    const text = JSON.stringify(buildLetter('reply', {
      app, organName: '青岚县住房和城乡建设局', issuedOn: '2026-03-10', template: DEFAULT_TEMPLATES['reply.disclosed'], values: {},
      reconsideration: { body: '青岚县人民政府', address: '', online: '' }, serviceMethod: 'post',
    }));
    expect(text).toContain('安排查阅');
    expect(text).toContain('图纸原件篇幅大，复制成本过高');
  });

  it('a fee notice says how to pay', () => {
    const d = decide(sampleApplication('in_progress'), { verb: 'issueFeeNotice', method: 'per_page', pages: 150, sentOn: '2026-03-06' } as never, facts);
    expect(d.ok).toBe(false);
    if (!d.ok) expect(d.reasons).toContainEqual(expect.objectContaining({ field: 'paymentMethod' }));
  });
});
