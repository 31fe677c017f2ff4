import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { buildDeps, createNode, createOrgan, createPublished } from '../../../../test/support/factories.ts';
import { searchPublications } from '../index.ts';

/**
 * Offers that say nothing false (issue 13, an outside tester on the demo data): 违建 → 重建, 加梯 → 加强, 公摊 → 公司,
 * 群租 → 群众 were offered as 您是不是要找 with 读音相同的字, though half of the word was changed and they do not sound
 * alike; 城镇老旧小区改造加装电梯补贴标准 was offered as eight words while the search read six.
 */
describeEachDialect('the search offers only what it means and searches', (db) => {
  it('corrects a two-character keyword by sound only, knows the everyday words, and offers at most the six words searched', async () => {
    const deps = buildDeps(db());
    const organ = await createOrgan(deps, { name: '青岚县住房和城乡建设局', shortName: '县住建局' });
    const node = await createNode(deps, organ.id);
    for (const title of ['关于加强建筑工地扬尘治理的通知', '县物业服务公司名单', '关于依法拆除违法建设的公告', '既有住宅加装电梯办理指南', '关于城镇老旧小区加装电梯财政补贴的通知', '公租房分配结果公示', '灾后重建项目进展', '群众来信办理情况']) {
      await createPublished(deps, organ.id, [node], { title });
    }
    const search = (q: string) => searchPublications(deps, { q, sort: 'relevance', page: 1, pageSize: 10, filters: { scopeOrganId: null } });

    // Not 加强, 公司, 群众: nothing is offered rather than another word.
    for (const q of ['公摊', '群租']) {
      const r = await search(q);
      expect(r.total, q).toBe(0);
      expect(r.didYouMean, q).toBeNull();
    }
    // The colloquial word finds the items' full term.
    expect((await search('违建')).hits.map((h) => h.title)).toEqual(['关于依法拆除违法建设的公告']);
    expect((await search('加梯')).hits.map((h) => h.title).sort()).toEqual(['关于城镇老旧小区加装电梯财政补贴的通知', '既有住宅加装电梯办理指南']);
    // A homophone is said to be one.
    expect((await search('公阻房')).didYouMean).toEqual({ q: '公租房', total: 1, kind: 'homophone' });

    // Eight words typed together: offered as the six the search reads (标准 and 改造, the commonest, left out).
    const long = await search('城镇老旧小区改造加装电梯补贴标准');
    expect(long.total).toBe(0);
    expect(long.splitSuggestion?.q.split(' ')).toHaveLength(6);
    expect(long.splitSuggestion).toMatchObject({ q: '城镇 老旧 小区 加装 电梯 补贴', total: 1 });
    expect((await search(long.splitSuggestion!.q)).total).toBe(1);
  });

  it('never shortens a keyword that is itself a word to a part of it (issue 13: 住房公积金 and 住房公基金 offered as 住房)', async () => {
    const deps = buildDeps(db());
    const organ = await createOrgan(deps, { name: '青岚县民政局', shortName: '县民政局' });
    const node = await createNode(deps, organ.id);
    for (const title of ['城镇住房困难家庭认定办法', '住房租赁市场情况通报']) await createPublished(deps, organ.id, [node], { title });
    const search = (q: string) => searchPublications(deps, { q, sort: 'relevance', page: 1, pageSize: 10, filters: { scopeOrganId: null } });
    for (const q of ['住房公积金', '住房公基金']) {
      const r = await search(q);
      expect(r.total, q).toBe(0);
      expect(r.fewerWords, q).toEqual([]);
    }
    // Words typed together that are no one word still get theirs.
    expect((await search('住房困难物业费')).fewerWords.map((f) => f.q)).toEqual(['住房 困难']);
  });

  it('reads an organ’s name glued to the other words (issue 13: 住建局 公示 offered the organ, 住建局公示 did not; here 审计局)', async () => {
    const deps = buildDeps(db());
    // An organ no other test here creates (a name that fits two organs names none).
    const bureau = await createOrgan(deps, { name: '青岚县审计局', shortName: '县审计局' });
    const other = await createOrgan(deps, { name: '青岚县民政局', shortName: '县民政局' });
    await createPublished(deps, bureau.id, [await createNode(deps, bureau.id)], { title: '2026年审计整改结果公示' });
    await createPublished(deps, other.id, [await createNode(deps, other.id)], { title: '低保对象名单公示' });
    const search = (q: string) => searchPublications(deps, { q, sort: 'relevance', page: 1, pageSize: 10, filters: { scopeOrganId: null } });
    const spaced = (await search('审计局 公示')).organNamed;
    expect(spaced).toMatchObject({ organ: bureau.code, q: '公示', total: 1 });
    expect((await search('审计局公示')).organNamed).toEqual(spaced);
  });
});
