import { expect, it } from 'vitest';
import { buildTestApp } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createNode, createOrgan, createPublished } from '../../../../test/support/factories.ts';

const q = (s: string) => encodeURIComponent(s);

/**
 * GET /api/v1/search named as `shownInstead` the in-scope fewer words (资金 for 危房改造资金 on 县政府's pages) that the
 * portal page, by its rule, shows only as a link after the whole region's offer that keeps every keyword
 * (search-better-offer.db.test.ts). One function decides it for both (use-cases/offer-shown.ts).
 */
describeEachDialect('the API’s offer for a search within an organ that found nothing', (db) => {
  it('the API names the same offer first as the page: the whole region’s that keeps every keyword, then the in-scope fewer words', async () => {
    const { app, deps } = await buildTestApp(db());
    try {
      const county = await createOrgan(deps, { kind: 'government', name: '青岚县人民政府', shortName: '县政府' });
      const bureau = await createOrgan(deps, { parentCode: county.code, name: '青岚县住房和城乡建设局', shortName: '县住建局' });
      const gNode = await createNode(deps, county.id);
      const node = await createNode(deps, bureau.id);
      await createPublished(deps, county.id, [gNode], { title: '关于下达2026年专项资金的通知' });
      await createPublished(deps, bureau.id, [node], { title: '2026年农村危房改造补助专项资金发放情况公示' });
      await createPublished(deps, bureau.id, [node], { title: '农村危房改造对象认定办法及资金补助标准' });
      const api = async (s: string, organ: string) => (await app.inject(`/api/v1/search?q=${q(s)}&organ=${organ}`)).json();

      // The page shows no item in place of what was asked (资金 alone is not it): the API shows none either, and names
      // the whole region's words apart as the offer that comes first; the in-scope fewer words stay listed.
      const apart = await api('危房改造资金', county.code);
      expect(apart).toMatchObject({ total: 0, items: [], shownInstead: null, fewerWords: [{ q: '资金', total: 1 }] });
      expect(apart.regionOffer).toEqual({ kind: 'splitSuggestion', q: '危房改造 资金', total: 2 });

      // Found over the whole region as typed: that one.
      await createPublished(deps, bureau.id, [node], { title: '危房改造资金使用管理办法' });
      const typed = await api('危房改造资金', county.code);
      expect(typed.shownInstead).toBeNull();
      expect(typed.regionOffer).toEqual({ kind: 'typed', q: '危房改造资金', total: 1 });

      // Within the bureau, its own words apart keep every keyword: shown with their items, as on the page; the region
      // offers nothing more.
      const own = await api('危房改造补助资金', bureau.code);
      expect(own.shownInstead).toEqual({ kind: 'splitSuggestion', q: '危房改造 补助 资金', total: 2 });
      expect(own.regionOffer).toBeNull();
      // The whole region searched: no region offer at all.
      expect((await app.inject(`/api/v1/search?q=${q('危房改造补助资金')}`)).json().regionOffer).toBeNull();
    } finally {
      await app.close();
    }
  });
});
