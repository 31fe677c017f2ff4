import { expect, it } from 'vitest';
import { describeEachDialect } from '../support/db.ts';
import { buildDeps } from '../support/factories.ts';
import { seedDemoRegion } from '../../src/main/seed-demo.ts';
import { findOrganByCode, listCatalogNodes, pathTo, policyCandidatesFor, publishedCountsByNode, subtreeIds } from '../../src/modules/catalog/index.ts';
import { matterCoverage } from '../../src/modules/catalog/use-cases/matter-coverage.ts';

/**
 * The demo 住建局 shows the standard directories after `npm start` (docs/standard-directories.md "The demo"):
 * the 保障性住房 template imported under 重点领域, every node it added holding published items (no empty
 * column for the website inspection), and exactly three 事项 still without an item.
 */
describeEachDialect('the demo 住建局’s standard directory', (db) => {
  it('has the 保障性住房 template imported with its items naming their 事项, and three 事项 missing', async () => {
    const d = buildDeps(db(), '2026-12-01T02:00:00Z');
    const r = await seedDemoRegion(d);
    const organ = (await findOrganByCode(d.db, 'qlx-zjj'))!;
    const nodes = await listCatalogNodes(d.db, organ.id);
    const area = nodes.find((n) => pathTo(nodes, n.id).map((x) => x.name).join('/') === '重点领域/保障性住房')!;
    expect(area).toMatchObject({ isStandardDirectory: true, standardArea: '保障性住房' });
    const added = nodes.filter((n) => n.parentId === area.id);
    expect(added.map((n) => n.name)).toEqual(['政策文件', '意见征集', '规划计划', '项目建设', '申请与审核', '分配与补贴', '使用与退出管理']);
    const counts = await publishedCountsByNode(d.db, organ.id);
    for (const n of added) expect([n.name, counts.get(n.id) ?? 0]).not.toEqual([n.name, 0]);
    expect(subtreeIds(nodes, area.id)).toHaveLength(8);

    const coverage = await matterCoverage(d.db, organ.id);
    expect(coverage.total).toBe(13);
    expect(coverage.rows.filter((x) => x.items === 0).map((x) => x.matter.key)).toEqual(['bzxzf-fyfa', 'bzxzf-zlbt', 'bzxzf-jdjb']);
    expect(r.itemsNamingMatters).toBe(coverage.rows.reduce((s, x) => s + x.items, 0));
    expect(coverage.rows.find((x) => x.matter.key === 'bzxzf-pzjg')!.items).toBeGreaterThan(0);

    // Found by an outside tester: the 政策解读 picker offered 征求意见公告 and 采纳情况说明, filed with the
    // template's 事项 in its node named 政策文件, which the default rule counts as a policy node.
    const candidates = await policyCandidatesFor(d.db, organ, true, [], 100_000);
    expect(candidates.length).toBeGreaterThan(20);
    expect(candidates.filter((c) => /征求意见|采纳情况/.test(c.title)).map((c) => c.title)).toEqual([]);
    const consultation = nodes.find((n) => n.parentId === area.id && n.name === '意见征集')!;
    expect(counts.get(consultation.id)).toBeGreaterThan(0);
  }, 120_000);
});
