import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createNode, createOrgan, createPublished, createStaff } from '../../../../test/support/factories.ts';
import { flashToldAt } from '../../../../test/support/placed-flash.ts';
import { runRequestedInspections } from '../use-cases/inspection-runs.ts';

describeEachDialect('site inspection in the back office', (db) => {
  it('lets the disclosure office keep the wording list and ask for the inspection, run in the background, and shows the last run with who must fix each finding', async () => {
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
      const inspect = () => app.inject({ method: 'POST', url: `/admin/supervision/${organ.code}/inspect`, cookies: office.cookies, payload: { _csrf: office.csrf } });
      const follow = async (location: string | string[] | number | undefined) => (await app.inject({ method: 'GET', url: String(location).split('#')[0]!, cookies: office.cookies })).body;
      expect((await app.inject({ method: 'POST', url: `/admin/supervision/${organ.code}/inspect`, cookies: office.cookies, payload: {} })).statusCode).toBe(403);
      // 立即检查 answers at once: the run is queued for the background job, and the page says so.
      const run = await inspect();
      expect(run.statusCode).toBe(303);
      expect(run.headers.location).toMatch(new RegExp(`^/admin/supervision/${organ.code}\\?run=\\d+#last-run$`));
      const queued = await flashToldAt(app, run, office, 'last-run');
      expect(queued.text).toBe('已发起网站检查，检查在后台进行');
      expect(queued.body).toContain('已排队，等待检查（后台手动检查，2026-03-10 10:00 发起）。');
      expect(queued.body).toContain('尚未检查过');
      expect(queued.body).not.toContain('>立即检查</button>');
      // Pressed again (a double click, the page sent again): the same run, not a second one.
      const twice = await inspect();
      expect(twice.headers.location).toBe(run.headers.location);
      expect((await flashToldAt(app, twice, office, 'last-run')).text).toBe('已有一次网站检查在排队或进行中，未重复发起');
      // The job runs it; the page the button led to then tells what it found.
      expect((await runRequestedInspections(deps))?.id).toBe(Number(/run=(\d+)/.exec(String(run.headers.location))![1]));
      expect(await runRequestedInspections(deps)).toBeNull();
      const finished = await follow(run.headers.location);
      expect(finished).toContain('已完成网站检查：有单项否决。发现问题');
      expect(finished).not.toContain('已排队');
      expect(finished).toContain('>立即检查</button>');
      const body = (await page()).body;
      expect(body).toContain('2026-03-10 10:00（北京时间，后台手动检查）');
      expect(body).toContain('否决：严重表述错误');
      expect(body).toContain('正文中“县建设局”应为“县住房和城乡建设局”');
      expect(body).toContain(`链接“原通知”（/organs/${organ.code}/items/999999）：链接的信息不存在`);
      expect(body).toContain(`href="/admin/publications/${item.id}"`);
      expect((await app.inject({ method: 'GET', url: '/admin/supervision', cookies: office.cookies })).body).toContain('2026-03-10 10:00 不合格（单项否决');
      // The region's button likewise: queued at once, then told once run.
      const region = await app.inject({ method: 'POST', url: '/admin/supervision/inspect', cookies: office.cookies, payload: { _csrf: office.csrf } });
      expect(region.headers.location).toMatch(/^\/admin\/supervision\?run=\d+$/);
      expect(await follow(region.headers.location)).toContain('已排队，等待检查（后台手动检查，2026-03-10 10:00 发起）。');
      await runRequestedInspections(deps);
      expect(await follow(region.headers.location)).toContain('已完成 1 个机关的网站检查，1 个有单项否决');

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
