import type { LightMyRequestResponse } from 'fastify';
import { expect, it } from 'vitest';
import { buildTestApp } from '../../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../../test/support/db.ts';
import { createOrgan } from '../../../../../test/support/factories.ts';
import { trackingNoOf } from '../../../../../test/support/tracking-no.ts';

const tokenOf = (html: string) => /name="formToken" value="([^"]+)"/.exec(html)![1];
const inputOf = (html: string, id: string) => new RegExp(`<input[^>]*id="${id}"[^>]*>`).exec(html)?.[0] ?? '';

/** What the writer of a letter meets: the form's speed check and fields, and their own letter on the status page. */
describeEachDialect('the mailbox as its writer meets it', (db) => {
  it('takes a prepared letter pasted and sent 3.5 s after the form opened; a post within a second is still refused, its text kept', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-03-10T02:00:00Z');
    const organ = await createOrgan(deps);
    const url = `/organs/${organ.code}/letters/new`;
    const letter = { website: '', type: 'suggest', subject: '建议增设公交站', content: '建议在城东小区门口增设一处公交站。', writerName: '王小红', contact: '13912345678' };
    const robot = tokenOf((await app.inject(url)).body);
    deps.clock.set('2026-03-10T02:00:00.900Z');
    const refused = await app.inject({ method: 'POST', url, payload: { ...letter, formToken: robot }, remoteAddress: '10.8.1.1' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('提交过快');
    expect(refused.body).toContain('建议在城东小区门口增设一处公交站。');

    deps.clock.set('2026-03-10T02:01:00Z');
    const token = tokenOf((await app.inject(url)).body);
    deps.clock.set('2026-03-10T02:01:03.500Z');
    const sent = await app.inject({ method: 'POST', url, payload: { ...letter, formToken: token }, remoteAddress: '10.8.1.2' });
    expect(sent.statusCode).toBe(303);
    await app.close();
  });

  it('asks for 联系电话 with a phone keypad and 电子邮箱 with an e-mail keyboard, each offering the saved one, and the saved name', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-03-10T02:00:00Z');
    const organ = await createOrgan(deps);
    const form = (await app.inject(`/organs/${organ.code}/letters/new`)).body;
    expect(inputOf(form, 'f-contact')).toBe('');
    expect(inputOf(form, 'f-phone')).toMatch(/type="tel"[^>]*inputmode="tel"[^>]*autocomplete="tel"/i);
    expect(inputOf(form, 'f-email')).toMatch(/type="email"[^>]*inputmode="email"[^>]*autocomplete="email"/i);
    expect(inputOf(form, 'f-writerName')).toMatch(/autocomplete="name"/);
    await app.close();
  });

  it('takes a phone, an e-mail address or both and stores them as the letter’s contact; with neither it asks for one at 联系电话, the text kept', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-03-10T02:00:00Z');
    const organ = await createOrgan(deps);
    const url = `/organs/${organ.code}/letters/new`;
    const letter = { website: '', type: 'consult', subject: '预售资金监管', content: '请问预售资金监管账户如何查询？', writerName: '王小红' };
    const token = tokenOf((await app.inject(url)).body);
    deps.clock.set('2026-03-10T02:01:00Z');
    const none = await app.inject({ method: 'POST', url, payload: { ...letter, phone: '', email: '', formToken: token }, remoteAddress: '10.8.2.1' });
    expect(none.statusCode).toBe(400);
    expect(none.body).toMatch(/<p class="error-message" id="e-phone">请填写联系电话或电子邮箱（至少填写一项），以便答复时联系您<\/p>/);
    expect(none.body).toContain('href="#f-phone"');
    expect(none.body).toContain('请问预售资金监管账户如何查询？');
    const sent = [['13912345678', ''], ['', 'wang@example.cn'], ['0564-5022106', 'wang@example.cn']];
    for (const [i, [phone, email]] of sent.entries()) {
      const t = tokenOf((await app.inject(url)).body);
      deps.clock.set(`2026-03-10T02:0${2 + i}:00Z`);
      expect((await app.inject({ method: 'POST', url, payload: { ...letter, phone, email, formToken: t }, remoteAddress: `10.8.2.${2 + i}` })).statusCode).toBe(303);
    }
    // The API's single `contact` still works beside the two fields.
    deps.clock.set('2026-03-10T02:06:00Z');
    const api = await app.inject({ method: 'POST', url: `/api/v1/organs/${organ.code}/letters`, headers: { 'idempotency-key': 'contact-api-0001' }, payload: { ...letter, website: undefined, contact: '13800000000', publishConsent: false } });
    expect(api.statusCode).toBe(201);
    const both = await app.inject({ method: 'POST', url: `/api/v1/organs/${organ.code}/letters`, headers: { 'idempotency-key': 'contact-api-0002' }, payload: { ...letter, website: undefined, phone: '13800000001', email: 'li@example.cn', publishConsent: false } });
    expect(both.statusCode).toBe(201);
    const none2 = await app.inject({ method: 'POST', url: `/api/v1/organs/${organ.code}/letters`, headers: { 'idempotency-key': 'contact-api-0003' }, payload: { ...letter, website: undefined, publishConsent: false } });
    expect(none2.statusCode).toBe(400);
    expect(none2.json().error.reasons).toContainEqual({ code: 'ERR_LETTER_INVALID_INPUT', field: 'contact', message: '请填写联系电话或电子邮箱（至少填写一项），以便答复时联系您' });
    const stored = await deps.db.selectFrom('letters').select(['contact']).where('organ_id', '=', organ.id).orderBy('id').execute();
    expect(stored.map((r) => r.contact)).toEqual(['13912345678', 'wang@example.cn', '0564-5022106，wang@example.cn', '13800000000', '13800000001，li@example.cn']);
    await app.close();
  });

  it('shows the writer their own letter — subject and text with its line breaks, escaped — beside its status', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-03-10T02:00:00Z');
    const organ = await createOrgan(deps);
    const url = `/organs/${organ.code}/letters/new`;
    const token = tokenOf((await app.inject(url)).body);
    deps.clock.set('2026-03-10T02:05:00Z');
    const content = '第一行：小区电梯<停运>已三天。\n第二行：请尽快维修 & 答复。';
    const sent: LightMyRequestResponse = await app.inject({ method: 'POST', url, payload: { website: '', type: 'complain', subject: '电梯停运<三天>', content, writerName: '王小红', contact: '13912345678', formToken: token }, remoteAddress: '10.8.1.3' });
    expect(sent.statusCode).toBe(303);
    const receipt = (await app.inject({ url: String(sent.headers.location), cookies: Object.fromEntries(sent.cookies.map((c) => [c.name, c.value])) })).body;
    const trackingNo = trackingNoOf(receipt)!;
    const queryCode = /id="query-code">([^<]+)</.exec(receipt)![1];
    const query = await app.inject({ method: 'POST', url: '/letters/status', payload: { trackingNo, queryCode }, remoteAddress: '10.8.1.3' });
    expect(query.statusCode).toBe(303);
    const cookie = query.cookies.find((c) => c.name.startsWith('gk_letter_'))!;
    const page = (await app.inject({ url: String(query.headers.location), cookies: { [cookie.name]: cookie.value }, remoteAddress: '10.8.1.3' })).body;
    const own = /<section[^>]*id="my-letter"[^>]*>([\s\S]*?)<\/section>/.exec(page)?.[1] ?? '';
    expect(own).toContain('来信内容');
    // Escaped (a “>” in text needs none), the line break kept for the pre-wrap paragraph.
    const unescape = (html: string) => html.replace(/&gt;/g, '>');
    expect(unescape(own)).toContain('电梯停运&lt;三天>');
    expect(unescape(own)).toMatch(/class="pre-wrap"[^>]*>第一行：小区电梯&lt;停运>已三天。\n第二行：请尽快维修 &amp; 答复。</);
    expect(page).not.toContain('<停运');
    expect(page).not.toContain('<三天');
    await app.close();
  });
});
