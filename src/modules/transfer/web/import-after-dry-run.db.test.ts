import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createNode, createOrgan, createStaff } from '../../../../test/support/factories.ts';
import { multipartForm } from '../../../../test/support/multipart.ts';

/**
 * Found by an outside tester (a county officer): after 只检查 passed there was no way on to the import;
 * the officer had to choose the file again and untick 只检查. A clean dry run's page now offers
 * 正式导入 of the same files (checked again as they are written), once however often it is posted.
 */
describeEachDialect('导入导出: 正式导入 after a clean dry run', (db) => {
  it('imports the checked file from the dry run’s page, once, and only for the person who checked it', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-03-10T02:00:00Z');
    try {
      const organ = await createOrgan(deps, { name: '青岚县住房和城乡建设局' });
      await createNode(deps, organ.id, { name: '工作动态' });
      const admin = await createStaff(deps, organ.code, 'organ_admin');
      const other = await createStaff(deps, organ.code, 'organ_admin');
      const s = await loginAs(app, admin.username, admin.password);
      const finished = async (url: string, cookies = s.cookies) => {
        for (let i = 0; i < 200; i++) {
          const page = await app.inject({ url, cookies });
          if (!page.headers.refresh) return page;
          await new Promise((r) => setTimeout(r, 25));
        }
        throw new Error('import did not finish');
      };
      const dryRun = async (csv: string) => {
        const form = multipartForm([{ name: '_csrf', value: s.csrf }, { name: 'mode', value: 'published' }, { name: 'dryRun', value: '1' }, { name: 'file', value: csv, fileName: '信息.csv' }]);
        const res = await app.inject({ method: 'POST', url: `/admin/organs/${organ.code}/transfer/import`, cookies: s.cookies, ...form });
        expect(res.statusCode).toBe(303);
        return { url: res.headers.location as string, page: await finished(res.headers.location as string) };
      };
      const header = '标题,成文日期,发布日期,五公开,文件类型,目录,正文\n';
      const published = () => deps.db.selectFrom('publications').select('title').where('organ_id', '=', organ.id).execute();

      // A dry run with a problem offers nothing to import.
      const bad = await dryRun(`${header},2026-03-01,2026-03-02,执行,其他,工作动态,<p>会议。</p>\n`);
      expect(bad.page.body).toContain('未导入任何内容');
      expect(bad.page.body).not.toContain('正式导入');

      const good = await dryRun(`${header}县住建局召开安全生产会议,2026-03-01,2026-03-02,执行,其他,工作动态,<p>会议。</p>\n`);
      expect(good.page.body).toContain('检查通过');
      const action = `${good.url}/import`;
      expect(good.page.body).toContain(`<form method="post" action="${action}">`);
      expect(good.page.body).toContain('正式导入，作为已发布信息');
      expect(await published()).toEqual([]);

      // Another administrator of the organ cannot import someone's checked file.
      const o = await loginAs(app, other.username, other.password);
      expect((await app.inject({ method: 'POST', url: action, cookies: o.cookies, payload: { _csrf: o.csrf } })).statusCode).toBe(404);

      const first = await app.inject({ method: 'POST', url: action, cookies: s.cookies, payload: { _csrf: s.csrf } });
      expect(first.statusCode).toBe(303);
      const done = await finished(first.headers.location as string);
      expect(done.body).toContain('已导入 1 条信息，作为已发布信息');
      // A double click or a refresh of the answer: the same import, not a second one.
      const again = await app.inject({ method: 'POST', url: action, cookies: s.cookies, payload: { _csrf: s.csrf } });
      expect(again.statusCode).toBe(303);
      expect(again.headers.location).toBe(first.headers.location);
      expect(await published()).toEqual([{ title: '县住建局召开安全生产会议' }]);
      expect((await app.inject({ url: good.url, cookies: s.cookies })).body).toContain(`<a href="${first.headers.location}">查看导入结果</a>`);
    } finally {
      await app.close();
    }
  });
});
