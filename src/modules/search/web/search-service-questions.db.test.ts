import { expect, it } from 'vitest';
import { buildTestApp } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createCountyBureau } from '../../../../test/support/county-bureau.ts';
import { searchPublications } from '../use-cases/search-publications.ts';

const q = (s: string) => encodeURIComponent(s);

/**
 * Issue 13 (an outside tester and the last session): a question how or where to do something (农村危房改造补助怎么申请,
 * 房屋安全鉴定去哪里办理) demanded its action word (申请, 办理) of every item, and ranked the 办事指南 below plans and
 * notices whose titles held more of the words. The action words ask (ADR 0053): they are not demanded, and the service
 * guide comes first; a plain keyword search ranks as before.
 */
describeEachDialect('a question how or where to do something', (db) => {
  it('does not demand 申请 or 办理 of the items, and ranks the service guide first', async () => {
    const { app, deps } = await buildTestApp(db());
    try {
      const { item } = await createCountyBureau(deps);
      // The guide is the oldest and its title lacks 补助: as keywords, every other item ranks above it.
      await item('农村危房改造申请办事指南（2025年修订）', '申请条件：现住房经鉴定为C级或者D级危房。补助资金按审批结果拨付。办理流程：农户申请、村级评议、乡镇审核、县级审批。');
      await item('关于开展农村危房改造补助资金发放专项检查的通知', '各乡镇：请对农村危房改造补助资金发放情况开展专项检查。');
      await item('青岚县2026年农村危房改造补助实施计划', '全年计划改造农村危房120户，补助资金按户拨付。');
      await item('2026年农村危房改造补助资金发放情况公示（桐溪镇）', '现将农村危房改造补助资金发放情况公示如下。');
      await item('房屋安全鉴定办事指南', '办理地点：县政务服务中心住建窗口。房屋安全鉴定由产权人提出。');
      await item('关于规范房屋安全鉴定工作的通知', '房屋安全鉴定机构应当出具鉴定报告，鉴定结论须如实填写。');
      await item('城区既有房屋安全鉴定情况通报', '今年完成房屋安全鉴定86栋。');
      await item('房屋安全鉴定收费标准', '房屋安全鉴定按建筑面积收费，当场办理缴费。');

      const search = (s: string) => searchPublications(deps, { q: s, sort: 'relevance', page: 1, pageSize: 10, filters: { scopeOrganId: null } });
      const titles = async (s: string) => (await search(s)).hits.map((h) => h.title);

      // The question typed as one: its words apart keep the question, which demands no 申请; the guide is first of the preview.
      const asked = await search('农村危房改造补助怎么申请');
      expect(asked.total).toBe(0);
      expect(asked.splitSuggestion).toMatchObject({ q: '农村 危房改造 补助 怎么申请', total: 4 });
      expect(asked.shownInstead?.hits[0].title).toBe('农村危房改造申请办事指南（2025年修订）');
      // The link to all of them ranks the same.
      expect((await titles('农村 危房改造 补助 怎么申请'))[0]).toBe('农村危房改造申请办事指南（2025年修订）');
      // The plain keywords rank as before: the titles holding every keyword first, the guide last.
      expect((await titles('农村 危房改造 补助')).at(-1)).toBe('农村危房改造申请办事指南（2025年修订）');

      // 去哪里办理: 办理 asks where; the items need not say it (3 of 4 do not).
      const where = await search('房屋安全鉴定去哪里办理');
      expect(where.splitSuggestion).toMatchObject({ q: '房屋 安全 鉴定 去哪里办理', total: 4 });
      expect(where.shownInstead?.hits[0].title).toBe('房屋安全鉴定办事指南');
      // Through the API, typed with spaces: found as typed, the guide first.
      const api = (await app.inject(`/api/v1/search?q=${q('房屋安全鉴定 去哪里办理')}`)).json();
      expect(api.total).toBe(4);
      expect(api.items[0].title).toBe('房屋安全鉴定办事指南');
    } finally {
      await app.close();
    }
  });
});
