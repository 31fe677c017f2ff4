import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createActor, createNode, createOrgan, createPublished, createStaff } from '../../../../test/support/factories.ts';
import { moderateComment, openConsultation, publishFeedback } from '../index.ts';

/**
 * 意见征集 on the portal (issue 14): the organ's list and the consultation's page, the comment form
 * without an account (one form token = one comment, honeypot, closed consultations refuse clearly,
 * a refusal keeps what was typed), moderated comments shown masked, and the feedback report.
 */
describeEachDialect('public consultation pages', (db) => {
  it('takes a citizen’s comment once, shows it only after moderation and masked, and shows the feedback after closing', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-06-01T02:00:00Z');
    const organ = await createOrgan(deps);
    const office = await createActor(deps, organ.code, 'disclosure_office');
    const c = await openConsultation(deps, office.actor, organ.id, {
      title: '青岚县老旧小区改造实施方案（征求意见稿）', body: '第一条 为推进老旧小区改造……\n第二条 改造内容包括……', howToComment: '可在本页发表意见，或发送电子邮件。',
      startOn: '2026-06-01', endOn: '2026-06-30',
    });
    const url = `/organs/${organ.code}/consultations/${c.id}`;
    const list = (await app.inject(`/organs/${organ.code}/consultations`)).body;
    expect(list).toContain(`<a href="${url}">青岚县老旧小区改造实施方案（征求意见稿）</a>`);
    expect(list).toContain('征集中');
    expect(list).toContain('<table class="list cards">');
    expect(list).toContain('data-label="征集时间"');
    expect((await app.inject(`/organs/${organ.code}/letters`)).body).toContain(`href="/organs/${organ.code}/consultations"`);

    const token = /name="formToken" value="([^"]+)"/.exec((await app.inject(url)).body)![1];
    deps.clock.set('2026-06-01T02:01:00Z');
    const count = async () => (await deps.db.selectFrom('consultation_comments').select('id').where('consultation_id', '=', c.id).execute()).length;
    const comment = { formToken: token, website: '', authorName: '王小红', content: '建议增设电梯，我的电话13912345678。' };
    const answers = await Promise.all(Array.from({ length: 4 }, () => app.inject({ method: 'POST', url, payload: comment, remoteAddress: '10.2.0.1' })));
    expect(answers.map((a) => a.statusCode)).toEqual([303, 303, 303, 303]);
    expect(await count()).toBe(1);
    // The address leads to the thank-you message itself (the anchor target, focusable), so it is on the screen.
    expect(String(answers[0].headers.location)).toMatch(/\?commented=1#commented$/);
    const thanks = await app.inject(String(answers[0].headers.location));
    expect(thanks.body).toContain('您的意见已提交，谢谢');
    // A success, shown in the success style, not the warning box.
    expect(thanks.body).toMatch(/<div class="flash" role="status" id="commented" tabindex="-1"><p>您的意见已提交，谢谢/);
    expect(thanks.body).toContain('暂无公开的意见');

    // A robot filling the hidden field, and an empty comment: refused, nothing stored, the text kept.
    const fresh = /name="formToken" value="([^"]+)"/.exec(thanks.body)![1];
    deps.clock.set('2026-06-01T02:03:00Z');
    const robot = await app.inject({ method: 'POST', url, payload: { ...comment, formToken: fresh, website: 'http://spam' } });
    expect(robot.statusCode).toBe(400);
    expect(robot.body).toContain('提交未通过校验');
    const empty = await app.inject({ method: 'POST', url, payload: { formToken: fresh, website: '', authorName: '李四', content: ' ' } });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('请填写意见内容');
    expect(empty.body).toContain('value="李四"');
    expect(await count()).toBe(1);

    const [pending] = await deps.db.selectFrom('consultation_comments').select('id').where('consultation_id', '=', c.id).execute();
    await moderateComment(deps, office.actor, pending.id, 'approve');
    const shown = (await app.inject(url)).body;
    expect(shown).toContain('王**');
    expect(shown).not.toContain('13912345678');
    expect(shown).toContain('公开的意见（1）');

    // After closing: no form, a clear refusal, and the feedback report once published.
    deps.clock.set('2026-07-02T02:00:00Z');
    const closed = (await app.inject(url)).body;
    expect(closed).not.toContain('name="formToken"');
    const late = await app.inject({ method: 'POST', url, payload: { ...comment, formToken: fresh } });
    expect(late.statusCode).toBe(409);
    expect(late.body).toContain('现在不能提交意见');
    await publishFeedback(deps, office.actor, c.id, { received: 3, adopted: '增设电梯的建议已采纳。', notAdopted: '拆除重建的建议，因不属于本方案范围未采纳。' });
    const feedback = (await app.inject(url)).body;
    expect(feedback).toContain('意见采纳情况');
    expect(feedback).toContain('共收到意见 3 条');
    expect(feedback).toContain('增设电梯的建议已采纳。');
    expect((await app.inject(`/organs/${organ.code}/consultations/999999`)).statusCode).toBe(404);
    await app.close();
  });

  it('lets staff open a consultation, moderate its comments and publish the feedback in the back office', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-06-01T02:00:00Z');
    const organ = await createOrgan(deps);
    const officer = await createStaff(deps, organ.code, 'disclosure_office');
    const form = (values: Record<string, string>) => ({ headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(values).toString() });
    let session = await loginAs(app, officer.username, officer.password);
    /** Follows a redirect with its flash: what the landing section (`place`) says right under its heading; none at the top. */
    const toldAt = async (res: { headers: Record<string, unknown>; cookies: { name: string; value: string }[] }, place: string) => {
      const flash = res.cookies.find((c) => c.name === 'gk_flash')!;
      const body = (await app.inject({ url: String(res.headers.location).replace(/#.*$/, ''), cookies: { ...session.cookies, gk_flash: flash.value } })).body;
      expect(body).not.toMatch(/<main[^>]*><p class="flash"/);
      return new RegExp(`<h2 id="${place}">[^<]*</h2><p id="flash-${place}" class="flash" role="status" tabindex="-1">([^<]*)</p>`).exec(body)?.[1] ?? '';
    };
    expect((await app.inject({ url: '/admin', cookies: session.cookies })).body).toContain('href="/admin/consultations"');
    // 意见反馈方式 is required: marked ＊ like the other required fields, its help not reading as optional (found by an outside tester).
    const blank = (await app.inject({ url: `/admin/consultations/new?organ=${organ.code}`, cookies: session.cookies })).body;
    expect(blank).toMatch(/<label for="f-howToComment">意见反馈方式<span class="required" aria-hidden="true">＊<\/span><\/label>/);
    expect(blank).toContain('<p class="hint" id="h-howToComment">请写明公众提交意见的途径');
    const refused = await app.inject({ method: 'POST', url: `/admin/consultations/new?organ=${organ.code}`, cookies: session.cookies, ...form({ _csrf: session.csrf, title: '方案', body: '', startOn: '2026-06-10', endOn: '2026-06-05' }) });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('value="方案"');
    const opened = await app.inject({
      method: 'POST', url: `/admin/consultations/new?organ=${organ.code}`, cookies: session.cookies,
      ...form({ _csrf: session.csrf, title: '城市照明管理办法（征求意见稿）', body: '第一条 为加强城市照明管理……', howToComment: '电子邮件 zjj@example.gov.cn', startOn: '2026-06-01', endOn: '2026-06-30' }),
    });
    expect(opened.statusCode).toBe(303);
    const page = String(opened.headers.location);
    // The feedback's due date is its last day, included — never "…前" (docs/workflows/consultation.md).
    const openedFlash = opened.cookies.find((c) => c.name === 'gk_flash')!;
    const told = (await app.inject({ url: page, cookies: { ...session.cookies, gk_flash: openedFlash.value } })).body;
    expect(told).toMatch(/已发起意见征集，反馈应最迟于\d{4}-\d{2}-\d{2}（含当日）公布/);
    const id = Number(page.split('/').pop());
    const portal = `/organs/${organ.code}/consultations/${id}`;
    const token = /name="formToken" value="([^"]+)"/.exec((await app.inject(portal)).body)![1];
    deps.clock.set('2026-06-01T02:05:00Z');
    for (const [i, content] of ['路灯应当节能。', '夜间照明时间应当延长。'].entries()) {
      const t = i === 0 ? token : /name="formToken" value="([^"]+)"/.exec((await app.inject(portal)).body)![1];
      deps.clock.set(`2026-06-01T02:${10 + 10 * i}:00Z`); // a person takes a while to write
      expect((await app.inject({ method: 'POST', url: portal, payload: { formToken: t, website: '', authorName: '', content } })).statusCode).toBe(303);
    }
    session = await loginAs(app, officer.username, officer.password);
    const detail = (await app.inject({ url: page, cookies: session.cookies })).body;
    expect(detail).toContain('收到的意见（2，待审核 2）');
    const ids = [...detail.matchAll(/\/admin\/consultation-comments\/(\d+)\/approve/g)].map((m) => m[1]);
    // Enter in the refusal reason submits the form the field is in: that form must refuse, never publish.
    for (const id of ids) {
      const approveForm = new RegExp(`<form[^>]*action="/admin/consultation-comments/${id}/approve"[^>]*>(.*?)</form>`).exec(detail)![1];
      expect(approveForm).not.toContain('name="reason"');
      const rejectForm = new RegExp(`<form[^>]*action="/admin/consultation-comments/${id}/reject"[^>]*>(.*?)</form>`).exec(detail)![1];
      expect(rejectForm).toContain('name="reason"');
    }
    const approved = await app.inject({ method: 'POST', url: `/admin/consultation-comments/${ids[0]}/approve`, cookies: session.cookies, ...form({ _csrf: session.csrf }) });
    expect(approved.statusCode).toBe(303);
    // The page comes back at 收到的意见 (#cm-h), far down on a phone: the outcome is told under that heading, not at the top.
    expect(String(approved.headers.location)).toMatch(/#cm-h$/);
    expect(await toldAt(approved, 'cm-h')).toContain('意见已公开');
    expect((await app.inject({ method: 'POST', url: `/admin/consultation-comments/${ids[1]}/reject`, cookies: session.cookies, ...form({ _csrf: session.csrf, reason: '与本办法无关' }) })).statusCode).toBe(303);
    expect((await app.inject(portal)).body).toContain('公开的意见（1）');

    deps.clock.set('2026-07-01T02:00:00Z');
    session = await loginAs(app, officer.username, officer.password);
    const closed = (await app.inject({ url: page, cookies: session.cookies })).body;
    const version = /name="expectedVersion" value="(\d+)"/.exec(closed)![1];
    const published = await app.inject({ method: 'POST', url: `${page}/feedback`, cookies: session.cookies, ...form({ _csrf: session.csrf, expectedVersion: version, received: '2', adopted: '节能的建议已采纳。', notAdopted: '延长夜间照明的建议，因与节能要求冲突，未采纳。' }) });
    expect(published.statusCode).toBe(303);
    expect(await toldAt(published, 'fb-h')).toContain('意见采纳情况已公布');
    expect((await app.inject(portal)).body).toContain('节能的建议已采纳。');
    await app.close();
  });
  it('names the notice a consultation’s 意见反馈方式 gives by address by its title, not the raw address (an outside tester on a phone)', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-06-01T02:00:00Z');
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const notice = await createPublished(deps, organ.id, [node], { title: '关于公开征求《青岚县物业管理办法（征求意见稿）》意见的公告' });
    const office = await createActor(deps, organ.code, 'disclosure_office');
    const c = await openConsultation(deps, office.actor, organ.id, {
      title: '青岚县物业管理办法（征求意见稿）', body: '第一条 ……',
      howToComment: `一、在本页“发表意见”栏提交。\n二、信函、电话等其他方式见公告原文：/organs/${organ.code}/items/${notice.id}\n三、旧公告：/organs/${organ.code}/items/999999`,
      startOn: '2026-06-01', endOn: '2026-06-30',
    });
    const page = (await app.inject(`/organs/${organ.code}/consultations/${c.id}`)).body;
    const how = /<h2 id="how-h">意见反馈方式<\/h2>([\s\S]*?)<\/section>/.exec(page)![1];
    expect(how).toContain(`其他方式见公告原文：<a href="/organs/${organ.code}/items/${notice.id}">《关于公开征求〈青岚县物业管理办法（征求意见稿）〉意见的公告》</a>`);
    expect(how).not.toContain(`>/organs/${organ.code}/items/${notice.id}<`);
    // No published item at an address: the address stays as typed (nothing to name it by).
    expect(how).toContain(`<a href="/organs/${organ.code}/items/999999">/organs/${organ.code}/items/999999</a>`);
    await app.close();
  });
});
