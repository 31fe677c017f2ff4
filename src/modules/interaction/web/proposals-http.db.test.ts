import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createActor, createNode, createOrgan, createStaff } from '../../../../test/support/factories.ts';
import type { AppDeps } from '../../../platform/app-deps.ts';
import type { Organ } from '../../catalog/index.ts';
import { performProposalVerb, registerProposal } from '../index.ts';

/**
 * 建议提案 over HTTP: the back-office list, form and page with its verbs (refusals keep what was typed),
 * the organ administrator's settings, 待办, and the portal's 建议提案办理结果 reached from the catalog
 * node named 建议提案办理, masked.
 */
describeEachDialect('the 建议提案 pages', (db) => {
  let app: FastifyInstance;
  let deps: AppDeps & { clock: { set(at: string): void } };
  let organ: Organ;
  let other: Organ;
  let clerk: { username: string; password: string };
  let admin: { username: string; password: string };
  const form = (values: Record<string, string>) => ({ headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(values).toString() });

  beforeAll(async () => {
    const built = await buildTestApp(db(), '2026-05-20T02:00:00Z');
    app = built.app;
    deps = built.deps;
    const county = await createOrgan(deps);
    organ = await createOrgan(deps, { parentCode: county.code, kind: 'department' });
    other = await createOrgan(deps, { parentCode: county.code, kind: 'department' });
    clerk = await createStaff(deps, organ.code, 'editor');
    admin = await createStaff(deps, organ.code, 'organ_admin');
  });
  afterAll(async () => app?.close());

  it('registers, replies and publishes in the back office, keeping what was typed when refused', async () => {
    deps.clock.set('2026-05-20T02:00:00Z');
    const s = await loginAs(app, clerk.username, clerk.password);
    expect((await app.inject({ url: '/admin', cookies: s.cookies })).body).toContain('href="/admin/proposals"');
    expect((await app.inject({ url: `/admin/proposals?organ=${organ.code}`, cookies: s.cookies })).body).toContain('没有符合条件的建议提案');

    const registration = { _csrf: s.csrf, kind: 'suggestion', number: '0123', title: '', submitters: '王某', session: '县十八届人大五次会议', year: '', receivedOn: '2026-03-10', role: 'lead', partnerOrgans: '', dueOn: '' };
    const refused = await app.inject({ method: 'POST', url: `/admin/proposals/new?organ=${organ.code}`, cookies: s.cookies, ...form(registration) });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('请填写标题');
    expect(refused.body).toContain('value="0123"');
    expect(refused.body).toMatch(/value="suggestion" checked/);
    const made = await app.inject({ method: 'POST', url: `/admin/proposals/new?organ=${organ.code}`, cookies: s.cookies, ...form({ ...registration, title: '关于桐阳花园加装电梯的建议' }) });
    expect(made.statusCode).toBe(303);
    const url = String(made.headers.location);
    const id = Number(/\/admin\/proposals\/(\d+)$/.exec(url)![1]);
    const flash = made.cookies.find((c) => c.name === 'gk_flash')!.value;
    let page = (await app.inject({ url, cookies: { ...s.cookies, gk_flash: flash } })).body;
    expect(page).toContain('已登记2026年第0123号，答复期限 2026-06-10（含当日）');
    expect(page).toContain('id="proposal-state">办理中');
    expect(page).toContain('<td id="due-on">收到后3个月，至2026-06-10（含当日）</td>');
    expect(page).toContain('id="verb-reply"');
    expect(page).toContain('id="verb-cancel"');
    expect(page).not.toContain('id="verb-publish"');
    const dup = await app.inject({ method: 'POST', url: `/admin/proposals/new?organ=${organ.code}`, cookies: s.cookies, ...form({ ...registration, title: '重复' }) });
    expect(dup.statusCode).toBe(409);
    expect(dup.body).toContain('本机关已登记2026年度第0123号');

    const version = /name="version" value="(\d+)"/.exec(page)![1];
    const noResult = await app.inject({ method: 'POST', url: `/admin/proposals/${id}/reply`, cookies: s.cookies, ...form({ _csrf: s.csrf, version, replyText: '王某代表：已列入计划。', repliedOn: '2026-05-19', result: '' }) });
    expect(noResult.statusCode).toBe(400);
    expect(noResult.body).toContain('请选择办理结果');
    expect(noResult.body).toContain('王某代表：已列入计划。');
    const replied = await app.inject({ method: 'POST', url: `/admin/proposals/${id}/reply`, cookies: s.cookies, ...form({ _csrf: s.csrf, version, replyText: '王某代表：已列入计划，联系人手机13912345678。', repliedOn: '2026-05-19', result: 'planned' }) });
    expect(replied.statusCode).toBe(303);
    page = (await app.inject({ url, cookies: s.cookies })).body;
    expect(page).toContain('id="proposal-state">已答复，待定是否公开');
    expect(page).toContain('公开决定期限');
    // The stale form (version 1) is refused rather than applied twice.
    const stale = await app.inject({ method: 'POST', url: `/admin/proposals/${id}/withhold`, cookies: s.cookies, ...form({ _csrf: s.csrf, version, withheldReason: '涉密' }) });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('该建议提案已被他人修改');
    const v2 = /name="version" value="(\d+)"/.exec(page)![1];
    const published = await app.inject({ method: 'POST', url: `/admin/proposals/${id}/publish`, cookies: s.cookies, ...form({ _csrf: s.csrf, version: v2, publicText: '王某代表：已列入计划，联系人手机13912345678。' }) });
    expect(published.statusCode).toBe(303);
    page = (await app.inject({ url, cookies: s.cookies })).body;
    expect(page).toContain('id="proposal-state">已公开办理结果');
    expect(page).toContain(`href="/organs/${organ.code}/proposals/${id}"`);
    expect(page).toContain('<li>2026-05-20 ');

    // The portal: the list, the page masked, and nothing of another organ, a unit or an unpublished record.
    const list = (await app.inject(`/organs/${organ.code}/proposals`)).body;
    expect(list).toContain(`<a href="/organs/${organ.code}/proposals/${id}">关于桐阳花园加装电梯的建议</a>`);
    // Cards on a phone (each cell named by data-label), and the date the list is sorted by is shown.
    expect(list).toContain('<table class="list cards" id="proposal-results">');
    expect(list).toContain('<th scope="col">公开日期</th>');
    expect(list).toMatch(/<td class="nowrap" data-label="公开日期"><time datetime="2026-05-20">2026-05-20<\/time><\/td>/);
    expect(list).toContain('data-label="答复日期"');
    const result = (await app.inject(`/organs/${organ.code}/proposals/${id}`)).body;
    expect(result).toContain('139****5678');
    expect(result).not.toContain('13912345678');
    expect(result).toContain('正在解决或列入计划');
    expect(result).toContain('县十八届人大五次会议第0123号');
    // The breadcrumb of the other interaction pages (letters, 意见征集): 首页 > 信息公开 > the organ > 互动交流 > 建议提案办理结果 (> 正文).
    const crumbsOf = (html: string) => [...(/<nav class="breadcrumb"[^>]*>.*?<\/nav>/s.exec(html)?.[0] ?? '').matchAll(/<li>(.*?)<\/li>/gs)].map((m) => m[1]);
    const mailbox = crumbsOf((await app.inject(`/organs/${organ.code}/letters`)).body);
    const interaction = [...mailbox.slice(0, -1), `<a href="/organs/${organ.code}/letters">互动交流</a>`];
    expect(crumbsOf(list)).toEqual([...interaction, '<span aria-current="page">建议提案办理结果</span>']);
    expect(crumbsOf(result)).toEqual([...interaction, `<a href="/organs/${organ.code}/proposals">建议提案办理结果</a>`, '<span aria-current="page">正文</span>']);
    expect(mailbox.slice(0, 2)).toEqual(['<a href="/">首页</a>', '<a href="/organs">信息公开</a>']);
    expect((await app.inject(`/organs/${other.code}/proposals/${id}`)).statusCode).toBe(404);
    expect((await app.inject(`/organs/${organ.code}/proposals/${id}x`)).statusCode).toBe(404);
    expect((await app.inject(`/organs/${organ.code}/proposals?year=20x6`)).statusCode).toBe(400);
    expect((await app.inject(`/organs/${organ.code}/proposals?year=2025`)).body).toContain('暂无公开的建议提案办理结果');
    const unit = await createOrgan(deps, { parentCode: organ.code, kind: 'unit' });
    // A unit's list address leads to the organ's (docs/rules/applications.md); a result by number under it is not found.
    const unitList = await app.inject(`/organs/${unit.code}/proposals`);
    expect(unitList.statusCode).toBe(200);
    expect(unitList.body).toContain(`href="/organs/${organ.code}/proposals"`);
    expect((await app.inject(`/organs/${unit.code}/proposals/${id}`)).statusCode).toBe(404);
    const office = await createActor(deps, organ.code, 'editor');
    const pending = await registerProposal(deps, office.actor, organ.id, { kind: 'proposal', number: '12', title: '未答复的提案', submitters: '李某', session: '县政协十二届五次会议', receivedOn: '2026-05-01', role: 'co' });
    expect((await app.inject(`/organs/${organ.code}/proposals/${pending.id}`)).statusCode).toBe(404);
  });

  it('links 建议提案办理结果 from the catalog node of that name, and only from it', async () => {
    const node = await createNode(deps, organ.id, { name: '建议提案办理' });
    const plain = await createNode(deps, organ.id, { name: '工作动态' });
    const shown = (await app.inject(`/organs/${organ.code}/catalog/${node}`)).body;
    expect(shown).toContain(`<a href="/organs/${organ.code}/proposals">建议提案办理结果</a>`);
    expect((await app.inject(`/organs/${organ.code}/catalog/${plain}`)).body).not.toContain(`/organs/${organ.code}/proposals"`);
  });

  it('marks the overdue and the nearly due in the list, filters by state, and 待办 names them', async () => {
    deps.clock.set('2026-05-20T02:00:00Z');
    const office = await createActor(deps, other.code, 'editor');
    const overdue = await registerProposal(deps, office.actor, other.id, { kind: 'suggestion', number: '31', title: '逾期的建议', submitters: '赵某', session: '县十八届人大五次会议', receivedOn: '2026-02-10', role: 'lead' });
    await registerProposal(deps, office.actor, other.id, { kind: 'proposal', number: '32', title: '快到期的提案', submitters: '钱某', session: '县政协十二届五次会议', receivedOn: '2026-03-01', role: 'lead', dueOn: '2026-05-29' });
    await registerProposal(deps, office.actor, other.id, { kind: 'proposal', number: '34', title: '今日到期的提案', submitters: '周某', session: '县政协十二届五次会议', receivedOn: '2026-03-01', role: 'lead', dueOn: '2026-05-20' });
    const staff = await createStaff(deps, other.code, 'editor');
    const s = await loginAs(app, staff.username, staff.password);
    const list = (await app.inject({ url: `/admin/proposals?organ=${other.code}`, cookies: s.cookies })).body;
    expect(list).toContain('2026-05-10（含当日）<strong class="overdue-alert">　已逾期</strong>');
    expect(list).toContain('2026-05-29（含当日）<strong class="status-draft">　即将到期</strong>');
    // Due today: not overdue on its last day, and said so as the applications' work list says it.
    expect(list).toContain('2026-05-20（含当日）<strong class="status-draft">　今日到期</strong>');
    const only = (await app.inject({ url: `/admin/proposals?organ=${other.code}&state=overdue`, cookies: s.cookies })).body;
    expect(only).toContain('逾期的建议');
    expect(only).not.toContain('快到期的提案');
    expect(only).not.toContain('今日到期的提案');
    expect((await app.inject({ url: `/admin/proposals?organ=${other.code}&kind=proposal&year=2026`, cookies: s.cookies })).body).not.toContain('逾期的建议');
    expect((await app.inject({ url: `/admin/proposals?organ=${other.code}&state=lost`, cookies: s.cookies })).statusCode).toBe(400);
    const todo = (await app.inject({ url: '/admin/review', cookies: s.cookies })).body;
    expect(todo).toContain(`${other.name}：1 件人大代表建议、政协提案已超过答复期限`);
    expect(todo).toContain(`${other.name}：2 件人大代表建议、政协提案将在 10 个工作日内到期`);
    expect(todo).toContain(`/admin/proposals?organ=${other.code}&amp;state=overdue`);
    // Replied: no longer overdue; another organ's record is refused to this person.
    await performProposalVerb(deps, office.actor, overdue.id, { verb: 'reply', replyText: '答复', repliedOn: '2026-05-20', result: 'solved' });
    expect((await app.inject({ url: '/admin/review', cookies: s.cookies })).body).not.toContain('件人大代表建议、政协提案已超过答复期限');
    const mine = await createActor(deps, organ.code, 'editor');
    const foreign = await registerProposal(deps, mine.actor, organ.id, { kind: 'suggestion', number: '33', title: '别的机关的建议', submitters: '孙某', session: '县十八届人大五次会议', receivedOn: '2026-05-01', role: 'lead' });
    expect((await app.inject({ url: `/admin/proposals/${foreign.id}`, cookies: s.cookies })).statusCode).toBe(403);
    expect((await app.inject({ url: `/admin/proposals?organ=${organ.code}`, cookies: s.cookies })).statusCode).toBe(403);
  });

  it('lets only the organ administrator change the settings', async () => {
    deps.clock.set('2026-05-20T02:00:00Z');
    const editor = await loginAs(app, clerk.username, clerk.password);
    expect((await app.inject({ url: `/admin/proposals/settings?organ=${organ.code}`, cookies: editor.cookies })).statusCode).toBe(403);
    const s = await loginAs(app, admin.username, admin.password);
    const page = await app.inject({ url: `/admin/proposals/settings?organ=${organ.code}`, cookies: s.cookies });
    expect(page.body).toContain('name="dueMonths"');
    const bad = await app.inject({ method: 'POST', url: `/admin/proposals/settings?organ=${organ.code}`, cookies: s.cookies, ...form({ _csrf: s.csrf, dueMonths: '13', publishWorkingDays: '20' }) });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('答复期限（月）应为1至12之间的整数');
    expect(bad.body).toContain('value="13"');
    const ok = await app.inject({ method: 'POST', url: `/admin/proposals/settings?organ=${organ.code}`, cookies: s.cookies, ...form({ _csrf: s.csrf, dueMonths: '2', publishWorkingDays: '15' }) });
    expect(ok.statusCode).toBe(303);
    expect((await app.inject({ url: `/admin/proposals/new?organ=${organ.code}`, cookies: s.cookies })).body).toContain('不填则为收到日期后2个月');
  });
});
