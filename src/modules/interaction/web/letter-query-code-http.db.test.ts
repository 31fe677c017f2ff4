import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createOrgan, createStaff } from '../../../../test/support/factories.ts';
import { pdfPageTexts } from '../../../../test/support/pdf-pages.ts';
import { trackingNoOf } from '../../../../test/support/tracking-no.ts';

/**
 * A writer who lost a letter's 查询码 (the receipt said a lost code could not be given again) asks the
 * organ; the officer handling the mailbox checks who asks and sets a new one from the letter's page,
 * shown once with a one-page 查询码重新设置告知 to print or download (docs/workflows/mailbox.md).
 */
describeEachDialect('重新设置查询码 for a letter', (db) => {
  it('the old code is refused, the new one opens the status page, and the notice prints on one page', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-03-10T02:00:00Z');
    try {
      const organ = await createOrgan(deps, { name: '青岚县住房和城乡建设局', consultPhone: '0564-5022001' });
      // The writer sends a letter on the portal and keeps the receipt, which says how a lost code is reset.
      const token = /name="formToken" value="([^"]+)"/.exec((await app.inject({ url: `/organs/${organ.code}/letters/new` })).body)![1]!;
      deps.clock.set('2026-03-10T02:01:00Z');
      const sent = await app.inject({
        method: 'POST', url: `/organs/${organ.code}/letters/new`, remoteAddress: '10.7.0.1',
        payload: { formToken: token, website: '', type: 'consult', subject: '小区加装电梯', content: '请问加装电梯的补助政策。', writerName: '王小红', phone: '13912345678', publishConsent: 'no' },
      });
      expect(sent.statusCode).toBe(303);
      const receipt = (await app.inject({ url: String(sent.headers.location), cookies: Object.fromEntries(sent.cookies.map((c) => [c.name, c.value])) })).body;
      const trackingNo = trackingNoOf(receipt)!;
      const oldCode = /id="query-code">([^<]+)</.exec(receipt)![1]!;
      expect(receipt).not.toContain('不能补发');
      expect(receipt).toContain('重新设置查询码');

      const e = await createStaff(deps, organ.code, 'editor');
      const officer = await loginAs(app, e.username, e.password);
      const id = (await deps.db.selectFrom('letters').select('id').where('tracking_no', '=', trackingNo).executeTakeFirstOrThrow()).id;
      const page = (await app.inject({ url: `/admin/letters/${id}`, cookies: officer.cookies })).body;
      expect(page).toContain(`action="/admin/letters/${id}/query-code"`);

      const refused = await app.inject({ method: 'POST', url: `/admin/letters/${id}/query-code`, cookies: officer.cookies, payload: { _csrf: officer.csrf, verifiedBy: '' } });
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain('请写明如何核验了来信人的身份');

      const reset = await app.inject({ method: 'POST', url: `/admin/letters/${id}/query-code`, cookies: officer.cookies, payload: { _csrf: officer.csrf, verifiedBy: '回拨来信所留电话核实' } });
      expect(reset.statusCode).toBe(201);
      expect(reset.headers['cache-control']).toBe('no-store');
      const newCode = /id="query-code">([^<]+)</.exec(reset.body)![1]!;
      expect(newCode).not.toBe(oldCode);
      const notice = /<section[^>]*id="reset-notice"[^>]*>([\s\S]*?)<\/section>/.exec(reset.body)?.[1] ?? '';
      expect(notice).toContain('查询码重新设置告知');
      expect(notice).toContain(trackingNo);
      expect(notice).toContain(`新的查询码：${newCode}`);

      // The old code no longer opens the letter; the new one does.
      const withOld = await app.inject({ method: 'POST', url: '/letters/status', payload: { trackingNo, queryCode: oldCode }, remoteAddress: '10.7.0.2' });
      expect(withOld.statusCode).toBe(404);
      expect(withOld.body).toContain('编号或查询码不正确');
      const withNew = await app.inject({ method: 'POST', url: '/letters/status', payload: { trackingNo, queryCode: newCode }, remoteAddress: '10.7.0.2' });
      expect(withNew.statusCode).toBe(303);
      const cookie = withNew.cookies.find((c) => c.name.startsWith('gk_letter_'))!;
      const status = await app.inject({ url: String(withNew.headers.location), cookies: { [cookie.name]: cookie.value }, remoteAddress: '10.7.0.2' });
      expect(status.statusCode).toBe(200);
      expect(status.body).toContain('小区加装电梯');

      // The notice as PDF (one A4 page) or Word, for the code in force only, for staff of the organ only.
      const download = (format: string, queryCode: string, cookies = officer.cookies, csrf = officer.csrf) =>
        app.inject({ method: 'POST', url: `/admin/letters/${id}/query-code/notice`, cookies, payload: { _csrf: csrf, queryCode, format } });
      const pdf = await download('pdf', newCode);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.headers['cache-control']).toBe('private, no-store');
      const pages = await pdfPageTexts(pdf.rawPayload);
      expect(pages).toHaveLength(1);
      expect(pages[0]).toContain(`新的查询码：${newCode}`);
      expect((await download('docx', newCode)).headers['content-type']).toContain('wordprocessingml');
      expect((await download('pdf', oldCode)).statusCode).toBe(404);
      const stranger = await createStaff(deps, (await createOrgan(deps)).code, 'editor');
      const strangerSession = await loginAs(app, stranger.username, stranger.password);
      expect((await download('pdf', newCode, strangerSession.cookies, strangerSession.csrf)).statusCode).toBe(403);
    } finally {
      await app.close();
    }
  });
});
