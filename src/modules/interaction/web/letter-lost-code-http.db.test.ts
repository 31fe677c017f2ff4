import { expect, it } from 'vitest';
import { buildTestApp } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createOrgan } from '../../../../test/support/factories.ts';
import { trackingNoOf } from '../../../../test/support/tracking-no.ts';

const lostCodeBlock = (html: string) => /<p[^>]*id="lost-code"[^>]*>([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '';
const textOf = (html: string) => html.replace(/<[^>]+>/g, '');

/**
 * Found by an outside tester: the status look-up said nothing of a lost 查询码 — the empty form had no
 * hint and a refused code only said 编号或查询码不正确 — while a writer who lost the code has usually lost
 * the receipt too. The form says what to do (the organ resets it after checking who asks; the old code
 * becomes void), with the organ's phone when the number names the organ, and a refusal says it once;
 * the receipt says it in the same words (docs/workflows/mailbox.md).
 */
describeEachDialect('a lost letter 查询码 on the status look-up', (db) => {
  it('the form and the refusal say how a lost code is reset, naming the organ only from the number, never whether it exists', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-03-10T02:00:00Z');
    try {
      const organ = await createOrgan(deps, { name: '青岚县住房和城乡建设局', consultPhone: '0564-5022001' });
      const token = /name="formToken" value="([^"]+)"/.exec((await app.inject({ url: `/organs/${organ.code}/letters/new` })).body)![1]!;
      deps.clock.set('2026-03-10T02:01:00Z');
      const sent = await app.inject({
        method: 'POST', url: `/organs/${organ.code}/letters/new`, remoteAddress: '10.7.1.1',
        payload: { formToken: token, website: '', type: 'consult', subject: '小区加装电梯', content: '请问加装电梯的补助政策。', writerName: '王小红', phone: '13912345678', publishConsent: 'no' },
      });
      const receipt = (await app.inject({ url: String(sent.headers.location), cookies: Object.fromEntries(sent.cookies.map((c) => [c.name, c.value])) })).body;
      const number = textOf(trackingNoOf(receipt)!);

      // The empty form: who resets a lost code and how, without naming an organ.
      const empty = await app.inject({ url: '/letters/status' });
      const general = textOf(lostCodeBlock(empty.body));
      expect(general).toContain('查询码遗失的，可凭信件编号联系收信机关');
      expect(general).toContain('经回拨您来信时留下的联系电话或核验您的身份证件确认是您本人后');
      expect(general).toContain('原查询码同时作废');

      // Opened with a number: the organ it names and its phone — the same for a number that does not exist.
      const withNumber = lostCodeBlock((await app.inject({ url: `/letters/status?trackingNo=${encodeURIComponent(number)}` })).body);
      expect(textOf(withNumber)).toContain('可凭信件编号联系青岚县住房和城乡建设局');
      expect(withNumber).toContain('href="tel:05645022001"');
      const unknown = number.replace(/\d{5}$/, '99999');
      expect(lostCodeBlock((await app.inject({ url: `/letters/status?trackingNo=${encodeURIComponent(unknown)}` })).body)).toBe(withNumber);

      // A refused code: the short refusal in the summary and at the field, what to do about a lost code once,
      // below the form (a phone showed the long paragraph three times — an outside tester); for a real
      // number and for an unknown one alike.
      const refused = await app.inject({ method: 'POST', url: '/letters/status', payload: { trackingNo: number, queryCode: 'WRONG234' }, remoteAddress: '10.7.1.2' });
      expect(refused.statusCode).toBe(404);
      const error = textOf(/<p class="error-message" id="e-queryCode">([\s\S]*?)<\/p>/.exec(refused.body)?.[1] ?? '');
      expect(error).toContain('编号或查询码不正确');
      expect(error).not.toContain('查询码遗失的');
      const summary = textOf(/<div class="error-summary"[\s\S]*?<\/div>/.exec(refused.body)?.[0] ?? '');
      expect(summary).toContain('编号或查询码不正确');
      expect(summary).not.toContain('查询码遗失的');
      expect(textOf(refused.body).split('查询码遗失的').length - 1).toBe(1);
      expect(lostCodeBlock(refused.body)).toBe(withNumber);
      const refusedUnknown = await app.inject({ method: 'POST', url: '/letters/status', payload: { trackingNo: unknown, queryCode: 'WRONG234' }, remoteAddress: '10.7.1.2' });
      expect(refusedUnknown.statusCode).toBe(404);
      expect(refusedUnknown.body.replaceAll(unknown, number)).toBe(refused.body);

      // The receipt says it in the same words.
      // The organ is named once: 「联系青岚县住房和城乡建设局：青岚县住房和城乡建设局回拨…」 read oddly (outside tester).
      expect(textOf(receipt)).toContain('查询码遗失的，可凭信件编号联系青岚县住房和城乡建设局，经回拨您来信时留下的联系电话或核验您的身份证件确认是您本人后，为您重新设置查询码，原查询码同时作废。');
      expect(textOf(lostCodeBlock(receipt)).split('青岚县住房和城乡建设局').length - 1).toBe(1);
    } finally {
      await app.close();
    }
  });
});
