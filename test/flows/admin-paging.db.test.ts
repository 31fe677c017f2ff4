import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../support/app.ts';
import { describeEachDialect } from '../support/db.ts';
import { createOrgan, createStaff } from '../support/factories.ts';

// Issue 10: page=1e20, Infinity or a 20-digit number on the back office's lists answered 500.
describeEachDialect('paging parameters of the back-office lists', (db) => {
  it('refuses a page that is not a whole number from 1 to 100000 with a Chinese message, never a 500', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    const admin = await createStaff(deps, organ.code, 'organ_admin');
    const { cookies } = await loginAs(app, admin.username, admin.password);
    for (const list of ['/admin/publications', `/admin/applications?organ=${organ.code}&`]) {
      const sep = list.endsWith('&') ? '' : '?';
      for (const page of ['1e20', 'Infinity', '99999999999999999999', '-1', '0', '2.5', 'abc', '100001']) {
        const res = await app.inject({ url: `${list}${sep}page=${encodeURIComponent(page)}`, cookies });
        expect(res.statusCode, `${list} page=${page}`).toBe(400);
        expect(res.body).toContain('页码应为 1–100000 之间的整数');
      }
      for (const page of ['', '1', '100000']) {
        const res = await app.inject({ url: `${list}${sep}page=${page}`, cookies });
        expect(res.statusCode, `${list} page=${page}`).toBe(200);
      }
    }
    await app.close();
  });
});
