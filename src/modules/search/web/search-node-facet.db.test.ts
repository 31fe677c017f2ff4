import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { buildTestApp } from '../../../../test/support/app.ts';
import { createNode, createOrgan, createPublished } from '../../../../test/support/factories.ts';

describeEachDialect('the 目录栏目 facet', (db) => {
  // An outside tester (a resident on a phone): 公租房 within 县住建局 showed 规划计划 (8) beside 保障性住房 › 规划计划 (8),
  // 公众参与 › 意见征集 (16) beside 保障性住房 › 意见征集 (16), and 申请与审核 without its parent.
  it('names every column by its path from the organ’s top column, and says why counts repeat when an item is in two columns', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps, { name: '青岚县住房和城乡建设局', shortName: '县住建局' });
    const plans = await createNode(deps, organ.id, { name: '规划计划' });
    const fields = await createNode(deps, organ.id, { name: '重点领域' });
    const housing = await createNode(deps, organ.id, { name: '保障性住房', parentId: fields });
    const housingPlans = await createNode(deps, organ.id, { name: '规划计划', parentId: housing });
    const apply = await createNode(deps, organ.id, { name: '申请与审核', parentId: housing });
    const interaction = await createNode(deps, organ.id, { name: '互动交流' });
    const participation = await createNode(deps, organ.id, { name: '公众参与', parentId: interaction });
    const consult = await createNode(deps, organ.id, { name: '意见征集', parentId: participation });
    const housingConsult = await createNode(deps, organ.id, { name: '意见征集', parentId: housing });
    // Placed in two columns each, as an organ's staff do: a plan in 规划计划 and in 保障性住房's 规划计划.
    for (let i = 0; i < 2; i++) await createPublished(deps, organ.id, [plans, housingPlans], { title: `公租房建设计划${i + 1}` });
    for (let i = 0; i < 3; i++) await createPublished(deps, organ.id, [consult, housingConsult], { title: `公租房管理办法征求意见${i + 1}` });
    await createPublished(deps, organ.id, [apply], { title: '公租房申请审核结果' });

    const api = (await app.inject(`/api/v1/search?q=${encodeURIComponent('公租房')}&organ=${organ.code}`)).json();
    const labels = Object.fromEntries(api.facets.node.map((f: { label: string; count: number }) => [f.label, f.count]));
    expect(labels).toEqual({
      '规划计划': 2,
      '重点领域 › 保障性住房 › 规划计划': 2,
      '互动交流 › 公众参与 › 意见征集': 3,
      '重点领域 › 保障性住房 › 意见征集': 3,
      '重点领域 › 保障性住房 › 申请与审核': 1,
    });

    const page = (await app.inject(`/search?q=${encodeURIComponent('公租房')}&organ=${organ.code}`)).body;
    expect(page).toMatch(/node=\d+[^"]*">重点领域\u00a0› 保障性住房\u00a0› 申请与审核<\/a>/);
    // Why 2 and 2, 3 and 3: the five items are counted under every column they are placed in.
    const text = page.replace(/<[^>]+>/g, '');
    expect(text).toContain('其中 5 条同时列在以上两个或更多栏目中，在每个栏目各计一次，所以各栏目的条数相加可多于结果数（6 条）');

    // No item in two listed columns: nothing to explain.
    const single = (await app.inject(`/search?q=${encodeURIComponent('申请审核')}&organ=${organ.code}`)).body;
    expect(single).toContain('申请与审核');
    expect(single).not.toContain('同时列在');
    await app.close();
  });
});
