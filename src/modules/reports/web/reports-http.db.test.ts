import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { createOrgan, createStaff } from '../../../../test/support/factories.ts';
import { extractText } from '../../privacy/index.ts';
import { insertAppeal, insertApplication } from '../testing/case-rows.ts';

const form = (csrf: string, fields: Record<string, string>) => new URLSearchParams({ _csrf: csrf, ...fields }).toString();
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const hidden = (html: string, name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '';
const textareaOf = (html: string, name: string) => {
  const m = new RegExp(`<textarea[^>]*name="${name}"[^>]*>([\\s\\S]*?)</textarea>`).exec(html);
  return (m?.[1] ?? '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
};

describeEachDialect('annual report pages', (db) => {
  it('drafts, checks, enters figures, imports CSV, submits and publishes; the portal shows only the published version', async () => {
    const { app, deps } = await buildTestApp(db(), '2021-01-20T02:00:00Z');
    const county = await createOrgan(deps);
    const organ = await createOrgan(deps, { parentCode: county.code });
    const other = await createOrgan(deps, { parentCode: county.code });
    const editor = await createStaff(deps, organ.code, 'editor');
    const admin = await createStaff(deps, organ.code, 'organ_admin');
    const stranger = await createStaff(deps, other.code, 'organ_admin');
    await insertApplication(deps.db, organ.id, { receivedOn: '2020-04-13', repliedOn: '2020-04-30', outcome: 'withheld.process_information' });
    await insertAppeal(deps.db, organ.id, { kind: 'reconsideration', filedOn: '2020-05-20', result: 'upheld', decidedOn: '2020-07-10' });
    const page = `/admin/organs/${organ.code}/annual-reports/2020`;

    const e = await loginAs(app, editor.username, editor.password);
    let res = await app.inject({ method: 'GET', url: page, cookies: e.cookies });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('尚未开始编制');
    expect(res.body).toContain('2020年度报告应最迟于2021-01-31（含当日）公布，还有11天（条例第四十九条）');
    res = await app.inject({ method: 'POST', url: `${page}/open`, cookies: e.cookies, headers: FORM, payload: form(e.csrf, {}) });
    expect(res.statusCode).toBe(303);

    res = await app.inject({ method: 'GET', url: page, cookies: e.cookies });
    expect(res.body).toContain('草稿 · 第1版');
    expect(res.body).toContain('核对结果（1 项未通过）');
    expect(res.body).toContain('表三「二、上年结转政府信息公开申请数量」自然人');
    expect(res.body).toContain('表（二）“行政许可”尚未录入');
    expect(res.body).toContain('rowspan="22"');

    // Bad figures come back with the message next to the field and what was typed.
    res = await app.inject({ method: 'POST', url: `${page}/inputs`, cookies: e.cookies, headers: FORM, payload: form(e.csrf, { 行政许可: '2.5', 行政处罚: '3' }) });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('“行政许可”应为不小于 0 的整数');
    expect(res.body).toContain('value="2.5"');
    res = await app.inject({ method: 'POST', url: `${page}/previous`, cookies: e.cookies, headers: FORM, payload: form(e.csrf, { natural_person: '0', commercial_enterprise: '0', research_institution: '0', public_interest_org: '0', legal_service_org: '0', other_org: '0' }) });
    expect(res.statusCode).toBe(303);
    const boundary = '----gk-report';
    const csv = Buffer.from('年度,行政许可,行政处罚,行政强制,行政事业性收费\r\n2020,16,15,0,0\r\n', 'utf8');
    res = await app.inject({
      method: 'POST', url: `${page}/import`, cookies: e.cookies,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${e.csrf}\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="许可处罚.csv"\r\nContent-Type: text/csv\r\n\r\n`), csv, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    });
    expect(res.statusCode).toBe(303);

    res = await app.inject({ method: 'GET', url: page, cookies: e.cookies });
    expect(res.body).toContain('核对结果（全部通过）');
    expect(res.body).toContain('第六部分尚未完成');
    const sections = { 'section-一': textareaOf(res.body, 'section-一'), 'section-五': textareaOf(res.body, 'section-五'), 'section-六': '本年度未收取信息处理费。年度政务公开工作要点均已落实。' };
    expect(sections['section-一']).toContain('本年新收政府信息公开申请1件');
    res = await app.inject({ method: 'POST', url: `${page}/verbs/edit`, cookies: e.cookies, headers: FORM, payload: form(e.csrf, { ...sections, versionNo: '1', rowVersion: hidden(res.body, 'rowVersion') }) });
    expect(res.statusCode).toBe(303);
    res = await app.inject({ method: 'POST', url: `${page}/verbs/submit`, cookies: e.cookies, headers: FORM, payload: form(e.csrf, { versionNo: '1' }) });
    expect(res.statusCode).toBe(303);
    res = await app.inject({ method: 'POST', url: `${page}/verbs/publish`, cookies: e.cookies, headers: FORM, payload: form(e.csrf, { versionNo: '1' }) });
    expect(res.statusCode).toBe(403);

    // Nothing is public before publishing.
    expect((await app.inject({ method: 'GET', url: `/organs/${organ.code}/annual-reports/2020` })).statusCode).toBe(404);
    const s = await loginAs(app, stranger.username, stranger.password);
    expect((await app.inject({ method: 'GET', url: page, cookies: s.cookies })).statusCode).toBe(403);

    const a = await loginAs(app, admin.username, admin.password);
    res = await app.inject({ method: 'POST', url: `${page}/verbs/publish`, cookies: a.cookies, headers: FORM, payload: form(a.csrf, { versionNo: '1' }) });
    expect(res.statusCode).toBe(303);

    res = await app.inject({ method: 'GET', url: `/organs/${organ.code}/annual-reports/2020` });
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBeTruthy();
    expect(res.body).toContain(`${organ.name}2020年政府信息公开工作年度报告`);
    expect(res.body).toContain('本年度未收取信息处理费。年度政务公开工作要点均已落实。');
    expect(res.body).toContain('发布日期：2021-01-20');
    // The downloads are a list, one link an item, not links run together.
    expect(res.body).toMatch(/<ul class="link-list" aria-label="下载"><li><a href="[^"]+\.pdf">PDF<\/a><\/li><li><a href="[^"]+\.docx">Word（DOCX）<\/a><\/li>/);
    const json = await app.inject({ method: 'GET', url: `/organs/${organ.code}/annual-reports/2020.json` });
    expect(JSON.parse(json.body)).toMatchObject({ organ: organ.code, year: 2020, version: 1, status: 'published', appeals: { reconsideration: { upheld: 1, total: 1 } } });
    const pdf = await app.inject({ method: 'GET', url: `/organs/${organ.code}/annual-reports/2020.pdf` });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect((await extractText(pdf.rawPayload, 'r.pdf')).text.replace(/\s+/g, '')).toContain('三、本年度办理结果');
    expect((await app.inject({ method: 'GET', url: `/organs/${organ.code}/annual-reports/2019` })).statusCode).toBe(404);

    // 图解年报: the published figures as charts, each with its data table, linked both ways.
    expect(res.body).toContain(`href="/organs/${organ.code}/annual-reports/2020/graphic"`);
    const graphic = await app.inject({ method: 'GET', url: `/organs/${organ.code}/annual-reports/2020/graphic` });
    expect(graphic.statusCode).toBe(200);
    expect(graphic.body).toContain('2020年依申请公开办理结果');
    expect(graphic.body).toMatch(/<th scope="row">（三）不予公开<\/th><td>1<\/td>/);
    expect(graphic.body).toContain('暂无逐年比较');
    expect(graphic.body).toContain(`href="/organs/${organ.code}/annual-reports/2020"`);
    expect((await app.inject({ method: 'GET', url: `/organs/${organ.code}/annual-reports/2019/graphic` })).statusCode).toBe(404);

    // Published, table 二's figures are read-only: they change only in a correction (发起更正). A save or an import is
    // refused, so the form no longer shows 95 while the published report says 16 (found by an outside tester).
    res = await app.inject({ method: 'GET', url: page, cookies: a.cookies });
    const figures = /<section aria-labelledby="h-inputs"[\s\S]*?<h2 id="h-previous">/.exec(res.body)![0];
    expect(figures).not.toContain('保存数字');
    expect(figures).not.toContain(`action="${page}/import"`);
    expect(figures).not.toContain('<input id="f-行政许可"');
    expect(figures).toContain('已发布的报告不能直接修改这些数字，需要修改请“发起更正”');
    expect(figures).toMatch(/<th scope="row">行政许可（[^<]*）<\/th><td>16<\/td>/);
    res = await app.inject({ method: 'POST', url: `${page}/inputs`, cookies: a.cookies, headers: FORM, payload: form(a.csrf, { 行政许可: '95', 行政处罚: '15', 行政强制: '0', 行政事业性收费: '0' }) });
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('2020年度报告已发布，表（二）的数字不能直接修改');
    res = await app.inject({
      method: 'POST', url: `${page}/import`, cookies: a.cookies,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${a.csrf}\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="许可处罚.csv"\r\nContent-Type: text/csv\r\n\r\n`), Buffer.from('年度,行政许可\r\n2020,95\r\n', 'utf8'), Buffer.from(`\r\n--${boundary}--\r\n`)]),
    });
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('2020年度报告已发布，表（二）的数字不能直接修改');
    const kept = await deps.db.selectFrom('annual_report_inputs').selectAll().where('organ_id', '=', organ.id).where('year', '=', 2020).executeTakeFirstOrThrow();
    expect(JSON.stringify(kept)).toContain('16');
    expect(JSON.stringify(kept)).not.toContain('95');

    // A correction: a new version with a note, public only once published; the first stays readable.
    res = await app.inject({ method: 'POST', url: `${page}/verbs/correct`, cookies: a.cookies, headers: FORM, payload: form(a.csrf, { versionNo: '1', note: '' }) });
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('请填写更正说明');
    res = await app.inject({ method: 'POST', url: `${page}/verbs/correct`, cookies: a.cookies, headers: FORM, payload: form(a.csrf, { versionNo: '1', note: '更正第六部分表述' }) });
    expect(res.statusCode).toBe(303);
    res = await app.inject({ method: 'GET', url: page, cookies: a.cookies });
    expect(res.body).toContain('草稿 · 第2版');
    expect(res.body).toContain('更正第六部分表述');
    // The correction's draft takes new figures again.
    expect(res.body).toContain('保存数字');
    expect((await app.inject({ method: 'GET', url: `/organs/${organ.code}/annual-reports/2020.json` })).json().version).toBe(1);

    const docx = await app.inject({ method: 'GET', url: `${page}/export?format=docx`, cookies: a.cookies });
    // Downloaded (attachment) under the report's Chinese title; the web page is shown (inline).
    expect(docx.headers['content-disposition']).toBe(`attachment; filename*=UTF-8''${encodeURIComponent(`${organ.name}2020年政府信息公开工作年度报告（第2版）.docx`)}`);
    const shown = await app.inject({ method: 'GET', url: `${page}/export?format=html`, cookies: a.cookies });
    expect(shown.headers['content-disposition']).toBe(`inline; filename*=UTF-8''${encodeURIComponent(`${organ.name}2020年政府信息公开工作年度报告（第2版）.html`)}`);
    expect((await extractText(docx.rawPayload, 'r.docx')).text).toContain('（第2版）');
    await app.close();
  });

  it('shows reminders and the county view to the county’s staff', async () => {
    const { app, deps } = await buildTestApp(db(), '2021-02-03T02:00:00Z');
    const county = await createOrgan(deps);
    const organ = await createOrgan(deps, { parentCode: county.code });
    await insertApplication(deps.db, organ.id, { receivedOn: '2020-03-01', repliedOn: null, applicantType: 'commercial_enterprise' });
    const boss = await createStaff(deps, county.code, 'organ_admin');
    const b = await loginAs(app, boss.username, boss.password);
    let res = await app.inject({ method: 'GET', url: '/admin/annual-reports', cookies: b.cookies });
    expect(res.body).toContain(`2020年度报告应最迟于2021-01-31（含当日）公布，已逾期3天`);
    expect(res.body).toContain('2020年度报告应最迟于2021-03-31（含当日）公布，还有56天');
    res = await app.inject({ method: 'GET', url: `/admin/organs/${county.code}/annual-reports/2020/county`, cookies: b.cookies });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(organ.name);
    const json = (await app.inject({ method: 'GET', url: `/admin/organs/${county.code}/annual-reports/2020/county?format=json`, cookies: b.cookies })).json();
    expect(json.organs.map((o: { organ: string }) => o.organ)).toEqual([county.code, organ.code]);
    expect(json.totals.applications.carried_out).toMatchObject({ commercial_enterprise: 1, total: 1 });
    expect((await app.inject({ method: 'GET', url: `/admin/organs/${organ.code}/annual-reports/2020/county`, cookies: b.cookies })).statusCode).toBe(400);
    await app.close();
  });

  // A refused form came back rendered at the POST's address without a fragment, at the page's top, far from the form
  // (an earlier session). Each form now posts to an address ending in its own id, as a case's verbs do.
  it('each form posts to its own fragment; a refused one comes back there as typed, and one done goes to the top', async () => {
    const { app, deps } = await buildTestApp(db(), '2021-01-20T02:00:00Z');
    const county = await createOrgan(deps);
    const organ = await createOrgan(deps, { parentCode: county.code });
    const editor = await createStaff(deps, organ.code, 'editor');
    const page = `/admin/organs/${organ.code}/annual-reports/2020`;
    const formWithId = (html: string, id: string) => new RegExp(`<form[^>]*id="${id}"[^>]*>([\\s\\S]*?)</form>`).exec(html)?.[0] ?? '';
    const e = await loginAs(app, editor.username, editor.password);
    let res = await app.inject({ method: 'GET', url: page, cookies: e.cookies });
    expect(formWithId(res.body, 'verb-open')).toContain(`action="${page}/open#verb-open"`);
    res = await app.inject({ method: 'POST', url: `${page}/open`, cookies: e.cookies, headers: FORM, payload: form(e.csrf, {}) });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${page}#main`);
    res = await app.inject({ method: 'GET', url: page, cookies: e.cookies });
    for (const [id, action] of [['verb-edit', 'verbs/edit'], ['verb-submit', 'verbs/submit'], ['report-inputs', 'inputs'], ['report-csv', 'import'], ['report-previous', 'previous']]) {
      expect(formWithId(res.body, id), id).toContain(`action="${page}/${action}#${id}"`);
    }
    res = await app.inject({ method: 'POST', url: `${page}/inputs`, cookies: e.cookies, headers: FORM, payload: form(e.csrf, { 行政许可: '2.5', 行政处罚: '3' }) });
    expect(res.statusCode).toBe(400);
    const inputs = formWithId(res.body, 'report-inputs');
    expect(inputs).toContain('“行政许可”应为不小于 0 的整数');
    expect(inputs).toContain('value="2.5"');
    await app.close();
  });
});
