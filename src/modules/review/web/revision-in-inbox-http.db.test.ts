import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createNode, createOrgan, createPublished, createStaff, publicationInput, system } from '../../../../test/support/factories.ts';
import { fillReviewForm } from '../index.ts';

/**
 * An outside tester submitted a revision of a published item (保存修订并报送审核), then signed in as the publisher: 待办
 * said 等待我审核或发布（0）and 全部审核中的信息（0）, though the item's own page offered 修订审核通过 / 退回修订. A pending
 * revision waits in 待办 like any item in review: for the publisher who may approve it (not its authors), and in the
 * list of everything under review.
 */
describeEachDialect('a pending revision in 待办', (db) => {
  it('waits for the publisher, not for the officer who proposed it, and stands in 全部审核中的信息', async () => {
    const { app, deps } = await buildTestApp(db());
    try {
      const organ = await createOrgan(deps);
      const node = await createNode(deps, organ.id);
      const item = await createPublished(deps, organ.id, [node], { title: '关于城区停水的通知' });
      await fillReviewForm(deps, system, item.id, { secrecyLevel: 'non_secret', avoidanceNote: '不涉及' });
      const officer = await createStaff(deps, organ.code, 'editor');
      const publisher = await createStaff(deps, organ.code, 'disclosure_office');
      const mine = await loginAs(app, officer.username, officer.password);
      const { nodeIds, ...fields } = publicationInput([node], { title: '关于城区停水时间调整的通知' });
      const saved = await app.inject({
        method: 'POST', url: `/admin/publications/${item.id}`, cookies: mine.cookies,
        payload: new URLSearchParams({ ...fields, nodeIds: String(nodeIds[0]), changeNote: '停水时间改为 6 月 3 日', _csrf: mine.csrf } as Record<string, string>).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect(saved.statusCode).toBe(303);

      const section = (page: string, id: string) => page.slice(page.indexOf(`id="${id}"`), page.indexOf('</section>', page.indexOf(`id="${id}"`)));
      const theirs = await loginAs(app, publisher.username, publisher.password);
      const inbox = (await app.inject({ url: '/admin/review', cookies: theirs.cookies })).body;
      expect(section(inbox, 'mine-h')).toContain('等待我审核或发布（1）');
      expect(section(inbox, 'mine-h')).toContain(`href="/admin/publications/${item.id}"`);
      expect(section(inbox, 'mine-h')).toContain('修订待审核');
      expect(section(inbox, 'all-h')).toContain('全部审核中的信息（1）');

      const own = (await app.inject({ url: '/admin/review', cookies: mine.cookies })).body;
      expect(section(own, 'mine-h'), 'its author does not approve it').toContain('等待我审核或发布（0）');
      expect(section(own, 'all-h')).toContain(`href="/admin/publications/${item.id}"`);
    } finally {
      await app.close();
    }
  });
});
