import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect, it } from 'vitest';
import { buildTestApp } from '../../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../../test/support/db.ts';
import { createActor, createOrgan } from '../../../../../test/support/factories.ts';
import { applicantInput } from '../../../applications/testing/application-factories.ts';
import { openConsultation } from '../../index.ts';

const tokenOf = (html: string) => /name="formToken" value="([^"]+)"/.exec(html)![1];
const cookiesOf = (...answers: LightMyRequestResponse[]) => Object.fromEntries(answers.flatMap((a) => a.cookies).map((c) => [c.name, c.value]));

/**
 * Back, then 提交 again, on the three public forms (outside tester, docs/workflows/public-forms.md): a
 * browser that keeps the blank form in its history posts the same token again; one that fetches the form
 * anew posts the same content with a new token. Neither files a second record; the same browser sees the
 * earlier receipt, another browser that sends the same text files its own and never sees the earlier code.
 */
describeEachDialect('Back and 提交 again on the public forms', (db) => {
  /** Serves the form, posts it, comes Back (a fresh form when `refetch`) and posts the same content again. */
  const backAndResend = async (app: FastifyInstance, set: (at: string) => void, url: string, content: Record<string, string>, ip: string) => {
    const blank = await app.inject(url);
    expect(blank.statusCode).toBe(200);
    // The blank form holds nothing typed: the browser may keep it for Back (no-store would make Back fetch a new token).
    expect(blank.headers['cache-control']).toBe('private, no-cache');
    set('2026-06-01T02:01:00Z');
    const first = await app.inject({ method: 'POST', url, payload: { ...content, website: '', formToken: tokenOf(blank.body) }, remoteAddress: ip });
    expect(first.statusCode).toBe(303);
    // Back fetches the form anew (a browser that does not keep it): a new token, and the browser's cookies.
    const back = await app.inject({ url, cookies: cookiesOf(first) });
    set('2026-06-01T02:02:00Z');
    const second = await app.inject({ method: 'POST', url, payload: { ...content, website: '', formToken: tokenOf(back.body) }, cookies: cookiesOf(first), remoteAddress: ip });
    expect(second.statusCode).toBe(303);
    // Another browser sending the same text: no cookie, its own record.
    const elsewhere = await app.inject(url);
    set('2026-06-01T02:03:00Z');
    const other = await app.inject({ method: 'POST', url, payload: { ...content, website: '', formToken: tokenOf(elsewhere.body) }, remoteAddress: ip });
    expect(other.statusCode).toBe(303);
    return { first, second, other };
  };

  it('依申请公开: the second post leads to the first case\'s receipt and code; another browser gets its own case', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-06-01T02:00:00Z');
    const organ = await createOrgan(deps);
    const cases = async () => Number((await deps.db.selectFrom('applications').select((eb) => eb.fn.countAll<number>().as('n')).where('organ_id', '=', organ.id).executeTakeFirstOrThrow()).n);
    const url = `/organs/${organ.code}/apply`;
    const { first, second, other } = await backAndResend(app, (at) => deps.clock.set(at), url, applicantInput() as Record<string, string>, '10.9.0.1');
    expect(await cases()).toBe(2);
    const receipt = async (res: LightMyRequestResponse, cookies: Record<string, string>) => (await app.inject({ url: String(res.headers.location), cookies })).body;
    const firstPage = await receipt(first, cookiesOf(first));
    const secondPage = await receipt(second, cookiesOf(first, second));
    const code = (html: string) => /id="query-code">([^<]+)</.exec(html)?.[1];
    expect(code(firstPage)).toBeTruthy();
    expect(code(secondPage)).toBe(code(firstPage));
    expect(secondPage).toContain('您已提交过相同的申请');
    expect(code(await receipt(other, cookiesOf(other)))).not.toBe(code(firstPage));
    await app.close();
  });

  it('部门信箱: the second post leads to the first letter\'s receipt; another browser gets its own letter', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-06-01T02:00:00Z');
    const organ = await createOrgan(deps);
    const letters = async () => Number((await deps.db.selectFrom('letters').select((eb) => eb.fn.countAll<number>().as('n')).where('organ_id', '=', organ.id).executeTakeFirstOrThrow()).n);
    const url = `/organs/${organ.code}/letters/new`;
    const { first, second } = await backAndResend(app, (at) => deps.clock.set(at), url, { type: 'consult', subject: '小区加装电梯', content: '请问加装电梯有什么补助政策？', writerName: '王小红', contact: '13912345678' }, '10.9.0.2');
    expect(await letters()).toBe(2);
    const secondPage = (await app.inject({ url: String(second.headers.location), cookies: cookiesOf(first, second) })).body;
    const firstPage = (await app.inject({ url: String(first.headers.location), cookies: cookiesOf(first) })).body;
    expect(/id="query-code">([^<]+)</.exec(secondPage)?.[1]).toBe(/id="query-code">([^<]+)</.exec(firstPage)?.[1]);
    expect(secondPage).toContain('您已提交过相同的来信');
    await app.close();
  });

  it('意见征集: the second post makes no second comment and says so', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-06-01T02:00:00Z');
    const organ = await createOrgan(deps);
    const office = await createActor(deps, organ.code, 'disclosure_office');
    const c = await openConsultation(deps, office.actor, organ.id, { title: '方案（征求意见稿）', body: '第一条 ……', howToComment: '电子邮件', startOn: '2026-06-01', endOn: '2026-06-30' });
    const comments = async () => Number((await deps.db.selectFrom('consultation_comments').select((eb) => eb.fn.countAll<number>().as('n')).where('consultation_id', '=', c.id).executeTakeFirstOrThrow()).n);
    const url = `/organs/${organ.code}/consultations/${c.id}`;
    const { second } = await backAndResend(app, (at) => deps.clock.set(at), url, { authorName: '王小红', content: '建议增设电梯和无障碍坡道。' }, '10.9.0.3');
    expect(await comments()).toBe(2);
    const page = (await app.inject({ url: String(second.headers.location) })).body;
    expect(page).toContain('您已提交过这条意见');
    await app.close();
  });

  it('a form that holds what was typed (a refusal) is never kept by the browser', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-06-01T02:00:00Z');
    const organ = await createOrgan(deps);
    const refused = await app.inject({ method: 'POST', url: `/organs/${organ.code}/apply`, payload: { ...applicantInput(), website: '', formToken: 'x' } });
    expect(refused.statusCode).toBe(400);
    expect(refused.headers['cache-control']).toBe('no-store');
    const letter = await app.inject({ method: 'POST', url: `/organs/${organ.code}/letters/new`, payload: { website: '', formToken: 'x', subject: '电梯', writerName: '王小红' } });
    expect(letter.headers['cache-control']).toBe('no-store');
    await app.close();
  });
});
