import { expect, it } from 'vitest';
import { buildTestApp } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { importDesk } from '../../../../test/support/import-form.ts';

/**
 * Found by an outside tester (a county officer): the import's page said 导入完成…已导入 1 条信息，作为草稿
 * and linked nowhere, so the officer had to hunt for the drafts to send them on. It now links each item
 * it wrote (a few) and 信息管理 filtered to the organ's drafts (or published items), where they come first.
 */
describeEachDialect('the import’s page links to what it imported', (db) => {
  it('links each imported draft, and the list of drafts', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-03-10T02:00:00Z');
    try {
      const { organ, session: s, upload } = await importDesk(app, deps, '工作动态');
      const csv = '标题,成文日期,五公开,文件类型,目录,正文\n县住建局召开安全生产会议,2026-03-01,执行,其他,工作动态,<p>会议。</p>\n县住建局开展扬尘检查,2026-03-02,执行,其他,工作动态,<p>检查。</p>\n';
      const page = (await upload(csv, { mode: 'draft' })).body;
      expect(page).toContain('已导入 2 条信息，作为草稿');
      const links = [...page.matchAll(/<a href="\/admin\/publications\/(\d+)">([^<]+)<\/a>/g)].map((m) => m[2]);
      expect(links).toEqual(['县住建局召开安全生产会议', '县住建局开展扬尘检查']);
      expect(page).toContain(`<a href="/admin/publications?organ=${organ.code}&amp;status=draft">`);
      // Each link opens the draft.
      const id = /<a href="\/admin\/publications\/(\d+)">县住建局开展扬尘检查<\/a>/.exec(page)![1];
      expect((await app.inject({ url: `/admin/publications/${id}`, cookies: s.cookies })).body).toContain('县住建局开展扬尘检查');
    } finally {
      await app.close();
    }
  });
});
