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

  // Tester finding: ?page=999 showed an empty table and “第 999/2 页”; every list shares the pager, back office and portal.
  it('says a page past the end does not exist and links the last page, on the back office and the portal', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    const admin = await createStaff(deps, organ.code, 'organ_admin');
    const { cookies } = await loginAs(app, admin.username, admin.password);
    for (const [url, last] of [
      ['/admin/publications?page=999', '/admin/publications?organ=&amp;unit=&amp;status=&amp;q=&amp;page=1'],
      [`/admin/letters?organ=${organ.code}&page=999`, `/admin/letters?organ=${organ.code}&amp;view=open&amp;page=1`],
      [`/admin/organs/${organ.code}/interpretations?page=999`, `/admin/organs/${organ.code}/interpretations?page=1`],
      [`/organs/${organ.code}/letters?page=999`, `/organs/${organ.code}/letters?page=1`],
    ]) {
      const res = await app.inject({ url, cookies });
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).not.toContain('第 999/');
      expect(res.body, url).toContain('没有第 999 页');
      expect(res.body, url).toContain(`<a href="${last}">查看第 1 页</a>`);
    }
    await app.close();
  });
});
