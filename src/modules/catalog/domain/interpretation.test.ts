import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../shared/clock.ts';
import { addDays, chinaDateOf } from '../../../shared/iso-date.ts';
import { WorkingDayCalendar } from '../../calendar/index.ts';
import {
  interpretationDue, interpretationRefusals, interpretationTitleFor, interpretationValidityRefusals, lastOverduePublishedOn, linkRefusal, needsInterpretation, policyNodeIds, relatedOrganIds,
  type InterpretationFacts, type LinkTarget, type PolicyFacts,
} from './interpretation.ts';

// The shipped 2026 notice: 2026-09-25 (Fri) 中秋节 off; 10-01…10-07 国庆节 off except the weekend;
// Saturday 10-10 is a working day (调休).
const calendar = WorkingDayCalendar.withBuiltinYears();
const POLICY_NODES = new Set([10, 11]);
const policy = (over: Partial<PolicyFacts> = {}): PolicyFacts => ({
  itemKind: 'document', status: 'published', validity: 'valid', publishRoute: 'review_chain', publishedOn: '2026-09-24', nodeIds: [11], ...over,
});
/** "Today" as the fixed clock says it, in China. */
const todayAt = (instant: string) => chinaDateOf(fixedClock(instant).now());

describe('a policy needs an interpretation within 3 working days of its publication', () => {
  it('counts across a holiday and a weekend: published Thursday before 中秋, due the next Wednesday, overdue from Thursday', () => {
    const onDueDay = interpretationDue(policy(), POLICY_NODES, [], calendar, todayAt('2026-09-30T15:59:00Z'));
    expect(onDueDay).toEqual({ needed: true, dueOn: '2026-09-30', interpretedOn: null, late: false, overdueSince: null });
    const nextDay = interpretationDue(policy(), POLICY_NODES, [], calendar, todayAt('2026-09-30T16:00:00Z'));
    expect(nextDay).toEqual({ needed: true, dueOn: '2026-09-30', interpretedOn: null, late: true, overdueSince: '2026-10-01' });
  });

  it('skips 国庆节 and counts its 调休 Saturday: published 09-30, due Saturday 10-10', () => {
    const p = policy({ publishedOn: '2026-09-30' });
    expect(interpretationDue(p, POLICY_NODES, [], calendar, todayAt('2026-10-09T02:00:00Z'))).toMatchObject({ dueOn: '2026-10-10', overdueSince: null });
    expect(interpretationDue(p, POLICY_NODES, [], calendar, todayAt('2026-10-12T02:00:00Z'))).toMatchObject({ dueOn: '2026-10-10', overdueSince: '2026-10-11' });
  });

  it('skips an ordinary weekend: published Friday 11-20, due Wednesday 11-25', () => {
    const p = policy({ publishedOn: '2026-11-20' });
    expect(interpretationDue(p, POLICY_NODES, [], calendar, todayAt('2026-11-25T09:00:00Z'))).toMatchObject({ dueOn: '2026-11-25', overdueSince: null });
    expect(interpretationDue(p, POLICY_NODES, [], calendar, todayAt('2026-11-26T01:00:00Z'))).toMatchObject({ overdueSince: '2026-11-26', late: true });
  });

  it('is no longer overdue once an interpretation is published, and says whether that was late', () => {
    const today = todayAt('2026-10-12T02:00:00Z');
    expect(interpretationDue(policy(), POLICY_NODES, ['2026-09-24'], calendar, today)).toEqual({ needed: true, dueOn: '2026-09-30', interpretedOn: '2026-09-24', late: false, overdueSince: null });
    expect(interpretationDue(policy(), POLICY_NODES, ['2026-10-09', '2026-10-08'], calendar, today)).toEqual({ needed: true, dueOn: '2026-09-30', interpretedOn: '2026-10-08', late: true, overdueSince: null });
    // An interpretation dated after today (a clock or data slip) does not count yet.
    expect(interpretationDue(policy(), POLICY_NODES, ['2026-10-20'], calendar, today)).toMatchObject({ interpretedOn: null, overdueSince: '2026-10-01' });
  });

  it('counts the number of working days the organ chose', () => {
    expect(interpretationDue(policy(), POLICY_NODES, [], calendar, '2026-09-28', 1)).toMatchObject({ dueOn: '2026-09-28', overdueSince: null });
    expect(interpretationDue(policy(), POLICY_NODES, [], calendar, '2026-09-29', 1)).toMatchObject({ overdueSince: '2026-09-29' });
  });
});

describe('the last publication day that is overdue today (what storage counts by)', () => {
  it('divides the days exactly as interpretationDue does, for every day of two months and several limits', () => {
    // Every "today" of September–October 2026 (中秋, 国庆 and its 调休 Saturday) and each publication
    // day of the 45 days before it: overdue exactly when published on or before the dividing day.
    for (const workingDays of [1, 3, 5, 20]) {
      for (let today = '2026-09-01'; today <= '2026-10-31'; today = addDays(today, 1)) {
        const last = lastOverduePublishedOn(calendar, today, workingDays);
        for (let back = 1; back <= 45; back++) {
          const publishedOn = addDays(today, -back);
          const due = interpretationDue(policy({ publishedOn }), POLICY_NODES, [], calendar, today, workingDays);
          expect({ workingDays, today, publishedOn, overdue: publishedOn <= last }).toEqual({ workingDays, today, publishedOn, overdue: due.needed && due.overdueSince !== null });
        }
      }
    }
  });

  it('on 10-09, for 3 working days across 国庆: Monday 09-28 (due 10-08); Tuesday 09-29 is due that very day', () => {
    expect(lastOverduePublishedOn(calendar, '2026-10-09', 3)).toBe('2026-09-28');
  });
});

describe('which items need an interpretation', () => {
  it('a published, valid document placed in a policy node, published through the platform', () => {
    expect(needsInterpretation(policy(), POLICY_NODES)).toBe(true);
    expect(needsInterpretation(policy({ nodeIds: [3, 10] }), POLICY_NODES)).toBe(true);
  });
  it('not an interpretation, a draft, a repealed document, imported content or an item elsewhere in the catalog', () => {
    for (const over of [{ itemKind: 'interpretation' as const }, { status: 'in_review', publishedOn: null }, { validity: 'repealed' }, { publishRoute: 'system_import' }, { nodeIds: [3] }]) {
      expect(needsInterpretation(policy(over), POLICY_NODES), JSON.stringify(over)).toBe(false);
      expect(interpretationDue(policy(over), POLICY_NODES, [], calendar, '2027-01-01')).toEqual({ needed: false });
    }
  });

  const nodes = [
    { id: 1, parentId: null, name: '政策文件' }, { id: 2, parentId: 1, name: '规范性文件' }, { id: 3, parentId: 1, name: '其他文件' },
    { id: 4, parentId: null, name: '政策解读' }, { id: 5, parentId: null, name: '重点领域' }, { id: 6, parentId: 5, name: ' 规范性文件 ' },
  ];
  it('by default the nodes named 规范性文件 or 政策文件 and everything below them', () => {
    expect([...policyNodeIds(nodes, null)].sort()).toEqual([1, 2, 3, 6]);
  });
  it('or the nodes the organ chose, with what is below them (a removed node is ignored; none chosen means none)', () => {
    expect([...policyNodeIds(nodes, [2, 5, 99])].sort()).toEqual([2, 5, 6]);
    expect(policyNodeIds(nodes, []).size).toBe(0);
  });
});

describe('what an interpretation needs before it is published', () => {
  const facts = (over: Partial<InterpretationFacts> = {}): InterpretationFacts => ({
    itemKind: 'interpretation', form: 'text', bodyText: '一、起草背景……', videoUrl: null, graphic: null, policies: [{ status: 'published' }], ...over,
  });
  it('nothing more for a complete text interpretation, and nothing at all for an ordinary document', () => {
    expect(interpretationRefusals(facts())).toEqual([]);
    expect(interpretationRefusals(facts({ itemKind: 'document', form: null, policies: [] }))).toEqual([]);
  });
  it('lists every reason at once: no policy, no form', () => {
    expect(interpretationRefusals(facts({ policies: [], form: null })).map((r) => r.field)).toEqual(['policyIds', 'interpretationForm']);
  });
  it('its policy published first (or with it)', () => {
    expect(interpretationRefusals(facts({ policies: [{ status: 'approved' }] }))[0].message).toContain('尚未发布');
    expect(interpretationRefusals(facts({ policies: [{ status: 'draft' }, { status: 'published' }] }))).toEqual([]);
  });
  it('a 图解 needs a live picture and its full text; a video its link and its text', () => {
    expect(interpretationRefusals(facts({ form: 'graphic', bodyText: ' ', graphic: null })).map((r) => r.field)).toEqual(['graphicAttachmentId', 'bodyHtml']);
    expect(interpretationRefusals(facts({ form: 'graphic', graphic: { isImage: true, live: false } })).map((r) => r.field)).toEqual(['graphicAttachmentId']);
    expect(interpretationRefusals(facts({ form: 'graphic', graphic: { isImage: true, live: true } }))).toEqual([]);
    expect(interpretationRefusals(facts({ form: 'video', bodyText: '' })).map((r) => r.field)).toEqual(['videoUrl', 'bodyHtml']);
    expect(interpretationRefusals(facts({ form: 'video', videoUrl: 'https://v.example.cn/1' }))).toEqual([]);
    expect(interpretationRefusals(facts({ bodyText: '' })).map((r) => r.code)).toEqual(['ERR_CATALOG_INTERPRETATION_INCOMPLETE']);
  });
});

describe('which policies an interpretation may name', () => {
  // 县政府 (1) above 住建局 (2) with its unit (3); 财政局 (4) is a sibling department.
  const organs = [{ id: 1, parentId: null }, { id: 2, parentId: 1 }, { id: 3, parentId: 2 }, { id: 4, parentId: 1 }];
  it('its own organ, the organs above it and every organ below it, not a sibling', () => {
    expect([...relatedOrganIds(organs, 2)].sort()).toEqual([1, 2, 3]);
    expect([...relatedOrganIds(organs, 1)].sort()).toEqual([1, 2, 3, 4]);
  });
  const related = relatedOrganIds(organs, 2);
  const target = (over: Partial<LinkTarget> = {}): LinkTarget => ({ id: 7, organId: 2, itemKind: 'document', status: 'published', ...over });
  const ctx = (mayEdit: boolean) => ({ organId: 2, selfId: 9, related, mayEditUnpublished: () => mayEdit });
  it('a published policy of a related organ', () => {
    expect(linkRefusal(7, target(), ctx(false))).toBeNull();
    expect(linkRefusal(7, target({ organId: 1 }), ctx(false))).toBeNull();
    expect(linkRefusal(7, target({ organId: 4 }), ctx(true))).toContain('不属于本机关或上下级机关');
  });
  it('an unpublished one only of its own organ and only by someone who may edit it; otherwise as if missing', () => {
    expect(linkRefusal(7, target({ status: 'draft' }), ctx(true))).toBeNull();
    const missing = linkRefusal(8, null, ctx(true));
    expect(missing).toBe('所解读的政策文件（编号 8）不存在或尚未发布');
    expect(linkRefusal(7, target({ status: 'draft' }), ctx(false))).toBe('所解读的政策文件（编号 7）不存在或尚未发布');
    expect(linkRefusal(7, target({ status: 'draft', organId: 1 }), ctx(true))).toBe('所解读的政策文件（编号 7）不存在或尚未发布');
    expect(linkRefusal(7, target({ status: 'withdrawn' }), ctx(true))).toBe('所解读的政策文件（编号 7）不存在或尚未发布');
  });
  it('never itself or another interpretation', () => {
    expect(linkRefusal(9, target({ id: 9 }), ctx(true))).toContain('它自己');
    expect(linkRefusal(7, target({ itemKind: 'interpretation' }), ctx(true))).toContain('是一篇政策解读');
  });
});

describe('a title to start from', () => {
  it('names the document in 《》 as sites write it', () => {
    expect(interpretationTitleFor('关于印发《青岚县公共租赁住房管理办法》的通知')).toBe('《青岚县公共租赁住房管理办法》政策解读');
    expect(interpretationTitleFor('青岚县住房公积金缴存管理办法')).toBe('《青岚县住房公积金缴存管理办法》政策解读');
    expect(interpretationTitleFor('《办法》')).toBe('《办法》政策解读');
  });
});

/** An interpretation has no 效力 of its own (found by an outside tester: one marked 已废止 read 本文件已废止 on the portal). */
describe('a 政策解读 carries no 效力 of its own, whichever input gives it one', () => {
  it('refuses 已废止, 已修改 and 已失效 and a 有效期至 on an interpretation, by field, with the review verbs’ code', () => {
    for (const [validity, word] of [['repealed', '已废止'], ['amended', '已修改'], ['expired', '已失效']] as const) {
      const r = interpretationValidityRefusals({ itemKind: 'interpretation', validity });
      expect(r.map((x) => [x.code, x.field])).toEqual([['ERR_REVIEW_INTERPRETATION_NO_VALIDITY', 'validity']]);
      expect(r[0]!.message).toMatch(/^这是政策解读，本身没有效力/);
      expect(r[0]!.message).toContain(`（现为“${word}”）`);
      expect(r[0]!.message).toContain('信息类别应为“普通信息”');
    }
    const through = interpretationValidityRefusals({ itemKind: 'interpretation', validity: 'valid', validThroughOn: '2030-12-31' });
    expect(through.map((x) => [x.code, x.field])).toEqual([['ERR_REVIEW_INTERPRETATION_NO_VALIDITY', 'validThroughOn']]);
    expect(through[0]!.message).toContain('有效期至应留空（现为 2030-12-31）');
  });
  it('leaves an interpretation that is 有效 alone, and every 效力 of an ordinary document', () => {
    expect(interpretationValidityRefusals({ itemKind: 'interpretation', validity: 'valid', validThroughOn: null })).toEqual([]);
    for (const validity of ['valid', 'amended', 'repealed', 'expired']) {
      expect(interpretationValidityRefusals({ itemKind: 'document', validity, validThroughOn: '2030-12-31' })).toEqual([]);
    }
  });
});
