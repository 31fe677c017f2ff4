import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createOrgan, createStaff } from '../../../../test/support/factories.ts';
import { upsertSettings } from '../storage/settings-repository.ts';
import { recordCorrectionInput } from '../testing/application-factories.ts';

describeEachDialect('条例第四十一条 correction requests over HTTP: list, registration, outcome, letter', (db) => {
  it('staff register once per form (also on a double submit), see the list, record an outcome and download the letter', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-03-20T02:00:00Z');
    const organ = await createOrgan(deps, { name: '青岚县住房和城乡建设局' });
    await upsertSettings(deps.db, { organId: organ.id, reconsiderationBody: '青岚县人民政府', reconsiderationAddress: '青岚县人民路1号', reconsiderationOnline: '', letterPrefix: '岚建公开' }, null, '2026-03-20T02:00:00Z');
    const other = await createOrgan(deps, { name: '青岚县公安局' });
    const e = await createStaff(deps, organ.code, 'editor');
    const o = await createStaff(deps, other.code, 'editor');
    const editor = await loginAs(app, e.username, e.password);
    const outsider = await loginAs(app, o.username, o.password);
    const count = async () => Number((await deps.db.selectFrom('record_corrections').select((eb) => eb.fn.countAll<number>().as('n')).where('organ_id', '=', organ.id).executeTakeFirstOrThrow()).n);

    // Reachable from the applications back office navigation.
    const work = await app.inject({ url: `/admin/applications?organ=${organ.code}`, cookies: editor.cookies });
    expect(work.body).toContain(`href="/admin/record-corrections?organ=${organ.code}"`);
    const form = await app.inject({ url: `/admin/record-corrections/new?organ=${organ.code}`, cookies: editor.cookies });
    expect(form.statusCode).toBe(200);
    const token = /name="formToken" value="([^"]+)"/.exec(form.body)![1]!;
    const url = `/admin/record-corrections/new?organ=${organ.code}`;

    // Without the CSRF token: refused, nothing recorded.
    const input = recordCorrectionInput({ applicantName: '李某某' });
    expect((await app.inject({ method: 'POST', url, cookies: editor.cookies, payload: { formToken: token, ...input } })).statusCode).toBe(403);
    // A refused form comes back with what was typed and each field's error, every one at once: the
    // future date and the unknown 原申请编号 with the empty 证据, not after it (found by an outside tester).
    const bad = await app.inject({ method: 'POST', url, cookies: editor.cookies, payload: { _csrf: editor.csrf, formToken: token, ...input, evidence: '', receivedOn: '2026-03-21', applicationTrackingNo: 'NOPE-2026-00001' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('请填写申请人提供的证据');
    expect(bad.body).toContain('收到日期2026-03-21晚于今天');
    expect(bad.body).toContain('本机关没有编号为“NOPE-2026-00001”的政府信息公开申请');
    expect(bad.body).toContain('value="李某某"');
    expect(bad.body).toContain(input.recordDescription);
    expect(await count()).toBe(0);
    const dated = await app.inject({ method: 'POST', url, cookies: editor.cookies, payload: { _csrf: editor.csrf, formToken: token, ...input, receivedOn: '2026-03-21', applicationTrackingNo: 'NOPE-2026-00001' } });
    expect(dated.statusCode).toBe(400);
    expect(dated.body).toContain('晚于今天');
    expect(dated.body).toContain('本机关没有编号为“NOPE-2026-00001”的政府信息公开申请');

    // Double submit: both posts arrive together, one request.
    const post = () => app.inject({ method: 'POST', url, cookies: editor.cookies, payload: { _csrf: editor.csrf, formToken: token, ...input } });
    const [a, b] = await Promise.all([post(), post()]);
    expect([a.statusCode, b.statusCode]).toEqual([303, 303]);
    expect(a.headers.location).toBe(b.headers.location);
    expect(await count()).toBe(1);
    const page = a.headers.location as string;

    const list = await app.inject({ url: `/admin/record-corrections?organ=${organ.code}`, cookies: editor.cookies });
    expect(list.body).toContain(`${organ.code.toUpperCase()}-GZ-2026-00001`);
    expect(list.body).toContain('待审核');
    expect(list.body).toContain('2026-03-02');
    expect((await app.inject({ url: page, cookies: outsider.cookies })).statusCode).toBe(403);
    expect((await app.inject({ url: `${page}/letter`, cookies: editor.cookies })).statusCode).toBe(404);

    // An outcome missing its reason comes back on its form; then it is recorded.
    // Each outcome form posts to …/verbs/VERB#verb-VERB, as a case's verbs do: the refused page opens at that form, as typed.
    const version = /name="version" value="(\d+)"/.exec((await app.inject({ url: page, cookies: editor.cookies })).body)![1];
    const refused = await app.inject({ method: 'POST', url: `${page}/verbs/decline`, cookies: editor.cookies, payload: { _csrf: editor.csrf, version, decidedOn: '2026-03-11', reason: '' } });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('请写明不予更正的理由');
    const declineForm = /<form[^>]*id="verb-decline"[^>]*>[\s\S]*?<\/form>/.exec(refused.body)?.[0] ?? '';
    expect(declineForm).toContain(`action="${page}/verbs/decline#verb-decline"`);
    expect(declineForm).toContain('value="2026-03-11"');
    const done = await app.inject({ method: 'POST', url: `${page}/verbs/decline`, cookies: editor.cookies, payload: { _csrf: editor.csrf, version, decidedOn: '2026-03-12', reason: '经核对户籍登记，记录准确' } });
    expect(done.statusCode).toBe(303);
    // Done: to the top, where the flash is, not to the form's fragment the browser would otherwise keep.
    expect(done.headers.location).toBe(`${page}#main`);
    const shown = await app.inject({ url: page, cookies: editor.cookies });
    expect(shown.body).toContain('不予更正');
    expect(shown.body).toContain('岚建公开〔2026〕第1号');
    expect(shown.body).toContain('本更正申请已处理完毕');
    const again = await app.inject({ method: 'POST', url: `${page}/verbs/correct`, cookies: editor.cookies, payload: { _csrf: editor.csrf, version, decidedOn: '2026-03-12', correctedContent: '已更正' } });
    expect(again.statusCode).toBe(409);

    const html = await app.inject({ url: `${page}/letter?format=html`, cookies: editor.cookies });
    expect(html.statusCode).toBe(200);
    expect(html.body).toContain('政府信息更正申请处理告知书');
    expect(html.body).toContain('第四十一条');
    expect(html.body).toContain('青岚县人民政府（地址：青岚县人民路1号）申请行政复议');
    const pdf = await app.inject({ url: `${page}/letter?format=pdf`, cookies: editor.cookies });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const saved = String(pdf.headers['content-disposition']);
    expect(saved).toMatch(/^attachment; filename="letter-\d+\.pdf"; filename\*=UTF-8''[^\s'"]+$/);
    expect(decodeURIComponent(saved.split("UTF-8''")[1]!)).toMatch(/^政府信息更正申请处理告知书（[A-Z0-9-]+-GZ-2026-00001）\.pdf$/);
    const docx = await app.inject({ url: `${page}/letter?format=docx`, cookies: editor.cookies });
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await app.inject({ url: `${page}/letter?format=pdf`, cookies: outsider.cookies })).statusCode).toBe(403);
    await app.close();
  });
});
