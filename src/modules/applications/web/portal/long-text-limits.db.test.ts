import { expect, it } from 'vitest';
import { buildTestApp } from '../../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../../test/support/db.ts';
import { createOrgan } from '../../../../../test/support/factories.ts';
import { applicantInput } from '../../testing/application-factories.ts';

const tokenOf = (html: string) => /name="formToken" value="([^"]+)"/.exec(html)![1];
const summaryOf = (html: string) => /<div class="error-summary"[^>]*>.*?<\/div>/s.exec(html)?.[0] ?? '';
const tagOf = (html: string, id: string) => new RegExp(`<(?:textarea|input)[^>]*id="${id}"[^>]*>`).exec(html)?.[0] ?? '';

/**
 * 依申请公开: a pasted description longer than the field takes is never cut without a word (found by an
 * outside tester): the hint states 不超过2000字, the browser does not cut, the server refuses with the
 * field's message and keeps what was typed.
 */
describeEachDialect('long texts on the application form', (db) => {
  it('所需信息的内容描述 states its limit, is not cut by the browser, and an over-long text is refused and kept', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-03-10T02:00:00Z');
    const organ = await createOrgan(deps);
    const url = `/organs/${organ.code}/apply`;
    const form = (await app.inject(url)).body;
    for (const id of ['f-subject', 'f-documentNumber', 'f-applicantName', 'f-contactAddress']) expect(tagOf(form, id), id).not.toMatch(/maxlength/i);
    expect(form).toContain('不超过2000个字');
    deps.clock.set('2026-03-10T02:01:00Z');
    const long = '2025年城区老旧小区改造项目的资金拨付明细。'.repeat(91);
    expect(long.length).toBeGreaterThan(2000);
    const res = await app.inject({ method: 'POST', url, remoteAddress: '10.9.1.1', payload: { formToken: tokenOf(form), website: '', ...applicantInput({ subject: long }) } });
    expect(res.statusCode).toBe(400);
    expect(summaryOf(res.body)).toContain('所需信息的内容描述不能超过2000个字');
    expect(res.body).toContain(`>${long}</textarea>`);
    await app.close();
  });
});
