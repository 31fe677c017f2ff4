import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../test/support/app.ts';
import { describeEachDialect } from '../../test/support/db.ts';
import { createNode, createOrgan, createPublished, createStaff } from '../../test/support/factories.ts';

/**
 * The back office answered a record's page at a second address: /admin/publications/05 showed item 5 (its row-id check
 * took any digits), while the portal answers /organs/x/items/05 with a permanent redirect to /organs/x/items/5. The back
 * office now does as the portal (platform/http/plain-numbers.ts): a page's number written with leading zeros or
 * full-width digits is redirected (301) to the address written plainly; a form posted, or an API call, to such an
 * address names no record (404) — one address per record everywhere.
 */
describeEachDialect('a back-office address whose number has a leading zero', (db) => {
  it('redirects a page permanently to the address written plainly, as the portal does, and refuses anything else at it', async () => {
    const { app, deps } = await buildTestApp(db());
    try {
      const organ = await createOrgan(deps);
      const item = await createPublished(deps, organ.id, [await createNode(deps, organ.id)], { title: '关于开展扬尘治理的通知' });
      const officer = await createStaff(deps, organ.code, 'editor');
      const session = await loginAs(app, officer.username, officer.password);
      const answer = async (url: string, method: 'GET' | 'HEAD' = 'GET') => {
        const res = await app.inject({ method, url, cookies: session.cookies });
        return [res.statusCode, res.headers.location];
      };
      const page = `/admin/publications/${item.id}`;
      expect(await answer(page)).toEqual([200, undefined]);
      expect(await answer(`/admin/publications/0${item.id}`)).toEqual([301, page]);
      expect(await answer(`/admin/publications/00${item.id}?from=search`)).toEqual([301, `${page}?from=search`]);
      expect(await answer(`/admin/publications/0${item.id}`, 'HEAD')).toEqual([301, page]);
      const fullWidth = encodeURIComponent(String(item.id).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))));
      expect(await answer(`/admin/publications/${fullWidth}`)).toEqual([301, page]);
      // Before signing in too: the plain address then asks for the sign-in, as it always did.
      expect((await app.inject({ url: `/admin/publications/0${item.id}` })).headers.location).toBe(page);
      // Nested numbers alike, whether or not they name a record.
      expect(await answer('/admin/applications/07/letters/03')).toEqual([301, '/admin/applications/7/letters/3']);

      // A form posted to such an address changes nothing: no record has it.
      const posted = await app.inject({ method: 'POST', url: `/admin/publications/0${item.id}`, cookies: session.cookies, payload: { _csrf: session.csrf, title: '改过的标题' } });
      expect(posted.statusCode).toBe(404);
      expect((await deps.db.selectFrom('publications').select('title').where('id', '=', item.id).executeTakeFirstOrThrow()).title).toBe('关于开展扬尘治理的通知');
      // What is no number stays 404.
      for (const bad of [`${item.id}.0`, `${item.id}abc`, '0x1', '-1', '99999999999']) expect([bad, (await answer(`/admin/publications/${bad}`))[0]]).toEqual([bad, 404]);
    } finally {
      await app.close();
    }
  });
});
