import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createActor, createNode, createOrgan } from '../../../../test/support/factories.ts';
import { makeTempDir } from '../../../../test/support/temp-dirs.ts';
import { runImportItemsCommand } from './import-items-command.ts';

const capture = () => {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (s: string) => out.push(s), stderr: (s: string) => err.push(s), progress: () => {} }, out, err };
};

const GONGSHI = `<html><head><title>2025年第一批公共租赁住房配租名单公示_通知公告</title></head><body><div class="nav">首页 | 通知公告</div>
<div class="container"><h1>2025年第一批公共租赁住房配租名单公示</h1><div class="article-body"><p>经审核，以下2户符合配租条件，现予公示：</p>
<table border="1"><tr><th>序号</th><th>姓名</th></tr><tr><td>1</td><td>张某某</td></tr><tr><td>2</td><td>李某某</td></tr></table><p>公示期7天。</p></div>
<div class="prev-next"><p>上一篇：关于开展房屋安全隐患排查的通知</p><p>下一篇：无</p></div></div></body></html>`;

describeEachDialect('gongkai import site, as a county officer runs it', (db) => {
  it('a dry run lists pictures left out and addresses the portal answers itself; the import keeps the 公示 table and its record reads naturally', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-03-10T02:00:00Z');
    try {
      const organ = await createOrgan(deps);
      await createNode(deps, organ.id, { name: '通知公告' });
      const dir = makeTempDir('site-cli');
      fs.mkdirSync(path.join(dir, 'pages'));
      fs.writeFileSync(path.join(dir, 'pages', 'gs.html'), GONGSHI);
      fs.writeFileSync(path.join(dir, 'pages', 'tp.html'), '<html><head><title>县领导调研保障性住房建设</title></head><body><div class="nav">首页</div><div class="TRS_Editor"><p><img src="a.jpg"></p></div></body></html>');
      fs.writeFileSync(path.join(dir, 'pages', 'a.jpg'), 'JPEG');
      const list = path.join(dir, 'good.csv');
      const header = '原网址,页面文件,目录,成文日期,发布日期,五公开,文件类型';
      fs.writeFileSync(list, [header, 'http://old.example.gov.cn/search,gs.html,通知公告,2025-03-12,2025-03-12,结果,其他', 'http://old.example.gov.cn/tpxw/1.html,tp.html,通知公告,2025-02-10,2025-02-10,执行,其他'].join('\n'));
      const dry = capture();
      expect(await runImportItemsCommand('site', [list, '--organ', organ.code, '--pages', path.join(dir, 'pages'), '--dry-run', '--as', 'published'], dry.io, deps)).toBe(1);
      const err = dry.err.join('');
      expect(err).toContain('第2行：原网址“http://old.example.gov.cn/search”的路径 /search 是本平台自己的网址');
      expect(err).toContain('第3行：页面文件“tp.html”的正文只有图片（1 张）');
      expect(err).toContain('第3行：正文中的 1 张图片未导入（图片不随正文导入，请导入后在编辑器中补上；网页目录中有其文件 a.jpg，可列入“附件”列作为附件导入）');

      fs.writeFileSync(list, [header, 'http://old.example.gov.cn/tzgg/t20250312_2.html,gs.html,通知公告,2025-03-12,2025-03-12,结果,其他'].join('\n'));
      const done = capture();
      expect(await runImportItemsCommand('site', [list, '--organ', organ.code, '--pages', path.join(dir, 'pages'), '--as', 'published'], done.io, deps)).toBe(0);
      expect(done.out.join('')).toContain('已导入 1 条信息');
      const item = await deps.db.selectFrom('publications').select(['id', 'title', 'body_html as bodyHtml']).executeTakeFirstOrThrow();
      expect(item.title).toBe('2025年第一批公共租赁住房配租名单公示');
      expect(item.bodyHtml).toBe('<p>经审核，以下2户符合配租条件，现予公示：</p><table><tbody><tr><th>序号</th><th>姓名</th></tr><tr><td>1</td><td>张某某</td></tr><tr><td>2</td><td>李某某</td></tr></tbody></table><p>公示期7天。</p>');

      const admin = await createActor(deps, organ.code, 'organ_admin');
      const s = await loginAs(app, admin.username, admin.password);
      const page = await app.inject({ method: 'GET', url: `/admin/publications/${item.id}`, cookies: s.cookies });
      const record = /<p class="notice notice-info" id="imported">([\s\S]*?)<\/p>/.exec(page.body)?.[1] ?? '';
      expect(record).toMatch(/由 系统：命令行 从文件“good\.csv”导入，作为已发布的历史信息/);
    } finally {
      await app.close();
    }
  });
});
