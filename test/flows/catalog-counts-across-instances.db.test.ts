import { expect, it } from 'vitest';
import { describeEachDialect } from '../support/db.ts';
import { buildDeps, createActor, createNode, createOrgan, createPublished } from '../support/factories.ts';
import { buildApp } from '../../src/main/build-app.ts';
import { removeCatalogNode, updateCatalogNode } from '../../src/modules/catalog/index.ts';
import { performReviewVerb } from '../../src/modules/review/index.ts';

/**
 * Issue 18: the catalog tree with its counts is computed once per change and kept in each instance's
 * memory; a change made through any instance (here: straight through the use cases, as another
 * process on the same database would) shows on every instance's next request.
 */
describeEachDialect('catalog counts cached per instance', (db) => {
  it('stay right on two instances sharing the database through publish, withdraw and node changes', async () => {
    const deps = buildDeps(db());
    const [one, two] = [await buildApp(deps, { publicUrl: null }), await buildApp(deps, { publicUrl: null })];
    try {
      const organ = await createOrgan(deps);
      const admin = await createActor(deps, organ.code, 'organ_admin');
      const news = await createNode(deps, organ.id, { name: '工作动态' });
      const spare = await createNode(deps, organ.id, { name: '临时栏目' });
      const first = await createPublished(deps, organ.id, [news]);
      const count = async (app: typeof one) => {
        const html = (await app.inject(`/organs/${organ.code}/catalog`)).body;
        return /工作动态<\/a>\s*<span[^>]*>[（(]?(\d+)/.exec(html)?.[1] ?? html.match(/工作动态[^]*?(\d+)\s*条/)?.[1] ?? null;
      };
      const before = [await count(one), await count(two)];
      expect(before[0]).not.toBeNull();
      expect(before).toEqual([before[0], before[0]]);

      await createPublished(deps, organ.id, [news]);
      expect(Number(await count(one))).toBe(Number(before[0]) + 1);
      expect(Number(await count(two))).toBe(Number(before[0]) + 1);

      const leader = await createActor(deps, organ.code, 'disclosure_office');
      await performReviewVerb(deps, leader.actor, first.id, 'withdraw', { withdrawReason: 'published_in_error', withdrawNote: '重复发布' });
      expect(Number(await count(two))).toBe(Number(before[0]));

      await updateCatalogNode(deps, admin.actor, news, { name: '工作动态信息', parentId: '', description: '' });
      expect((await one.inject(`/organs/${organ.code}/catalog`)).body).toContain('工作动态信息');
      await removeCatalogNode(deps, admin.actor, spare);
      expect((await two.inject(`/organs/${organ.code}/catalog`)).body).not.toContain('临时栏目');
    } finally {
      await one.close();
      await two.close();
    }
  });
});
