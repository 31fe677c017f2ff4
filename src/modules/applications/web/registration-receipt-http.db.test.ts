import { expect, it } from 'vitest';
import { pdfPageTexts } from '../../../../test/support/pdf-pages.ts';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { flashToldAt } from '../../../../test/support/placed-flash.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createOrgan, createStaff } from '../../../../test/support/factories.ts';
import { listLetters } from '../storage/letters-repository.ts';
import { applicantInput } from '../testing/application-factories.ts';
import { CODE_REPLAY_MINUTES } from '../use-cases/register-application.ts';


/**
 * The 申请登记回执 with the 查询码: printed from the registration's answer, the one time the code is
 * known; the stored receipt (opened, downloaded or reprinted later) never holds the code.
 */
describeEachDialect('the receipt a registering officer prints', (db) => {
  it('the answer shows the receipt with the code, ready to print; the stored receipt says the code was given at registration', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-03-10T02:00:00Z');
    const organ = await createOrgan(deps, { consultPhone: '0564-5022001' });
    const e = await createStaff(deps, organ.code, 'editor');
    const officer = await loginAs(app, e.username, e.password);
    const form = await app.inject({ url: `/admin/applications/new?organ=${organ.code}`, cookies: officer.cookies });
    const formToken = /name="formToken" value="([^"]+)"/.exec(form.body)![1]!;
    const payload = { _csrf: officer.csrf, formToken, channel: 'in_person', arrivedOn: '2026-03-10', ...applicantInput() };
    const registered = await app.inject({ method: 'POST', url: `/admin/applications/new?organ=${organ.code}`, cookies: officer.cookies, payload });
    expect(registered.statusCode).toBe(201);
    expect(registered.headers['cache-control']).toBe('no-store');
    const code = /id="query-code">([^<]+)</.exec(registered.body)![1]!;
    const receipt = /<section[^>]*id="receipt-with-code"[^>]*>([\s\S]*?)<\/section>/.exec(registered.body)?.[1] ?? '';
    expect(receipt).toContain('申请登记回执');
    expect(receipt).toContain(`查询码${code}`);

    // Or as a PDF on one A4 page, with the code: the form's token (not the code) opens it, for this officer only.
    const pdf = await app.inject({ method: 'POST', url: '/admin/applications/registered/receipt', cookies: officer.cookies, payload: { _csrf: officer.csrf, formToken, format: 'pdf' } });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['cache-control']).toBe('private, no-store');
    const pages = await pdfPageTexts(pdf.rawPayload);
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain(`查询码${code}`);
    expect(registered.body).toContain('action="/admin/applications/registered/receipt"');
    const unknown = await app.inject({ method: 'POST', url: '/admin/applications/registered/receipt', cookies: officer.cookies, payload: { _csrf: officer.csrf, formToken: 'not-a-token', format: 'pdf' } });
    expect(unknown.statusCode).toBe(404);

    // The same post again (a double click): the same case, the same receipt with its code.
    const again = await app.inject({ method: 'POST', url: `/admin/applications/new?organ=${organ.code}`, cookies: officer.cookies, payload });
    expect(again.body).toContain(`查询码${code}`);

    const id = Number(/href="\/admin\/applications\/(\d+)"/.exec(registered.body)![1]);
    const stored = (await listLetters(deps.db, id)).find((l) => l.kind === 'acknowledgement')!;
    for (const format of ['html', 'docx', 'pdf']) {
      const res = await app.inject({ url: `/admin/applications/${id}/letters/${stored.id}?format=${format}`, cookies: officer.cookies });
      expect(res.statusCode, format).toBe(200);
      if (format === 'html') {
        expect(res.body).not.toContain(code);
        expect(res.body).toContain('登记时告知的查询码');
      }
    }
    expect(JSON.stringify(stored.document)).not.toContain(code);

    // The applicant lost the code: staff reset it from the case page, and the new code is shown once.
    const casePage = (await app.inject({ url: `/admin/applications/${id}`, cookies: officer.cookies })).body;
    expect(casePage).toContain(`action="/admin/applications/${id}/query-code"`);
    const refused = await app.inject({ method: 'POST', url: `/admin/applications/${id}/query-code`, cookies: officer.cookies, payload: { _csrf: officer.csrf, verifiedBy: '' } });
    expect(refused.statusCode).toBe(303);
    expect((await flashToldAt(app, refused, officer, 'query-code')).body).toContain('请写明如何核验了申请人的身份');
    const reset = await app.inject({ method: 'POST', url: `/admin/applications/${id}/query-code`, cookies: officer.cookies, payload: { _csrf: officer.csrf, verifiedBy: '核验身份证原件' } });
    expect(reset.statusCode).toBe(201);
    expect(reset.headers['cache-control']).toBe('no-store');
    const newCode = /id="query-code">([^<]+)</.exec(reset.body)![1]!;
    expect(newCode).not.toBe(code);
    const status = await app.inject({ method: 'POST', url: '/applications/status', payload: { trackingNo: /id="tracking-no">([^<]+)</.exec(registered.body)![1], queryCode: newCode }, remoteAddress: '10.3.0.1' });
    expect(status.statusCode).toBe(303);
    await app.close();
  });

  // Found by an outside tester: 重新设置查询码 showed the new code on screen only; a 平信 applicant needs it
  // on paper. The answer shows a 查询码重新设置告知 with the number and the new code, to print from the
  // browser or download as PDF/Word (the code posted back, checked against its hash, never stored).
  it('gives the reset code as a printable one-page notice, PDF and Word, for the current code only', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-03-10T02:00:00Z');
    try {
      const organ = await createOrgan(deps, { name: '青岚县住房和城乡建设局', consultPhone: '0564-5022001' });
      const e = await createStaff(deps, organ.code, 'editor');
      const officer = await loginAs(app, e.username, e.password);
      const form = await app.inject({ url: `/admin/applications/new?organ=${organ.code}`, cookies: officer.cookies });
      const formToken = /name="formToken" value="([^"]+)"/.exec(form.body)![1]!;
      const registered = await app.inject({ method: 'POST', url: `/admin/applications/new?organ=${organ.code}`, cookies: officer.cookies, payload: { _csrf: officer.csrf, formToken, channel: 'in_person', arrivedOn: '2026-03-10', ...applicantInput({ deliveryMethod: 'post', provisionForm: 'paper' }) } });
      const id = Number(/href="\/admin\/applications\/(\d+)"/.exec(registered.body)![1]);
      const trackingNo = /id="tracking-no">([^<]+)</.exec(registered.body)![1]!;
      const reset = await app.inject({ method: 'POST', url: `/admin/applications/${id}/query-code`, cookies: officer.cookies, payload: { _csrf: officer.csrf, verifiedBy: '核验身份证原件' } });
      expect(reset.statusCode).toBe(201);
      const code = /id="query-code">([^<]+)</.exec(reset.body)![1]!;
      const notice = /<section[^>]*id="reset-notice"[^>]*>([\s\S]*?)<\/section>/.exec(reset.body)?.[1] ?? '';
      expect(notice).toContain('查询码重新设置告知');
      expect(notice).toContain(trackingNo);
      expect(notice).toContain(`新的查询码：${code}`);
      expect(notice).toContain('原查询码作废');
      expect(notice).toMatch(/重新设置本机关于[^，。]*收到的您的政府信息公开申请/);
      expect(notice).toContain(`action="/admin/applications/${id}/query-code/notice"`);

      const download = (format: string, queryCode: string, cookies = officer.cookies, csrf = officer.csrf) =>
        app.inject({ method: 'POST', url: `/admin/applications/${id}/query-code/notice`, cookies, payload: { _csrf: csrf, queryCode, format } });
      const pdf = await download('pdf', code);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.headers['cache-control']).toBe('private, no-store');
      const pages = await pdfPageTexts(pdf.rawPayload);
      expect(pages).toHaveLength(1);
      expect(pages[0]).toContain(`新的查询码：${code}`);
      // The number kept whole: its hyphens are non-breaking (U+2011) in the PDF, as a phone number's.
      expect(pages[0]).toContain(trackingNo.replace(/-/g, '\u2011'));
      expect(pages[0]).toContain('（印章）');
      const docx = await download('docx', code);
      expect(docx.statusCode).toBe(200);
      expect(docx.headers['content-type']).toContain('wordprocessingml');
      // Only the code now in force opens it, and nothing of it is kept: no letter, no event with the code.
      expect((await download('pdf', 'WRONG234')).statusCode).toBe(404);
      const letters = await listLetters(deps.db, id);
      expect(letters.some((l) => JSON.stringify(l.document).includes(code))).toBe(false);
      // Staff of another organ may not print it.
      const otherOrgan = await createOrgan(deps);
      const stranger = await createStaff(deps, otherOrgan.code, 'editor');
      const strangerSession = await loginAs(app, stranger.username, stranger.password);
      expect((await download('pdf', code, strangerSession.cookies, strangerSession.csrf)).statusCode).toBe(403);
    } finally {
      await app.close();
    }
  });

  // The registration form's token reopened the receipt with the code for ever (submission records do
  // not expire): a code shown once must not be shown again days later to whoever holds the form.
  it('a replay of the registration form shows the code only for a few minutes, then the receipt without it and how to reset it', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-03-10T02:00:00Z');
    try {
      const organ = await createOrgan(deps, { consultPhone: '0564-5022001' });
      const e = await createStaff(deps, organ.code, 'editor');
      const officer = await loginAs(app, e.username, e.password);
      const form = await app.inject({ url: `/admin/applications/new?organ=${organ.code}`, cookies: officer.cookies });
      const formToken = /name="formToken" value="([^"]+)"/.exec(form.body)![1]!;
      const payload = { _csrf: officer.csrf, formToken, channel: 'in_person', arrivedOn: '2026-03-10', ...applicantInput() };
      const registered = await app.inject({ method: 'POST', url: `/admin/applications/new?organ=${organ.code}`, cookies: officer.cookies, payload });
      expect(registered.statusCode).toBe(201);
      const code = /id="query-code">([^<]+)</.exec(registered.body)![1]!;
      // The answer says what is true: the code shows again for CODE_REPLAY_MINUTES (a reload, the PDF or
      // Word), not "this once", and then neither the page nor a reprinted receipt shows it.
      const said = /<div class="notice notice-info" role="status">([\s\S]*?)<\/div>/.exec(registered.body)?.[1] ?? '';
      expect(said).not.toContain('只显示这一次');
      expect(said).toContain('请当场打印或交给申请人');
      expect(said).toContain(`${CODE_REPLAY_MINUTES}分钟后本页及重新打印的回执不再显示查询码`);
      expect(said).toContain('遗失可在办件页核验身份后重新设置');
      const id = Number(/href="\/admin\/applications\/(\d+)"/.exec(registered.body)![1]);
      const download = () => app.inject({ method: 'POST', url: '/admin/applications/registered/receipt', cookies: officer.cookies, payload: { _csrf: officer.csrf, formToken, format: 'pdf' } });

      // A refresh or a double click within the window: the same answer, with the code.
      deps.clock.set(new Date(Date.parse('2026-03-10T02:00:00Z') + (CODE_REPLAY_MINUTES * 60 - 1) * 1000));
      const soon = await app.inject({ method: 'POST', url: `/admin/applications/new?organ=${organ.code}`, cookies: officer.cookies, payload });
      expect(soon.body).toContain(`查询码${code}`);
      expect((await download()).statusCode).toBe(200);

      // Later the same form reopens the case, without the code, and says how a lost code is reset.
      deps.clock.set(new Date(Date.parse('2026-03-10T02:00:00Z') + (CODE_REPLAY_MINUTES * 60 + 1) * 1000));
      const late = await app.inject({ method: 'POST', url: `/admin/applications/new?organ=${organ.code}`, cookies: officer.cookies, payload });
      expect(late.statusCode).toBe(200);
      expect(late.headers['cache-control']).toBe('no-store');
      expect(late.body).not.toContain(code);
      expect(late.body).toContain(`已登记申请 ${/id="tracking-no">([^<]+)</.exec(registered.body)![1]}`);
      expect(late.body).toContain('登记时告知的查询码');
      expect(late.body).toContain(`href="/admin/applications/${id}#h-query-code"`);
      expect(late.body).toContain('重新设置查询码');
      const lateDownload = await download();
      expect(lateDownload.statusCode).toBe(404);
      expect(lateDownload.body).not.toContain(code);
      // Still one form, one case: no second case was made.
      expect(Number(/href="\/admin\/applications\/(\d+)"/.exec(late.body)![1])).toBe(id);
    } finally {
      await app.close();
    }
  });

  // Found by an outside tester: an ordinary letter (平信) with a request of about 130 characters and a
  // 文号 gave a receipt of two pages — the 查询码, the 落款 and the 印章 on the second — as the PDF to
  // print and as the reprint; and the 咨询电话 broke as 0564- / 5022106.
  it.each([150, 300, 2000])('the receipt of an ordinary letter with a request of %i characters and a 文号 keeps to one page, with the code and the 落款', async (length) => {
    const { app, deps } = await buildTestApp(db(), '2026-12-15T02:00:00Z');
    try {
      const organ = await createOrgan(deps, { name: '青岚县住房和城乡建设局', consultPhone: '0564-5022106' });
      const e = await createStaff(deps, organ.code, 'editor');
      const officer = await loginAs(app, e.username, e.password);
      const form = await app.inject({ url: `/admin/applications/new?organ=${organ.code}`, cookies: officer.cookies });
      const formToken = /name="formToken" value="([^"]+)"/.exec(form.body)![1]!;
      const subject = '申请公开2025年城区老旧小区改造项目清单及各项目的立项批复、招标投标结果、施工合同和竣工验收备案材料，以及项目资金的拨付明细；'.repeat(40).slice(0, length);
      const payload = {
        _csrf: officer.csrf, formToken, channel: 'post_ordinary', arrivedOn: '2026-12-14',
        ...applicantInput({ subject, documentNumber: '岚建〔2025〕63号', deliveryMethod: 'post', provisionForm: 'paper' }),
      };
      const registered = await app.inject({ method: 'POST', url: `/admin/applications/new?organ=${organ.code}`, cookies: officer.cookies, payload });
      expect(registered.statusCode, registered.body.slice(0, 3000)).toBe(201);
      const code = /id="query-code">([^<]+)</.exec(registered.body)![1]!;
      const receipt = /<section[^>]*id="receipt-with-code"[^>]*>([\s\S]*?)<\/section>/.exec(registered.body)?.[1] ?? '';
      expect(receipt).toContain('（详见申请表）');
      expect(receipt).toContain('<span class="doc-nobr">0564-5022106</span>');

      const shown = await app.inject({ method: 'POST', url: '/admin/applications/registered/receipt', cookies: officer.cookies, payload: { _csrf: officer.csrf, formToken, format: 'pdf' } });
      const id = Number(/href="\/admin\/applications\/(\d+)"/.exec(registered.body)![1]);
      const stored = (await listLetters(deps.db, id)).find((l) => l.kind === 'acknowledgement')!;
      const reprint = await app.inject({ url: `/admin/applications/${id}/letters/${stored.id}?format=pdf`, cookies: officer.cookies });
      for (const [pdf, sign] of [[shown, `查询码${code}`], [reprint, '登记时告知的查询码']] as const) {
        const pages = await pdfPageTexts(pdf.rawPayload);
        expect(pages).toHaveLength(1);
        const text = pages[0]!.replace(/\u2011/g, '-');
        expect(text).toContain(sign);
        expect(text).toContain('（文号：岚建〔2025〕63号）”（详见申请表）');
        expect(text).toContain('咨询电话：0564-5022106');
        expect(text).toContain('青岚县住房和城乡建设局（印章）2026年12月15日');
      }
    } finally {
      await app.close();
    }
  });
});
