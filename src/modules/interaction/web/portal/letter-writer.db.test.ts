import type { LightMyRequestResponse } from 'fastify';
import { expect, it } from 'vitest';
import { buildTestApp } from '../../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../../test/support/db.ts';
import { createOrgan } from '../../../../../test/support/factories.ts';

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

  it('asks for the contact with a keyboard that can type a phone number and an e-mail address, and offers the saved phone and name', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-03-10T02:00:00Z');
    const organ = await createOrgan(deps);
    const form = (await app.inject(`/organs/${organ.code}/letters/new`)).body;
    const contact = inputOf(form, 'f-contact');
    expect(contact).toMatch(/inputmode="email"/i);
    expect(contact).toMatch(/autocomplete="tel"/);
    expect(inputOf(form, 'f-writerName')).toMatch(/autocomplete="name"/);
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
    const trackingNo = /id="tracking-no">([^<]+)</.exec(receipt)![1];
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
