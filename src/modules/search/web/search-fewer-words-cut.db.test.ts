import { expect, it } from 'vitest';
import { buildTestApp } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createCountyBureau } from '../../../../test/support/county-bureau.ts';
import { parseQuery } from '../domain/parse-query.ts';
import { jiebaSegmenter } from '../segmenter/jieba-segmenter.ts';
import { fewerWordsOffers } from '../use-cases/search-offers.ts';
import { countingSearch, expectFewerWordsBounded } from '../../../../test/support/fewer-words-bounds.ts';

const q = (s: string) => encodeURIComponent(s);

/**
 * Issue 13 (outside testers): 建筑工人工资被拖欠怎么投诉 was offered 建筑 投诉, whose first item was a building site's dust
 * complaints. Its long keywords (工人工资, 被拖欠) were tried whole and failed, while the short ones survived. A keyword that
 * blocks is now cut into its words first (工人工资 → 工人 工资, 被拖欠 → 拖欠), and the words that find something kept.
 */
describeEachDialect('fewer keywords keep the words that were meant', (db) => {
  it('cuts a keyword that blocks into its words, whether one or several block, within the bound on counts', async () => {
    const { app, deps } = await buildTestApp(db());
    try {
      const { item } = await createCountyBureau(deps);
      await item('关于保障建筑工人按时足额领取工资的通知', '建筑施工企业拖欠工资的，工人可向县住建局投诉，也可拨打12345热线。');
      await item('建筑工地扬尘污染投诉举报方式', '对建筑工地扬尘污染问题，可拨打县住建局投诉电话。');
      await item('根治拖欠农民工工资投诉举报电话', '施工单位未按时支付农民工工资的，可拨打投诉举报电话。');
      await item('农村危房翻建和加固改造补助办理指南', '经鉴定为C级、D级危房的农户，可向所在乡镇人民政府提出补助申请。');
      await item('公共租赁住房租金减免办理指南', '申请人应提交身份证明、收入证明等材料。');
      await item('个人租房租金补贴发放标准', '符合条件的个人租房家庭按月发放租金补贴。');

      const api = async (s: string) => (await app.inject(`/api/v1/search?q=${q(s)}`)).json();
      // Two keywords block (工人工资, 被拖欠): their words are kept, not only the short keywords that found something.
      // 工人工资 finds nothing alone and 工人 工资 do: it is searched apart, and 被拖欠 is then the one keyword left out.
      const wages = await api('建筑工人工资被拖欠怎么投诉');
      expect(wages.total).toBe(0);
      expect(wages.splitSuggestion).toBeNull();
      expect(wages.fewerWords).toEqual([{ q: '建筑 工人 工资 拖欠 投诉', total: 1 }, { q: '建筑 工人 工资 投诉', total: 1 }]);
      expect(wages.shownInstead).toEqual({ kind: 'fewerWords', q: '建筑 工人 工资 拖欠 投诉', total: 1 });
      const page = (await app.inject(`/search?q=${q('建筑工人工资被拖欠怎么投诉')}`)).body.replace(/<\/?mark>/g, '');
      expect(page).toContain('关于保障建筑工人按时足额领取工资的通知');
      expect(page).not.toContain('建筑工地扬尘污染投诉举报方式');

      // One keyword blocks: before it is left out, its words in its place (被拖欠 → 拖欠; 危房改造 → 危房 改造, both halves;
      // 申请材料 → 申请 材料), offered first.
      expect((await api('农民工工资被拖欠怎么投诉')).fewerWords).toEqual([{ q: '农民工 工资 拖欠 投诉', total: 1 }, { q: '农民工 工资 投诉', total: 1 }]);
      // 怎么申请 asks (ADR 0053) and is demanded of no item; 危房改造, which finds nothing alone here, is searched as 危房 改造.
      expect((await api('农村危房改造补助怎么申请')).fewerWords).toEqual([{ q: '农村 危房 改造 补助', total: 1 }, { q: '危房 改造 补助', total: 1 }, { q: '农村 补助', total: 1 }]);
      // 申请材料有哪些 asks (ADR 0053): the words apart find the guide without it.
      expect((await api('公租房租金减免申请材料有哪些')).splitSuggestion).toEqual({ q: '公租房 租金 减免 申请材料有哪些', total: 1 });
      // A word people search by as it is (公租房, a synonym) is never cut into a part that says something else (租房).
      expect((await api('公租房租金标准是多少')).fewerWords).toEqual([{ q: '租金 标准', total: 1 }, { q: '公租房 租金', total: 1 }]);

      // The counts stay within FEWER_WORDS_MAX_COUNTS, whatever the words are cut into.
      await expectFewerWordsBounded(deps, ['建筑 工人工资 被拖欠 投诉', '建筑 工人工资 被拖欠 投诉 翡翠湖 琥珀港', '农村 危房改造 补助 申请材料 翡翠湖 琥珀港']);
      const { countOf } = countingSearch(deps);
      expect(await fewerWordsOffers(parseQuery('建筑 工人工资 被拖欠 投诉'), null, countOf, jiebaSegmenter())).toEqual([{ q: '建筑 工人 工资 拖欠 投诉', total: 1 }, { q: '建筑 工人 工资 投诉', total: 1 }]);
    } finally {
      await app.close();
    }
  });
});
