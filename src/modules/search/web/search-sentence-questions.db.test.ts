import { expect, it } from 'vitest';
import { buildTestApp } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createCountyBureau } from '../../../../test/support/county-bureau.ts';
import { createNode, createOrgan, createPublished } from '../../../../test/support/factories.ts';
import { parseQuery } from '../domain/parse-query.ts';
import { jiebaSegmenter } from '../segmenter/jieba-segmenter.ts';
import { FEWER_WORDS_MAX_COUNTS, fewerWordsOffers, type CountOf } from '../use-cases/search-offers.ts';
import { searchPublications } from '../use-cases/search-publications.ts';

const q = (s: string) => encodeURIComponent(s);

/**
 * Issue 13 (an outside tester, demo data): questions typed as sentences found nothing and were offered nothing, while
 * near-identical ones were (请问… was, 我想知道… was not), and a 文号 typed without brackets found its item but not the
 * 政策解读 citing it. The items are the demo's, cut down.
 */
describeEachDialect('questions typed as sentences, and a 文号 typed without brackets', (db) => {
  it('offers the words a question asks about, or the most of them that find something together', async () => {
    const { app, deps } = await buildTestApp(db());
    try {
      const { item } = await createCountyBureau(deps);
      await item('关于印发青岚县农村危房改造补助标准的通知', '为了解决农户住房安全问题，现将农村危房改造补助标准印发给你们。');
      await item('关于开展农村危房改造摸底调查的通知', '为全面了解全县农村危房改造情况，请各乡镇开展摸底调查。');
      await item('青岚县农村危房改造申请审批程序', '危房改造由农户本人提出申请，经村委会评议、乡镇审核后报县住建局审批。');
      await item('建筑工地扬尘污染投诉举报方式', '对建筑工地扬尘污染问题，可拨打县住建局投诉电话。');
      await item('2026年青岚县老旧小区改造计划', '今年实施老旧小区改造12个，惠及居民1,860户。');
      await item('关于加强施工工地夜间作业管理的通知', '各施工单位夜间作业应办理审批手续。');

      const api = async (s: string) => (await app.inject(`/api/v1/search?q=${q(s)}`)).json();
      // The words apart, without what only asks: found, and offered with their items.
      for (const typed of ['我想知道农村危房改造补助标准是多少', '我想知道农村危房改造补助标准', '农村危房改造的补助标准是多少钱']) {
        const r = await api(typed);
        expect(r.total, typed).toBe(0);
        expect(r.splitSuggestion, typed).toEqual({ q: '农村 危房改造 补助 标准', total: 1 });
      }
      expect((await api('工地扬尘太大了向哪里投诉')).splitSuggestion).toEqual({ q: '工地 扬尘 投诉', total: 1 });
      // 了解 is what the asker wants, not a word to search: 危房改造 alone (3 items), not 了解 危房改造 (the 2 that say 了解).
      expect((await api('我想了解危房改造')).splitSuggestion).toEqual({ q: '危房改造', total: 3 });
      // The words apart still find nothing (房子, 开始: words the items do not use): the most of them that find something.
      const house = await api('我家房子是危房怎么申请改造');
      expect(house.splitSuggestion).toBeNull();
      // 怎么申请 asks how (ADR 0053): 申请 is demanded of no item, so the three items on 危房 改造 are offered, not the one saying 申请.
      expect(house.fewerWords[0]).toEqual({ q: '危房 改造', total: 3 });
      const old = await api('老旧小区改造什么时候开始');
      expect(old.fewerWords[0]).toEqual({ q: '老旧 小区 改造', total: 1 });
      expect(old.shownInstead).toMatchObject({ kind: 'fewerWords', q: '老旧 小区 改造', total: 1 });

      // Keywords of which no one left out finds anything (two blockers among six): the longest words first, each kept
      // when the words kept so far and it still find something — at most two counts per keyword, every one bounded.
      const counted: string[] = [];
      const countOf: CountOf = async (s, scopeOrganId) => {
        counted.push(s);
        return (await searchPublications(deps, { q: s, filters: { scopeOrganId }, sort: 'relevance', page: 1, pageSize: 10 }, { noSuggestion: true, countOnly: true })).total;
      };
      const six = parseQuery('农村 危房改造 补助 标准 翡翠湖 琥珀港');
      expect(await fewerWordsOffers(six, null, countOf, jiebaSegmenter())).toEqual([{ q: '农村 危房改造 补助 标准', total: 1 }]);
      expect(counted.length).toBeLessThanOrEqual(FEWER_WORDS_MAX_COUNTS);
      expect(FEWER_WORDS_MAX_COUNTS).toBe(2 * six.keywords.length);
      // Five words, one blocking: the query without it, as for two to four.
      expect((await api('翡翠湖 农村 危房改造 补助 标准')).fewerWords[0]).toEqual({ q: '农村 危房改造 补助 标准', total: 1 });
      // A keyword that only asks (知道, typed apart) is left out of the words apart, which find the item.
      expect((await api('知道 农村 危房改造 补助 标准')).splitSuggestion).toEqual({ q: '农村 危房 改造 补助 标准', total: 1 });
      // Through the page: the sentence gets its offer, not only 请检查用字.
      const page = (await app.inject(`/search?q=${q('工地扬尘太大了向哪里投诉')}`)).body.replace(/<\/?mark>/g, '');
      expect(page).toContain('建筑工地扬尘污染投诉举报方式');
    } finally {
      await app.close();
    }
  });

  it('finds the items citing a 文号 whichever way the exact look-up reads it, brackets or none', async () => {
    const { app, deps } = await buildTestApp(db());
    try {
      const county = await createOrgan(deps, { kind: 'government', name: '青岚县人民政府', shortName: '县政府' });
      const bureau = await createOrgan(deps, { parentCode: county.code, name: '青岚县住房和城乡建设局', shortName: '县住建局' });
      const node = await createNode(deps, bureau.id);
      const policy = await createPublished(deps, bureau.id, [node], { title: '关于建立健全农村危房改造长效机制的意见', documentNumber: '岚建〔2026〕58号', bodyHtml: '<p>各乡镇人民政府：现就建立健全农村危房改造长效机制提出如下意见。</p>' });
      const reading = await createPublished(deps, bureau.id, [node], { title: '《关于建立健全农村危房改造长效机制的意见》政策解读', bodyHtml: '<p><strong>一、制定背景。</strong>县住建局印发了《关于建立健全农村危房改造长效机制的意见》（岚建〔2026〕58号）。</p>' });
      await createPublished(deps, bureau.id, [node], { title: '关于公租房配租的公告', documentNumber: '岚建〔2026〕5号', bodyHtml: '<p>第202658号公告所列家庭。</p>' });

      for (const typed of ['岚建〔2026〕58号', '岚建[2026]58号', '岚建(2026)58号', '岚建（２０２６）５８号', '岚建〔2026〕58', '岚建2026年58号', '岚建2026年第58号', '岚建202658号']) {
        const r = (await app.inject(`/api/v1/search?q=${q(typed)}`)).json();
        expect(r.total, typed).toBe(2);
        // The item itself first (the exact look-up), then the one whose text cites it.
        expect(r.items.map((i: { id: number }) => i.id), typed).toEqual([policy.id, reading.id]);
      }
      // A digit run no 代字 and year can be read from is no 文号: it finds the text it is, nothing more.
      const run = (await app.inject(`/api/v1/search?q=${q('第202658号')}`)).json();
      expect(run.items.map((i: { title: string }) => i.title)).toEqual(['关于公租房配租的公告']);
    } finally {
      await app.close();
    }
  });
});
