import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createActor, createOrgan } from '../../../../test/support/factories.ts';
import { applicantInput } from '../../applications/testing/application-factories.ts';
import { submitOnlineApplication } from '../../applications/index.ts';
import { openConsultation, registerProposal, submitLetter } from '../index.ts';

const input = (over: Record<string, unknown> = {}) => ({
  type: 'consult', subject: '老旧小区加装电梯', content: '请问加装电梯的补助标准？', writerName: '张小明', contact: '13912345678', publishConsent: 'yes', ...over,
});

/**
 * Found by an outside tester: someone who handles a county government and its 住建局 opened 部门信箱 on
 * the government ("没有符合条件的来信") while six letters waited at the 住建局, and 待办 said nothing of
 * them (only letters overdue or due within 2 working days were reminded of). The back office's lists of
 * handled work open, without ?organ=, on the first organ where work waits (the same rule for 依申请公开,
 * 部门信箱, 意见征集 and 建议提案), the mailbox's organ switch tells how many letters wait where, and
 * 待办 and 工作台 remind of new letters (待办理) with a link to them.
 */
describeEachDialect('部门信箱 and 待办 show where letters wait', (db) => {
  it('opens the mailbox on the organ with letters waiting, names the waiting per organ, and reminds of new letters in 待办', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-06-10T02:00:00Z');
    const county = await createOrgan(deps, { name: '青岚县人民政府' });
    const bureau = await createOrgan(deps, { kind: 'department', parentCode: county.code, name: '青岚县住房和城乡建设局' });
    const quiet = await createOrgan(deps, { kind: 'department', parentCode: county.code, name: '青岚县交通运输局' });
    const keeper = await createActor(deps, county.code, 'organ_admin');
    const quietClerk = await createActor(deps, quiet.code, 'editor');
    for (let i = 0; i < 6; i++) await submitLetter(deps, bureau.code, input({ subject: `加装电梯第${i + 1}问` }));

    const me = await loginAs(app, keeper.username, keeper.password);
    const list = await app.inject({ url: '/admin/letters', cookies: me.cookies });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(`<h1>部门信箱 · ${bureau.name}</h1>`);
    expect(list.body).toContain('加装电梯第6问');
    expect(list.body).not.toContain('没有符合条件的来信');
    // The switch says where letters wait, so nobody has to guess which organ to open.
    expect(list.body).toMatch(new RegExp(`<option value="${bureau.code}" selected>${bureau.name}（6 件待办理）</option>`));
    expect(list.body).toContain(`<option value="${county.code}">${county.name}</option>`);
    // Asked for by its code, an organ opens even when nothing waits there.
    const asked = await app.inject({ url: `/admin/letters?organ=${county.code}`, cookies: me.cookies });
    expect(asked.body).toContain(`<h1>部门信箱 · ${county.name}</h1>`);
    expect(asked.body).toContain('没有符合条件的来信');

    // 待办理: the new letters alone, a view of their own.
    const received = await app.inject({ url: `/admin/letters?organ=${bureau.code}&view=received`, cookies: me.cookies });
    expect(received.body).toContain('aria-current="page" class="btn btn-small">待办理</a>');
    expect(received.body).toContain('加装电梯第1问');

    for (const url of ['/admin/review', '/admin']) {
      const page = await app.inject({ url, cookies: me.cookies });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(`${bureau.name}：6 件部门信箱来信待办理`);
      // Not only deadlines: the box is headed as 工作台's is, with the count of its lines.
      expect(page.body).toContain(url === '/admin' ? '<h2 id="dash-rem-h">待办提醒（1）</h2>' : '<h2 id="rem-h">待办提醒（1）</h2>');
      expect(page.body).toContain(`/admin/letters?organ=${bureau.code}&amp;view=received`);
      expect(page.body).not.toContain(`${county.name}：0 件`);
    }
    const theirs = await loginAs(app, quietClerk.username, quietClerk.password);
    for (const url of ['/admin/review', '/admin']) expect((await app.inject({ url, cookies: theirs.cookies })).body).not.toContain('部门信箱来信待办理');
    await app.close();
  });

  it('opens 依申请公开 by the same rule: the first organ with applications waiting', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-06-10T02:00:00Z');
    const county = await createOrgan(deps);
    const bureau = await createOrgan(deps, { kind: 'department', parentCode: county.code, name: '青岚县自然资源局' });
    const keeper = await createActor(deps, county.code, 'organ_admin');
    const me = await loginAs(app, keeper.username, keeper.password);
    // Nothing waits anywhere: the first organ, as before.
    expect((await app.inject({ url: '/admin/applications', cookies: me.cookies })).body).toContain(county.name);
    expect((await app.inject({ url: '/admin/applications', cookies: me.cookies })).body).toContain(`<option value="${county.code}" selected>`);
    await submitOnlineApplication(deps, bureau.code, applicantInput());
    const page = await app.inject({ url: '/admin/applications', cookies: me.cookies });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`<option value="${bureau.code}" selected>`);
    await app.close();
  });

  it('opens 建议提案 and 意见征集 by the same rule: the first organ with what 待办 reminds of', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-09-17T02:00:00Z');
    const county = await createOrgan(deps);
    const bureau = await createOrgan(deps, { kind: 'department', parentCode: county.code, name: '青岚县教育体育局' });
    const keeper = await createActor(deps, county.code, 'organ_admin');
    const openedOn = (body: string) => /<h1>(?:建议提案办理 · |意见征集：)([^<]+)<\/h1>/.exec(body)?.[1];
    let me = await loginAs(app, keeper.username, keeper.password);
    for (const url of ['/admin/proposals', '/admin/consultations']) expect(openedOn((await app.inject({ url, cookies: me.cookies })).body)).toBe(county.name);
    // A record received 2026-02-10 is past its three months by 10-28; a consultation closed 09-30 is past its 15 working days for the feedback report.
    await registerProposal(deps, keeper.actor, bureau.id, { kind: 'suggestion', number: '31', title: '逾期的建议', submitters: '赵某', session: '县十八届人大五次会议', receivedOn: '2026-02-10', role: 'lead' });
    await openConsultation(deps, keeper.actor, bureau.id, {
      title: '关于城区停车收费标准调整的征求意见稿', body: '第一条 为规范停车秩序……', howToComment: '在本页提交意见', startOn: '2026-09-21', endOn: '2026-09-30',
    });
    deps.clock.set('2026-10-28T02:00:00Z');
    me = await loginAs(app, keeper.username, keeper.password);
    for (const url of ['/admin/proposals', '/admin/consultations']) {
      const page = await app.inject({ url, cookies: me.cookies });
      expect(page.statusCode).toBe(200);
      expect(openedOn(page.body)).toBe(bureau.name);
    }
    expect(openedOn((await app.inject({ url: `/admin/consultations?organ=${county.code}`, cookies: me.cookies })).body)).toBe(county.name);
    await app.close();
  });
});
