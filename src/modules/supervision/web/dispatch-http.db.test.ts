import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createNode, createOrgan, createPublished, createStaff } from '../../../../test/support/factories.ts';
import { findPublication } from '../../catalog/index.ts';
import { extractText } from '../../privacy/index.ts';

describeEachDialect('月度调度 in the back office', (db) => {
  it('shows the month per unit with its ranking, exports the notice, and drafts it into 监督保障 for review', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-02-25T02:00:00Z');
    try {
      const organ = await createOrgan(deps);
      const unit = await createOrgan(deps, { kind: 'unit', parentCode: organ.code, name: `村镇股${organ.id}` });
      const news = await createNode(deps, organ.id, { name: '工作动态' });
      await createPublished(deps, organ.id, [news], { formedOn: '2026-02-24' }); // published 02-25: due 03-11, nothing after → missing in March
      const officeStaff = await createStaff(deps, organ.code, 'disclosure_office');
      const office = await loginAs(app, officeStaff.username, officeStaff.password);
      const { setNodeSupervision } = await import('../index.ts');
      const { loadPrincipal } = await import('../../identity/index.ts');
      await setNodeSupervision(deps, { kind: 'user', principal: (await loadPrincipal(deps.db, officeStaff.id))!, via: 'web' }, news, { unitCode: unit.code, cadence: '' });
      deps.clock.set('2026-04-02T02:00:00Z');
      const url = `/admin/organs/${organ.code}/supervision/dispatch`;

      const page = await app.inject({ method: 'GET', url, cookies: office.cookies }); // the previous month by default
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('2026-03-01 至 2026-03-31');
      // The only unit with something due, at 0% on time: no 第1名 — a ranking of one says nothing — and the page says so.
      expect(page.body).toContain(`<tbody><tr><td></td><th scope="row">村镇股${organ.id}</th><td>1</td><td>0</td><td>0</td><td>1</td><td>0%</td>`);
      expect(page.body).toContain('本月有应更新栏目的股室（单位）少于两个的，不排名次。');
      // The office had nothing due: no rank, after the ranked units under a row saying so (as in the notice).
      expect(page.body).toContain(`<tr><th scope="rowgroup" colspan="8">本月无应更新栏目（不参与排名）</th></tr><tr><td></td><th scope="row">${organ.name}（政务公开办公室）</th><td>0</td>`);
      expect((await app.inject({ method: 'GET', url: `${url}?month=2026-13`, cookies: office.cookies })).statusCode).toBe(400);

      const html = await app.inject({ method: 'GET', url: `${url}.html?month=2026-03`, cookies: office.cookies });
      expect(html.body).toContain('政务公开工作2026年3月调度情况通报');
      expect(html.body).toContain('本月无应更新栏目（不参与排名）');
      expect(html.body).toContain('本月有应更新栏目的股室（单位）少于两个的，不排名次。');
      const docx = await app.inject({ method: 'GET', url: `${url}.docx?month=2026-03`, cookies: office.cookies });
      expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
      const pdf = await app.inject({ method: 'GET', url: `${url}.pdf?month=2026-03`, cookies: office.cookies });
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      // Each export is named by the notice's title; Word and PDF are downloads, the web page opens in the browser (inline, still named for 另存为).
      for (const [res, ext] of [[html, 'html'], [docx, 'docx'], [pdf, 'pdf']] as const) {
        expect(res.headers['content-disposition'], ext).toBe(`${ext === 'html' ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(`${organ.name}政务公开工作2026年3月调度情况通报.${ext}`)}`);
      }

      // Without a 监督保障 column the office is told to make one first; nothing is created.
      const refused = await app.inject({ method: 'POST', url: `${url}/notice?month=2026-03`, cookies: office.cookies, payload: { _csrf: office.csrf } });
      expect(refused.statusCode).toBe(303);
      expect(decodeURIComponent(String(refused.cookies.find((c) => c.name === 'gk_flash')?.value))).toContain('没有“监督保障”栏目');
      const supervisionNode = await createNode(deps, organ.id, { name: '监督保障' });
      const made = await app.inject({ method: 'POST', url: `${url}/notice?month=2026-03`, cookies: office.cookies, payload: { _csrf: office.csrf } });
      expect(made.statusCode).toBe(303);
      const id = Number(/\/admin\/publications\/(\d+)/.exec(made.headers.location as string)![1]);
      const draft = await findPublication(deps.db, id);
      expect(draft).toMatchObject({ status: 'draft', title: `${organ.name}政务公开工作2026年3月调度情况通报`, nodeIds: [supervisionNode] });
      expect(draft!.bodyHtml).toContain(`村镇股${organ.id}`);

      // The organ's supervision page lists the policies still without an interpretation (its charts: charts-http.db.test.ts).
      const supervisionPage = (await app.inject({ method: 'GET', url: `/admin/supervision/${organ.code}`, cookies: office.cookies })).body;
      expect(supervisionPage).toContain(`<a href="/admin/organs/${organ.code}/interpretations">政策文件超过 3 个工作日仍无政策解读</a></th><td>0</td>`);
      const editorStaff = await createStaff(deps, organ.code, 'editor');
      const editor = await loginAs(app, editorStaff.username, editorStaff.password);
      expect((await app.inject({ method: 'POST', url: `${url}/notice?month=2026-03`, cookies: editor.cookies, payload: { _csrf: editor.csrf } })).statusCode).toBe(403);
    } finally {
      await app.close();
    }
  });

  it('names a column whose name another column shares by its path, on the page and in the web, Word and PDF notice', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-04-02T02:00:00Z');
    try {
      const organ = await createOrgan(deps);
      const officeStaff = await createStaff(deps, organ.code, 'disclosure_office');
      const office = await loginAs(app, officeStaff.username, officeStaff.password);
      // Two empty 政策文件 columns (空白栏目, so both are 未更新): one at the top, one under 保障性住房; and a 通知公告 no other column shares.
      const topPolicies = await createNode(deps, organ.id, { name: '政策文件' });
      const housing = await createNode(deps, organ.id, { name: '保障性住房' });
      const housingPolicies = await createNode(deps, organ.id, { name: '政策文件', parentId: housing });
      await createNode(deps, organ.id, { name: '通知公告' });
      const url = `/admin/organs/${organ.code}/supervision/dispatch`;

      const page = (await app.inject({ method: 'GET', url: `${url}?month=2026-03`, cookies: office.cookies })).body;
      expect(page).toContain(`<a href="/organs/${organ.code}/catalog/${housingPolicies}">保障性住房 › 政策文件</a>`);
      expect(page).toContain(`<a href="/organs/${organ.code}/catalog/${topPolicies}">政策文件</a>`);
      expect(page).toContain('>通知公告</a>');

      const html = (await app.inject({ method: 'GET', url: `${url}.html?month=2026-03`, cookies: office.cookies })).body;
      expect(html).toContain('保障性住房 › 政策文件');
      for (const ext of ['docx', 'pdf']) {
        const res = await app.inject({ method: 'GET', url: `${url}.${ext}?month=2026-03`, cookies: office.cookies });
        const text = (await extractText(res.rawPayload, `notice.${ext}`)).text.replace(/\s+/g, '');
        expect(text, ext).toContain('保障性住房›政策文件');
      }
    } finally {
      await app.close();
    }
  });

  it('drafts a month’s notice once: a second press opens the draft already made, and a double click makes one record', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-04-02T02:00:00Z');
    try {
      const organ = await createOrgan(deps);
      await createNode(deps, organ.id, { name: '监督保障' });
      const officeStaff = await createStaff(deps, organ.code, 'disclosure_office');
      const office = await loginAs(app, officeStaff.username, officeStaff.password);
      const press = (month: string) => app.inject({ method: 'POST', url: `/admin/organs/${organ.code}/supervision/dispatch/notice?month=${month}`, cookies: office.cookies, payload: { _csrf: office.csrf } });
      const flashOf = (res: Awaited<ReturnType<typeof press>>) => decodeURIComponent(String(res.cookies.find((c) => c.name === 'gk_flash')?.value));
      const notices = async (month: string) => (await deps.db.selectFrom('publications').select('id')
        .where('organ_id', '=', organ.id).where('title', '=', `${organ.name}政务公开工作${month}调度情况通报`).execute()).map((r) => r.id);

      const first = await press('2026-03');
      expect(flashOf(first)).toContain('已生成通报草稿');
      const again = await press('2026-03');
      expect(again.statusCode).toBe(303);
      expect(again.headers.location).toBe(first.headers.location);
      expect(flashOf(again)).toContain('2026年3月的调度通报已经生成过');
      expect(await notices('2026年3月')).toHaveLength(1);

      // A double click: two presses at once for another month still make one draft, and both open it.
      const [a, b] = await Promise.all([press('2026-02'), press('2026-02')]);
      expect([a.statusCode, b.statusCode]).toEqual([303, 303]);
      expect(a.headers.location).toBe(b.headers.location);
      expect(await notices('2026年2月')).toHaveLength(1);
      expect(a.headers.location).not.toBe(first.headers.location);
    } finally {
      await app.close();
    }
  });
});
