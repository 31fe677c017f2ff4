import { expect, it } from 'vitest';
import { buildTestApp } from '../../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../../test/support/db.ts';
import { createOrgan } from '../../../../../test/support/factories.ts';
import { applicantInput } from '../../../applications/testing/application-factories.ts';

const tokenOf = (html: string) => /name="formToken" value="([^"]+)"/.exec(html)![1];
const summaryOf = (html: string) => /<div class="error-summary"[^>]*>.*?<\/div>/s.exec(html)?.[0] ?? '';
const hintOf = (html: string, key: string) => new RegExp(`<p class="hint" id="h-${key}">([^<]*)</p>`).exec(html)?.[1] ?? '';
/** The public forms' one phone rule (shared/phone-number.ts), as the pages write it. */
const RULE = '11位手机号码，或带区号的固定电话（如0564\u20115022106，分机写在后面，如转123）';

/**
 * 联系电话's hint says the rule the server applies (found by an outside tester: the mailbox said
 * 「固定电话（可带区号）」, then refused a landline without its 区号 「…或带区号的固定电话」).
 */
describeEachDialect('the phone hint on the public forms', (db) => {
  it('写信 and 在线申请 state the rule a 联系电话 is checked by, and a landline without its 区号 is refused with the same words', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-03-10T02:00:00Z');
    const organ = await createOrgan(deps);
    const letterForm = (await app.inject(`/organs/${organ.code}/letters/new`)).body;
    const applyForm = (await app.inject(`/organs/${organ.code}/apply`)).body;
    expect(letterForm).not.toContain('可带区号');
    expect(hintOf(letterForm, 'phone')).toBe(RULE);
    expect(hintOf(applyForm, 'contactPhone')).toBe(RULE);
    expect(applyForm).toMatch(/id="f-contactPhone"[^>]*aria-describedby="h-contactPhone"/);
    deps.clock.set('2026-03-10T02:01:00Z');
    const letter = await app.inject({ method: 'POST', url: `/organs/${organ.code}/letters/new`, remoteAddress: '10.8.2.1', payload: { formToken: tokenOf(letterForm), website: '', type: 'consult', subject: '加装电梯', content: '请问加装电梯有什么补助？', writerName: '王小红', phone: '5022106' } });
    expect(letter.statusCode).toBe(400);
    expect(summaryOf(letter.body)).toContain(RULE);
    const application = await app.inject({ method: 'POST', url: `/organs/${organ.code}/apply`, remoteAddress: '10.8.2.2', payload: { formToken: tokenOf(applyForm), website: '', ...applicantInput({ contactPhone: '5022106' }) } });
    expect(application.statusCode).toBe(400);
    expect(summaryOf(application.body)).toContain(RULE);
    await app.close();
  });
});
