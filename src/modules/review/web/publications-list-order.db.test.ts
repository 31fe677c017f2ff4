import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createDraft, createNode, createOrgan, createPublished, createStaff, system } from '../../../../test/support/factories.ts';
import { publishImported } from '../index.ts';

/**
 * 信息管理 says in what order it lists, and lists by 发布日期 on request (an outside tester: the list, ordered by last change
 * with no word of it, put an item repealed today — published 2026-11-27 — above one published today, so its 发布日期
 * column looked unsorted).
 */
describeEachDialect('信息管理: the order of the list', (db) => {
  it('lists the most recently changed first by default, says so, and by 发布日期 when asked', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-12-07T02:00:00Z');
    try {
      const organ = await createOrgan(deps);
      const node = await createNode(deps, organ.id);
      await createPublished(deps, organ.id, [node], { title: '今天发布的通知' });
      const earlier = await createDraft(deps, organ.id, [node], { title: '上月发布今天修改的办法', formedOn: '2026-11-20' });
      await publishImported(deps, system, earlier.id, { backdatedPublishedOn: '2026-11-27' });
      await createDraft(deps, organ.id, [node], { title: '尚未发布的草稿' });
      const staff = await createStaff(deps, organ.code, 'organ_admin');
      const { cookies } = await loginAs(app, staff.username, staff.password);
      const titles = (body: string) => [...body.matchAll(/<td><a href="\/admin\/publications\/\d+">([^<]+)<\/a><\/td>/g)].map((m) => m[1]);

      const changed = (await app.inject({ url: `/admin/publications?organ=${organ.code}`, cookies })).body;
      expect(changed).toMatch(/<label for="f-sort">排序<\/label><select id="f-sort" name="sort"><option value selected>最近修改在前<\/option><option value="published">发布日期新在前<\/option><\/select>/);
      expect(titles(changed)).toEqual(['尚未发布的草稿', '上月发布今天修改的办法', '今天发布的通知']);

      const published = (await app.inject({ url: `/admin/publications?organ=${organ.code}&sort=published`, cookies })).body;
      expect(published).toMatch(/<option value="published" selected>发布日期新在前<\/option>/);
      // Not yet published: after every published item.
      expect(titles(published)).toEqual(['今天发布的通知', '上月发布今天修改的办法', '尚未发布的草稿']);
      // The pages keep the order.
      expect(published).not.toContain('page=2');
      const many = (await app.inject({ url: `/admin/publications?organ=${organ.code}&sort=published&page=1`, cookies })).body;
      expect(titles(many)).toEqual(titles(published));
      // Another value: the default order.
      expect(titles((await app.inject({ url: `/admin/publications?organ=${organ.code}&sort=x`, cookies })).body)).toEqual(titles(changed));
    } finally {
      await app.close();
    }
  });
});
