import { expect, it } from 'vitest';
import { buildTestApp } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createCountyBureau } from '../../../../test/support/county-bureau.ts';
import { expectFewerWordsBounded } from '../../../../test/support/fewer-words-bounds.ts';

const q = (s: string) => encodeURIComponent(s);

/**
 * What questions typed as sentences still left over (issue 13: an outside tester on a phone, and the session after):
 * a question word jieba holds as one word with its verb (怎么办, 谁来管) was searched; six keywords with two or more
 * blocking spent every count before the blocking keywords' words were tried (建筑 投诉 offered); a keyword typed as one
 * but made of two words (教师招聘, where the items write 公开招聘…教师) beside another was offered the other alone.
 */
describeEachDialect('the words a question leaves over', (db) => {
  it('searches no question word fused with its verb, and spends the counts on the words that were meant', async () => {
    const { app, deps } = await buildTestApp(db());
    try {
      const { item } = await createCountyBureau(deps);
      await item('2026年公租房配租公告', '本批次公租房共配租120套。');
      await item('关于做好汛期城区道路积水排查整治的通知', '各责任单位对城区易积水点逐一排查。');
      await item('关于保障建筑工人按时足额领取工资的通知', '建筑施工企业拖欠工资的，工人可向县住建局投诉，也可拨打12345热线。');
      await item('建筑工地扬尘污染投诉举报方式', '对建筑工地扬尘污染问题，可拨打县住建局投诉电话。');
      await item('青岚县2026年公开招聘中小学教师公告', '面向社会公开招聘中小学教师30名。');
      await item('2026年城区道路改造工程施工招标公告', '本项目采用公开招标方式确定施工单位。');
      await item('2026年第一季度住房租赁补贴发放情况', '本季度共向280户家庭发放住房租赁补贴。');
      await item('城镇低保对象名单公示', '经审核，现将城镇低保对象名单予以公示。');

      const api = async (s: string) => (await app.inject(`/api/v1/search?q=${q(s)}`)).json();
      const offered = (r: { splitSuggestion: { q: string } | null; fewerWords: { q: string }[] }) => [r.splitSuggestion?.q, ...r.fewerWords.map((f) => f.q)].filter(Boolean).join('；');

      // 1. A question word and its verb, one word of jieba's (怎么办, 谁来管), ask: what is offered is without them.
      for (const typed of ['公租房怎么办', '公租房 怎么办']) {
        const r = await api(typed);
        expect(r.total, typed).toBe(0);
        expect(r.splitSuggestion, typed).toEqual({ q: '公租房', total: 1 });
        expect(r.shownInstead, typed).toMatchObject({ kind: 'splitSuggestion', q: '公租房' });
      }
      const water = await api('路上积水谁来管');
      expect(water.fewerWords[0]).toEqual({ q: '积水', total: 1 });
      for (const typed of ['公租房怎么办', '路上积水谁来管', '公租房 怎么办']) expect(offered(await api(typed)), typed).not.toMatch(/怎么|谁来/);

      // 2. Six keywords, four of them blocking: the words of 工人工资 and 被拖欠 are kept, not only 建筑 投诉.
      const six = await api('建筑 工人工资 被拖欠 投诉 翡翠湖 琥珀港');
      expect(six.fewerWords).toEqual([{ q: '建筑 工人 工资 拖欠 投诉', total: 1 }]);
      await expectFewerWordsBounded(deps, ['建筑 工人工资 被拖欠 投诉 翡翠湖 琥珀港', '翡翠湖 琥珀港 珊瑚岛 玛瑙山 水晶宫 建筑', '建筑 投诉 工资 拖欠 工人 翡翠湖', '教师招聘 住房补贴 工程招标 名单 翡翠湖 琥珀港']);

      // 3. A keyword typed as one that finds nothing, made of words that do (教师招聘, 住房补贴, 工程招标), is tried apart
      // beside the keyword that blocks: its words are offered, not only the other keyword.
      for (const [typed, apart] of [['教师招聘 名单', '教师 招聘'], ['住房补贴 名单', '住房 补贴'], ['工程招标 名单', '工程 招标']]) {
        const r = await api(typed);
        expect(r.total, typed).toBe(0);
        expect(r.fewerWords, typed).toContainEqual({ q: apart, total: 1 });
      }
      // Alone, it is offered apart as before (教师招聘 finds nothing; 教师 招聘 finds the 公告).
      expect((await api('教师招聘')).splitSuggestion).toEqual({ q: '教师 招聘', total: 1 });
    } finally {
      await app.close();
    }
  });
});
