import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../support/app.ts';
import { describeEachDialect } from '../support/db.ts';
import { createOrgan, createStaff } from '../support/factories.ts';

/**
 * A back-office address that does not exist, opened while signed in (an outside tester: /admin/publications/abc and
 * /admin/nothing-here showed the portal's header and search box): the back office's own page, with its menu and the
 * way back to 工作台. Signed out, the portal's page as before (nothing of the back office is shown to the public).
 */
describeEachDialect('a back-office page that does not exist', (db) => {
  it('keeps the back office’s look for a signed-in person, and the portal’s for anyone else', async () => {
    const { app, deps } = await buildTestApp(db());
    try {
      const organ = await createOrgan(deps, { name: '青岚县住房和城乡建设局', shortName: '县住建局' });
      const staff = await createStaff(deps, organ.code, 'editor');
      const { cookies } = await loginAs(app, staff.username, staff.password);
      for (const url of ['/admin/nothing-here', '/admin/publications/abc', '/admin/publications/999999', '/admin/organs/no-such/x']) {
        const res = await app.inject({ url, cookies });
        expect(res.statusCode, url).toBe(404);
        expect(res.body, url).toContain('返回工作台');
        expect(res.body, url).toContain('action="/admin/logout"');
        expect(res.body, url).not.toContain('class="site-header');
      }
      const anonymous = await app.inject({ url: '/admin/nothing-here' });
      expect(anonymous.statusCode).toBe(404);
      expect(anonymous.body).not.toContain('返回工作台');
    } finally {
      await app.close();
    }
  });
});
