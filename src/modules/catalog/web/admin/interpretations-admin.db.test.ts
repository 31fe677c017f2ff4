import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../../test/support/db.ts';
import { createActor, createNode, createOrgan, createPublished, createReviewCast, createStaff, publicationInput } from '../../../../../test/support/factories.ts';
import { fillReviewForm, performReviewVerb } from '../../../review/index.ts';
import { createPublication, findPublication } from '../../index.ts';

/** 政策解读 in the back office: 待办's line, the list it leads to, writing one from there, and the organ's setting. */
describeEachDialect('政策解读 in the back office', (db) => {
  const form = (values: [string, string][]) => ({ headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(values).toString() });

  async function world() {
    const { app, deps } = await buildTestApp(db(), '2026-11-20T02:00:00Z'); // Friday
    const county = await createOrgan(deps);
    const bureau = await createOrgan(deps, { parentCode: county.code });
    const other = await createOrgan(deps, { parentCode: county.code });
    const policies = await createNode(deps, bureau.id, { name: '政策文件' });
    const interpretations = await createNode(deps, bureau.id, { name: '政策解读' });
    const news = await createNode(deps, bureau.id, { name: '工作动态' });
    const cast = await createReviewCast(deps, bureau.code);
    const policy = await createPublication(deps, cast.author.actor, bureau.id, publicationInput([policies], { title: '关于印发《测试县物业管理办法》的通知', formedOn: '2026-11-18' }));
    await fillReviewForm(deps, cast.author.actor, policy.id, { secrecyLevel: 'non_secret', avoidanceNote: '不涉及' });
    await performReviewVerb(deps, cast.author.actor, policy.id, 'submit');
    for (const r of [cast.unitHead, cast.office, cast.leader]) await performReviewVerb(deps, r.actor, policy.id, 'approve');
    await performReviewVerb(deps, cast.office.actor, policy.id, 'publish');
    deps.clock.set('2026-11-26T02:00:00Z'); // past Wednesday 11-25, the 3rd working day
    const admin = await createStaff(deps, bureau.code, 'organ_admin');
    return { app, deps, county, bureau, other, policies, interpretations, news, cast, policy, admin };
  }

  it('reminds on 待办 and 工作台, lists the policy, and writes its interpretation from there', async () => {
    const w = await world();
    const session = await loginAs(w.app, w.admin.username, w.admin.password);
    const line = `${w.bureau.name}：1 件政策文件发布已超过 3 个工作日仍无已发布的政策解读`;
    for (const url of ['/admin/review', '/admin']) {
      const page = await w.app.inject({ url, cookies: session.cookies });
      expect(page.body).toContain(line);
      expect(page.body).toContain(`href="/admin/organs/${w.bureau.code}/interpretations"`);
    }

    const list = await w.app.inject({ url: `/admin/organs/${w.bureau.code}/interpretations`, cookies: session.cookies });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('须有政策解读的信息：放在“政策文件”及其下级栏目中');
    expect(list.body).toMatch(/关于印发《测试县物业管理办法》的通知[\s\S]*2026-11-20[\s\S]*2026-11-25[\s\S]*自 2026-11-26 起逾期/);
    const write = `/admin/organs/${w.bureau.code}/publications/new?interprets=${w.policy.id}`;
    expect(list.body).toContain(`href="${write}"`);

    // The form starts as an interpretation of that policy, placed in 政策解读, with a title to start from.
    const blank = await w.app.inject({ url: write, cookies: session.cookies });
    expect(blank.body).toContain('value="《测试县物业管理办法》政策解读"');
    expect(blank.body).toMatch(/name="itemKind" value="interpretation" checked/);
    expect(blank.body).toMatch(new RegExp(`name="policyIds" value="${w.policy.id}" checked`));
    expect(blank.body).toMatch(new RegExp(`name="nodeIds" value="${w.interpretations}" checked`));

    const saved = await w.app.inject({
      method: 'POST', url: `/admin/organs/${w.bureau.code}/publications/new`, cookies: session.cookies,
      ...form([
        ['_csrf', session.csrf], ['title', '《测试县物业管理办法》政策解读'], ['formedOn', '2026-11-26'], ['stage', 'decision'], ['docType', 'other'], ['disclosureMode', 'proactive'],
        ['itemKind', 'interpretation'], ['interpretationForm', 'text'], ['policyIds', String(w.policy.id)], ['policyIds', ''], ['nodeIds', String(w.interpretations)],
        ['bodyHtml', '<p>一、起草背景……</p>'],
      ]),
    });
    expect(saved.statusCode).toBe(303);
    const id = Number(/\/admin\/publications\/(\d+)/.exec(String(saved.headers.location))![1]);
    expect(await findPublication(w.deps.db, id)).toMatchObject({ itemKind: 'interpretation', interpretationForm: 'text', policyIds: [w.policy.id], status: 'draft' });
    // The policy's page in the back office names it; the interpretation's page its policy.
    const policyPage = await w.app.inject({ url: `/admin/publications/${w.policy.id}`, cookies: session.cookies });
    expect(policyPage.body).toMatch(new RegExp(`<h2 id="interp-h">政策解读</h2>[\\s\\S]*href="/admin/publications/${id}"[\\s\\S]*草稿`));
    const own = await w.app.inject({ url: `/admin/publications/${id}`, cookies: session.cookies });
    expect(own.body).toMatch(new RegExp(`<h2 id="interp-h">所解读的政策文件</h2>[\\s\\S]*href="/admin/publications/${w.policy.id}"`));
    // A draft does not clear the reminder.
    expect((await w.app.inject({ url: '/admin/review', cookies: session.cookies })).body).toContain(line);
  });

  it('names the policy by its title when it is older than the newest policies the form lists', async () => {
    const w = await world();
    // 30 policies published after it: the form lists the newest 30, the awaiting list the oldest first.
    for (let i = 0; i < 30; i++) await createPublished(w.deps, w.bureau.id, [w.policies], { title: `较新的政策文件${i}`, formedOn: '2026-11-25' });
    const session = await loginAs(w.app, w.admin.username, w.admin.password);
    const page = await w.app.inject({ url: `/admin/organs/${w.bureau.code}/publications/new?interprets=${w.policy.id}`, cookies: session.cookies });
    expect(page.statusCode).toBe(200);
    // Ticked in the list with its title, not left as a bare number in 其他政策文件编号.
    expect(page.body).toMatch(new RegExp(`name="policyIds" value="${w.policy.id}" checked[^>]*/?> 关于印发《测试县物业管理办法》的通知`));
    expect(page.body).toMatch(/id="f-policyIds" name="policyIds" value(?!=")/);
    expect(page.body).toContain('较新的政策文件29');
  });

  it('keeps what was typed when the form is refused, and never prefills another organ’s draft', async () => {
    const w = await world();
    const session = await loginAs(w.app, w.admin.username, w.admin.password);
    const refused = await w.app.inject({
      method: 'POST', url: `/admin/organs/${w.bureau.code}/publications/new`, cookies: session.cookies,
      ...form([['_csrf', session.csrf], ['title', '没有政策的解读'], ['formedOn', '2026-11-26'], ['stage', 'decision'], ['itemKind', 'interpretation'], ['nodeIds', String(w.interpretations)], ['policyIds', '99999']]),
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('请选择解读形式');
    expect(refused.body).toContain('value="没有政策的解读"');
    expect(refused.body).toContain('name="policyIds" value="99999"');

    const otherEditor = await createActor(w.deps, w.other.code, 'editor');
    const draft = await createPublication(w.deps, w.cast.author.actor, w.bureau.id, publicationInput([w.policies], { title: '住建局尚未发布的办法' }));
    const theirs = await loginAs(w.app, otherEditor.username, otherEditor.password);
    const page = await w.app.inject({ url: `/admin/organs/${w.other.code}/publications/new?interprets=${draft.id}`, cookies: theirs.cookies });
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('住建局尚未发布的办法');
    expect(page.body).toMatch(/name="itemKind" value="document" checked/);
  });

  it('lets the organ administrator choose the policy nodes and working days; an editor may not', async () => {
    const w = await world();
    const session = await loginAs(w.app, w.admin.username, w.admin.password);
    const settings = `/admin/organs/${w.bureau.code}/interpretation-settings`;
    const page = await w.app.inject({ url: settings, cookies: session.cookies });
    expect(page.body).toContain('本机关尚未设置，目前按默认');
    expect(page.body).toMatch(new RegExp(`name="nodeIds" value="${w.policies}" checked`));
    expect(page.body).not.toMatch(new RegExp(`name="nodeIds" value="${w.news}" checked`));

    const bad = await w.app.inject({ method: 'POST', url: settings, cookies: session.cookies, ...form([['_csrf', session.csrf], ['nodeIds', String(w.news)], ['workingDays', '30']]) });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('期限应在 1–20 个工作日之间');
    expect(bad.body).toMatch(new RegExp(`name="nodeIds" value="${w.news}" checked`));
    const ok = await w.app.inject({ method: 'POST', url: settings, cookies: session.cookies, ...form([['_csrf', session.csrf], ['nodeIds', String(w.news)], ['workingDays', '5']]) });
    expect(ok.statusCode).toBe(303);
    // The policy is in 政策文件, no longer chosen: nothing is waiting.
    const list = await w.app.inject({ url: `/admin/organs/${w.bureau.code}/interpretations`, cookies: session.cookies });
    expect(list.body).toContain('“工作动态”及其下级栏目中的有效文件，发布后 <strong>5</strong> 个工作日内');
    expect(list.body).toContain('没有等待解读的政策文件');
    // The heading names what the list holds (it read 尚无已发布解读的政策文件, which an officer took for "no interpretation yet").
    expect(list.body).toContain('<h2>等待发布解读的政策文件</h2>');

    const editor = await loginAs(w.app, w.cast.author.username, w.cast.author.password);
    expect((await w.app.inject({ url: settings, cookies: editor.cookies })).statusCode).toBe(403);
    expect((await w.app.inject({ method: 'POST', url: settings, cookies: editor.cookies, ...form([['_csrf', editor.csrf], ['workingDays', '1']]) })).statusCode).toBe(403);
    // The list itself is for every staff member of the organ.
    expect((await w.app.inject({ url: `/admin/organs/${w.bureau.code}/interpretations`, cookies: editor.cookies })).statusCode).toBe(200);
  });
});
