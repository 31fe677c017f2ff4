import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { buildDeps, createActor, createOrgan } from '../../../../test/support/factories.ts';
import { verifyAuditLog } from '../../audit/index.ts';
import {
  consultationDetails, countLateConsultationFeedback, findPublicConsultation, listPublicConsultations, moderateComment, openConsultation, publishFeedback, submitComment,
} from '../index.ts';

const draft = (over: Record<string, string> = {}) => ({
  title: '关于城区停车收费标准调整的征求意见稿', body: '第一条 为规范停车秩序……', howToComment: '在本页提交意见，或发送电子邮件至 zjj@example.gov.cn',
  startOn: '2026-09-21', endOn: '2026-09-30', ...over,
});

describeEachDialect('public consultation', (db) => {
  let deps: ReturnType<typeof buildDeps>;
  let organ: Awaited<ReturnType<typeof createOrgan>>;
  let clerk: Awaited<ReturnType<typeof createActor>>;
  let outsider: Awaited<ReturnType<typeof createActor>>;
  let quiet: Awaited<ReturnType<typeof createOrgan>>;
  let quietClerk: Awaited<ReturnType<typeof createActor>>;

  beforeAll(async () => {
    deps = buildDeps(db(), '2026-09-18T02:00:00Z');
    const county = await createOrgan(deps);
    organ = await createOrgan(deps, { parentCode: county.code, kind: 'department' });
    const other = await createOrgan(deps, { parentCode: county.code, kind: 'department' });
    clerk = await createActor(deps, organ.code, 'editor');
    outsider = await createActor(deps, other.code, 'editor');
    quiet = await createOrgan(deps, { parentCode: county.code, kind: 'department' });
    quietClerk = await createActor(deps, quiet.code, 'editor');
  });
  afterAll(() => deps.clock.set('2026-09-18T02:00:00Z'));

  it('refuses a draft with every wrong field at once, and counts the feedback due date in working days across 国庆', async () => {
    deps.clock.set('2026-09-18T02:00:00Z');
    const bad = await openConsultation(deps, clerk.actor, organ.id, draft({ title: '', startOn: '2026-09-17', endOn: '2026-02-30' })).catch((e) => e);
    expect(bad.code).toBe('ERR_CONSULTATION_INVALID_INPUT');
    expect(bad.reasons.map((r: { field: string }) => r.field).sort()).toEqual(['endOn', 'startOn', 'title']);
    await expect(openConsultation(deps, outsider.actor, organ.id, draft())).rejects.toMatchObject({ code: 'ERR_AUTH_FORBIDDEN' });
    const c = await openConsultation(deps, clerk.actor, organ.id, draft());
    // 15 working days after 30 September: 1–7 October are holidays, Saturday 10 October a 调休 working day.
    expect(c.feedbackDueOn).toBe('2026-10-27');
    // Not yet started: hidden from the portal and closed to comments.
    expect((await listPublicConsultations(deps, organ.code)).items.map((i) => i.id)).not.toContain(c.id);
    await expect(submitComment(deps, c.id, { content: '早了' })).rejects.toMatchObject({ code: 'ERR_CONSULTATION_NOT_OPEN' });
  });

  it('takes comments only between the start and end day, scans each, and shows only approved ones, masked', async () => {
    deps.clock.set('2026-09-18T02:00:00Z');
    const c = await openConsultation(deps, clerk.actor, organ.id, draft());
    deps.clock.set('2026-09-21T01:00:00Z');
    const plain = await submitComment(deps, c.id, { authorName: '王建国', content: '我王建国建议夜间停车免费。' }, { formToken: `t-${c.id}-a` });
    const again = await submitComment(deps, c.id, { authorName: '王建国', content: '我王建国建议夜间停车免费。' }, { formToken: `t-${c.id}-a` });
    expect(again).toEqual({ commentId: plain.commentId, created: false });
    const personal = await submitComment(deps, c.id, { authorName: '', content: '我住幸福小区，电话13912345678，希望增加车位。' });
    const spam = await submitComment(deps, c.id, { content: '广告推广内容' });
    await expect(submitComment(deps, c.id, { content: '  ' })).rejects.toMatchObject({ code: 'ERR_CONSULTATION_INVALID_INPUT' });
    await expect(submitComment(deps, c.id, { content: '好' })).rejects.toMatchObject({ code: 'ERR_CONSULTATION_INVALID_INPUT', message: expect.stringContaining('意见内容至少5个字') });

    const staff = await consultationDetails(deps, clerk.actor, c.id);
    expect(staff.comments.map((m) => [m.state, m.flagged])).toEqual([['pending', false], ['pending', true], ['pending', false]]);
    expect(staff.comments[1].findings).toMatchObject([{ type: 'mobile_phone' }]);
    // Nothing shows before moderation.
    expect((await findPublicConsultation(deps, organ.code, c.id)).comments).toEqual([]);

    await moderateComment(deps, clerk.actor, plain.commentId, 'approve');
    await moderateComment(deps, clerk.actor, personal.commentId, 'approve');
    await expect(moderateComment(deps, clerk.actor, spam.commentId, 'reject')).rejects.toMatchObject({ code: 'ERR_CONSULTATION_INVALID_INPUT' });
    await moderateComment(deps, clerk.actor, spam.commentId, 'reject', '与征求意见稿无关');
    await expect(moderateComment(deps, clerk.actor, spam.commentId, 'approve')).rejects.toMatchObject({ code: 'ERR_CONSULTATION_VERB_NOT_ALLOWED' });
    await expect(moderateComment(deps, outsider.actor, plain.commentId, 'reject', 'x')).rejects.toMatchObject({ code: 'ERR_AUTH_FORBIDDEN' });

    const shown = await findPublicConsultation(deps, organ.code, c.id);
    expect(shown.phase).toBe('open');
    expect(shown.comments.map((m) => [m.authorName, m.content])).toEqual([
      ['王**', '我王**建议夜间停车免费。'],
      ['匿名', '我住幸福小区，电话139****5678，希望增加车位。'],
    ]);
    // The end day counts in full (China time); the day after, the form is closed.
    deps.clock.set('2026-09-30T15:59:00Z');
    await expect(submitComment(deps, c.id, { content: '最后一天提交的意见' })).resolves.toMatchObject({ created: true });
    deps.clock.set('2026-09-30T16:00:00Z');
    await expect(submitComment(deps, c.id, { content: '晚了' })).rejects.toMatchObject({ code: 'ERR_CONSULTATION_NOT_OPEN' });
  });

  it('flags a comment that gives a home address and shows it with the house detail masked', async () => {
    deps.clock.set('2026-09-18T02:00:00Z');
    const c = await openConsultation(deps, clerk.actor, organ.id, draft());
    deps.clock.set('2026-09-22T02:00:00Z');
    const sent = await submitComment(deps, c.id, { authorName: '李红梅', content: '我家在阳光花园12幢3单元602室，楼下停车难，请在县政务服务中心三楼设窗口。' });
    const staff = await consultationDetails(deps, clerk.actor, c.id);
    const comment = staff.comments.find((m) => m.id === sent.commentId)!;
    expect(comment.flagged).toBe(true);
    expect(comment.findings).toMatchObject([{ type: 'residential_address', severity: 'warn', text: '12幢3单元602室' }]);
    await moderateComment(deps, clerk.actor, sent.commentId, 'approve');
    expect((await findPublicConsultation(deps, organ.code, c.id)).comments.map((m) => m.content)).toEqual(['我家在阳光花园**********，楼下停车难，请在县政务服务中心三楼设窗口。']);
  });

  it('reminds when the feedback is more than 15 working days late, and shows the feedback report once published', async () => {
    deps.clock.set('2026-09-18T02:00:00Z');
    const c = await openConsultation(deps, quietClerk.actor, quiet.id, draft());
    deps.clock.set('2026-09-22T02:00:00Z');
    await submitComment(deps, c.id, { content: '支持该方案。' });
    await expect(publishFeedback(deps, quietClerk.actor, c.id, { received: 1, adopted: '无', notAdopted: '无' })).rejects.toMatchObject({ code: 'ERR_CONSULTATION_VERB_NOT_ALLOWED' });
    const lateBefore = async () => (await countLateConsultationFeedback(deps, [quiet.id])).get(quiet.id) ?? 0;

    deps.clock.set('2026-10-27T02:00:00Z');
    expect(await lateBefore()).toBe(0);
    deps.clock.set('2026-10-28T02:00:00Z');
    expect(await lateBefore()).toBe(1);
    expect((await findPublicConsultation(deps, quiet.code, c.id)).phase).toBe('feedback_late');

    const bad = await publishFeedback(deps, quietClerk.actor, c.id, { received: 0, adopted: '', notAdopted: '' }).catch((e) => e);
    expect(bad.reasons.map((r: { field: string }) => r.field)).toEqual(['received', 'adopted']);
    const done = await publishFeedback(deps, quietClerk.actor, c.id, { received: 3, adopted: '采纳“夜间免费”的意见，已修改第五条。', notAdopted: '“全部免费”的意见与停车资源有偿使用原则不符，未采纳。' });
    expect(done.feedbackPublishedOn).toBe('2026-10-28');
    expect(await lateBefore()).toBe(0);
    const page = await findPublicConsultation(deps, quiet.code, c.id);
    expect(page).toMatchObject({ phase: 'feedback_published', feedbackReceived: 3 });
    await expect(publishFeedback(deps, quietClerk.actor, c.id, { received: 3, adopted: 'x', notAdopted: 'y' })).rejects.toMatchObject({ code: 'ERR_CONSULTATION_VERB_NOT_ALLOWED' });
    expect((await verifyAuditLog(deps.db)).breaks).toEqual([]);
  });
});
