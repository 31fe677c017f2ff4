import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { buildDeps, createActor, createOrgan } from '../../../../test/support/factories.ts';
import { verifyAuditLog } from '../../audit/index.ts';
import { checkLetter, findPublishedLetter, letterDetails, letterStatistics, listLetters, listPublishedLetters, performLetterVerb, rateLetter, submitLetter, updateLetterSettings } from '../index.ts';

const input = (over: Record<string, unknown> = {}) => ({
  type: 'consult', subject: '老旧小区改造补助', content: '我的电话13912345678，身份证341525199001011234，请问补助标准？', writerName: '张小明', contact: '13912345678', publishConsent: 'yes', ...over,
});

describeEachDialect('department mailbox', (db) => {
  let deps: ReturnType<typeof buildDeps>;
  let organ: Awaited<ReturnType<typeof createOrgan>>;
  let other: Awaited<ReturnType<typeof createOrgan>>;
  let unit: Awaited<ReturnType<typeof createOrgan>>;
  let clerk: Awaited<ReturnType<typeof createActor>>;
  let head: Awaited<ReturnType<typeof createActor>>;
  let otherClerk: Awaited<ReturnType<typeof createActor>>;

  beforeAll(async () => {
    deps = buildDeps(db(), '2026-09-30T02:00:00Z');
    const county = await createOrgan(deps);
    organ = await createOrgan(deps, { parentCode: county.code, kind: 'department' });
    other = await createOrgan(deps, { parentCode: county.code, kind: 'department' });
    unit = await createOrgan(deps, { parentCode: organ.code, kind: 'unit' });
    clerk = await createActor(deps, organ.code, 'editor');
    head = await createActor(deps, organ.code, 'organ_admin');
    otherClerk = await createActor(deps, other.code, 'editor');
  });
  afterAll(() => deps.clock.set('2026-09-30T02:00:00Z'));

  it('counts the reply limit in working days across 国庆 and restarts it at the organ a letter is transferred to', async () => {
    deps.clock.set('2026-09-30T02:00:00Z');
    const r = await submitLetter(deps, organ.code, input());
    const first = await checkLetter(deps, r.trackingNo, r.queryCode);
    // 咨询: 5 working days; 10月1日–7日 are holidays, 10月10日 a 调休 working day.
    expect(first.dueOn).toBe('2026-10-13');
    deps.clock.set('2026-10-09T02:00:00Z');
    await performLetterVerb(deps, clerk.actor, first.id, { verb: 'transfer', targetOrganId: other.id, reason: '属于另一部门职责' });
    const moved = await checkLetter(deps, r.trackingNo, r.queryCode);
    expect(moved.dueOn).toBe('2026-10-15');
    expect(moved.organName).toBe(other.name);
    expect(moved.transfers).toEqual([{ on: '2026-10-09', fromOrgan: organ.name, toOrgan: other.name, reason: '属于另一部门职责' }]);
    // The organ it left no longer handles it.
    await expect(performLetterVerb(deps, clerk.actor, first.id, { verb: 'reply', replyText: '答复' })).rejects.toMatchObject({ code: 'ERR_AUTH_FORBIDDEN' });
    const after = await performLetterVerb(deps, otherClerk.actor, first.id, { verb: 'reply', replyText: '已转我局答复：补助标准见附件' });
    expect(after.state).toBe('replied');
  });

  it('finds the letter by its number and code as copied from a printed receipt (U+2011 hyphens) or typed full-width', async () => {
    deps.clock.set('2026-03-10T02:00:00Z');
    const r = await submitLetter(deps, organ.code, input());
    const copied = r.trackingNo.replaceAll('-', '\u2011');
    const fullWidth = [...r.queryCode.toLowerCase()].map((c) => String.fromCodePoint(c.codePointAt(0)! + 0xfee0)).join('');
    expect((await checkLetter(deps, copied, fullWidth)).trackingNo).toBe(r.trackingNo);
  });

  it('uses the organ\'s own limits and has a second person review the reply when the organ asks', async () => {
    deps.clock.set('2026-03-10T02:00:00Z');
    await updateLetterSettings(deps, head.actor, organ.id, { consultDays: '3', suggestDays: '10', complainDays: '15', otherDays: '10', replyReview: 'yes' });
    const r = await submitLetter(deps, organ.code, input({ type: 'consult' }));
    const l = await checkLetter(deps, r.trackingNo, r.queryCode);
    expect(l.dueOn).toBe('2026-03-13');
    await performLetterVerb(deps, clerk.actor, l.id, { verb: 'assign', unitId: unit.id });
    await performLetterVerb(deps, clerk.actor, l.id, { verb: 'recordFollowUp', kind: 'site_visit', on: '2026-03-10', participants: '李四', notes: '现场查看小区' });
    const drafted = await performLetterVerb(deps, clerk.actor, l.id, { verb: 'reply', replyText: '经实地查看，补助标准为每户2000元。' });
    expect(drafted.state).toBe('reply_review');
    expect((await checkLetter(deps, r.trackingNo, r.queryCode)).replyText).toBeNull();
    await expect(performLetterVerb(deps, clerk.actor, l.id, { verb: 'approveReply' })).rejects.toMatchObject({ code: 'ERR_LETTER_SAME_REVIEWER' });
    const sent = await performLetterVerb(deps, head.actor, l.id, { verb: 'approveReply' });
    expect(sent.repliedOn).toBe('2026-03-10');
    const details = await letterDetails(deps, clerk.actor, l.id);
    expect(details.events.map((e) => e.verb)).toEqual(['submit', 'assign', 'recordFollowUp', 'reply', 'approveReply']);
    await updateLetterSettings(deps, head.actor, organ.id, { consultDays: '5', suggestDays: '10', complainDays: '15', otherDays: '10' });
  });

  it('takes the writer\'s rating once, and counts a reply left unrated for seven days as 满意', async () => {
    deps.clock.set('2026-04-01T02:00:00Z');
    const a = await submitLetter(deps, organ.code, input({ type: 'complain' }));
    const b = await submitLetter(deps, organ.code, input({ type: 'suggest' }));
    for (const r of [a, b]) await performLetterVerb(deps, clerk.actor, (await checkLetter(deps, r.trackingNo, r.queryCode)).id, { verb: 'reply', replyText: '答复' });
    const rated = await rateLetter(deps, a.trackingNo, a.queryCode, 'dissatisfied', '答非所问');
    expect(rated.rating).toBe('dissatisfied');
    await expect(rateLetter(deps, a.trackingNo, a.queryCode, 'satisfied', '')).rejects.toMatchObject({ code: 'ERR_LETTER_ALREADY_RATED' });
    await expect(rateLetter(deps, a.trackingNo, 'WRONGCOD', 'satisfied', '')).rejects.toMatchObject({ code: 'ERR_LETTER_QUERY_FAILED' });
    deps.clock.set('2026-04-09T02:00:00Z');
    const deemed = await checkLetter(deps, b.trackingNo, b.queryCode);
    expect(deemed).toMatchObject({ rating: 'satisfied', ratingDeemed: true, mayRate: false });
    const stats = await letterStatistics(deps, organ.id, '2026-04-01', '2026-04-30');
    expect(stats).toMatchObject({ received: 2, replied: 2, repliedOnTime: 2, averageWorkingDays: 0, ratings: { satisfied: 1, basically_satisfied: 0, dissatisfied: 1 }, unrated: 0 });
  });

  it('publishes replied letters the writer allowed, with numbers masked and the name as 张**', async () => {
    deps.clock.set('2026-05-06T02:00:00Z');
    const shown = await submitLetter(deps, organ.code, input({ content: '我是张小明，电话13912345678，身份证341525199001011234，请问补助标准？' }));
    const hidden = await submitLetter(deps, organ.code, input({ publishConsent: '' }));
    for (const r of [shown, hidden]) await performLetterVerb(deps, clerk.actor, (await checkLetter(deps, r.trackingNo, r.queryCode)).id, { verb: 'reply', replyText: '张小明同志：您好！请致电13800001111咨询' });
    const list = await listPublishedLetters(deps, organ.id, 1);
    const mine = list.items.filter((l) => [shown.trackingNo, hidden.trackingNo].includes(l.trackingNo));
    expect(mine.map((l) => l.trackingNo)).toEqual([shown.trackingNo]);
    expect(mine[0].writer).toBe('张**');
    expect(mine[0].content).not.toContain('13912345678');
    expect(mine[0].content).not.toContain('341525199001011234');
    expect(mine[0].replyText).not.toContain('13800001111');
    // The writer's name is masked wherever it appears, not only in the 来信人 line.
    expect(mine[0].replyText).toMatch(/^张\*\*同志：您好！/);
    expect(mine[0].content).toMatch(/^我是张\*\*，/);
    const details = await letterDetails(deps, clerk.actor, (await checkLetter(deps, shown.trackingNo, shown.queryCode)).id);
    expect(details.publicVersion?.replyText).toBe(mine[0].replyText);
  });

  it('publishes a home address with its house detail masked, in the letter, the reply and the staff preview', async () => {
    deps.clock.set('2026-05-07T02:00:00Z');
    const sent = await submitLetter(deps, organ.code, input({ subject: '幸福小区3栋2单元501室漏水', content: '我住在幸福小区3栋2单元501室，楼上城关镇人民路18号院2号楼302也漏水。请到县政务服务中心三楼答复。' }));
    const id = (await checkLetter(deps, sent.trackingNo, sent.queryCode)).id;
    await performLetterVerb(deps, clerk.actor, id, { verb: 'reply', replyText: '张小明同志：已派人到幸福小区3-2-501查看。' });
    const shown = (await listPublishedLetters(deps, organ.id, 1)).items.find((l) => l.trackingNo === sent.trackingNo)!;
    expect(shown.subject).toBe('幸福小区*********漏水');
    expect(shown.content).toBe('我住在幸福小区*********，楼上城关镇人民路18号院******也漏水。请到县政务服务中心三楼答复。');
    expect(shown.replyText).toBe('张**同志：已派人到幸福小区*******查看。');
    // Staff preview exactly what the portal shows.
    expect((await letterDetails(deps, clerk.actor, id)).publicVersion).toMatchObject({ subject: shown.subject, content: shown.content, replyText: shown.replyText });
  });

  it('masks what an outside tester found on the portal: homes without an estate, contacts the reply repeats, a name typed with spaces', async () => {
    deps.clock.set('2026-05-08T02:00:00Z');
    const sent = await submitLetter(deps, organ.code, input({
      subject: '阳光城三期8-2-1503漏水',
      content: '朋友住5号楼2-301，同事4栋1202，父亲家住人民路88号，幸福小区 3 栋 2 单元 501 室。座机5123456，加我V:wjg1985。请到县政务服务中心三楼答复。',
      writerName: '赵 小 明',
    }));
    const id = (await checkLetter(deps, sent.trackingNo, sent.queryCode)).id;
    await performLetterVerb(deps, clerk.actor, id, { verb: 'reply', replyText: '赵小明同志：您的座机5123456已登记，微信wjg1985已添加。咨询电话0564-1234567。' });
    const listed = (await listPublishedLetters(deps, organ.id, 1)).items.find((l) => l.trackingNo === sent.trackingNo)!;
    expect(listed.writer).toBe('赵**');
    expect(listed.subject).toBe('阳光城三期********漏水');
    expect(listed.content).toBe('朋友住********，同事******，父亲家住人民路***，幸福小区 **************。座机*****56，加我V:*******。请到县政务服务中心三楼答复。');
    expect(listed.replyText).toBe('赵**同志：您的座机*****56已登记，微信*******已添加。咨询电话0564-1234567。');
    expect(await findPublishedLetter(deps, organ.id, id)).toEqual(listed);
    expect((await letterDetails(deps, clerk.actor, id)).publicVersion).toEqual(listed);
  });

  it('lets staff edit the public version of a sent reply: the reply as sent is kept, the edit is masked again', async () => {
    deps.clock.set('2026-05-09T02:00:00Z');
    const sent = await submitLetter(deps, organ.code, input({ subject: '噪音扰民', content: '楼下商铺夜间噪音扰民，请处理。' }));
    const id = (await checkLetter(deps, sent.trackingNo, sent.queryCode)).id;
    const replyText = '张小明同志：经查，噪音来自邻居李四经营的商铺，已责令整改。';
    await performLetterVerb(deps, clerk.actor, id, { verb: 'reply', replyText });
    const edited = '张小明同志：经查，噪音来自楼下商铺，已责令整改。联系人手机13912345678。';
    const refused = performLetterVerb(deps, clerk.actor, id, { verb: 'editPublicText', publicSubject: '噪音扰民', publicContent: '楼下商铺夜间噪音扰民，请处理。', publicReplyText: ' ', reason: '删去第三人姓名' });
    await expect(refused).rejects.toMatchObject({ reasons: [{ field: 'publicReplyText' }] });
    const after = await performLetterVerb(deps, clerk.actor, id, { verb: 'editPublicText', publicSubject: '噪音扰民', publicContent: '楼下商铺夜间噪音扰民，请处理。', publicReplyText: edited, reason: '删去第三人姓名' });
    expect(after.replyText).toBe(replyText); // the reply as sent
    expect(after.publicReplyText).toBe(edited);
    const shown = (await listPublishedLetters(deps, organ.id, 1)).items.find((l) => l.trackingNo === sent.trackingNo)!;
    expect(shown.replyText).toBe('张**同志：经查，噪音来自楼下商铺，已责令整改。联系人手机139****5678。');
    expect((await letterDetails(deps, clerk.actor, id)).publicVersion?.replyText).toBe(shown.replyText);
    // The same text as sent restores the reply as sent.
    const restored = await performLetterVerb(deps, clerk.actor, id, { verb: 'editPublicText', publicSubject: '噪音扰民', publicContent: '楼下商铺夜间噪音扰民，请处理。', publicReplyText: ` ${replyText} `, reason: '恢复' });
    expect(restored.publicReplyText).toBeNull();
  });

  it('starts a new reply without the public version edited for the draft it replaces', async () => {
    deps.clock.set('2026-05-11T02:00:00Z');
    await updateLetterSettings(deps, head.actor, organ.id, { consultDays: '5', suggestDays: '10', complainDays: '15', otherDays: '10', replyReview: 'yes' });
    const sent = await submitLetter(deps, organ.code, input());
    const id = (await checkLetter(deps, sent.trackingNo, sent.queryCode)).id;
    await performLetterVerb(deps, clerk.actor, id, { verb: 'reply', replyText: '初稿：邻居李四家……' });
    const edited = await performLetterVerb(deps, clerk.actor, id, { verb: 'editPublicText', publicSubject: '老旧小区改造补助', publicContent: '请问补助标准？', publicReplyText: '初稿：邻居家……', reason: '删去第三人姓名' });
    expect(edited.publicReplyText).toBe('初稿：邻居家……');
    await performLetterVerb(deps, head.actor, id, { verb: 'returnReply', reason: '重写' });
    const redrafted = await performLetterVerb(deps, clerk.actor, id, { verb: 'reply', replyText: '经核实，补助标准为每户2000元。' });
    expect(redrafted.publicReplyText).toBeNull();
    expect((await letterDetails(deps, clerk.actor, id)).publicVersion?.replyText).toBe('经核实，补助标准为每户2000元。');
    await updateLetterSettings(deps, head.actor, organ.id, { consultDays: '5', suggestDays: '10', complainDays: '15', otherDays: '10' });
  });

  it('refuses a letter with missing fields, listing every field, and stores nothing', async () => {
    const before = await listLetters(deps, [organ.id], 'all', 1);
    const e = await submitLetter(deps, organ.code, { type: 'x', subject: '', content: '', writerName: '', contact: '' }).catch((x) => x);
    expect(e.code).toBe('ERR_LETTER_INVALID_INPUT');
    expect(e.reasons.map((r: { field: string }) => r.field).sort()).toEqual(['contact', 'content', 'subject', 'type', 'writerName']);
    expect((await listLetters(deps, [organ.id], 'all', 1)).total).toBe(before.total);
  });

  it('tells the writer why a letter was not accepted, and lets only the organ\'s administrator change its limits', async () => {
    deps.clock.set('2026-05-07T02:00:00Z');
    const r = await submitLetter(deps, organ.code, input({ type: 'complain' }));
    const id = (await checkLetter(deps, r.trackingNo, r.queryCode)).id;
    await performLetterVerb(deps, clerk.actor, id, { verb: 'notAccept', reason: '属于信访事项，请向县信访局反映' });
    expect(await checkLetter(deps, r.trackingNo, r.queryCode)).toMatchObject({ state: 'not_accepted', notAcceptedReason: '属于信访事项，请向县信访局反映', replyText: null, mayRate: false });
    await expect(performLetterVerb(deps, clerk.actor, id, { verb: 'reply', replyText: '答复' })).rejects.toMatchObject({ code: 'ERR_LETTER_VERB_NOT_ALLOWED' });
    await expect(updateLetterSettings(deps, clerk.actor, organ.id, { consultDays: '3', suggestDays: '10', complainDays: '15', otherDays: '10' })).rejects.toMatchObject({ code: 'ERR_AUTH_FORBIDDEN' });
    const bad = await updateLetterSettings(deps, head.actor, organ.id, { consultDays: '0', suggestDays: '61', complainDays: 'x', otherDays: '10' }).catch((e) => e);
    expect(bad.reasons.map((x: { field: string }) => x.field)).toEqual(['consultDays', 'suggestDays', 'complainDays']);
  });

  it('makes one letter of two simultaneous posts of the same form', async () => {
    const token = `${Date.now()}.race-${Math.random()}.sig`;
    const before = (await listLetters(deps, [organ.id], 'all', 1)).total;
    const [x, y] = await Promise.all([submitLetter(deps, organ.code, input(), { formToken: token }), submitLetter(deps, organ.code, input(), { formToken: token })]);
    expect(x.trackingNo).toBe(y.trackingNo);
    expect(x.queryCode).toBe(y.queryCode);
    expect([x.created, y.created].sort()).toEqual([false, true]);
    expect((await listLetters(deps, [organ.id], 'all', 1)).total).toBe(before + 1);
  });

  it('shows overdue letters and those past the three-month line, and records every verb in the audit chain', async () => {
    deps.clock.set('2026-01-05T02:00:00Z');
    await submitLetter(deps, organ.code, input({ subject: '三个月未答复' }));
    deps.clock.set('2026-05-06T02:00:00Z');
    const overdue = await listLetters(deps, [organ.id], 'overdue', 1);
    const past = await listLetters(deps, [organ.id], 'past_three_months', 1);
    expect(past.items.map((l) => l.subject)).toContain('三个月未答复');
    expect(overdue.items.map((l) => l.subject)).toContain('三个月未答复');
    expect((await letterStatistics(deps, organ.id, '2026-01-01', '2026-01-31')).pastThreeMonths).toBe(1);
    expect((await verifyAuditLog(deps.db)).breaks).toEqual([]);
    const actions = (await deps.db.selectFrom('audit_events').select('action').where('entity_type', '=', 'letter').execute()).map((r) => r.action);
    for (const a of ['letter.submit', 'letter.transfer', 'letter.reply', 'letter.approveReply', 'letter.assign', 'letter.recordFollowUp', 'letter.rate']) expect(actions).toContain(a);
  });
});
