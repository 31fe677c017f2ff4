import { expect, it } from 'vitest';
import { buildTestApp } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { importDesk } from '../../../../test/support/import-form.ts';

const HEADER = '标题,文号,成文日期,发布日期,五公开,文件类型,目录,正文';

// Found by an outside tester on PostgreSQL: a 正文 cell typed with Alt+Enter was shown on one line, without 首行缩进.
describeEachDialect('a plain-text 正文 cell is imported as paragraphs', (db) => {
  it('each line of the cell is a paragraph of the item page, its text escaped; an HTML cell is taken as before', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-03-10T02:00:00Z');
    try {
      const { organ, upload } = await importDesk(app, deps, '通知公告');
      const csv = [
        HEADER,
        '关于城区部分路段停水的通知,,2026-03-01,2026-03-02,执行,其他,通知公告,"各有关单位：\n因管网改造，3月5日城区停水。\n\n面积1<2的<b区域不受影响。"',
        '关于开展燃气安全检查的通知,,2026-03-01,2026-03-02,执行,其他,通知公告,"<p>第一段。</p>\n<p>第二段。</p>"',
      ].join('\n');
      const done = await upload(csv, { mode: 'published' });
      expect(done.body).toContain('导入完成');
      const pageOf = async (title: string) => {
        const { id } = await deps.db.selectFrom('publications').select('id').where('title', '=', title).executeTakeFirstOrThrow();
        const page = await app.inject({ url: `/organs/${organ.code}/items/${id}` });
        expect(page.statusCode).toBe(200);
        return page.body;
      };
      const plain = await pageOf('关于城区部分路段停水的通知');
      expect(plain).toContain('<p>各有关单位：</p><p>因管网改造，3月5日城区停水。</p><p>面积1&lt;2的&lt;b区域不受影响。</p>');
      const html = await pageOf('关于开展燃气安全检查的通知');
      expect(html).toContain('<p>第一段。</p>');
      expect(html).toContain('<p>第二段。</p>');
    } finally {
      await app.close();
    }
  });
});
