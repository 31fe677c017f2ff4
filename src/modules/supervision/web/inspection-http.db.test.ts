import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createNode, createOrgan, createPublished, createStaff } from '../../../../test/support/factories.ts';

describeEachDialect('site inspection in the back office', (db) => {
  it('lets the disclosure office keep the wording list and run the inspection, and shows the last run with who must fix each finding', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-03-10T02:00:00Z');
    try {
      const organ = await createOrgan(deps);
      const news = await createNode(deps, organ.id, { name: '工作动态' });
      const item = await createPublished(deps, organ.id, [news], { bodyHtml: `<p>县建设局召开会议，见<a href="/organs/${organ.code}/items/999999">原通知</a>。</p>` });
      const officeStaff = await createStaff(deps, organ.code, 'disclosure_office');
      const editorStaff = await createStaff(deps, organ.code, 'editor');
      const office = await loginAs(app, officeStaff.username, officeStaff.password);
      const wording = `/admin/organs/${organ.code}/supervision/wording`;

      const bad = await app.inject({ method: 'POST', url: wording, cookies: office.cookies, payload: { _csrf: office.csrf, wrongPhrase: '县建设局', correctPhrase: '' } });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('请填写正确表述');
      expect(bad.body).toContain('value="县建设局"');
      const ok = await app.inject({ method: 'POST', url: wording, cookies: office.cookies, payload: { _csrf: office.csrf, wrongPhrase: '县建设局', correctPhrase: '县住房和城乡建设局', note: '2019 年机构改革后更名' } });
      expect(ok.statusCode).toBe(303);
      expect((await app.inject({ method: 'GET', url: wording, cookies: office.cookies })).body).toContain('2019 年机构改革后更名');

      const page = () => app.inject({ method: 'GET', url: `/admin/supervision/${organ.code}`, cookies: office.cookies });
      expect((await page()).body).toContain('尚未检查过');
      const run = await app.inject({ method: 'POST', url: `/admin/supervision/${organ.code}/inspect`, cookies: office.cookies, payload: { _csrf: office.csrf } });
      expect(run.statusCode).toBe(303);
      const body = (await page()).body;
      expect(body).toContain('2026-03-10 10:00（北京时间，后台手动检查）');
      expect(body).toContain('否决：严重表述错误');
      expect(body).toContain('正文中“县建设局”应为“县住房和城乡建设局”');
      expect(body).toContain(`链接“原通知”（/organs/${organ.code}/items/999999）：链接的信息不存在`);
      expect(body).toContain(`href="/admin/publications/${item.id}"`);
      expect((await app.inject({ method: 'GET', url: '/admin/supervision', cookies: office.cookies })).body).toContain('2026-03-10 10:00 不合格（单项否决');

      const editor = await loginAs(app, editorStaff.username, editorStaff.password);
      expect((await app.inject({ method: 'POST', url: `/admin/supervision/${organ.code}/inspect`, cookies: editor.cookies, payload: { _csrf: editor.csrf } })).statusCode).toBe(403);
      expect((await app.inject({ method: 'POST', url: wording, cookies: editor.cookies, payload: { _csrf: editor.csrf, wrongPhrase: '甲', correctPhrase: '乙' } })).statusCode).toBe(403);
      const editorView = await app.inject({ method: 'GET', url: wording, cookies: editor.cookies });
      expect(editorView.statusCode).toBe(200);
      expect(editorView.body).not.toContain('<h2>添加</h2>');
    } finally {
      await app.close();
    }
  });

  it('offers a unit\'s staff no link to the organ\'s wording list, and answers them 403 with why, not 404 (found by an outside tester)', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-03-10T02:00:00Z');
    try {
      const organ = await createOrgan(deps);
      const unit = await createOrgan(deps, { parentCode: organ.code, kind: 'unit', name: '城市管理股' });
      const unitStaff = await createStaff(deps, unit.code, 'editor');
      const session = await loginAs(app, unitStaff.username, unitStaff.password);
      const wording = `/admin/organs/${organ.code}/supervision/wording`;
      const page = await app.inject({ method: 'GET', url: `/admin/supervision/${organ.code}`, cookies: session.cookies });
      expect(page.statusCode).toBe(200);
      expect(page.body).not.toContain(wording);
      const refused = await app.inject({ method: 'GET', url: wording, cookies: session.cookies });
      expect(refused.statusCode).toBe(403);
      expect(refused.body).not.toContain('不存在');
      expect(refused.body).toContain('严重表述错误清单');
      const posted = await app.inject({ method: 'POST', url: wording, cookies: session.cookies, payload: { _csrf: session.csrf, wrongPhrase: '甲', correctPhrase: '乙' } });
      expect(posted.statusCode).toBe(403);
      // The organ's own editor still sees the link.
      const editorStaff = await createStaff(deps, organ.code, 'editor');
      const editor = await loginAs(app, editorStaff.username, editorStaff.password);
      expect((await app.inject({ method: 'GET', url: `/admin/supervision/${organ.code}`, cookies: editor.cookies })).body).toContain(wording);
    } finally {
      await app.close();
    }
  });
});
