import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../../test/support/db.ts';
import { buildTestApp } from '../../../../../test/support/app.ts';
import { createNode, createOrgan, createPublished, system } from '../../../../../test/support/factories.ts';
import { performReviewVerb } from '../../../review/index.ts';

/**
 * An outside tester marked an item 已废止: the catalog list, the search results and the item page said so, but the
 * 最新公开信息 lists of the home page and the organ's page still showed it as any other item. They mark it as the
 * catalog list does, the same words beside the title.
 */
describeEachDialect('the 最新公开信息 lists', (db) => {
  it('mark an item no longer in force beside its title, on the home page and the organ’s page', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-12-10T02:00:00Z');
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const repealed = await createPublished(deps, organ.id, [node], { title: '测试县物业管理办法', formedOn: '2021-06-07' });
    await performReviewVerb(deps, system, repealed.id, 'repeal', { comment: '不再适用' });
    const lapsed = await createPublished(deps, organ.id, [node], { title: '测试县租赁补贴办法', formedOn: '2021-06-07', validThroughOn: '2026-06-06' });
    const inForce = await createPublished(deps, organ.id, [node], { title: '测试县住房保障工作方案', formedOn: '2026-06-07' });
    for (const url of ['/', `/organs/${organ.code}`]) {
      const page = (await app.inject(url)).body;
      const latest = page.slice(page.indexOf('id="latest-h"'));
      const line = (id: number) => latest.slice(latest.indexOf(`/items/${id}"`), latest.indexOf('</li>', latest.indexOf(`/items/${id}"`)));
      expect(line(repealed.id), url).toContain('（已废止）');
      expect(line(lapsed.id), url).toContain('（已失效）');
      expect(line(inForce.id), url).not.toMatch(/（已(废止|失效|修改)）/);
    }
    await app.close();
  });
});
