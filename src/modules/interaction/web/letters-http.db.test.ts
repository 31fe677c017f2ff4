import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createActor, createOrgan, createStaff } from '../../../../test/support/factories.ts';
import { updateLetterSettings } from '../index.ts';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { extractText } from '../../privacy/index.ts';
import type { Organ } from '../../catalog/index.ts';
import { trackingNoOf } from '../../../../test/support/tracking-no.ts';

/**
 * The mailbox over HTTP: the public form (idempotent, POST → 303 → GET, refusals keep what was
 * typed, only accepted letters count toward the limit), the staff pages, and the published letter.
 */
describeEachDialect('the department mailbox pages', (db) => {
  let app: FastifyInstance;
  let deps: AppDeps & { clock: { set(at: string): void } };
  let organ: Organ;
  let clerk: { username: string; password: string };
  // Sessions time out on the application's clock: sign in at the time each test sets.
  const signIn = () => loginAs(app, clerk.username, clerk.password);

  beforeAll(async () => {
    const built = await buildTestApp(db(), '2026-03-10T02:00:00Z');
    app = built.app;
    deps = built.deps;
    organ = await createOrgan(deps);
    clerk = await createStaff(deps, organ.code, 'editor');
  });
  afterAll(async () => app?.close());

  const at = (iso: string) => deps.clock.set(iso);
  const formToken = async () => /name="formToken" value="([^"]+)"/.exec((await app.inject({ url: `/organs/${organ.code}/letters/new` })).body)![1];
  const letter = (over: Record<string, string> = {}) => ({ website: '', type: 'consult', subject: '小区加装电梯', content: '请问加装电梯的补助政策，我的手机13912345678。', writerName: '王小红', phone: '13912345678', publishConsent: 'yes', ...over });
  const post = (payload: Record<string, string>, remoteAddress = '10.1.0.1') => app.inject({ method: 'POST', url: `/organs/${organ.code}/letters/new`, payload, remoteAddress });
  const count = async () => Number((await deps.db.selectFrom('letters').select((eb) => eb.fn.countAll<number>().as('n')).where('organ_id', '=', organ.id).executeTakeFirstOrThrow()).n);
  const receiptOf = async (res: LightMyRequestResponse) => {
    expect(res.statusCode).toBe(303);
    const page = await app.inject({ url: String(res.headers.location), cookies: Object.fromEntries(res.cookies.map((c) => [c.name, c.value])) });
    return { trackingNo: trackingNoOf(page.body) ?? '', queryCode: /id="query-code">([^<]+)</.exec(page.body)?.[1] ?? '' };
  };

  it('links 互动交流 from the organ\'s portal home', async () => {
    const home = await app.inject({ url: `/organs/${organ.code}` });
    expect(home.body).toContain(`href="/organs/${organ.code}/letters"`);
  });

  it('marks the required fields of the letter form as the other public forms do (＊)', async () => {
    const form = (await app.inject({ url: `/organs/${organ.code}/letters/new` })).body;
    expect(form).toContain('来信类型<span class="required" aria-hidden="true">＊</span>');
    expect(form).not.toContain('aria-hidden="true">*<');
  });

  it('makes one letter of six simultaneous posts of one form, each answered with its receipt', async () => {
    at('2026-03-10T02:00:00Z');
    const token = await formToken();
    at('2026-03-10T02:01:00Z');
    const before = await count();
    const answers = await Promise.all(Array.from({ length: 6 }, () => post({ formToken: token, ...letter() })));
    expect(await count()).toBe(before + 1);
    const receipts = await Promise.all(answers.map(receiptOf));
    expect(new Set(receipts.map((r) => `${r.trackingNo}/${r.queryCode}`)).size).toBe(1);
    expect(receipts[0].trackingNo).toMatch(new RegExp(`^${organ.code.toUpperCase()}-XJ2026-\\d{5}$`));
  });

  it('shows a refused form again with everything typed and the reasons', async () => {
    at('2026-03-10T03:00:00Z');
    const token = await formToken();
    at('2026-03-10T03:01:00Z');
    const res = await post({ formToken: token, ...letter({ writerName: '', subject: '' }) });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('请填写姓名');
    expect(res.body).toContain('请填写标题');
    expect(res.body).toContain('请问加装电梯的补助政策');
    expect(res.body).toContain('value="13912345678"');
  });

  it('marks the 来信类型 choices invalid when none was chosen, as it marks a text field (found by an outside tester)', async () => {
    at('2026-03-10T03:10:00Z');
    const token = await formToken();
    at('2026-03-10T03:11:00Z');
    const res = await post({ formToken: token, ...letter({ type: '' }) });
    expect(res.statusCode).toBe(400);
    const radios = res.body.match(/<input type="radio" name="type"[^>]*>/g) ?? [];
    expect(radios).toHaveLength(4);
    for (const r of radios) expect(r).toContain('aria-invalid="true"');
  });

  it('counts only accepted letters toward the hourly limit and keeps the text of the one refused', async () => {
    at('2026-03-10T04:00:00Z');
    const tokens = await Promise.all(Array.from({ length: 12 }, formToken));
    at('2026-03-10T04:01:00Z');
    // Refused posts (a missing name) never count.
    for (let i = 0; i < 3; i++) expect((await post({ formToken: tokens[i], ...letter({ writerName: '' }) }, '10.9.9.9')).statusCode).toBe(400);
    for (let i = 0; i < 10; i++) expect((await post({ formToken: tokens[i], ...letter() }, '10.9.9.9')).statusCode).toBe(303);
    const limited = await post({ formToken: tokens[10], ...letter({ subject: '第十一封信' }) }, '10.9.9.9');
    expect(limited.statusCode).toBe(429);
    expect(limited.body).toContain('第十一封信');
    expect(limited.body).toContain('2026年3月10日13:01');
  });

  it('shows staff a letter’s 答复期限 as the applications’ work list does: its last day included, 今日到期 on it, 已逾期 after', async () => {
    at('2026-03-11T02:00:00Z');
    const token = await formToken();
    at('2026-03-11T02:01:00Z');
    const { trackingNo } = await receiptOf(await post({ formToken: token, ...letter({ subject: '期限显示测试' }) }, '10.1.9.1'));
    const rowOf = async () => {
      const list = (await app.inject({ url: `/admin/letters?organ=${organ.code}`, cookies: (await signIn()).cookies })).body;
      return new RegExp(`<tr>(?:(?!</tr>).)*${trackingNo}(?:(?!</tr>).)*</tr>`, 's').exec(list)![0];
    };
    expect(await rowOf()).toContain('<td data-label="答复期限">2026-03-18（含当日）</td>');
    at('2026-03-18T02:00:00Z');
    expect(await rowOf()).toContain('<td data-label="答复期限">2026-03-18（含当日）<strong class="status-draft">　今日到期</strong></td>');
    at('2026-03-19T02:00:00Z');
    const row = await rowOf();
    expect(row).toContain('<td data-label="答复期限">2026-03-18（含当日）<strong class="overdue-alert">　已逾期</strong></td>');
    const staff = await signIn();
    const page = (await app.inject({ url: `/admin/letters/${/href="\/admin\/letters\/(\d+)"/.exec(row)![1]}`, cookies: staff.cookies })).body;
    expect(page).toMatch(/id="due-on">\d+个工作日，至2026-03-18（含当日）<strong class="overdue-alert">　已逾期<\/strong>/);
  });

  it('lets staff reply, the writer read and rate the reply, and the public read the letter masked', async () => {
    at('2026-03-11T02:00:00Z');
    const token = await formToken();
    at('2026-03-11T02:01:00Z');
    const { trackingNo, queryCode } = await receiptOf(await post({ formToken: token, ...letter({ subject: '公开答复测试' }) }));
    const staff = await signIn();
    const list = await app.inject({ url: `/admin/letters?organ=${organ.code}`, cookies: staff.cookies });
    const id = new RegExp(`href="/admin/letters/(\\d+)">${trackingNo}<`).exec(list.body)![1];
    // On a phone a letter is a card: its title is tapped as well as its number (found by an outside tester).
    expect(list.body).toContain(`<td data-label="标题"><a href="/admin/letters/${id}">公开答复测试</a></td>`);
    const page = await app.inject({ url: `/admin/letters/${id}`, cookies: staff.cookies });
    expect(page.body).toContain('2026-03-18');
    expect(page.body).toMatch(/<li>2026-03-11 [^<]* 收到来信：/); // not 来信人：来信：收到来信
    // Before any reply: the letter as the portal will show it, and a preview of a typed reply that sends nothing.
    expect(/id="public-version"[\s\S]*?王\*\*[\s\S]*?<\/section>/.exec(page.body)![0]).not.toContain('13912345678');
    const version = /name="version" value="(\d+)"/.exec(page.body)![1];
    const preview = await app.inject({ method: 'POST', url: `/admin/letters/${id}/reply-preview`, cookies: staff.cookies, payload: { _csrf: staff.csrf, version, replyText: '王小红同志：请拨打13800001111。' } });
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('预览：答复后网上公开的版本（尚未发送）');
    expect(preview.body).toContain('王**同志：请拨打138****1111。');
    expect(preview.body).toContain('>王小红同志：请拨打13800001111。</textarea>');
    expect((await app.inject({ url: `/admin/letters/${id}`, cookies: staff.cookies })).body).toContain('id="letter-state">待办理<');
    // The writer reads the reply's deadline as its last day, included, as an application's.
    const waiting = await app.inject({ method: 'POST', url: '/letters/status', payload: { trackingNo, queryCode }, remoteAddress: '10.2.0.2' });
    const waitingCookie = waiting.cookies.find((c) => c.name.startsWith('gk_letter_'))!;
    const waitingPage = await app.inject({ url: waiting.headers.location as string, cookies: { [waitingCookie.name]: waitingCookie.value }, remoteAddress: '10.2.0.2' });
    expect(waitingPage.body).toContain('<th scope="row">答复期限</th><td>2026年3月18日（含当日）</td>');
    const refused = await app.inject({ method: 'POST', url: `/admin/letters/${id}/reply`, cookies: staff.cookies, payload: { _csrf: staff.csrf, version, replyText: '' } });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('请填写答复内容');
    const replied = await app.inject({ method: 'POST', url: `/admin/letters/${id}/reply`, cookies: staff.cookies, payload: { _csrf: staff.csrf, version, replyText: '王小红同志：补助标准为每台15万元，详询13800001111。' } });
    expect(replied.statusCode).toBe(303);
    // Staff see the version the portal publishes before anyone else does.
    const after = (await app.inject({ url: `/admin/letters/${id}`, cookies: staff.cookies })).body;
    expect(/id="public-version"[\s\S]*王\*\*同志：补助标准为每台15万元，详询138\*\*\*\*1111/.test(after)).toBe(true);

    // The query lands on a GET page Back returns to (its cookie opens it; no code in the address), and rating goes back to it.
    const query = await app.inject({ method: 'POST', url: '/letters/status', payload: { trackingNo, queryCode }, remoteAddress: '10.2.0.1' });
    expect(query.statusCode).toBe(303);
    const pageUrl = query.headers.location as string;
    expect(pageUrl).toMatch(/^\/letters\/status\/result\/[0-9a-f]{32}$/);
    expect(pageUrl).not.toContain(queryCode);
    const cookie = query.cookies.find((c) => c.name.startsWith('gk_letter_'))!;
    expect(cookie).toMatchObject({ path: pageUrl, httpOnly: true, sameSite: 'Lax' });
    const cookies = { [cookie.name]: cookie.value };
    const status = await app.inject({ url: pageUrl, cookies, remoteAddress: '10.2.0.1' });
    expect(status.body).toContain('补助标准为每台15万元');
    expect(status.body).toContain(`action="${pageUrl}/rate"`);
    // Seven days from the reply, the last one open to a rating (check-letter.ts): said so, not 请于…前评价.
    expect(status.body).toContain('请最迟于2026年3月18日（含当日）评价；逾期未评价的视为满意。');
    expect(status.body).not.toContain(queryCode);
    const rated = await app.inject({ method: 'POST', url: `${pageUrl}/rate`, cookies, payload: { rating: 'basically_satisfied', comment: '还算及时' }, remoteAddress: '10.2.0.1' });
    expect(rated.statusCode).toBe(303);
    expect(rated.headers.location).toBe(pageUrl);
    expect((await app.inject({ url: pageUrl, cookies, remoteAddress: '10.2.0.1' })).body).toContain('基本满意');
    // Another browser (no cookie) gets the query form again, with why.
    expect((await app.inject({ url: pageUrl, remoteAddress: '10.2.0.1' })).body).toContain('查询已过期，请重新输入信件编号和查询码');
    const wrong = await app.inject({ method: 'POST', url: '/letters/status', payload: { trackingNo, queryCode: 'AAAAAAAA' }, remoteAddress: '10.2.0.1' });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.body).toContain('编号或查询码不正确');

    const published = await app.inject({ url: `/organs/${organ.code}/letters/${id}` });
    expect(published.statusCode).toBe(200);
    expect(published.body).toContain('王**');
    expect(published.body).not.toContain('王小红');
    expect(published.body).not.toContain('13912345678');
    expect(published.body).not.toContain('13800001111');
    const letters = (await app.inject({ url: `/organs/${organ.code}/letters` })).body;
    expect(letters).toContain('公开答复测试');
    // Cards on a phone, as the 建议提案 and 意见征集 lists: each cell named by its column (data-label).
    expect(letters).toContain('<table class="list cards" id="published-letters">');
    for (const label of ['类型', '来信人', '答复日期']) expect(letters).toContain(`data-label="${label}"`);
  });

  it('publishes a letter and its reply with the house detail of a home address masked, as the staff preview shows it', async () => {
    const own = await createOrgan(deps);
    const me = await createStaff(deps, own.code, 'editor');
    at('2026-03-16T02:00:00Z');
    const token = /name="formToken" value="([^"]+)"/.exec((await app.inject({ url: `/organs/${own.code}/letters/new` })).body)![1];
    at('2026-03-16T02:01:00Z');
    const content = '我住在幸福小区3栋2单元501室，楼上漏水。请到县政务服务中心三楼答复。';
    const sent = await app.inject({ method: 'POST', url: `/organs/${own.code}/letters/new`, payload: { formToken: token, ...letter({ subject: '住址遮盖测试', content }) }, remoteAddress: '10.4.0.1' });
    const { trackingNo } = await receiptOf(sent);
    const staff = await loginAs(app, me.username, me.password);
    const id = new RegExp(`href="/admin/letters/(\\d+)">${trackingNo}<`).exec((await app.inject({ url: `/admin/letters?organ=${own.code}`, cookies: staff.cookies })).body)![1];
    const page = (await app.inject({ url: `/admin/letters/${id}`, cookies: staff.cookies })).body;
    const version = /name="version" value="(\d+)"/.exec(page)![1];
    // Staff read the letter as written, and the public version as the portal will show it.
    expect(page).toContain('幸福小区3栋2单元501室');
    expect(/id="public-version"[\s\S]*?<\/section>/.exec(page)![0]).toContain('我住在幸福小区*********，楼上漏水。请到县政务服务中心三楼答复。');
    const replyText = '王小红同志：已派人到城关镇人民路18号院2号楼302和幸福小区3栋2单元501室查看。';
    const preview = await app.inject({ method: 'POST', url: `/admin/letters/${id}/reply-preview`, cookies: staff.cookies, payload: { _csrf: staff.csrf, version, replyText } });
    expect(preview.body).toContain('王**同志：已派人到城关镇人民路18号院******和幸福小区*********查看。');
    expect((await app.inject({ method: 'POST', url: `/admin/letters/${id}/reply`, cookies: staff.cookies, payload: { _csrf: staff.csrf, version, replyText } })).statusCode).toBe(303);
    const published = await app.inject({ url: `/organs/${own.code}/letters/${id}` });
    expect(published.statusCode).toBe(200);
    expect(published.body).toContain('我住在幸福小区*********，楼上漏水。请到县政务服务中心三楼答复。');
    expect(published.body).toContain('王**同志：已派人到城关镇人民路18号院******和幸福小区*********查看。');
    expect(published.body).not.toContain('501室');
    expect(published.body).not.toContain('2号楼302');
  });

  it('publishes a tester\'s letter with the mother\'s 号楼/门 address, the spaced name, the home landline and the QQ number masked, and the organ\'s hotline readable', async () => {
    const own = await createOrgan(deps);
    const me = await createStaff(deps, own.code, 'editor');
    at('2026-03-17T02:00:00Z');
    const token = /name="formToken" value="([^"]+)"/.exec((await app.inject({ url: `/organs/${own.code}/letters/new` })).body)![1];
    at('2026-03-17T02:01:00Z');
    const content = '本人家住青岚县城关镇滨河路88号阳光花园5幢1单元302室，另外我母亲住在幸福里小区12号楼3门201。家里座机0564-5123456，邮箱 wangjg@163.com，QQ 12345678。签名：王 建 国';
    const sent = await app.inject({ method: 'POST', url: `/organs/${own.code}/letters/new`, payload: { formToken: token, ...letter({ subject: '联系方式遮盖测试', content, writerName: '王建国' }) }, remoteAddress: '10.5.0.1' });
    const { trackingNo } = await receiptOf(sent);
    const staff = await loginAs(app, me.username, me.password);
    const id = new RegExp(`href="/admin/letters/(\\d+)">${trackingNo}<`).exec((await app.inject({ url: `/admin/letters?organ=${own.code}`, cookies: staff.cookies })).body)![1];
    const version = /name="version" value="(\d+)"/.exec((await app.inject({ url: `/admin/letters/${id}`, cookies: staff.cookies })).body)![1];
    const replyText = '王 建 国同志：已电话联系（您的电话0564-5123456）。如有疑问请拨打政策咨询电话0564-1234567。';
    expect((await app.inject({ method: 'POST', url: `/admin/letters/${id}/reply`, cookies: staff.cookies, payload: { _csrf: staff.csrf, version, replyText } })).statusCode).toBe(303);
    const published = await app.inject({ url: `/organs/${own.code}/letters/${id}` });
    expect(published.statusCode).toBe(200);
    expect(published.body).toContain('我母亲住在幸福里小区*********。家里座机0564-*****56，邮箱 w*****@163.com，QQ ********。签名：王**');
    expect(published.body).toContain('王**同志：已电话联系（您的电话0564-*****56）。如有疑问请拨打政策咨询电话0564-1234567。');
    for (const shown of ['3门201', '5123456', '12345678', '王 建 国', '302室']) expect(published.body).not.toContain(shown);

    // Staff take it off the portal with a reason (history and audit log), then put it back.
    const page = async () => (await app.inject({ url: `/admin/letters/${id}`, cookies: staff.cookies })).body;
    const current = async () => /name="version" value="(\d+)"/.exec(await page())![1];
    expect(await page()).toContain(`action="/admin/letters/${id}/withdrawPublication"`);
    expect(await page()).not.toContain(`action="/admin/letters/${id}/republish"`);
    const noReason = await app.inject({ method: 'POST', url: `/admin/letters/${id}/withdrawPublication`, cookies: staff.cookies, payload: { _csrf: staff.csrf, version: await current(), reason: ' ' } });
    expect(noReason.body).toContain('请填写撤下公开的理由');
    const withdrawn = await app.inject({ method: 'POST', url: `/admin/letters/${id}/withdrawPublication`, cookies: staff.cookies, payload: { _csrf: staff.csrf, version: await current(), reason: '来信含他人住址，核实遮盖' } });
    expect(withdrawn.statusCode).toBe(303);
    expect((await app.inject({ url: `/organs/${own.code}/letters/${id}` })).statusCode).toBe(404);
    expect((await app.inject({ url: `/organs/${own.code}/letters` })).body).not.toContain(`/organs/${own.code}/letters/${id}"`);
    const off = await page();
    expect(off).toContain('已撤下公开，理由：来信含他人住址，核实遮盖');
    expect(off).toContain('撤下公开：来信含他人住址，核实遮盖');
    expect(off).toContain(`action="/admin/letters/${id}/republish"`);
    // The withdrawn version's hint does not say the public sees it.
    expect(/id="public-version"[\s\S]*?<\/section>/.exec(off)![0]).not.toContain('公众看到的内容如下');
    expect(off).toContain('重新公开后公众将看到的内容如下');
    expect(off).not.toContain(`action="/admin/letters/${id}/withdrawPublication"`);
    const audit = await deps.db.selectFrom('audit_events').select('action').where('entity_type', '=', 'letter').where('entity_id', '=', String(id)).execute();
    expect(audit.map((r) => r.action)).toContain('letter.withdrawPublication');
    expect((await app.inject({ method: 'POST', url: `/admin/letters/${id}/republish`, cookies: staff.cookies, payload: { _csrf: staff.csrf, version: await current() } })).statusCode).toBe(303);
    expect((await app.inject({ url: `/organs/${own.code}/letters/${id}` })).statusCode).toBe(200);
    expect(await page()).toContain('重新公开');

    // Staff edit the public version: the mother's address out; the letter as written stays, masking still applies.
    const edited = content.replace('另外我母亲住在幸福里小区12号楼3门201。', '');
    const refused = await app.inject({ method: 'POST', url: `/admin/letters/${id}/editPublicText`, cookies: staff.cookies, payload: { _csrf: staff.csrf, version: await current(), publicSubject: '', publicContent: edited, reason: '' } });
    expect(refused.body).toContain('请填写公开的标题');
    expect(refused.body).toContain('请填写修改公开版本的理由');
    const saved = await app.inject({ method: 'POST', url: `/admin/letters/${id}/editPublicText`, cookies: staff.cookies, payload: { _csrf: staff.csrf, version: await current(), publicSubject: '联系方式遮盖测试', publicContent: edited, reason: '删去来信人母亲的住址' } });
    expect(saved.statusCode).toBe(303);
    const portal = (await app.inject({ url: `/organs/${own.code}/letters/${id}` })).body;
    expect(portal).not.toContain('我母亲');
    expect(portal).toContain('阳光花园*********，家里座机0564-*****56');
    const staffPage = await page();
    expect(staffPage).toContain('另外我母亲住在幸福里小区12号楼3门201。'); // the letter as written
    expect(/id="public-version"[\s\S]*?<\/section>/.exec(staffPage)![0]).not.toContain('我母亲');
    expect(staffPage).toContain('修改公开版本：删去来信人母亲的住址');
    // The sent reply's public version is edited on the same form; the reply as sent stays on the staff page.
    expect(staffPage).toContain('id="f-publicReplyText"');
    const publicReply = '王建国同志：已电话联系。如有疑问请拨打政策咨询电话0564-1234567。';
    const replyEdited = await app.inject({ method: 'POST', url: `/admin/letters/${id}/editPublicText`, cookies: staff.cookies, payload: { _csrf: staff.csrf, version: await current(), publicSubject: '联系方式遮盖测试', publicContent: edited, publicReplyText: publicReply, reason: '删去答复中的来信人电话' } });
    expect(replyEdited.statusCode).toBe(303);
    const portalAfter = (await app.inject({ url: `/organs/${own.code}/letters/${id}` })).body;
    expect(portalAfter).toContain('王**同志：已电话联系。如有疑问请拨打政策咨询电话0564-1234567。');
    expect(portalAfter).not.toContain('您的电话');
    expect(await page()).toContain(replyText); // the reply as sent
    // The audit log records the reason of an edit (the first one here), as it does for 撤下公开.
    const audited = async (action: string) => {
      const row = await deps.db.selectFrom('audit_events').select('after_json').where('entity_type', '=', 'letter').where('entity_id', '=', String(id)).where('action', '=', action).orderBy('id').executeTakeFirstOrThrow();
      return JSON.parse(row.after_json ?? 'null') as { reason?: string };
    };
    expect((await audited('letter.withdrawPublication')).reason).toBe('来信含他人住址，核实遮盖');
    expect((await audited('letter.editPublicText')).reason).toBe('删去来信人母亲的住址');
  });

  it('keeps photos of follow-up work with their record, for staff only, and refuses what is not a photo', async () => {
    at('2026-03-12T02:00:00Z');
    const token = await formToken();
    at('2026-03-12T02:01:00Z');
    const { trackingNo } = await receiptOf(await post({ formToken: token, ...letter({ subject: '照片测试' }) }));
    const staff = await signIn();
    const id = new RegExp(`href="/admin/letters/(\\d+)">${trackingNo}<`).exec((await app.inject({ url: `/admin/letters?organ=${organ.code}`, cookies: staff.cookies })).body)![1];
    const recorded = await app.inject({ method: 'POST', url: `/admin/letters/${id}/recordFollowUp`, cookies: staff.cookies, payload: { _csrf: staff.csrf, kind: 'site_visit', on: '2026-03-12', participants: '李四', notes: '到小区现场查看' } });
    expect(recorded.statusCode).toBe(303);
    const page = await app.inject({ url: `/admin/letters/${id}`, cookies: staff.cookies });
    // The reply form lists the follow-up work so the reply can cite it.
    expect(/id="reply-follow-ups">[\s\S]*?到小区现场查看/.test(page.body)).toBe(true);
    const eventId = /action="\/admin\/letters\/\d+\/follow-ups\/(\d+)\/photos"/.exec(page.body)![1];
    const upload = (fileName: string, bytes: string) => {
      const b = '----gkphoto';
      return app.inject({
        method: 'POST', url: `/admin/letters/${id}/follow-ups/${eventId}/photos`, cookies: staff.cookies,
        headers: { 'content-type': `multipart/form-data; boundary=${b}` },
        payload: `--${b}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${staff.csrf}\r\n--${b}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n${bytes}\r\n--${b}--\r\n`,
      });
    };
    const refused = await upload('notes.exe', 'MZ');
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('照片应为 JPG 或 PNG 格式');
    expect((await upload('site.png', 'PNGDATA')).statusCode).toBe(303);
    const after = await app.inject({ url: `/admin/letters/${id}`, cookies: staff.cookies });
    const href = /href="(\/admin\/letters\/\d+\/photos\/\d+)">site.png</.exec(after.body)![1];
    const photo = await app.inject({ url: href, cookies: staff.cookies });
    expect(photo.headers['content-type']).toBe('image/png');
    expect(photo.body).toBe('PNGDATA');
    expect(photo.headers['content-disposition']).toBe('inline; filename="site.png"');
    // A Chinese name with ASCII parentheses: shown inline, every byte RFC 8187 does not allow bare encoded.
    expect((await upload('现场照片(1).png', 'PNG2')).statusCode).toBe(303);
    const href2 = /href="(\/admin\/letters\/\d+\/photos\/\d+)">现场照片\(1\)\.png</.exec((await app.inject({ url: `/admin/letters/${id}`, cookies: staff.cookies })).body)![1];
    expect((await app.inject({ url: href2, cookies: staff.cookies })).headers['content-disposition'])
      .toBe("inline; filename*=UTF-8''%E7%8E%B0%E5%9C%BA%E7%85%A7%E7%89%87%281%29.png");
    expect((await app.inject({ url: href })).statusCode).not.toBe(200);
  });

  it('exports the statistics as an XLSX file a spreadsheet reader opens', async () => {
    const staff = await signIn();
    const res = await app.inject({ url: `/admin/letters/statistics.xlsx?organ=${organ.code}&from=2026-03-01&to=2026-03-31`, cookies: staff.cookies });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="letters-${organ.code}-2026-03-01-2026-03-31.xlsx"`);
    const text = (await extractText(res.rawPayload, 'stats.xlsx')).text;
    expect(text).toContain('收到来信');
    expect(text).toContain(organ.name);
    const bad = await app.inject({ url: `/admin/letters/statistics?organ=${organ.code}&from=2026-13-01`, cookies: staff.cookies });
    expect(bad.statusCode).toBe(400);
  });

  it('lists the organ\'s overdue letters in 待办', async () => {
    at('2026-04-30T02:00:00Z');
    const staff = await signIn();
    const todo = await app.inject({ url: '/admin/review', cookies: staff.cookies });
    expect(todo.body).toContain('件部门信箱来信已超过答复期限');
  });

  // Tester finding: with reply review on, the drafter was offered 审核通过答复 and clicking it gave the 403 error page.
  it('shows the drafter why they cannot approve their own reply instead of a button, and a refused post on the letter\'s page', async () => {
    at('2026-05-06T02:00:00Z');
    const reviewed = await createOrgan(deps);
    const admin = await createActor(deps, reviewed.code, 'organ_admin');
    await updateLetterSettings(deps, admin.actor, reviewed.id, { consultDays: '5', suggestDays: '10', complainDays: '15', otherDays: '10', replyReview: 'yes' });
    const drafter = await createStaff(deps, reviewed.code, 'editor');
    const second = await createStaff(deps, reviewed.code, 'editor');
    const token = /name="formToken" value="([^"]+)"/.exec((await app.inject({ url: `/organs/${reviewed.code}/letters/new` })).body)![1];
    at('2026-05-06T02:01:00Z');
    const sent = await app.inject({ method: 'POST', url: `/organs/${reviewed.code}/letters/new`, payload: { formToken: token, ...letter({ subject: '答复审核测试' }) }, remoteAddress: '10.3.0.1' });
    const { trackingNo } = await receiptOf(sent);
    const me = await loginAs(app, drafter.username, drafter.password);
    const id = new RegExp(`href="/admin/letters/(\\d+)">${trackingNo}<`).exec((await app.inject({ url: `/admin/letters?organ=${reviewed.code}`, cookies: me.cookies })).body)![1];
    expect((await app.inject({ method: 'POST', url: `/admin/letters/${id}/reply`, cookies: me.cookies, payload: { _csrf: me.csrf, replyText: '已转交住建部门研究。' } })).statusCode).toBe(303);

    const mine = await app.inject({ url: `/admin/letters/${id}`, cookies: me.cookies });
    expect(mine.body).toContain('答复待审核');
    expect(mine.body).not.toContain('action="/admin/letters/' + id + '/approveReply"');
    expect(mine.body).toMatch(/id="verb-approveReply-refused"[^>]*><h2>暂不能“审核通过答复”：<\/h2><ul><li>答复须由起草人以外的另一名工作人员审核</);
    expect(mine.body).toContain('id="verb-returnReply"');

    // A post all the same (an old tab): the letter's page with the reason in Chinese, not the error page.
    const refused = await app.inject({ method: 'POST', url: `/admin/letters/${id}/approveReply`, cookies: me.cookies, payload: { _csrf: me.csrf } });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain(`来信 ${trackingNo}`);
    expect(refused.body).toMatch(/<h2>未能“审核通过答复”：<\/h2><ul><li>答复须由起草人以外的另一名工作人员审核</);
    expect(refused.body).not.toContain('没有权限');

    const other = await loginAs(app, second.username, second.password);
    const theirs = await app.inject({ url: `/admin/letters/${id}`, cookies: other.cookies });
    expect(theirs.body).toContain(`action="/admin/letters/${id}/approveReply"`);
    expect(theirs.body).not.toContain('暂不能');
    expect((await app.inject({ method: 'POST', url: `/admin/letters/${id}/approveReply`, cookies: other.cookies, payload: { _csrf: other.csrf } })).statusCode).toBe(303);
    expect((await app.inject({ url: `/admin/letters/${id}`, cookies: other.cookies })).body).toContain('id="letter-state">已答复<');
  });
});
