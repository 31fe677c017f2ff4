import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createPendingRevision } from '../../../../test/support/pending-revision.ts';

/**
 * 监督检查's 待审核 counted only items in the chain: a pending revision (修订待审核) of a published item waited in 待办's
 * 全部审核中的信息 but not on the dashboard. The dashboard's count, its list and its link now say what 待办 says.
 */
describeEachDialect('监督检查 counts what waits in 待办', (db) => {
  it('a pending revision is among the organ\'s items awaiting review, with a link to it and to 待办', async () => {
    const { app, deps } = await buildTestApp(db());
    try {
      const { organ, item, publisher } = await createPendingRevision(app, deps);

      const theirs = await loginAs(app, publisher.username, publisher.password);
      const inbox = (await app.inject({ url: '/admin/review', cookies: theirs.cookies })).body;
      expect(inbox).toContain('全部审核中的信息（1）');

      const region = (await app.inject({ url: '/admin/supervision', cookies: theirs.cookies })).body;
      expect(region, 'the region row counts it and links to the organ\'s list').toContain(`<a href="/admin/supervision/${organ.code}#pending-reviews">1</a>`);
      const page = (await app.inject({ url: `/admin/supervision/${organ.code}`, cookies: theirs.cookies })).body;
      const section = page.slice(page.indexOf('id="pending-reviews"'), page.indexOf('id="late-published"'));
      expect(section).toContain('待审核的信息（1）');
      expect(section).toContain(`href="/admin/publications/${item.id}"`);
      expect(section).toContain('修订待审核');
      expect(section, 'where it is handled').toContain('href="/admin/review#all-h"');
    } finally {
      await app.close();
    }
  });
});
