import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createActor, createNode, createOrgan } from '../../../../test/support/factories.ts';
import { chinaTimeOf } from '../../../shared/iso-date.ts';
import { actorLabel } from '../../identity/index.ts';
import { importItems } from '../use-cases/import-items.ts';
import { readItemFile } from '../use-cases/read-item-file.ts';

describeEachDialect('an imported item says so in the back office', (db) => {
  it('its page and its history show that it was imported, from which file, when, by whom, and its 原网址', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-03-10T02:00:00Z');
    try {
      const organ = await createOrgan(deps);
      await createNode(deps, organ.id, { name: '通知公告' });
      const admin = await createActor(deps, organ.code, 'organ_admin');
      const csv = [
        '标题,成文日期,发布日期,五公开,文件类型,目录,正文,原网址',
        '关于公共租赁住房租金标准的通知,2019-03-01,2019-03-01,执行,其他,通知公告,<p>正文。</p>,http://old.example.gov.cn/art/2019/3/1/art_12_345.html',
        '关于城区停水的通知,2020-05-01,,执行,其他,通知公告,<p>正文。</p>,',
      ].join('\n');
      const published = await importItems(deps, admin.actor, organ.code, readItemFile('旧网站信息.csv', new TextEncoder().encode(csv.split('\n').slice(0, 2).join('\n'))), {
        mode: 'published', dryRun: false, attachments: null, from: '旧网站信息.csv',
      });
      expect(published.problems).toEqual([]);
      const draft = await importItems(deps, admin.actor, organ.code, readItemFile('草稿.csv', new TextEncoder().encode([csv.split('\n')[0], csv.split('\n')[2]].join('\n'))), {
        mode: 'draft', dryRun: false, attachments: null, from: '草稿.csv',
      });
      expect(draft.problems).toEqual([]);
      const idOf = async (title: string) => (await deps.db.selectFrom('publications').select('id').where('title', '=', title).executeTakeFirstOrThrow()).id;
      const s = await loginAs(app, admin.username, admin.password);
      const when = chinaTimeOf(deps.clock.now().toISOString());

      const page = await app.inject({ method: 'GET', url: `/admin/publications/${await idOf('关于公共租赁住房租金标准的通知')}`, cookies: s.cookies });
      expect(page.statusCode).toBe(200);
      const record = /<p class="notice notice-info" id="imported">([\s\S]*?)<\/p>/.exec(page.body)?.[1] ?? '';
      expect(record).toContain(`于 ${when} 由 ${actorLabel(admin.actor)}`);
      expect(record).toContain('从文件“旧网站信息.csv”导入');
      expect(record).toContain('作为已发布的历史信息');
      expect(record).toContain('原网址：<a href="http://old.example.gov.cn/art/2019/3/1/art_12_345.html" rel="noopener noreferrer">http://old.example.gov.cn/art/2019/3/1/art_12_345.html</a>');
      // The history (审核记录) starts with the import.
      const history = /<h3>审核记录（电子签名）<\/h3>([\s\S]*?)<\/table>/.exec(page.body)?.[1] ?? '';
      // Each cell is named (data-label) for the phone's cards; the row reads the same with the names left out.
      const firstRow = /<tr>([\s\S]*?)<\/tr>/.exec(history.split('<tbody>')[1] ?? '')?.[1] ?? '';
      expect([...firstRow.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => m[1]).slice(0, 5))
        .toEqual([when, '—', actorLabel(admin.actor), '导入', '从文件“旧网站信息.csv”导入，作为已发布的历史信息']);

      const draftPage = await app.inject({ method: 'GET', url: `/admin/publications/${await idOf('关于城区停水的通知')}`, cookies: s.cookies });
      const draftRecord = /<p class="notice notice-info" id="imported">([\s\S]*?)<\/p>/.exec(draftPage.body)?.[1] ?? '';
      expect(draftRecord).toContain('从文件“草稿.csv”导入');
      expect(draftRecord).toContain('作为草稿');
      expect(draftRecord).not.toContain('原网址');
    } finally {
      await app.close();
    }
  });

  it('an item that kept its number from an export does not list its own page as a 原网址', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-03-10T02:00:00Z');
    try {
      const organ = await createOrgan(deps);
      await createNode(deps, organ.id, { name: '通知公告' });
      const admin = await createActor(deps, organ.code, 'organ_admin');
      const kept = 700000 + organ.id;
      const own = `/organs/${organ.code}/items/${kept}`;
      const csv = ['标题,成文日期,发布日期,五公开,文件类型,目录,正文,原网址', `关于公共租赁住房租金标准的通知,2019-03-01,2019-03-01,执行,其他,通知公告,<p>正文。</p>,${own}；/xxgk/content.jsp?cat=3&id=188`].join('\n');
      const r = await importItems(deps, admin.actor, organ.code, readItemFile('export.csv', new TextEncoder().encode(csv)), { mode: 'published', dryRun: false, attachments: null, from: 'export.csv' });
      expect(r).toMatchObject({ ok: true, redirects: 1 });
      const s = await loginAs(app, admin.username, admin.password);
      const page = await app.inject({ method: 'GET', url: `/admin/publications/${kept}`, cookies: s.cookies });
      expect(page.statusCode).toBe(200);
      const record = /<p class="notice notice-info" id="imported">([\s\S]*?)<\/p>/.exec(page.body)?.[1] ?? '';
      expect(record).toContain('原网址：<code>/xxgk/content.jsp?cat=3&amp;id=188</code>（已转向本信息的页面）');
      expect(record).not.toContain(own);
    } finally {
      await app.close();
    }
  });
});
