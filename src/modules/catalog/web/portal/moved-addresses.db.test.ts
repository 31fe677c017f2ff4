import { expect, it } from 'vitest';
import { buildTestApp } from '../../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../../test/support/db.ts';
import { createDraft, createNode, createOrgan, createPublished, system } from '../../../../../test/support/factories.ts';
import { publishImported } from '../../../review/index.ts';
import { recordRedirect, resolveRedirect } from '../../storage/redirects-repository.ts';

describeEachDialect('old addresses on the portal', (db) => {
  it('an old address with a query string answers 301 to its page: parameters in any order and spelling, before the path alone, never to another site', async () => {
    const { app, deps } = await buildTestApp(db());
    try {
      const organ = await createOrgan(deps);
      const node = await createNode(deps, organ.id, { name: '通知公告' });
      const [a, b, c] = [await createPublished(deps, organ.id, [node]), await createPublished(deps, organ.id, [node]), await createPublished(deps, organ.id, [node])];
      const page = (id: number) => `/organs/${organ.code}/items/${id}`;
      const nodePage = `/organs/${organ.code}/catalog/${node}`;
      const content = `/xxgk-${organ.code}/content.jsp`;
      const download = `/module-${organ.code}/download/downfile.jsp`;
      await recordRedirect(deps.db, { fromPath: `${content}?id=88`, toPath: page(a.id), reason: '旧网站地址' });
      await recordRedirect(deps.db, { fromPath: content, toPath: nodePage, reason: '旧网站栏目' });
      await recordRedirect(deps.db, { fromPath: `${download}?filename=%e9%80%9a%e7%9f%a5.doc&classid=0`, toPath: page(b.id), reason: '旧网站附件' });
      await recordRedirect(deps.db, { fromPath: `/art-${organ.code}/2020/1/1/art_123_456.html`, toPath: page(c.id), reason: '旧网站地址' });
      expect(await resolveRedirect(deps.db, `${download}?classid=0&filename=%E9%80%9A%E7%9F%A5.doc`)).toBe(page(b.id));

      const answer = async (url: string) => {
        const res = await app.inject({ method: 'GET', url });
        return [res.statusCode, res.headers.location];
      };
      // The address with its query string: the query string is spent, not passed on.
      expect(await answer(`${content}?id=88`)).toEqual([301, page(a.id)]);
      expect(await answer(`${content};jsessionid=77AB?id=88&`)).toEqual([301, page(a.id)]);
      // Another id of the same old page: the path alone, which keeps the request's query string.
      expect(await answer(`${content}?id=89`)).toEqual([301, `${nodePage}?id=89`]);
      expect(await answer(content)).toEqual([301, nodePage]);
      expect(await answer(`${download}?classid=0&filename=%E9%80%9A%E7%9F%A5.doc`)).toEqual([301, page(b.id)]);
      expect(await answer(`${download}?filename=%e9%80%9a%e7%9f%a5.doc&classid=0`)).toEqual([301, page(b.id)]);
      expect((await app.inject({ method: 'HEAD', url: `${download}?classid=0&filename=%E9%80%9A%E7%9F%A5.doc` })).statusCode).toBe(301);
      expect(await answer(`${download}?classid=1&filename=%E9%80%9A%E7%9F%A5.doc`)).toEqual([404, undefined]);
      expect(await answer(`/art-${organ.code}/2020/1/1/art_123_456.html?from=weibo`)).toEqual([301, `${page(c.id)}?from=weibo`]);

      // Only this site's paths: no other site as the old address, no query string or other site as the new.
      for (const bad of ['//evil.example/x?id=1', 'https://evil.example/x?id=1', 'content.jsp?id=1', '/a b?id=1', '/a?id=1#x']) {
        await expect(recordRedirect(deps.db, { fromPath: bad, toPath: page(a.id), reason: '外站' })).rejects.toMatchObject({ code: 'ERR_CATALOG_REDIRECT_INVALID' });
      }
      for (const bad of ['//evil.example/x', 'https://evil.example/x', '/a?b=1']) {
        await expect(recordRedirect(deps.db, { fromPath: `${content}?id=90`, toPath: bad, reason: '外站' })).rejects.toMatchObject({ code: 'ERR_CATALOG_REDIRECT_INVALID' });
      }
      expect(await answer(`${content}?id=88&next=//evil.example`)).toEqual([301, `${nodePage}?id=88&next=//evil.example`]);
    } finally {
      await app.close();
    }
  });

  it('an old address of an item not yet published says so with a 404 that no one keeps, and redirects once the item is published', async () => {
    const { app, deps } = await buildTestApp(db());
    try {
      const organ = await createOrgan(deps);
      const node = await createNode(deps, organ.id, { name: '通知公告' });
      const draft = await createDraft(deps, organ.id, [node]);
      const page = `/organs/${organ.code}/items/${draft.id}`;
      const old = `/xxgk-${organ.code}/content.jsp?id=12`;
      await recordRedirect(deps.db, { fromPath: old, toPath: page, reason: '旧网站地址', itemId: draft.id });
      const before = await app.inject(old);
      expect([before.statusCode, before.headers.location, before.headers['cache-control']]).toEqual([404, undefined, 'no-store']);
      expect(before.body).toContain('该信息正在迁移整理，暂未发布');
      await publishImported(deps, system, draft.id);
      const after = await app.inject(old);
      expect([after.statusCode, after.headers.location]).toEqual([301, page]);
      expect((await app.inject(page)).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});
