import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createOrgan, createStaff } from '../../../../test/support/factories.ts';
import { checkLetter, submitLetter } from '../index.ts';
import type { AppDeps } from '../../../platform/app-deps.ts';
import type { Organ } from '../../catalog/index.ts';

/**
 * A letter handed to (交办) an internal unit, in the back office: the unit's staff are told in 工作台,
 * find it under 交办给本单位的来信, read it and write the unit's 办理意见; the organ's handler sees on
 * the list and the letter's page that the unit has answered, and the note beside the reply form.
 */
describeEachDialect('letters handed to a unit, in the back office', (db) => {
  let app: FastifyInstance;
  let deps: AppDeps & { clock: { set(at: string): void } };
  let organ: Organ;
  let unit: Organ;
  let clerk: { username: string; password: string };
  let unitClerk: { username: string; password: string };

  beforeAll(async () => {
    const built = await buildTestApp(db(), '2026-03-10T02:00:00Z');
    app = built.app;
    deps = built.deps;
    organ = await createOrgan(deps, { name: '青岚县住房和城乡建设局' });
    unit = await createOrgan(deps, { name: '城市管理股', kind: 'unit', parentCode: organ.code });
    clerk = await createStaff(deps, organ.code, 'editor');
    unitClerk = await createStaff(deps, unit.code, 'editor');
  });
  afterAll(async () => app?.close());

  it('takes the letter to the unit’s staff and their note back to the organ’s handler', async () => {
    const r = await submitLetter(deps, organ.code, { type: 'complain', subject: '小区违章搭建', content: '幸福小区有人在楼顶违章搭建，请查处。', writerName: '张小明', contact: '13912345678', publishConsent: 'yes' });
    const { id } = await checkLetter(deps, r.trackingNo, r.queryCode);
    const staff = await loginAs(app, clerk.username, clerk.password);
    const version = () => deps.db.selectFrom('letters').select('version').where('id', '=', id).executeTakeFirstOrThrow().then((v) => String(v.version));
    const assigned = await app.inject({ method: 'POST', url: `/admin/letters/${id}/assign`, cookies: staff.cookies, payload: { _csrf: staff.csrf, version: await version(), unitId: String(unit.id) } });
    expect(assigned.statusCode).toBe(303);
    // The organ's handler has the letters in the organ's mailbox, not under 交办给本单位的来信.
    expect((await app.inject({ url: '/admin', cookies: staff.cookies })).body).not.toContain('id="dash-unit-letters"');
    const page = (await app.inject({ url: `/admin/letters/${id}`, cookies: staff.cookies })).body;
    expect(page).toContain('城市管理股（尚未报送办理意见）');
    expect(page).not.toContain('id="verb-recordUnitOpinion"');

    // The unit's staff are told, and find it.
    const unitSession = await loginAs(app, unitClerk.username, unitClerk.password);
    const desk = (await app.inject({ url: '/admin', cookies: unitSession.cookies })).body;
    expect(desk).toContain('城市管理股：1 件部门信箱来信交办本单位，待报送办理意见');
    expect(desk).toContain('href="/admin/letters/units"');
    const list = await app.inject({ url: '/admin/letters/units', cookies: unitSession.cookies });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(`href="/admin/letters/${id}"`);
    expect(list.body).toMatch(new RegExp(`<td data-label="标题"><a href="/admin/letters/${id}">[^<]*小区违章搭建`));
    // Their page: the letter, what the unit is asked, and only the unit's note.
    const theirs = await app.inject({ url: `/admin/letters/${id}`, cookies: unitSession.cookies });
    expect(theirs.statusCode).toBe(200);
    expect(theirs.body).toContain('幸福小区有人在楼顶违章搭建');
    expect(theirs.body).toContain('id="unit-notice"');
    // 本机关 is the organ, not the unit reading the page.
    expect(theirs.body).toContain('<th scope="row">青岚县住房和城乡建设局收到日期</th>');
    expect(theirs.body).toContain('id="verb-recordUnitOpinion"');
    for (const verb of ['reply', 'assign', 'transfer', 'notAccept', 'editPublicText']) expect(theirs.body).not.toContain(`id="verb-${verb}"`);
    // The organ's mailbox stays the organ's (条例第二十七条).
    expect((await app.inject({ url: `/admin/letters?organ=${organ.code}`, cookies: unitSession.cookies })).statusCode).toBe(403);
    const refused = await app.inject({ method: 'POST', url: `/admin/letters/${id}/reply`, cookies: unitSession.cookies, payload: { _csrf: unitSession.csrf, version: await version(), replyText: '已处理' } });
    expect(refused.statusCode).toBe(403);
    const empty = await app.inject({ method: 'POST', url: `/admin/letters/${id}/recordUnitOpinion`, cookies: unitSession.cookies, payload: { _csrf: unitSession.csrf, version: await version(), opinion: '' } });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('请填写办理意见');
    const sent = await app.inject({ method: 'POST', url: `/admin/letters/${id}/recordUnitOpinion`, cookies: unitSession.cookies, payload: { _csrf: unitSession.csrf, version: await version(), opinion: '经现场核实，违章搭建属实，已责令当事人3日内自行拆除。' } });
    expect(sent.statusCode).toBe(303);
    const deskAfter = (await app.inject({ url: '/admin', cookies: unitSession.cookies })).body;
    expect(deskAfter).not.toContain('待报送办理意见');
    // Nothing waits now, yet 工作台 still leads to the unit's letters (to read them again, or add to the note).
    expect(deskAfter).toMatch(/id="dash-unit-letters"><a href="\/admin\/letters\/units">交办给本单位的来信<\/a>/);

    // The organ's handler sees the unit has answered, and the note where the reply is written.
    const after = (await app.inject({ url: `/admin/letters/${id}`, cookies: staff.cookies })).body;
    expect(after).toContain('城市管理股（2026-03-10已报送办理意见）');
    expect(after).toMatch(/id="reply-unit-opinions"[\s\S]*经现场核实，违章搭建属实/);
    expect(after).toMatch(/id="letter-history"[\s\S]*报送办理意见（城市管理股）：经现场核实/);
    expect((await app.inject({ url: `/admin/letters?organ=${organ.code}`, cookies: staff.cookies })).body).toContain('城市管理股（2026-03-10已报送办理意见）');
    // Another organ's staff still cannot open it.
    const stranger = await createStaff(deps, (await createOrgan(deps)).code, 'editor');
    const strangerSession = await loginAs(app, stranger.username, stranger.password);
    expect((await app.inject({ url: `/admin/letters/${id}`, cookies: strangerSession.cookies })).statusCode).toBe(403);
  });
  it('hands a letter over with 交办意见 and 报送期限, marks the unit 逾期 past it, and tells the organ of the unit’s note until its staff act', async () => {
    deps.clock.set('2026-03-10T02:00:00Z');
    const r = await submitLetter(deps, organ.code, { type: 'complain', subject: '物业乱收停车费', content: '物业公司从今年10月起对业主车辆每月加收停车管理费200元。', writerName: '王建国', contact: '13912345678', publishConsent: 'yes' });
    const { id } = await checkLetter(deps, r.trackingNo, r.queryCode);
    const row = () => deps.db.selectFrom('letters').select(['version', 'due_on', 'unit_id']).where('id', '=', id).executeTakeFirstOrThrow();
    const staff = await loginAs(app, clerk.username, clerk.password);
    const dueOn = (await row()).due_on;
    const late = await app.inject({ method: 'POST', url: `/admin/letters/${id}/assign`, cookies: staff.cookies, payload: { _csrf: staff.csrf, version: String((await row()).version), unitId: String(unit.id), instructions: '请核实收费依据', reportByOn: '2026-12-31' } });
    expect(late.statusCode).toBe(400);
    expect(late.body).toContain(`报送期限2026-12-31晚于来信的答复期限${dueOn}`);
    expect(late.body).toContain('请核实收费依据'); // what was typed is kept
    expect((await row()).unit_id).toBeNull();
    const assigned = await app.inject({ method: 'POST', url: `/admin/letters/${id}/assign`, cookies: staff.cookies, payload: { _csrf: staff.csrf, version: String((await row()).version), unitId: String(unit.id), instructions: '请核实收费依据并提出处理意见', reportByOn: '2026-03-11' } });
    expect(assigned.statusCode).toBe(303);
    const audited = await deps.db.selectFrom('audit_events').select('after_json').where('action', '=', 'letter.assign').where('entity_id', '=', String(id)).executeTakeFirstOrThrow();
    expect(JSON.parse(audited.after_json!)).toMatchObject({ instructions: '请核实收费依据并提出处理意见', reportByOn: '2026-03-11' });

    const unitSession = await loginAs(app, unitClerk.username, unitClerk.password);
    const theirs = (await app.inject({ url: `/admin/letters/${id}`, cookies: unitSession.cookies })).body;
    expect(theirs).toMatch(/id="letter-unit-instructions">请核实收费依据并提出处理意见</);
    expect(theirs).toMatch(/id="letter-unit-report-by">2026-03-11（含当日）</);
    expect(theirs).toMatch(/id="letter-history"[\s\S]*交办至城市管理股，报送期限2026-03-11：请核实收费依据并提出处理意见/);
    const list = (await app.inject({ url: '/admin/letters/units', cookies: unitSession.cookies })).body;
    expect(list).toContain('交办意见：请核实收费依据并提出处理意见');
    // One unit: every row would name the same organ and unit.
    expect(list).toContain('class="list cards"');
    expect(list).not.toContain('<th scope="col">交办机关</th>');
    expect(list).not.toContain('<th scope="col">承办单位</th>');
    expect(list).not.toContain('已逾期');
    expect(list).toContain('<td data-label="报送期限">2026-03-11（含当日）</td>');

    // The day after the 报送期限, without a note: 逾期 on the unit's list and the organ handler's.
    deps.clock.set('2026-03-12T02:00:00Z');
    expect((await app.inject({ url: '/admin/letters/units', cookies: unitSession.cookies })).body).toContain('<td data-label="报送期限">2026-03-11（含当日）<strong class="overdue-alert">　已逾期</strong></td>');
    expect((await app.inject({ url: `/admin/letters?organ=${organ.code}`, cookies: staff.cookies })).body).toContain('（报送逾期）');

    const sent = await app.inject({ method: 'POST', url: `/admin/letters/${id}/recordUnitOpinion`, cookies: unitSession.cookies, payload: { _csrf: unitSession.csrf, version: String((await row()).version), opinion: '经核实，物业收费未经业主大会同意。' } });
    expect(sent.statusCode).toBe(303);
    const told = '青岚县住房和城乡建设局：1 件交办来信的承办单位已报送办理意见，待阅办';
    expect((await app.inject({ url: '/admin', cookies: staff.cookies })).body).toContain(told);
    expect((await app.inject({ url: `/admin/letters?organ=${organ.code}&view=unit_opinion_new`, cookies: staff.cookies })).body).toContain(`href="/admin/letters/${id}"`);
    expect((await app.inject({ url: `/admin/letters?organ=${organ.code}`, cookies: staff.cookies })).body).not.toContain('（报送逾期）');
    // Once the organ's staff act on the letter, the note is no longer new to them.
    const acted = await app.inject({ method: 'POST', url: `/admin/letters/${id}/recordFollowUp`, cookies: staff.cookies, payload: { _csrf: staff.csrf, version: String((await row()).version), kind: 'call', on: '2026-03-12', participants: '李四', notes: '电话联系物业公司' } });
    expect(acted.statusCode).toBe(303);
    expect((await app.inject({ url: '/admin', cookies: staff.cookies })).body).not.toContain(told);
    expect((await app.inject({ url: `/admin/letters?organ=${organ.code}&view=unit_opinion_new`, cookies: staff.cookies })).body).not.toContain(`href="/admin/letters/${id}"`);
  });

  it('names the organ and the unit of each letter for someone on several units', async () => {
    const other = await createOrgan(deps, { name: '房地产市场监管股', kind: 'unit', parentCode: organ.code });
    const both = await createStaff(deps, unit.code, 'editor');
    await deps.db.insertInto('user_roles').values({ user_id: both.id, organ_id: other.id, role: 'editor' }).execute();
    const session = await loginAs(app, both.username, both.password);
    const list = (await app.inject({ url: '/admin/letters/units?view=all', cookies: session.cookies })).body;
    expect(list).toContain('<th scope="col">交办机关</th>');
    expect(list).toContain('<td data-label="承办单位">城市管理股</td>');
  });
});
