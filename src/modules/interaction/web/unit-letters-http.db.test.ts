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
    expect(list.body).toContain('小区违章搭建');
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
});
