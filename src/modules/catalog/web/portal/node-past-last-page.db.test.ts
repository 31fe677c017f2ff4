import { expect, it } from 'vitest';
import { buildTestApp } from '../../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../../test/support/db.ts';
import { createNode, createOrgan, createPublished } from '../../../../../test/support/factories.ts';

/**
 * A catalog page past its last page (an old bookmark, a typed ?page=99) answers 404 with a Chinese page
 * that says so and links the last page, as the search does (found by an outside tester: a bare 404).
 */
describeEachDialect('a catalog page past its last page', (db) => {
  it('says 没有第 99 页 with the count and links the last page, status 404, on a node and on the whole catalog', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-03-10T02:00:00Z');
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id, { name: '通知公告' });
    const empty = await createNode(deps, organ.id, { name: '规划信息' });
    for (let i = 0; i < 3; i++) await createPublished(deps, organ.id, [node], { title: `关于老旧小区改造的通知（第${i + 1}批）` });

    for (const base of [`/organs/${organ.code}/catalog/${node}`, `/organs/${organ.code}/catalog`]) {
      const res = await app.inject(`${base}?page=99`);
      expect(res.statusCode, base).toBe(404);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.body, base).toContain('没有第 99 页：共 3 条，只有 1 页。');
      expect(res.body).toContain(`<a href="${base}?page=1">查看第 1 页</a>`);
      expect(res.body).toContain('<h1');
      // The page's own frame: its breadcrumb and the catalog, so the reader can go on from here.
      expect(res.body).toContain('当前位置');
    }
    const none = await app.inject(`/organs/${organ.code}/catalog/${empty}?page=2`);
    expect(none.statusCode).toBe(404);
    expect(none.body).toContain('没有第 2 页：列表中没有内容。');
    // An unknown column is still a plain 404.
    expect((await app.inject(`/organs/${organ.code}/catalog/999999?page=99`)).statusCode).toBe(404);
    await app.close();
  });
});
