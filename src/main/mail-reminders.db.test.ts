import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/support/db.ts';
import { buildDeps, createActor, createNode, createOrgan, createPublished } from '../../test/support/factories.ts';
import { startSmtpSink } from '../../test/support/smtp-sink.ts';
import { smtpMailer } from '../platform/mail/mailer.ts';
import { allDeadlines, mailReminders } from './mail-reminders.ts';
import { setNodeSupervision, setReminderAddress } from '../modules/supervision/index.ts';
import { checkLetter, performLetterVerb, submitLetter } from '../modules/interaction/index.ts';

let sink: Awaited<ReturnType<typeof startSmtpSink>>;
beforeAll(async () => { sink = await startSmtpSink(); });
afterAll(async () => { await sink.close(); });

describeEachDialect('reminder e-mails ahead of deadlines', (db) => {
  it('mails the responsible unit once ahead of a column deadline and once when it passes, retrying what the server refused', async () => {
    const deps = buildDeps(db(), '2026-02-20T02:00:00Z');
    const organ = await createOrgan(deps);
    const unit = await createOrgan(deps, { kind: 'unit', parentCode: organ.code, name: `综合股${organ.id}` });
    const news = await createNode(deps, organ.id, { name: '工作动态' });
    const notices = await createNode(deps, organ.id, { name: '通知公告' });
    await createPublished(deps, organ.id, [news], { formedOn: '2026-02-18' }); // published 02-20: due 03-06 (every two weeks)
    await createPublished(deps, organ.id, [notices], { formedOn: '2026-02-18' }); // due 08-20 (every six months)
    const office = await createActor(deps, organ.code, 'disclosure_office');
    await setNodeSupervision(deps, office.actor, news, { unitCode: unit.code, cadence: '' });
    const unitBox = `zhb${organ.id}-${deps.dialect}@example.gov.cn`;
    const officeBox = `gkb${organ.id}-${deps.dialect}@example.gov.cn`;
    await setReminderAddress(deps, office.actor, unit.id, unitBox);
    await setReminderAddress(deps, office.actor, organ.id, officeBox);
    const mailer = smtpMailer({ url: sink.url, from: 'gongkai@example.gov.cn' });
    const mine = () => sink.received.filter((m) => m.to.includes(unitBox) || m.to.includes(officeBox));

    // Ten days before: nothing is due yet.
    deps.clock.set('2026-02-24T02:00:00Z');
    await mailReminders(deps, mailer, { siteUrl: 'https://gk.example.gov.cn' });
    expect(mine()).toEqual([]);

    // Three days before (03-03): the unit is told, not the office; a second run sends nothing new.
    deps.clock.set('2026-03-03T02:00:00Z');
    await mailReminders(deps, mailer, { siteUrl: 'https://gk.example.gov.cn' });
    await mailReminders(deps, mailer, { siteUrl: 'https://gk.example.gov.cn' });
    expect(mine()).toHaveLength(1);
    expect(mine()[0]).toMatchObject({ to: [unitBox], from: 'gongkai@example.gov.cn', subject: '【政务公开提醒】1 项即将到期' });
    expect(mine()[0].text).toContain('栏目“工作动态”应更新（每两周，上次更新 2026-02-20）（2026-03-06 到期');
    expect(mine()[0].text).toContain(`https://gk.example.gov.cn/organs/${organ.code}/catalog/${news}`);

    // Passed (03-07) while the mail server refuses: nothing is recorded as sent, so the next run sends it.
    deps.clock.set('2026-03-07T02:00:00Z');
    sink.refuseAll(true);
    const refused = await mailReminders(deps, mailer, { siteUrl: null });
    expect(refused).toMatchObject({ sent: 0, failed: 1 });
    sink.refuseAll(false);
    expect(await mailReminders(deps, mailer, { siteUrl: null })).toMatchObject({ sent: 1, failed: 0 });
    expect(mine()).toHaveLength(2);
    expect(mine()[1]).toMatchObject({ to: [unitBox], subject: '【政务公开提醒】1 项已超过期限' });
    expect(mine()[1].text).toContain('已于 2026-03-06 到期');
    expect(await mailReminders(deps, mailer, { siteUrl: null })).toMatchObject({ sent: 0, reminders: 0 });

    // Without the unit's address its reminders go to the organ's.
    await setReminderAddress(deps, office.actor, unit.id, '');
    deps.clock.set('2026-03-18T02:00:00Z');
    await createPublished(deps, organ.id, [news], { formedOn: '2026-03-18' }); // due again 04-01
    deps.clock.set('2026-03-30T02:00:00Z');
    await mailReminders(deps, mailer, { siteUrl: null });
    expect(mine()).toHaveLength(3);
    expect(mine()[2].to).toEqual([officeBox]);
  });

  it('gathers every kind of deadline and lets only the office set the addresses, refusing a malformed one', async () => {
    const deps = buildDeps(db(), '2026-03-10T02:00:00Z');
    const organ = await createOrgan(deps);
    const editor = await createActor(deps, organ.code, 'editor');
    const office = await createActor(deps, organ.code, 'disclosure_office');
    await expect(setReminderAddress(deps, editor.actor, organ.id, 'a@example.gov.cn')).rejects.toMatchObject({ code: 'ERR_AUTH_FORBIDDEN', httpStatus: 403 });
    await expect(setReminderAddress(deps, office.actor, organ.id, '政务公开办')).rejects.toMatchObject({ code: 'ERR_SUPERVISION_EMAIL_INVALID', field: `email_${organ.id}` });
    const { createSubmissionTask } = await import('../modules/review/index.ts');
    const unit = await createOrgan(deps, { kind: 'unit', parentCode: organ.code, name: `股室${organ.id}` });
    const taskId = await createSubmissionTask(deps, office.actor, organ.id, { unitCode: unit.code, title: '更新工作动态', dueOn: '2026-03-12' });
    // 建议提案: a reply due in 3 days, one due in September (not yet), and an answered one whose
    // decision on publishing its result is due within 10 working days.
    const { registerProposal, performProposalVerb } = await import('../modules/interaction/index.ts');
    const proposal = (number: string, receivedOn: string, dueOn: string) => registerProposal(deps, editor.actor, organ.id, {
      kind: 'suggestion', number, title: `关于老旧小区加装电梯的建议${number}`, submitters: '王某', session: '县十八届人大五次会议', receivedOn, role: 'lead', dueOn,
    });
    const soon = await proposal('0101', '2026-01-05', '2026-03-13');
    await proposal('0102', '2026-03-01', '2026-09-01');
    const answered = await proposal('0103', '2025-12-01', '2026-03-01');
    const replied = await performProposalVerb(deps, editor.actor, answered.id, { verb: 'reply', replyText: '王某代表：您提出的建议收悉，现答复如下：已列入明年计划。', repliedOn: '2026-02-10', result: 'planned' });
    const deadlines = await allDeadlines(deps);
    const mine = deadlines.filter((d) => d.organId === organ.id);
    expect(mine).toEqual(expect.arrayContaining([
      expect.objectContaining({ key: `task:${taskId}:2026-03-12`, unitId: unit.id, dueOn: '2026-03-12' }),
      { key: `proposal-reply:${soon.id}:2026-03-13`, organId: organ.id, unitId: null, dueOn: '2026-03-13', what: `人大代表建议 ${soon.year}年${soon.number}“${soon.title}”应答复`, path: `/admin/proposals/${soon.id}` },
      expect.objectContaining({ key: `proposal-publish:${answered.id}:${replied.publishDueOn}`, what: expect.stringMatching(/应决定是否公开办理结果$/) }),
    ]));
    expect(mine.filter((d) => d.key.startsWith('proposal-'))).toHaveLength(2); // not the one due in September
  });

  it('reminds the unit a letter is handed to (交办) of the 办理意见 it owes before the letter falls due, until it has written it', async () => {
    const deps = buildDeps(db(), '2026-03-10T02:00:00Z');
    const organ = await createOrgan(deps);
    const unit = await createOrgan(deps, { kind: 'unit', parentCode: organ.code, name: `城市管理股${organ.id}` });
    const clerk = await createActor(deps, organ.code, 'editor');
    const unitClerk = await createActor(deps, unit.code, 'editor');
    const r = await submitLetter(deps, organ.code, { type: 'consult', subject: '路灯不亮', content: '人民路路灯已坏一周，请尽快修复。', writerName: '王五', contact: '13912345678', publishConsent: 'no' });
    const { id } = await checkLetter(deps, r.trackingNo, r.queryCode);
    await performLetterVerb(deps, clerk.actor, id, { verb: 'assign', unitId: unit.id });
    deps.clock.set('2026-03-16T02:00:00Z'); // due 03-17 (咨询, 5 working days)
    const owed = (await allDeadlines(deps)).filter((d) => d.unitId === unit.id);
    expect(owed).toEqual([{ key: `letter-unit:${id}:${unit.id}:2026-03-17`, organId: organ.id, unitId: unit.id, dueOn: '2026-03-17', what: `交办本单位的部门信箱来信 ${r.trackingNo}“路灯不亮”待报送办理意见`, path: `/admin/letters/${id}` }]);
    // The organ is still reminded to answer the writer.
    expect((await allDeadlines(deps)).filter((d) => d.key === `letter:${id}:2026-03-17`)).toHaveLength(1);
    await performLetterVerb(deps, unitClerk.actor, id, { verb: 'recordUnitOpinion', opinion: '已于3月16日修复。' });
    expect((await allDeadlines(deps)).filter((d) => d.unitId === unit.id)).toEqual([]);
  });
});

describeEachDialect('reminder e-mails when the server stops', (db) => {
  it('stops sending when the server stops and gives back what it had not sent, so the next run sends it', async () => {
    const deps = buildDeps(db(), '2026-02-20T02:00:00Z');
    const boxes: string[] = [];
    for (const name of ['甲', '乙', '丙']) {
      const organ = await createOrgan(deps);
      const news = await createNode(deps, organ.id, { name: `工作动态${name}` });
      await createPublished(deps, organ.id, [news], { formedOn: '2026-02-18' }); // due 03-06
      const office = await createActor(deps, organ.code, 'disclosure_office');
      const box = `stop${organ.id}-${deps.dialect}@example.gov.cn`;
      await setReminderAddress(deps, office.actor, organ.id, box);
      boxes.push(box);
    }
    deps.clock.set('2026-03-03T02:00:00Z');
    const stop = new AbortController();
    const sent: string[] = [];
    // The stop comes while the first mail is being sent.
    const mailer = { send: async (m: { to: string }) => { sent.push(m.to); stop.abort(new Error('服务停止')); } };
    await expect(mailReminders(deps, mailer, { siteUrl: null, signal: stop.signal })).rejects.toThrow('服务停止');
    expect(sent).toHaveLength(1);
    const recorded = async () => (await deps.db.selectFrom('reminder_mails').select('recipient').where('recipient', 'in', boxes).execute()).map((r) => r.recipient).sort();
    expect(await recorded()).toEqual(sent.filter((to) => boxes.includes(to)).sort());
    // The next run sends what was given back: each box gets its one mail.
    await mailReminders(deps, mailer, { siteUrl: null });
    expect(sent.filter((to) => boxes.includes(to)).sort()).toEqual([...boxes].sort());
    expect(await recorded()).toEqual([...boxes].sort());
  });
});
