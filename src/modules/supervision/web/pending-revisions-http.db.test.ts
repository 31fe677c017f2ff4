import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createNode, createOrgan, createPublished, createStaff, publicationInput, system } from '../../../../test/support/factories.ts';
import { fillReviewForm } from '../../review/index.ts';

/**
 * 监督检查's 待审核 counted only items in the chain: a pending revision (修订待审核) of a published item waited in 待办's
 * 全部审核中的信息 but not on the dashboard. The dashboard's count, its list and its link now say what 待办 says.
 */
describeEachDialect('监督检查 counts what waits in 待办', (db) => {
  it('a pending revision is among the organ\'s items awaiting review, with a link to it and to 待办', async () => {
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
