import { expect, it } from 'vitest';
import { buildTestApp } from '../../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../../test/support/db.ts';
import { createOrgan } from '../../../../../test/support/factories.ts';
import { applicantInput } from '../../testing/application-factories.ts';
import { trackingNoOf } from '../../../../../test/support/tracking-no.ts';

const lostCodeBlock = (html: string) => /<p[^>]*id="lost-code"[^>]*>([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '';
const textOf = (html: string) => html.replace(/<[^>]+>/g, '');

/**
 * Found by an outside tester: the status look-up said nothing of a lost 查询码 — the empty form had no
 * hint and a refused code only said 申请编号或查询码不正确 — and the receipt read as if the applicant had
 * to come in person. The form says what to do (the organ resets it after checking the identity document,
 * shown in person or as the organ accepts; the old code becomes void), with the organ's phone and address
 * when the number names the organ; a refusal says it once, below the form (docs/workflows/application-states.md).
 */
describeEachDialect('a lost application 查询码 on the status look-up', (db) => {
  it('the form and the refusal say how a lost code is reset, naming the organ only from the number, never whether it exists', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-03-10T02:00:00Z');
    try {
      const organ = await createOrgan(deps, { name: '青岚县住房和城乡建设局', consultPhone: '0564-5022001', address: '青岚县人民路1号' });
      const token = /name="formToken" value="([^"]+)"/.exec((await app.inject({ url: `/organs/${organ.code}/apply` })).body)![1]!;
      deps.clock.set('2026-03-10T02:01:00Z');
      const sent = await app.inject({ method: 'POST', url: `/organs/${organ.code}/apply`, payload: { formToken: token, website: '', ...applicantInput() }, remoteAddress: '10.8.1.1' });
      const receipt = (await app.inject({ url: String(sent.headers.location), cookies: Object.fromEntries(sent.cookies.map((c) => [c.name, c.value])) })).body;
      const number = trackingNoOf(receipt)!;

      const empty = await app.inject({ url: '/applications/status' });
      const general = textOf(lostCodeBlock(empty.body));
      expect(general).toContain('查询码遗失的，可凭申请编号和身份证明（当面或按该机关接受的方式提交）请收到申请的机关重新设置');
            expect(general).toContain('原查询码作废');

      const withNumber = lostCodeBlock((await app.inject({ url: `/applications/status?trackingNo=${encodeURIComponent(number)}` })).body);
      expect(textOf(withNumber)).toContain('请青岚县住房和城乡建设局重新设置');
      expect(withNumber).toContain('href="tel:05645022001"');
      expect(withNumber).toContain('青岚县人民路1号');
      const unknown = number.replace(/\d{5}$/, '99999');
      expect(lostCodeBlock((await app.inject({ url: `/applications/status?trackingNo=${encodeURIComponent(unknown)}` })).body)).toBe(withNumber);

      const refused = await app.inject({ method: 'POST', url: '/applications/status', payload: { trackingNo: number, queryCode: 'WRONG234' }, remoteAddress: '10.8.1.2' });
      expect(refused.statusCode).toBe(404);
      const error = textOf(/<p class="error-message" id="e-queryCode">([\s\S]*?)<\/p>/.exec(refused.body)?.[1] ?? '');
      expect(error).toContain('申请编号或查询码不正确');
      // Said once, below the form: the summary and the field keep the short refusal (a phone showed the long
      // paragraph three times — an outside tester).
      expect(error).not.toContain('查询码遗失的');
      const summary = textOf(/<div class="error-summary"[\s\S]*?<\/div>/.exec(refused.body)?.[0] ?? '');
      expect(summary).toContain('申请编号或查询码不正确');
      expect(summary).not.toContain('查询码遗失的');
      expect(textOf(refused.body).split('查询码遗失的').length - 1).toBe(1);
      expect(lostCodeBlock(refused.body)).toBe(withNumber);
      const refusedUnknown = await app.inject({ method: 'POST', url: '/applications/status', payload: { trackingNo: unknown, queryCode: 'WRONG234' }, remoteAddress: '10.8.1.2' });
      expect(refusedUnknown.statusCode).toBe(404);
      expect(refusedUnknown.body.replaceAll(unknown, number)).toBe(refused.body);

      // The receipt says it in the same words, not as if the applicant must come in person.
      expect(textOf(receipt)).toContain('查询码遗失的，可凭申请编号和身份证明（当面或按该机关接受的方式提交）请青岚县住房和城乡建设局重新设置，原查询码作废。');
      expect(receipt).not.toContain('持本人身份证件');
    } finally {
      await app.close();
    }
  });
});
