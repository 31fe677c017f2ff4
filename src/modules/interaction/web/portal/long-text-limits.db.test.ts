import { expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { buildTestApp, loginAs } from '../../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../../test/support/db.ts';
import { createActor, createOrgan, createStaff } from '../../../../../test/support/factories.ts';
import { trackingNoOf } from '../../../../../test/support/tracking-no.ts';
import { openConsultation } from '../../index.ts';

const tokenOf = (html: string) => /name="formToken" value="([^"]+)"/.exec(html)![1];
const summaryOf = (html: string) => /<div class="error-summary"[^>]*>.*?<\/div>/s.exec(html)?.[0] ?? '';
/** The opening tag of the field `id`, a textarea or an input. */
const tagOf = (html: string, id: string) => new RegExp(`<(?:textarea|input)[^>]*id="${id}"[^>]*>`).exec(html)?.[0] ?? '';
const cookiesOf = (res: LightMyRequestResponse) => Object.fromEntries(res.cookies.map((c) => [c.name, c.value]));

/**
 * A pasted text longer than a field takes is never cut without a word (found by an outside tester on a
 * phone): the hint states the limit, the browser does not cut (no maxlength), and the server refuses
 * the text with the field's message, what was typed kept.
 */
describeEachDialect('long texts on the mailbox and consultation forms', (db) => {
  it('写信: 来信内容 and 标题 state their limits, are not cut by the browser, and an over-long text is refused and kept', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-03-10T02:00:00Z');
    const organ = await createOrgan(deps);
    const url = `/organs/${organ.code}/letters/new`;
    const form = (await app.inject(url)).body;
    for (const id of ['f-content', 'f-subject', 'f-writerName', 'f-phone', 'f-email']) expect(tagOf(form, id), id).not.toMatch(/maxlength/i);
    expect(form).toContain('不超过5000字');
    expect(form).toContain('不超过100字');
    deps.clock.set('2026-03-10T02:01:00Z');
    const long = '请问加装电梯的补助政策。'.repeat(417); // 5,004 characters
    expect(long.length).toBeGreaterThan(5000);
    const res = await app.inject({ method: 'POST', url, remoteAddress: '10.8.1.1', payload: { formToken: tokenOf(form), website: '', type: 'consult', subject: '加装电梯', content: long, writerName: '王小红', phone: '13912345678' } });
    expect(res.statusCode).toBe(400);
    expect(summaryOf(res.body)).toContain('来信内容不能超过5000字');
    expect(res.body).toContain(`>${long}</textarea>`);
    await app.close();
  });

  it('评价答复: 评价意见 states its limit, is not cut by the browser, and an over-long remark is refused and kept', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-03-10T02:00:00Z');
    const organ = await createOrgan(deps);
    const clerk = await createStaff(deps, organ.code, 'editor');
    const url = `/organs/${organ.code}/letters/new`;
    const token = tokenOf((await app.inject(url)).body);
    deps.clock.set('2026-03-10T02:01:00Z');
    const sent = await app.inject({ method: 'POST', url, remoteAddress: '10.8.1.2', payload: { formToken: token, website: '', type: 'consult', subject: '加装电梯', content: '请问加装电梯有什么补助？', writerName: '王小红', phone: '13912345678' } });
    expect(sent.statusCode).toBe(303);
    const receipt = (await app.inject({ url: String(sent.headers.location), cookies: cookiesOf(sent) })).body;
    const trackingNo = trackingNoOf(receipt)!;
    const queryCode = /id="query-code">([^<]+)</.exec(receipt)![1];
    const staff = await loginAs(app, clerk.username, clerk.password);
    const list = await app.inject({ url: `/admin/letters?organ=${organ.code}`, cookies: staff.cookies });
    const id = new RegExp(`href="/admin/letters/(\\d+)">${trackingNo}<`).exec(list.body)![1];
    const version = /name="version" value="(\d+)"/.exec((await app.inject({ url: `/admin/letters/${id}`, cookies: staff.cookies })).body)![1];
    expect((await app.inject({ method: 'POST', url: `/admin/letters/${id}/reply`, cookies: staff.cookies, payload: { _csrf: staff.csrf, version, replyText: '王小红同志：补助标准为每台15万元。' } })).statusCode).toBe(303);
    const query = await app.inject({ method: 'POST', url: '/letters/status', payload: { trackingNo, queryCode }, remoteAddress: '10.8.1.3' });
    const pageUrl = String(query.headers.location);
    const cookies = cookiesOf(query);
    const status = (await app.inject({ url: pageUrl, cookies, remoteAddress: '10.8.1.3' })).body;
    expect(tagOf(status, 'f-comment')).not.toMatch(/maxlength/i);
    expect(status).toContain('不超过2000字');
    const long = '答复及时。'.repeat(401);
    const refused = await app.inject({ method: 'POST', url: `${pageUrl}/rate`, cookies, payload: { rating: 'satisfied', comment: long }, remoteAddress: '10.8.1.3' });
    expect(refused.statusCode).toBe(400);
    expect(summaryOf(refused.body)).toContain('评价意见不能超过2000字');
    expect(refused.body).toContain(`>${long}</textarea>`);
    // Optional, but not emoji or punctuation only: refused at its field, what was typed kept.
    const junk = await app.inject({ method: 'POST', url: `${pageUrl}/rate`, cookies, payload: { rating: 'satisfied', comment: '👍👍。' }, remoteAddress: '10.8.1.3' });
    expect(junk.statusCode).toBe(400);
    expect(summaryOf(junk.body)).toContain('评价意见应含有汉字、字母或数字，不能只填标点、空格或表情符号');
    expect(summaryOf(junk.body)).toContain('href="#f-comment"');
    expect(junk.body).toContain('>👍👍。</textarea>');
    await app.close();
  });

  it('意见征集: 意见内容 states its limit and is not cut by the browser; an over-long opinion is refused and kept', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-06-01T02:00:00Z');
    const organ = await createOrgan(deps);
    const office = await createActor(deps, organ.code, 'disclosure_office');
    const c = await openConsultation(deps, office.actor, organ.id, { title: '方案（征求意见稿）', body: '第一条 ……', howToComment: '电子邮件', startOn: '2026-06-01', endOn: '2026-06-30' });
    const url = `/organs/${organ.code}/consultations/${c.id}`;
    const form = (await app.inject(url)).body;
    for (const id of ['f-content', 'f-authorName']) expect(tagOf(form, id), id).not.toMatch(/maxlength/i);
    expect(form).toContain('不超过5000字');
    deps.clock.set('2026-06-01T02:01:00Z');
    const long = '建议增设电梯。'.repeat(715);
    expect(long.length).toBeGreaterThan(5000);
    const res = await app.inject({ method: 'POST', url, payload: { formToken: tokenOf(form), website: '', authorName: '王小红', content: long } });
    expect(res.statusCode).toBe(400);
    expect(summaryOf(res.body)).toContain('意见内容不能超过5000字');
    expect(res.body).toContain(`>${long}</textarea>`);
    await app.close();
  });
});
