import { expect, it } from 'vitest';
import { buildTestApp } from '../support/app.ts';
import { describeEachDialect } from '../support/db.ts';

const textOf = (html: string) => html.replace(/<[^>]+>/g, '');
const fieldError = (html: string, field: string) => textOf(new RegExp(`<p class="error-message" id="e-${field}">([\\s\\S]*?)</p>`).exec(html)?.[1] ?? '');
const summaryOf = (html: string) => textOf(/<div class="error-summary"[\s\S]*?<\/div>/.exec(html)?.[0] ?? '');

/**
 * Found by an outside tester: the 来信办理情况查询 and 办理进度查询 forms, sent with both boxes empty (the browser's `required`
 * taken away, or an old browser), answered 404 「编号或查询码不正确，请核对后重新输入」 — as if something typed were wrong.
 * As every other form: 400, the form again with 请填写信件编号 (申请编号) / 请填写查询码 at the fields, what was typed kept;
 * the API's look-up alike, with the mailbox's code for a missing field.
 */
describeEachDialect('a status look-up sent with a box empty', (db) => {
  it('asks for what is missing on the letters and the applications forms, and in the API, never saying the number or the code is wrong', async () => {
    const { app } = await buildTestApp(db(), '2026-03-10T02:00:00Z');
    try {
      for (const [url, numberLabel] of [['/letters/status', '信件编号'], ['/applications/status', '申请编号']] as const) {
        const both = await app.inject({ method: 'POST', url, payload: { trackingNo: '', queryCode: '' }, remoteAddress: '10.7.2.1' });
        expect(both.statusCode, url).toBe(400);
        expect(fieldError(both.body, 'trackingNo'), url).toBe(`请填写${numberLabel}`);
        expect(fieldError(both.body, 'queryCode'), url).toBe('请填写查询码');
        expect(textOf(both.body), url).not.toContain('查询码不正确');
        // The summary asks: nothing was looked up (not 未查到) nor submitted (not 提交未成功).
        expect(summaryOf(both.body), url).toContain('请填写以下内容：');
        expect(summaryOf(both.body), url).not.toContain('未查到');
        expect(summaryOf(both.body), url).not.toContain('提交未成功');
        expect(summaryOf(both.body), url).toContain(`请填写${numberLabel}`);
        // Only the code missing (spaces are nothing): that one asked for, the number kept in its box.
        const number = 'QLX-ZJJ-2026-00001';
        const one = await app.inject({ method: 'POST', url, payload: { trackingNo: number, queryCode: '  ' }, remoteAddress: '10.7.2.1' });
        expect(one.statusCode, url).toBe(400);
        expect(fieldError(one.body, 'queryCode'), url).toBe('请填写查询码');
        expect(one.body, url).not.toContain('id="e-trackingNo"');
        expect(one.body, url).toContain(`value="${number}"`);
        // Both typed and not matching: the look-up's refusal as before.
        const wrong = await app.inject({ method: 'POST', url, payload: { trackingNo: number, queryCode: 'WRONG234' }, remoteAddress: '10.7.2.1' });
        expect(wrong.statusCode, url).toBe(404);
        expect(textOf(wrong.body), url).toContain('查询码不正确');
      }

      // The API's look-up of a letter: 400 with a reason for each missing field.
      const api = await app.inject({ method: 'POST', url: '/api/v1/letters/status', payload: { trackingNo: '', queryCode: ' ' }, remoteAddress: '10.7.2.2' });
      expect(api.statusCode).toBe(400);
      expect(api.json().error).toMatchObject({
        code: 'ERR_LETTER_INVALID_INPUT', field: 'trackingNo',
        reasons: [{ code: 'ERR_LETTER_INVALID_INPUT', message: '请填写信件编号', field: 'trackingNo' }, { code: 'ERR_LETTER_INVALID_INPUT', message: '请填写查询码', field: 'queryCode' }],
      });
      const apiWrong = await app.inject({ method: 'POST', url: '/api/v1/letters/status', payload: { trackingNo: 'QLX-ZJJ-2026-00001', queryCode: 'WRONG234' }, remoteAddress: '10.7.2.2' });
      expect(apiWrong.statusCode).toBe(404);
      expect(apiWrong.json().error.code).toBe('ERR_LETTER_QUERY_FAILED');
    } finally {
      await app.close();
    }
  });
});
