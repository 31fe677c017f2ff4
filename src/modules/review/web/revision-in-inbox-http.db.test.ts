import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createPendingRevision } from '../../../../test/support/pending-revision.ts';

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
      const { item, publisher, mine } = await createPendingRevision(app, deps);

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
