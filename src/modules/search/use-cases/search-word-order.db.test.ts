import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { buildDeps, createNode, createOrgan, createPublished } from '../../../../test/support/factories.ts';
import { searchPublications } from '../index.ts';

/**
 * Words typed in the other order than the items write them (citizen testers, issue #13: 电梯加装 where the items say
 * 加装电梯, 补贴申请 for 申请补贴, 公示名单 for 名单公示): a keyword is one phrase, so the query as typed finds nothing; the
 * words apart find the items, and are offered. So are the halves of a word jieba's dictionary holds whole (房屋出租 for
 * 出租房屋, 住房补贴 for 住房 … 补贴), which jieba alone left as typed: nothing was offered.
 */
describeEachDialect('a phrase typed in the other order offers its words apart', (db) => {
  it('finds nothing as typed and offers the words apart with what they find, on both databases alike', async () => {
    const deps = buildDeps(db());
    const organ = await createOrgan(deps, { name: '青岚县民政局', shortName: '县民政局' }); // no 住房 in every item's 发布机构
    const node = await createNode(deps, organ.id);
    for (const title of ['既有住宅加装电梯申请补贴办理指南', '2026年老旧小区改造名单公示', '出租房屋治安管理告知书', '城镇住房困难家庭租赁补贴发放情况公示']) {
      await createPublished(deps, organ.id, [node], { title });
    }
    const search = (q: string) => searchPublications(deps, { q, sort: 'relevance', page: 1, pageSize: 10, filters: { scopeOrganId: null } });
    const offers: Record<string, unknown> = {};
    for (const q of ['电梯加装', '补贴申请', '公示名单', '房屋出租', '住房补贴']) {
      const r = await search(q);
      expect(r.total, q).toBe(0);
      offers[q] = r.splitSuggestion && { q: r.splitSuggestion.q, total: r.splitSuggestion.total, first: r.splitSuggestion.hits[0]?.title };
    }
    expect(offers).toEqual({
      电梯加装: { q: '电梯 加装', total: 1, first: '既有住宅加装电梯申请补贴办理指南' },
      补贴申请: { q: '补贴 申请', total: 1, first: '既有住宅加装电梯申请补贴办理指南' },
      公示名单: { q: '公示 名单', total: 1, first: '2026年老旧小区改造名单公示' },
      房屋出租: { q: '房屋 出租', total: 1, first: '出租房屋治安管理告知书' },
      住房补贴: { q: '住房 补贴', total: 1, first: '城镇住房困难家庭租赁补贴发放情况公示' },
    });
  });
});
