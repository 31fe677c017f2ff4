import { expect, it } from 'vitest';
import { describeEachDialect } from '../support/db.ts';
import { buildDeps, createActor, createNode, createOrgan, createPublished, createStaff } from '../support/factories.ts';
import { loginAs } from '../support/app.ts';
import { buildApp } from '../../src/main/build-app.ts';
import { openPostgres, openSqlite, type DatabaseHandle } from '../../src/platform/db/connect.ts';
import { saveSiteIdentity, updateCatalogNode } from '../../src/modules/catalog/index.ts';
import { systemActor } from '../../src/modules/identity/index.ts';
import { performReviewVerb } from '../../src/modules/review/index.ts';

/**
 * Issue 18, docs/adr/0021-rendered-page-cache.md: public pages are kept rendered in each instance's
 * memory and rebuilt exactly when something they show changes, on whichever instance the change was
 * made. The second instance here has its own connection to the same database, as another process.
 */
const secondHandle = (h: DatabaseHandle): DatabaseHandle => (h.dialect === 'sqlite' ? openSqlite(h.location) : openPostgres(h.location));

/** Changes a title behind the platform's back (no content version raised): shows whether a page was kept. */
const retitleQuietly = (h: DatabaseHandle, id: number, title: string) => h.db.updateTable('publications').set({ title }).where('id', '=', id).execute();

describeEachDialect('rendered public pages kept in memory', (db) => {
  it('change at once when another instance publishes, withdraws, changes the catalog, an organ or the site identity', async () => {
    const deps = buildDeps(db());
    const otherHandle = secondHandle(db());
    const otherDeps = buildDeps(otherHandle);
    const [one, two] = [await buildApp(deps, { publicUrl: null }), await buildApp(otherDeps, { publicUrl: null })];
    try {
      const organ = await createOrgan(deps);
      const node = await createNode(deps, organ.id, { name: '通知公告' });
      const item = await createPublished(deps, organ.id, [node], { title: '关于开展扬尘治理的通知' });
      const pages = ['/', `/organs/${organ.code}`, `/organs/${organ.code}/catalog/${node}`, `/organs/${organ.code}/items/${item.id}`];
      for (const url of pages) expect((await one.inject(url)).statusCode, url).toBe(200);

      // Kept: a change that raises no version does not show on the kept pages …
      await retitleQuietly(db(), item.id, '悄悄改过的标题');
      for (const url of pages) expect((await one.inject(url)).body, url).not.toContain('悄悄改过的标题');
      // … while the other instance, which kept nothing yet, renders it.
      expect((await two.inject(pages[3])).body).toContain('悄悄改过的标题');

      // Publish on the other instance: every page of this one is rebuilt on its next request.
      const added = await createPublished(otherDeps, organ.id, [node], { title: '关于公布保障性住房名单的公告' });
      for (const url of pages.slice(0, 3)) expect((await one.inject(url)).body, url).toContain('关于公布保障性住房名单的公告');
      expect((await one.inject(pages[3])).body).toContain('悄悄改过的标题');

      // Withdraw on the other instance: the item page says so (410) and the lists drop it.
      const office = await createActor(otherDeps, organ.code, 'disclosure_office');
      await performReviewVerb(otherDeps, office.actor, added.id, 'withdraw', { withdrawReason: 'published_in_error', withdrawNote: '名单有误' });
      expect((await one.inject(`/organs/${organ.code}/items/${added.id}`)).statusCode).toBe(410);
      for (const url of pages.slice(0, 3)) expect((await one.inject(url)).body, url).not.toContain('关于公布保障性住房名单的公告');

      // A catalog change on the other instance.
      const admin = await createActor(otherDeps, organ.code, 'organ_admin');
      await updateCatalogNode(otherDeps, admin.actor, node, { name: '通知公告栏', parentId: '', description: '' });
      expect((await one.inject(pages[2])).body).toContain('通知公告栏');

      // A new organ and the site identity, saved on the other instance: the portal frame and the organ list.
      const newcomer = await createOrgan(otherDeps, { name: '青岚县新设局' });
      expect((await one.inject('/organs')).body).toContain('青岚县新设局');
      expect((await one.inject(`/organs/${newcomer.code}`)).statusCode).toBe(200);
      await saveSiteIdentity(otherDeps, systemActor('测试'), null, { siteName: '青岚县政务公开网' });
      for (const url of pages) expect((await one.inject(url)).body, url).toContain('青岚县政务公开网');
    } finally {
      await one.close();
      await two.close();
      await otherHandle.destroy();
    }
  });

  it('answers conditional requests with 304, keeps reading preferences apart, never keeps what staff see, and keeps the view count live', async () => {
    const deps = buildDeps(db());
    const app = await buildApp(deps, { publicUrl: null });
    try {
      const organ = await createOrgan(deps);
      const node = await createNode(deps, organ.id);
      const item = await createPublished(deps, organ.id, [node], { title: '城市更新项目公示' });
      const organHome = `/organs/${organ.code}`;
      const itemUrl = `/organs/${organ.code}/items/${item.id}`;

      // Conditional requests, on a kept page and on the first rendering alike.
      const first = await app.inject(organHome);
      expect(first.headers['cache-control']).toBe('public, no-cache');
      expect(first.headers.vary).toBe('Cookie');
      const etag = first.headers.etag as string;
      const lastModified = first.headers['last-modified'] as string;
      expect(etag).toMatch(/^W\/"/);
      expect(new Date(lastModified).getTime()).not.toBeNaN();
      // A kept page answers with the same headers as its first rendering (security headers included), its own request id.
      const kept = await app.inject(organHome);
      expect(kept.body).toBe(first.body);
      for (const h of ['content-type', 'content-security-policy', 'x-content-type-options', 'x-frame-options', 'referrer-policy', 'permissions-policy', 'cache-control', 'vary', 'etag', 'last-modified']) {
        expect(kept.headers[h], h).toBe(first.headers[h]);
      }
      expect(kept.headers['x-request-id']).toBeTruthy();
      expect(kept.headers['x-request-id']).not.toBe(first.headers['x-request-id']);
      const same = await app.inject({ url: organHome, headers: { 'if-none-match': etag } });
      expect(same.statusCode).toBe(304);
      expect(same.body).toBe('');
      expect(same.headers.etag).toBe(etag);
      expect((await app.inject({ url: organHome, headers: { 'if-modified-since': lastModified } })).statusCode).toBe(304);
      expect((await app.inject({ url: organHome, headers: { 'if-none-match': '"something-else"' } })).statusCode).toBe(200);
      expect((await app.inject({ url: organHome, headers: { 'if-modified-since': new Date(Date.parse(lastModified) - 1000).toUTCString() } })).statusCode).toBe(200);
      // After a change the old validator no longer matches.
      await createPublished(deps, organ.id, [node], { title: '新发布的一条信息' });
      const changed = await app.inject({ url: organHome, headers: { 'if-none-match': etag } });
      expect(changed.statusCode).toBe(200);
      expect(changed.body).toContain('新发布的一条信息');
      expect(changed.headers.etag).not.toBe(etag);

      // Reading preferences: each combination is its own page.
      const plain = await app.inject(organHome);
      const large = await app.inject({ url: organHome, cookies: { gk_fs: 'l' } });
      const elder = await app.inject({ url: organHome, cookies: { gk_elder: '1' } });
      expect(new Set([plain.body, large.body, elder.body]).size).toBe(3);
      expect(large.headers.etag).not.toBe(plain.headers.etag);
      expect((await app.inject(organHome)).body).toBe(plain.body);
      expect((await app.inject({ url: organHome, cookies: { gk_fs: 'l' } })).body).toBe(large.body);

      // Signed-in staff are never served a kept page, and staff pages are never kept.
      const staff = await createStaff(deps, organ.code, 'organ_admin');
      const session = await loginAs(app, staff.username, staff.password);
      await app.inject(itemUrl);
      await retitleQuietly(db(), item.id, '只有后台看得到的新标题');
      expect((await app.inject(itemUrl)).body).not.toContain('只有后台看得到的新标题');
      const asStaff = await app.inject({ url: itemUrl, cookies: session.cookies });
      expect(asStaff.body).toContain('只有后台看得到的新标题');
      expect(asStaff.headers['last-modified']).toBeUndefined();
      // What staff see is theirs and must be asked for again every time: a browser that kept the
      // signed-in page for a minute showed an officer the item they had just withdrawn (outside test).
      for (const url of [itemUrl, organHome, '/organs']) {
        expect((await app.inject({ url, cookies: session.cookies })).headers['cache-control']).toBe('private, no-cache');
      }
      const adminPage = await app.inject({ url: '/admin', cookies: session.cookies });
      expect(adminPage.statusCode).toBe(200);
      expect(adminPage.headers['cache-control']).toBe('private, no-store');
      expect(adminPage.headers.etag).toBeUndefined();

      // The view count stays live on a kept page: every view counts, but not a revalidation (304: the page the browser has).
      const countOf = (html: string) => Number(/class="view-count">(\d+)</.exec(html)?.[1]);
      const a = countOf((await app.inject(itemUrl)).body);
      const b = countOf((await app.inject(itemUrl)).body);
      const keptItem = await app.inject(itemUrl);
      expect(b).toBe(a + 1);
      expect(countOf(keptItem.body)).toBe(a + 2);
      expect((await app.inject({ url: itemUrl, headers: { 'if-none-match': keptItem.headers.etag as string } })).statusCode).toBe(304);
      expect(countOf((await app.inject(itemUrl)).body)).toBe(a + 3);
      // A HEAD request (a link checker) does not count.
      expect((await app.inject({ method: 'HEAD', url: itemUrl })).statusCode).toBe(200);
      expect(countOf((await app.inject(itemUrl)).body)).toBe(a + 4);
    } finally {
      await app.close();
    }
  });

  it('keeps the 网站地图 (/sitemap) as the catalog pages, rebuilt when another instance changes a catalog or an organ', async () => {
    const deps = buildDeps(db());
    const otherHandle = secondHandle(db());
    const otherDeps = buildDeps(otherHandle);
    const one = await buildApp(deps, { publicUrl: null });
    try {
      const organ = await createOrgan(deps);
      const node = await createNode(deps, organ.id, { name: '网站地图测试栏目' });
      const first = await one.inject('/sitemap');
      expect(first.statusCode).toBe(200);
      expect(first.body).toContain('网站地图测试栏目');
      expect(first.headers['cache-control']).toBe('public, no-cache');
      expect((await one.inject({ url: '/sitemap', headers: { 'if-none-match': first.headers.etag as string } })).statusCode).toBe(304);

      // Kept: a node renamed behind the platform's back (no version raised) does not show …
      await db().db.updateTable('catalog_nodes').set({ name: '悄悄改过的栏目' }).where('id', '=', node).execute();
      expect((await one.inject('/sitemap')).body).not.toContain('悄悄改过的栏目');

      // … and a catalog change on the other instance does, at once.
      const admin = await createActor(otherDeps, organ.code, 'organ_admin');
      await updateCatalogNode(otherDeps, admin.actor, node, { name: '网站地图改名栏目', parentId: '', description: '' });
      const renamed = await one.inject('/sitemap');
      expect(renamed.body).toContain('网站地图改名栏目');
      expect(renamed.headers.etag).not.toBe(first.headers.etag);
      await createNode(otherDeps, organ.id, { name: '网站地图新增栏目' });
      expect((await one.inject('/sitemap')).body).toContain('网站地图新增栏目');
      // A new organ, saved on the other instance.
      await createOrgan(otherDeps, { name: '青岚县网站地图新设局' });
      expect((await one.inject('/sitemap')).body).toContain('青岚县网站地图新设局');
    } finally {
      await one.close();
      await otherHandle.destroy();
    }
  });

  it('answers a HEAD request with the validators and headers of its GET, first rendering and kept page alike', async () => {
    const deps = buildDeps(db());
    const app = await buildApp(deps, { publicUrl: null });
    try {
      const organ = await createOrgan(deps);
      const node = await createNode(deps, organ.id);
      const item = await createPublished(deps, organ.id, [node], { title: '老旧小区改造计划' });
      for (const url of [`/organs/${organ.code}`, `/organs/${organ.code}/catalog/${node}`, `/organs/${organ.code}/items/${item.id}`]) {
        const firstHead = await app.inject({ method: 'HEAD', url });
        const get = await app.inject(url);
        const keptHead = await app.inject({ method: 'HEAD', url });
        for (const head of [firstHead, keptHead]) {
          expect(head.statusCode, url).toBe(200);
          expect(head.body, url).toBe('');
          for (const h of ['content-type', 'cache-control', 'vary', 'etag', 'last-modified']) expect(head.headers[h], `${url} ${h}`).toBe(get.headers[h]);
        }
        const revalidated = await app.inject({ method: 'HEAD', url, headers: { 'if-none-match': get.headers.etag as string } });
        expect(revalidated.statusCode, url).toBe(304);
        expect(revalidated.headers.etag, url).toBe(get.headers.etag);
      }
    } finally {
      await app.close();
    }
  });
});
