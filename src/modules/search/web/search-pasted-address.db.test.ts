import { expect, it } from 'vitest';
import { buildTestApp } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createDraft, createNode, createOrgan, createPublished, system } from '../../../../test/support/factories.ts';
import { recordRedirect } from '../../catalog/index.ts';
import { performReviewVerb } from '../../review/index.ts';

const mainOf = (body: string) => /<main[^>]*>([\s\S]*?)<\/main>/.exec(body)![1]!;
const textOf = (html: string) => html.replace(/<[^>]+>/g, '');

/**
 * An address pasted into the search box is answered as the portal answers that address (docs/search.md, "A pasted
 * address"), found by outside testers: an item page's address with the wrong organ code was offered as the item
 * though the portal answers it 404, and an old site's address that the portal redirects to an item was searched as words.
 */
describeEachDialect('an address pasted into the search box, answered as the portal answers it', (db) => {
  it('an item page’s address with another organ’s code, or no organ’s, answers 404 on the portal: nothing of the item is offered (page and API)', async () => {
    const { app, deps } = await buildTestApp(db());
    try {
      const county = await createOrgan(deps, { kind: 'government', name: '青岚县人民政府', shortName: '县政府' });
      const bureau = await createOrgan(deps, { parentCode: county.code, name: '青岚县住房和城乡建设局', shortName: '县住建局' });
      const node = await createNode(deps, bureau.id);
      const item = await createPublished(deps, bureau.id, [node], { title: '关于农村危房改造补助标准的通知' });
      const gone = await createPublished(deps, bureau.id, [node], { title: '关于2026年公租房配租结果的公示' });
      await performReviewVerb(deps, system, gone.id, 'withdraw', { withdrawReason: 'published_in_error', withdrawNote: '内容有误' });
      for (const id of [item.id, gone.id]) {
        for (const wrong of [county.code, 'no-such-organ', bureau.code.toUpperCase()]) {
          const address = `/organs/${wrong}/items/${id}`;
          expect((await app.inject(address)).statusCode, address).toBe(404);
          for (const typed of [address, `http://localhost${address}`]) {
            const main = mainOf((await app.inject(`/search?q=${encodeURIComponent(typed)}`)).body);
            expect(main, typed).toContain('本站没有这一地址的公开信息');
            expect(main, typed).not.toContain('关于农村危房改造补助标准的通知');
            expect(main, typed).not.toContain('关于2026年公租房配租结果的公示');
            expect((await app.inject(`/api/v1/search?q=${encodeURIComponent(typed)}`)).json(), typed)
              .toMatchObject({ total: 0, items: [], addressedItem: { status: 'notFound', id: null, title: null, url: null } });
          }
        }
      }
      // The OpenAPI description says so.
      const answer = (await app.inject('/api/openapi.json')).json().paths['/api/v1/search'].get.responses['200'].content['application/json'].schema.properties;
      expect(answer.addressedItem.description).toContain('机关代码不是该信息的机关');
      expect(answer.addressedItem.properties.redirected.description).toContain('原网址');
      // At its own organ's code it is offered, as before.
      const own = `/organs/${bureau.code}/items/${item.id}`;
      expect((await app.inject(own)).statusCode).toBe(200);
      expect((await app.inject(`/api/v1/search?q=${encodeURIComponent(own)}`)).json())
        .toMatchObject({ total: 1, addressedItem: { status: 'published', id: item.id, url: own, redirected: false } });
    } finally {
      await app.close();
    }
  });

  it('an old site’s address the portal redirects to an item (an import’s 原网址) offers that item, published only; any other old address is words (page and API)', async () => {
    const { app, deps } = await buildTestApp(db());
    try {
      const bureau = await createOrgan(deps, { name: '青岚县住房和城乡建设局', shortName: '县住建局' });
      const node = await createNode(deps, bureau.id);
      const item = await createPublished(deps, bureau.id, [node], { title: '关于农村危房改造补助标准的通知' });
      const gone = await createPublished(deps, bureau.id, [node], { title: '关于2026年公租房配租结果的公示' });
      await performReviewVerb(deps, system, gone.id, 'withdraw', { withdrawReason: 'published_in_error', withdrawNote: '内容有误' });
      const draft = await createDraft(deps, bureau.id, [node], { title: '正在迁移的危房改造通知草稿' });
      const itemPath = `/organs/${bureau.code}/items/${item.id}`;
      const gonePath = `/organs/${bureau.code}/items/${gone.id}`;
      // As the content import records an old site's addresses (transfer's import-items: recordRedirect with the item).
      await recordRedirect(deps.db, { fromPath: '/xxgk/content.jsp?id=88&cat=3', toPath: itemPath, reason: '旧网站地址', itemId: item.id });
      await recordRedirect(deps.db, { fromPath: '/art/2019/5/10/art_1229_3857.html', toPath: gonePath, reason: '旧网站地址', itemId: gone.id });
      await recordRedirect(deps.db, { fromPath: '/xxgk/content.jsp?id=90', toPath: `/organs/${bureau.code}/items/${draft.id}`, reason: '旧网站地址', itemId: draft.id });

      // The portal answers the old address with its item's page…
      expect((await app.inject('/xxgk/content.jsp?id=88&cat=3')).headers.location).toBe(itemPath);
      // …and the search box offers that item, however the address was copied: the old domain, no scheme, the path, the parameters in another order.
      for (const typed of ['http://www.qinglan.gov.cn/xxgk/content.jsp?id=88&cat=3', 'www.qinglan.gov.cn/xxgk/content.jsp?cat=3&id=88#top', '/xxgk/content.jsp?id=88&cat=3', `http://localhost/xxgk/content.jsp?cat=3&id=88`]) {
        const page = await app.inject(`/search?q=${encodeURIComponent(typed)}`);
        expect(page.statusCode, typed).toBe(200);
        const main = mainOf(page.body);
        expect(main, typed).toContain('这是本站一条公开信息的原网址');
        expect(main, typed).toContain(`<a href="${itemPath}">关于农村危房改造补助标准的通知</a>`);
        expect(main, typed).not.toContain('没有找到包含');
        expect((await app.inject(`/api/v1/search?q=${encodeURIComponent(typed)}`)).json(), typed).toMatchObject({
          total: 1, items: [{ id: item.id, url: itemPath }],
          addressedItem: { status: 'published', id: item.id, title: '关于农村危房改造补助标准的通知', url: itemPath, redirected: true },
        });
      }
      // Withdrawn: the old address leads to the public notice of the withdrawal, and the search says so.
      const old = 'http://www.qinglan.gov.cn/art/2019/5/10/art_1229_3857.html';
      expect(textOf(mainOf((await app.inject(`/search?q=${encodeURIComponent(old)}`)).body))).toContain('“关于2026年公租房配租结果的公示”已撤回');
      expect((await app.inject(`/api/v1/search?q=${encodeURIComponent(old)}`)).json())
        .toMatchObject({ total: 0, addressedItem: { status: 'withdrawn', id: gone.id, url: gonePath, redirected: true } });
      // An item not published yet (an import as drafts) says nothing of it: the address is searched as words, as any
      // address no redirect knows.
      for (const typed of ['http://www.qinglan.gov.cn/xxgk/content.jsp?id=90', 'http://www.qinglan.gov.cn/xxgk/content.jsp?id=91', '/xxgk/list.jsp?cat=7']) {
        const main = mainOf((await app.inject(`/search?q=${encodeURIComponent(typed)}`)).body);
        expect(main, typed).not.toContain('正在迁移的危房改造通知草稿');
        expect(textOf(main), typed).toContain('没有找到包含');
        expect((await app.inject(`/api/v1/search?q=${encodeURIComponent(typed)}`)).json(), typed).toMatchObject({ addressedItem: null });
      }
    } finally {
      await app.close();
    }
  });
  it('a column’s address, an organ’s catalog or home page is answered as the portal answers it: a link to that page, or 本站没有这一地址 (page and API; issue 13)', async () => {
    const { app, deps } = await buildTestApp(db());
    try {
      const bureau = await createOrgan(deps, { name: '青岚县住房和城乡建设局', shortName: '县住建局' });
      const other = await createOrgan(deps, { name: '青岚县财政局', shortName: '县财政局' });
      const node = await createNode(deps, bureau.id, { name: '住房保障' });
      const pages = [
        { path: `/organs/${bureau.code}/catalog/${node}`, kind: 'column', title: '住房保障', said: '县住建局的栏目“住房保障”' },
        { path: `/organs/${bureau.code}/catalog`, kind: 'catalog', title: '政府信息公开目录', said: '县住建局的政府信息公开目录' },
        { path: `/organs/${bureau.code}`, kind: 'organ', title: '青岚县住房和城乡建设局', said: '县住建局的政府信息公开' },
      ];
      for (const { path, kind, title, said } of pages) {
        expect((await app.inject(path)).statusCode, path).toBe(200);
        for (const typed of [path, `http://localhost${path}`, `localhost${path}/`]) {
          const main = textOf(mainOf((await app.inject(`/search?q=${encodeURIComponent(typed)}`)).body));
          expect(main, typed).toContain('这是本站一个页面的地址');
          expect(main, typed).toContain(said);
          expect(main, typed).not.toContain('检查用字');
          expect((await app.inject(`/api/v1/search?q=${encodeURIComponent(typed)}`)).json(), typed).toMatchObject({
            total: 0, items: [], addressedItem: { status: 'page', kind, id: null, title, url: path, redirected: false, organ: { code: bureau.code, name: '青岚县住房和城乡建设局' } },
          });
        }
        expect(mainOf((await app.inject(`/search?q=${encodeURIComponent(path)}`)).body)).toContain(`href="${path}"`);
      }
      // The portal answers 404: a column of another organ, no such column, no such organ.
      for (const [path, kind] of [[`/organs/${other.code}/catalog/${node}`, 'column'], [`/organs/${bureau.code}/catalog/99999`, 'column'], ['/organs/no-such-organ', 'organ'], ['/organs/no-such-organ/catalog', 'catalog']]) {
        expect((await app.inject(path)).statusCode, path).toBe(404);
        const main = textOf(mainOf((await app.inject(`/search?q=${encodeURIComponent(path)}`)).body));
        expect(main, path).toContain('本站没有这一地址');
        expect(main, path).not.toContain('检查用字');
        expect((await app.inject(`/api/v1/search?q=${encodeURIComponent(path)}`)).json(), path)
          .toMatchObject({ total: 0, addressedItem: { status: 'notFound', kind, id: null, title: null, url: null, organ: null } });
      }
      // An item's address keeps its answer, and says it is one (kind item).
      const item = await createPublished(deps, bureau.id, [node], { title: '关于公租房配租的公告' });
      expect((await app.inject(`/api/v1/search?q=${encodeURIComponent(`/organs/${bureau.code}/items/${item.id}`)}`)).json())
        .toMatchObject({ total: 1, addressedItem: { status: 'published', kind: 'item', id: item.id, organ: { code: bureau.code } } });
    } finally {
      await app.close();
    }
  });
});
